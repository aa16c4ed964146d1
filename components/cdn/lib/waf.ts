/**
 * The distribution's web ACL as data: AWS managed rule groups (IP reputation, common rule set,
 * known bad inputs) and a per-IP rate limit, with the names, metric names and capacity AWS WAF
 * checks when the ACL is created.
 *
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/limits.html
 */
import type { WafSettings } from "./cdnRules";
import { DEFAULT_ROUTE_PATTERN, type Route, type RouteClass } from "./routes/model";

/** The scope of a web ACL that protects a CloudFront distribution (created in us-east-1). */
export const WAF_SCOPE = "CLOUDFRONT";

/**
 * The AWS managed rule groups the ACL runs, in priority order, with their capacity in web ACL
 * capacity units (`[volatile]`: AWS publishes and occasionally changes them).
 */
export const MANAGED_RULE_GROUPS = [
  // cheap and decisive: known-bad IP addresses first
  { name: "AWSManagedRulesAmazonIpReputationList", capacity: 25 },
  { name: "AWSManagedRulesCommonRuleSet", capacity: 700 },
  { name: "AWSManagedRulesKnownBadInputsRuleSet", capacity: 200 },
] as const;

/** Capacity of a rate-based rule that aggregates on the IP address alone. */
export const RATE_RULE_CAPACITY = 2;

/**
 * Capacity of the statements the route rules use (`[volatile]`): a regex match on the URI path
 * without text transformation 3, a label match 1, a size constraint 1; AND and NOT add nothing of
 * their own.
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-waf-capacity-units.html
 */
export const STATEMENT_CAPACITY = { regex: 3, label: 1, size: 1 } as const;

/** Longest regex a regex match statement takes. */
export const MAX_REGEX_LENGTH = 512;

/** The common rule set's rule that blocks every body over 8 KB; the ACL counts it and applies the per-class limits instead. */
export const BODY_SIZE_RULE = "SizeRestrictions_BODY";

/** The label namespace of the route rules: `blueprint:route:<class>` names the route class a request is on. */
export const ROUTE_LABEL_NAMESPACE = "blueprint:route:";

/** The settings key of each class's body limit. */
export const BODY_LIMIT_KEYS: Readonly<Record<RouteClass, keyof WafSettings["bodySizeLimits"]>> = {
  write: "write",
  "read-any": "readAny",
  "read-your-writes": "readYourWrites",
  cacheable: "cacheable",
  static: "static",
};

/**
 * The regex of a CloudFront path pattern: `*` any characters (slashes included), `?` one, the
 * rest literal, the whole path.
 */
export function pathPatternRegex(pattern: string): string {
  const body = [...pattern].map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
  return `^${body}$`;
}

/**
 * Web ACL capacity units included in the base price; a CloudFront ACL may use up to 5000 (`[volatile]`).
 * Above 1500, every request costs extra.
 */
export const WAF_CAPACITY = { included: 1500, max: 5000 } as const;

/** Names of web ACLs and rules: 1 to 128 letters, digits, `_` and `-`. */
const WAF_NAME = /^[\w-]{1,128}$/;
/** CloudWatch metric names of WAF: 1 to 255 characters, no whitespace; `All` and `Default_Action` are reserved. */
const METRIC_NAME = /^[\w#:.\-/]{1,255}$/;
const RESERVED_METRIC_NAMES = ["All", "Default_Action"];

type Empty = Record<string, never>;

/** A statement the blueprint's rules use, in the shape of `aws.wafv2.WebAcl`'s input. */
export type WafStatement =
  | {
      readonly managedRuleGroupStatement: {
        readonly name: string;
        readonly vendorName: "AWS";
        readonly ruleActionOverrides?: ReadonlyArray<{ readonly name: string; readonly actionToUse: { readonly count: Empty } }>;
      };
    }
  | { readonly rateBasedStatement: { readonly limit: number; readonly aggregateKeyType: "IP"; readonly evaluationWindowSec: number } }
  | {
      readonly regexMatchStatement: {
        readonly regexString: string;
        readonly fieldToMatch: { readonly uriPath: Empty };
        readonly textTransformations: ReadonlyArray<{ readonly priority: number; readonly type: "NONE" }>;
      };
    }
  | { readonly labelMatchStatement: { readonly scope: "LABEL" | "NAMESPACE"; readonly key: string } }
  | {
      readonly sizeConstraintStatement: {
        readonly comparisonOperator: "GT";
        readonly size: number;
        readonly fieldToMatch: { readonly body: { readonly oversizeHandling: "MATCH" } };
        readonly textTransformations: ReadonlyArray<{ readonly priority: number; readonly type: "NONE" }>;
      };
    }
  | { readonly andStatement: { readonly statements: readonly WafStatement[] } }
  | { readonly notStatement: { readonly statements: readonly WafStatement[] } };

/** One rule of the ACL, in the shape of `aws.wafv2.WebAcl`'s `rules` input. */
export interface WafRuleSpec {
  readonly name: string;
  readonly priority: number;
  /** For rule groups: `none` applies the group's own actions, `count` only counts. */
  readonly overrideAction?: { readonly none: Empty } | { readonly count: Empty };
  /** For the other rules. */
  readonly action?: { readonly block: Empty } | { readonly count: Empty };
  /** Labels a matching request gets. */
  readonly ruleLabels?: ReadonlyArray<{ readonly name: string }>;
  readonly statement: WafStatement;
  readonly visibilityConfig: { readonly cloudwatchMetricsEnabled: true; readonly metricName: string; readonly sampledRequestsEnabled: true };
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true as const, metricName, sampledRequestsEnabled: true as const });

const NO_TRANSFORMATION = [{ priority: 0, type: "NONE" as const }];

/**
 * The rules of the ACL named `aclName`, in priority order: IP reputation; the route rules, which
 * label each request with the class of the route CloudFront matches (the first pattern in route
 * order, else the default route; a labelled request is skipped by the later ones); the common
 * rule set with its fixed 8 KB body rule counted; a body-size rule per class that has a limit;
 * known bad inputs; and the per-IP rate limit last, so that it only counts requests the others
 * let through. Without routes (or limits) the route and body rules are left out.
 */
export function wafRules(
  aclName: string,
  settings: Pick<WafSettings, "rateLimit" | "rateLimitWindowSeconds" | "action" | "bodySizeLimits">,
  routes: readonly Route[] = [],
): WafRuleSpec[] {
  const counting = settings.action === "count";
  const block = counting ? { count: {} } : { block: {} };
  const rules: Omit<WafRuleSpec, "priority">[] = [];
  const group = (name: string, overrides?: string[]): Omit<WafRuleSpec, "priority"> => ({
    name,
    overrideAction: counting ? { count: {} } : { none: {} },
    statement: {
      managedRuleGroupStatement: {
        name,
        vendorName: "AWS",
        ...(overrides ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: visibility(`${aclName}-${name}`),
  });
  const [reputation, common, badInputs] = MANAGED_RULE_GROUPS;
  rules.push(group(reputation.name));

  const limited = routes.length > 0 ? classesWithLimits(settings.bodySizeLimits, routes) : [];
  if (limited.length > 0) {
    const labelled = (routeClass: RouteClass) => [{ name: `${ROUTE_LABEL_NAMESPACE}${routeClass}` }];
    const unlabelled = { notStatement: { statements: [{ labelMatchStatement: { scope: "NAMESPACE" as const, key: ROUTE_LABEL_NAMESPACE } }] } };
    routes.forEach((route, index) => {
      if (route.pathPattern === DEFAULT_ROUTE_PATTERN) return;
      const path = {
        regexMatchStatement: { regexString: pathPatternRegex(route.pathPattern), fieldToMatch: { uriPath: {} }, textTransformations: NO_TRANSFORMATION },
      };
      rules.push({
        name: `route-${index}-${route.class}`,
        action: { count: {} },
        ruleLabels: labelled(route.class),
        statement: { andStatement: { statements: [path, unlabelled] } },
        visibilityConfig: visibility(`${aclName}-route-${index}`),
      });
    });
    const fallback = routes.find((route) => route.pathPattern === DEFAULT_ROUTE_PATTERN);
    if (fallback) {
      rules.push({
        name: `route-default-${fallback.class}`,
        action: { count: {} },
        ruleLabels: labelled(fallback.class),
        statement: unlabelled,
        visibilityConfig: visibility(`${aclName}-route-default`),
      });
    }
  }
  rules.push(group(common.name, routes.length > 0 ? [BODY_SIZE_RULE] : undefined));
  for (const { routeClass, limit } of limited) {
    rules.push({
      name: `body-size-${routeClass}`,
      action: block,
      statement: {
        andStatement: {
          statements: [
            { labelMatchStatement: { scope: "LABEL", key: `${ROUTE_LABEL_NAMESPACE}${routeClass}` } },
            // a body beyond what WAF inspects is larger than any limit it can take
            {
              sizeConstraintStatement: {
                comparisonOperator: "GT",
                size: limit,
                fieldToMatch: { body: { oversizeHandling: "MATCH" } },
                textTransformations: NO_TRANSFORMATION,
              },
            },
          ],
        },
      },
      visibilityConfig: visibility(`${aclName}-body-size-${routeClass}`),
    });
  }
  rules.push(group(badInputs.name));
  rules.push({
    name: "rate-limit-per-ip",
    action: block,
    statement: { rateBasedStatement: { limit: settings.rateLimit, aggregateKeyType: "IP", evaluationWindowSec: settings.rateLimitWindowSeconds } },
    visibilityConfig: visibility(`${aclName}-rate-limit-per-ip`),
  });
  return rules.map((rule, priority) => ({ ...rule, priority }));
}

/** The route classes of `routes` that have a body limit, with it. */
function classesWithLimits(limits: WafSettings["bodySizeLimits"], routes: readonly Route[]): Array<{ routeClass: RouteClass; limit: number }> {
  const classes = [...new Set(routes.map((route) => route.class))];
  return classes.flatMap((routeClass) => {
    const limit = limits[BODY_LIMIT_KEYS[routeClass]];
    return limit === undefined ? [] : [{ routeClass, limit }];
  });
}

/** The capacity of one statement. */
function statementCapacity(statement: WafStatement): number {
  if ("regexMatchStatement" in statement) return STATEMENT_CAPACITY.regex;
  if ("labelMatchStatement" in statement) return STATEMENT_CAPACITY.label;
  if ("sizeConstraintStatement" in statement) return STATEMENT_CAPACITY.size;
  if ("andStatement" in statement) return statement.andStatement.statements.reduce((sum, inner) => sum + statementCapacity(inner), 0);
  if ("notStatement" in statement) return statement.notStatement.statements.reduce((sum, inner) => sum + statementCapacity(inner), 0);
  if ("rateBasedStatement" in statement) return RATE_RULE_CAPACITY;
  const name = statement.managedRuleGroupStatement.name;
  return MANAGED_RULE_GROUPS.find((group) => group.name === name)?.capacity ?? 0;
}

/** The capacity the rules use, in web ACL capacity units. */
export function wafCapacity(rules: readonly WafRuleSpec[]): number {
  return rules.reduce((sum, rule) => sum + statementCapacity(rule.statement), 0);
}

/** The regexes of the rules, for their length limit. */
function regexes(statement: WafStatement): string[] {
  if ("regexMatchStatement" in statement) return [statement.regexMatchStatement.regexString];
  if ("andStatement" in statement) return statement.andStatement.statements.flatMap(regexes);
  if ("notStatement" in statement) return statement.notStatement.statements.flatMap(regexes);
  return [];
}

/** Problems of the ACL's name, its rules' names, metric names, priorities and capacity. */
export function wafProblems(aclName: string, rules: readonly WafRuleSpec[]): string[] {
  const problems: string[] = [];
  if (!WAF_NAME.test(aclName)) problems.push(`the web ACL name ${JSON.stringify(aclName)} must be 1 to 128 letters, digits, _ or -`);
  const metrics = [aclName, ...rules.map((rule) => rule.visibilityConfig.metricName)];
  for (const metric of metrics) {
    if (!METRIC_NAME.test(metric) || RESERVED_METRIC_NAMES.includes(metric)) {
      problems.push(`the WAF metric name ${JSON.stringify(metric)} must be 1 to 255 characters without spaces, and not All or Default_Action`);
    }
  }
  for (const rule of rules) {
    if (!WAF_NAME.test(rule.name)) problems.push(`the WAF rule name ${JSON.stringify(rule.name)} must be 1 to 128 letters, digits, _ or -`);
  }
  const priorities = rules.map((rule) => rule.priority);
  if (new Set(priorities).size !== priorities.length) problems.push("WAF rule priorities must be unique");
  const names = rules.map((rule) => rule.name);
  if (new Set(names).size !== names.length) problems.push("WAF rule names must be unique");
  for (const regex of rules.flatMap((rule) => regexes(rule.statement))) {
    if (regex.length > MAX_REGEX_LENGTH)
      problems.push(`the WAF regex ${regex.slice(0, 40)}… is ${regex.length} characters; WAF allows ${MAX_REGEX_LENGTH} (shorten the route's path pattern)`);
  }
  const capacity = wafCapacity(rules);
  if (capacity > WAF_CAPACITY.max) problems.push(`the web ACL needs ${capacity} capacity units; a CloudFront web ACL allows ${WAF_CAPACITY.max}`);
  return problems;
}

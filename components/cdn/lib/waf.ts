/**
 * The distribution's web ACL as data: AWS managed rule groups (IP reputation, common rule set,
 * known bad inputs) and a per-IP rate limit, with the names, metric names and capacity AWS WAF
 * checks when the ACL is created.
 *
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/limits.html
 */
import type { WafSettings } from "./cdnRules";

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
 * Web ACL capacity units included in the base price; a CloudFront ACL may use up to 5000 (`[volatile]`).
 * Above 1500, every request costs extra.
 */
export const WAF_CAPACITY = { included: 1500, max: 5000 } as const;

/** Names of web ACLs and rules: 1 to 128 letters, digits, `_` and `-`. */
const WAF_NAME = /^[\w-]{1,128}$/;
/** CloudWatch metric names of WAF: 1 to 255 characters, no whitespace; `All` and `Default_Action` are reserved. */
const METRIC_NAME = /^[\w#:.\-/]{1,255}$/;
const RESERVED_METRIC_NAMES = ["All", "Default_Action"];

/** One rule of the ACL, in the shape of `aws.wafv2.WebAcl`'s `rules` input. */
export interface WafRuleSpec {
  readonly name: string;
  readonly priority: number;
  /** For rule groups: `none` applies the group's own actions, `count` only counts. */
  readonly overrideAction?: { readonly none: Record<string, never> } | { readonly count: Record<string, never> };
  /** For the rate rule. */
  readonly action?: { readonly block: Record<string, never> } | { readonly count: Record<string, never> };
  readonly statement:
    | { readonly managedRuleGroupStatement: { readonly name: string; readonly vendorName: "AWS" } }
    | { readonly rateBasedStatement: { readonly limit: number; readonly aggregateKeyType: "IP"; readonly evaluationWindowSec: number } };
  readonly visibilityConfig: { readonly cloudwatchMetricsEnabled: true; readonly metricName: string; readonly sampledRequestsEnabled: true };
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true as const, metricName, sampledRequestsEnabled: true as const });

/** The rules of the ACL named `aclName`, the rate limit last so that it only counts requests the groups let through. */
export function wafRules(aclName: string, settings: Pick<WafSettings, "rateLimit" | "rateLimitWindowSeconds" | "action">): WafRuleSpec[] {
  const counting = settings.action === "count";
  const rules: WafRuleSpec[] = MANAGED_RULE_GROUPS.map((group, priority) => ({
    name: group.name,
    priority,
    overrideAction: counting ? { count: {} } : { none: {} },
    statement: { managedRuleGroupStatement: { name: group.name, vendorName: "AWS" } },
    visibilityConfig: visibility(`${aclName}-${group.name}`),
  }));
  rules.push({
    name: "rate-limit-per-ip",
    priority: MANAGED_RULE_GROUPS.length,
    action: counting ? { count: {} } : { block: {} },
    statement: { rateBasedStatement: { limit: settings.rateLimit, aggregateKeyType: "IP", evaluationWindowSec: settings.rateLimitWindowSeconds } },
    visibilityConfig: visibility(`${aclName}-rate-limit-per-ip`),
  });
  return rules;
}

/** The capacity the rules use, in web ACL capacity units. */
export function wafCapacity(rules: readonly WafRuleSpec[]): number {
  return rules.reduce((sum, rule) => {
    if ("rateBasedStatement" in rule.statement) return sum + RATE_RULE_CAPACITY;
    const name = rule.statement.managedRuleGroupStatement.name;
    return sum + (MANAGED_RULE_GROUPS.find((group) => group.name === name)?.capacity ?? 0);
  }, 0);
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
  const capacity = wafCapacity(rules);
  if (capacity > WAF_CAPACITY.max) problems.push(`the web ACL needs ${capacity} capacity units; a CloudFront web ACL allows ${WAF_CAPACITY.max}`);
  return problems;
}

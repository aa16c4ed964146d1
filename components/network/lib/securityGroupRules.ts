/**
 * The tier security groups and the rules between them, as data.
 *
 * Traffic flows internet (or, behind CloudFront, only CloudFront) → alb → app → data and
 * worker → data; nothing else is allowed in. The component maps each entry to one
 * `aws.vpc.SecurityGroupIngressRule` or `EgressRule`, never to inline rules, so that adding a rule
 * never rewrites the others.
 */

/** The security groups every region has. */
export type SecurityTier = "alb" | "app" | "worker" | "data";

/** Every tier, in creation order. */
export const SECURITY_TIERS: readonly SecurityTier[] = ["alb", "app", "worker", "data"];

/** What each tier's group is for; the text becomes the group's description (AWS allows ASCII only). */
export const TIER_DESCRIPTIONS: Readonly<Record<SecurityTier, string>> = {
  alb: "Application load balancer: HTTPS and HTTP from the internet, out to the web tier only",
  app: "Web tier instances: in from the load balancer only",
  worker: "Worker tier instances: no inbound traffic",
  data: "Database and cache: in from the web and worker tiers only",
};

/**
 * The alb group's description behind CloudFront. A description cannot change in place, so
 * switching `albIngress` replaces the group (and the rules that reference it).
 */
export const ALB_BEHIND_CLOUDFRONT_DESCRIPTION = "Application load balancer: from CloudFront origin-facing servers only, out to the web tier only";

/** Description of the optional group that admits Route 53 health checkers to the load balancer. */
export const ALB_HEALTH_CHECKS_DESCRIPTION = "Application load balancer: Route 53 health checkers only";

/** Where the load balancer accepts connections from. */
export const ALB_INGRESS_MODES = ["internet", "cloudfront"] as const;
/**
 * One of `ALB_INGRESS_MODES`: `internet` opens 443 and 80 to everyone; `cloudfront` admits only
 * CloudFront's origin-facing servers, on the one port the origin protocol uses.
 */
export type AlbIngress = (typeof ALB_INGRESS_MODES)[number];

/** Ports CloudFront may reach the load balancer on: 443 (HTTPS origin) or 80 (HTTP origin, no domain). */
export const ALB_ORIGIN_PORTS = [443, 80] as const;
/** One of `ALB_ORIGIN_PORTS`. */
export type AlbOriginPort = (typeof ALB_ORIGIN_PORTS)[number];

/** How the alb group admits traffic. */
export interface AlbIngressOptions {
  readonly mode: AlbIngress;
  /** With `cloudfront`: the one port CloudFront connects on. */
  readonly originPort: AlbOriginPort;
  /**
   * With `cloudfront`: a second group admitting Route 53 health checkers on `originPort`, for the
   * DNS health checks (their prefix list cannot join the alb group: see `ruleQuotaProblems`).
   */
  readonly healthCheckIngress: boolean;
}

/** The default: the load balancer is reached from the internet. */
export const INTERNET_INGRESS: AlbIngressOptions = { mode: "internet", originPort: 443, healthCheckIngress: false };

/** AWS-managed prefix lists the rules reference. */
export type ManagedPrefixList = "cloudfront-origin-facing" | "route53-healthchecks";

/** The AWS name of a managed prefix list in a region. */
export function managedPrefixListName(list: ManagedPrefixList, region: string): string {
  switch (list) {
    case "cloudfront-origin-facing":
      return "com.amazonaws.global.cloudfront.origin-facing";
    case "route53-healthchecks":
      return `com.amazonaws.${region}.route53-healthchecks`;
    default:
      throw new Error(`Unknown prefix list '${String(list)}'`);
  }
}

/**
 * How many rules a reference to each list counts as against a group's rule quota: its maximum
 * number of entries (`[volatile]`: AWS sets and may change these weights).
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html
 */
export const MANAGED_PREFIX_LIST_WEIGHTS: Readonly<Record<ManagedPrefixList, number>> = {
  "cloudfront-origin-facing": 55,
  "route53-healthchecks": 25,
};

/**
 * Inbound (and, separately, outbound) rules per security group: the default quota (`[volatile]`,
 * adjustable per account and region). A rule referencing a prefix list counts as its weight.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
 */
export const MAX_RULES_PER_SECURITY_GROUP = 60;

/** The groups rules belong to: the tiers, and the load balancer's optional health-check group. */
export type SecurityGroupKey = SecurityTier | "albHealthChecks";

/** TCP ports the rules open. */
export interface TierPorts {
  /** Port the web tier listens on behind the ALB. @default 8080 */
  readonly app: number;
  /** Database port (5432 for PostgreSQL, 3306 for MySQL). @default 5432 */
  readonly database: number;
  /** Cache port (Valkey / Redis OSS). @default 6379 */
  readonly cache: number;
}

/** Default ports. */
export const DEFAULT_TIER_PORTS: TierPorts = { app: 8080, database: 5432, cache: 6379 };

/** The peer of a rule: another tier's group, an IPv4 range, or an AWS-managed prefix list. */
export type RulePeer = { readonly tier: SecurityTier } | { readonly cidrIpv4: string } | { readonly prefixList: ManagedPrefixList };

/** One rule of one group. */
export interface TierRule {
  /** Suffix of the rule's resource name; unique per region, stable across changes. */
  readonly key: string;
  /** The group the rule belongs to. */
  readonly tier: SecurityGroupKey;
  readonly direction: "ingress" | "egress";
  readonly port: number;
  readonly peer: RulePeer;
  /** Rule description (ASCII, at most 255 characters). */
  readonly description: string;
}

const ANYWHERE = "0.0.0.0/0";

/** The load balancer's ingress rules for the mode. */
function albIngressRules(ingress: AlbIngressOptions): TierRule[] {
  switch (ingress.mode) {
    case "internet":
      return [
        { key: "alb-in-https", tier: "alb", direction: "ingress", port: 443, peer: { cidrIpv4: ANYWHERE }, description: "HTTPS from the internet" },
        // HTTP only so that the listener can redirect to HTTPS
        {
          key: "alb-in-http",
          tier: "alb",
          direction: "ingress",
          port: 80,
          peer: { cidrIpv4: ANYWHERE },
          description: "HTTP from the internet, redirected to HTTPS",
        },
      ];
    case "cloudfront": {
      const protocol = ingress.originPort === 443 ? "HTTPS" : "HTTP";
      // One port only: the prefix list weighs 55 rules, so a second reference would exceed the
      // group's default quota of 60.
      const rules: TierRule[] = [
        {
          key: "alb-in-cloudfront",
          tier: "alb",
          direction: "ingress",
          port: ingress.originPort,
          peer: { prefixList: "cloudfront-origin-facing" },
          description: `${protocol} from CloudFront origin-facing servers`,
        },
      ];
      if (ingress.healthCheckIngress) {
        rules.push({
          key: "alb-health-checks-in",
          tier: "albHealthChecks",
          direction: "ingress",
          port: ingress.originPort,
          peer: { prefixList: "route53-healthchecks" },
          description: `${protocol} from Route 53 health checkers`,
        });
      }
      return rules;
    }
    default:
      throw new Error(`Unknown albIngress '${String(ingress.mode)}'`);
  }
}

/** The rule set for the given ports and load balancer ingress. */
export function tierRules(ports: TierPorts = DEFAULT_TIER_PORTS, ingress: AlbIngressOptions = INTERNET_INGRESS): TierRule[] {
  const rules: TierRule[] = [
    ...albIngressRules(ingress),
    { key: "alb-out-app", tier: "alb", direction: "egress", port: ports.app, peer: { tier: "app" }, description: "To the web tier and its health checks" },
    { key: "app-in-alb", tier: "app", direction: "ingress", port: ports.app, peer: { tier: "alb" }, description: "From the load balancer" },
  ];
  for (const tier of ["app", "worker"] as const) {
    rules.push(
      // AWS APIs (SSM, SQS, Secrets Manager) and OS package mirrors are reached over HTTPS via NAT
      { key: `${tier}-out-https`, tier, direction: "egress", port: 443, peer: { cidrIpv4: ANYWHERE }, description: "HTTPS to AWS APIs and package mirrors" },
      { key: `${tier}-out-database`, tier, direction: "egress", port: ports.database, peer: { tier: "data" }, description: "To the database" },
      { key: `${tier}-out-cache`, tier, direction: "egress", port: ports.cache, peer: { tier: "data" }, description: "To the cache" },
      {
        key: `data-in-${tier}-database`,
        tier: "data",
        direction: "ingress",
        port: ports.database,
        peer: { tier },
        description: `Database from the ${tier} tier`,
      },
      { key: `data-in-${tier}-cache`, tier: "data", direction: "ingress", port: ports.cache, peer: { tier }, description: `Cache from the ${tier} tier` },
    );
  }
  return rules;
}

/** Why the ports cannot be used, one message per problem. */
export function tierPortProblems(ports: TierPorts): string[] {
  const problems: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`ports.${name} must be a TCP port 1-65535, got ${port}`);
  }
  if (ports.database === ports.cache) {
    problems.push(`ports.database and ports.cache must differ, both are ${ports.database}`);
  }
  if (ports.app === 443 || ports.app === 80) {
    problems.push(`ports.app must not be ${ports.app}: the load balancer owns 80 and 443; use a port such as 8080`);
  }
  return problems;
}

/** How many rules one rule counts as against its group's quota. */
export function ruleWeight(rule: TierRule): number {
  return "prefixList" in rule.peer ? MANAGED_PREFIX_LIST_WEIGHTS[rule.peer.prefixList] : 1;
}

/**
 * Why the rules would exceed a group's rule quota, one message per group and direction. A
 * prefix-list reference counts as the list's weight, so CloudFront's list (55) fits at most once
 * in a group, next to at most five other rules, and never next to Route 53's list (25).
 */
export function ruleQuotaProblems(rules: readonly TierRule[], maxRules: number = MAX_RULES_PER_SECURITY_GROUP): string[] {
  const totals = new Map<string, { group: SecurityGroupKey; direction: string; weight: number; lists: string[] }>();
  for (const rule of rules) {
    const id = `${rule.tier}/${rule.direction}`;
    const total = totals.get(id) ?? { group: rule.tier, direction: rule.direction, weight: 0, lists: [] };
    total.weight += ruleWeight(rule);
    if ("prefixList" in rule.peer) total.lists.push(`${rule.peer.prefixList} (${MANAGED_PREFIX_LIST_WEIGHTS[rule.peer.prefixList]})`);
    totals.set(id, total);
  }
  const problems: string[] = [];
  for (const total of totals.values()) {
    if (total.weight > maxRules) {
      problems.push(
        `the ${total.group} group's ${total.direction} rules count as ${total.weight} rules, above the ${maxRules} AWS allows per group; prefix lists count as their weight: ${total.lists.join(", ") || "none"}`,
      );
    }
  }
  return problems;
}

/** Why the load balancer ingress options are invalid, one message per problem. */
export function albIngressProblems(ingress: AlbIngressOptions): string[] {
  const problems: string[] = [];
  if (!(ALB_INGRESS_MODES as readonly string[]).includes(ingress.mode)) {
    problems.push(`albIngress must be one of ${ALB_INGRESS_MODES.join(", ")}, got ${JSON.stringify(ingress.mode)}`);
  }
  if (!(ALB_ORIGIN_PORTS as readonly number[]).includes(ingress.originPort)) {
    problems.push(`albOriginPort must be 443 (HTTPS origin) or 80 (HTTP origin), got ${ingress.originPort}`);
  }
  if (ingress.mode === "internet" && ingress.healthCheckIngress) {
    problems.push("albHealthCheckIngress only applies with albIngress cloudfront: from the internet, health checkers already get in");
  }
  return problems;
}

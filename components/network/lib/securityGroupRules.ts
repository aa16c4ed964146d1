/**
 * The tier security groups and the rules between them, as data.
 *
 * Traffic flows internet → alb → app → data and worker → data; nothing else is allowed in. The
 * component maps each entry to one `aws.vpc.SecurityGroupIngressRule` or `EgressRule`, never to
 * inline rules, so that adding a rule never rewrites the others.
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

/** The peer of a rule: another tier's group, or an IPv4 range. */
export type RulePeer = { readonly tier: SecurityTier } | { readonly cidrIpv4: string };

/** One rule of one tier's group. */
export interface TierRule {
  /** Suffix of the rule's resource name; unique per region, stable across changes. */
  readonly key: string;
  readonly tier: SecurityTier;
  readonly direction: "ingress" | "egress";
  readonly port: number;
  readonly peer: RulePeer;
  /** Rule description (ASCII, at most 255 characters). */
  readonly description: string;
}

const ANYWHERE = "0.0.0.0/0";

/** The rule set for the given ports. */
export function tierRules(ports: TierPorts = DEFAULT_TIER_PORTS): TierRule[] {
  const rules: TierRule[] = [
    { key: "alb-in-https", tier: "alb", direction: "ingress", port: 443, peer: { cidrIpv4: ANYWHERE }, description: "HTTPS from the internet" },
    // HTTP only so that the listener can redirect to HTTPS
    { key: "alb-in-http", tier: "alb", direction: "ingress", port: 80, peer: { cidrIpv4: ANYWHERE }, description: "HTTP from the internet, redirected to HTTPS" },
    { key: "alb-out-app", tier: "alb", direction: "egress", port: ports.app, peer: { tier: "app" }, description: "To the web tier and its health checks" },
    { key: "app-in-alb", tier: "app", direction: "ingress", port: ports.app, peer: { tier: "alb" }, description: "From the load balancer" },
  ];
  for (const tier of ["app", "worker"] as const) {
    rules.push(
      // AWS APIs (SSM, SQS, Secrets Manager) and OS package mirrors are reached over HTTPS via NAT
      { key: `${tier}-out-https`, tier, direction: "egress", port: 443, peer: { cidrIpv4: ANYWHERE }, description: "HTTPS to AWS APIs and package mirrors" },
      { key: `${tier}-out-database`, tier, direction: "egress", port: ports.database, peer: { tier: "data" }, description: "To the database" },
      { key: `${tier}-out-cache`, tier, direction: "egress", port: ports.cache, peer: { tier: "data" }, description: "To the cache" },
      { key: `data-in-${tier}-database`, tier: "data", direction: "ingress", port: ports.database, peer: { tier }, description: `Database from the ${tier} tier` },
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

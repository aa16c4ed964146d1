/**
 * The load balancer's rules as data: TLS policies, desync modes, health-check limits and the
 * listener layout, checked offline against the limits the ELB API enforces at deploy time.
 */

import { rangeProblem, type FieldProblem } from "../../lib/ranges";
import type { HealthCheckSettings } from "../settings";
import { HEALTH_CHECK_INTERVAL_SECONDS, HEALTH_CHECK_THRESHOLD, HEALTH_CHECK_TIMEOUT_SECONDS, MAX_HEALTH_CHECK_PATH_LENGTH, type TlsPolicy } from "./limits";

/**
 * The policies that still offer TLS 1.2. CloudFront connects to a custom origin with at most
 * TLS 1.2 (its origin protocols end at `TLSv1.2`, its origin ciphers are TLS 1.2 ones) and Route
 * 53's HTTPS health checks need TLS 1.0 to 1.2, so a TLS 1.3-only listener fails both handshakes:
 * every CloudFront request gets a 502 and every region looks unhealthy.
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginSslProtocols.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html
 * @see https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html
 */
export const TLS12_POLICIES: readonly TlsPolicy[] = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
];

/** Clients of the HTTPS listener that cannot speak TLS 1.3. */
export type Tls12Client = "CloudFront" | "Route 53 health checks";

/** Why the TLS policy shuts out the listener's TLS 1.2 clients, or undefined. */
export function tlsPolicyProblem(policy: string, clients: readonly Tls12Client[]): string | undefined {
  if (clients.length === 0 || TLS12_POLICIES.includes(policy as TlsPolicy)) return undefined;
  return `${policy} offers only TLS 1.3, but ${clients.join(" and ")} ${clients.length === 1 ? "connects" : "connect"} with at most TLS 1.2; use one of ${TLS12_POLICIES.join(", ")}`;
}

const MATCHER_CODE = /^\d{3}$/;

/** Why a matcher is invalid for an ALB target group (codes 200 to 499), or undefined. */
export function matcherProblem(matcher: string): string | undefined {
  const parts = matcher.split(",");
  for (const part of parts) {
    const range = part.split("-");
    if (range.length > 2 || !range.every((code) => MATCHER_CODE.test(code))) {
      return 'must be HTTP codes such as "200", "200,204" or "200-299"';
    }
    const codes = range.map(Number);
    if (codes.some((code) => code < 200 || code > 499)) return "may only use codes from 200 to 499 (the ALB API rejects others)";
    if (codes.length === 2 && codes[0] >= codes[1]) return `has a range whose start is not below its end (${part})`;
  }
  return undefined;
}

/** Every problem of a health check, against the ELB API's limits. */
export function healthCheckProblems(check: HealthCheckSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!check.path.startsWith("/")) problems.push({ field: "path", message: "must start with /" });
  if (check.path.length > MAX_HEALTH_CHECK_PATH_LENGTH) problems.push({ field: "path", message: `must be at most ${MAX_HEALTH_CHECK_PATH_LENGTH} characters` });
  if (/\s/.test(check.path)) problems.push({ field: "path", message: "must not contain whitespace" });
  const matcher = matcherProblem(check.matcher);
  if (matcher) problems.push({ field: "matcher", message: matcher });
  const ranges = [
    rangeProblem("intervalSeconds", check.intervalSeconds, HEALTH_CHECK_INTERVAL_SECONDS, "seconds"),
    rangeProblem("timeoutSeconds", check.timeoutSeconds, HEALTH_CHECK_TIMEOUT_SECONDS, "seconds"),
    rangeProblem("healthyThreshold", check.healthyThreshold, HEALTH_CHECK_THRESHOLD),
    rangeProblem("unhealthyThreshold", check.unhealthyThreshold, HEALTH_CHECK_THRESHOLD),
  ];
  problems.push(...ranges.filter((problem): problem is FieldProblem => problem !== undefined));
  if (check.timeoutSeconds >= check.intervalSeconds) {
    problems.push({
      field: "timeoutSeconds",
      message: `must be less than intervalSeconds (${check.intervalSeconds}); AWS rejects a health-check timeout that is not below its interval`,
    });
  }
  return problems;
}

/**
 * An ALB path-pattern condition's limits (`[volatile]`): each value at most 128 characters, at most
 * three values per condition, and five across all of a rule's conditions.
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html
 */
export const PATH_CONDITION_LIMITS = { maxLength: 128, valuesPerCondition: 3, valuesPerRule: 5 } as const;

/** Methods Route 53's health checkers may use on the unverified health paths (the rule's second condition). */
export const HEALTH_CHECKER_METHODS = ["GET", "HEAD"] as const;

/**
 * The path-pattern value that matches requests for a health-check path: the path without its
 * query string. An ALB compares path patterns with the path only, and reads `?` as a one-character
 * wildcard, so `/health?deep=1` as a pattern would never match the checkers' `/health?deep=1`.
 */
export function healthPathPattern(path: string): string {
  const query = path.indexOf("?");
  return query === -1 ? path : path.slice(0, query);
}

/** A problem of the unverified health paths; `pattern` is the path pattern it concerns, if one. */
export interface HealthPathProblem {
  readonly pattern?: string;
  /** A predicate, e.g. `must start with /`. */
  readonly message: string;
}

/**
 * Why the unverified health paths cannot become the health checkers' listener rule (a
 * path-pattern condition next to the GET/HEAD method condition), one entry per problem.
 */
export function unverifiedHealthPathProblems(paths: readonly string[]): HealthPathProblem[] {
  const problems: HealthPathProblem[] = [];
  const patterns = [...new Set(paths.map(healthPathPattern))];
  const limit = Math.min(PATH_CONDITION_LIMITS.valuesPerCondition, PATH_CONDITION_LIMITS.valuesPerRule - HEALTH_CHECKER_METHODS.length);
  if (patterns.length > limit) {
    problems.push({
      message: `must list at most ${limit} paths, got ${patterns.length}: an ALB rule condition takes ${PATH_CONDITION_LIMITS.valuesPerCondition} values and a rule ${PATH_CONDITION_LIMITS.valuesPerRule}, ${HEALTH_CHECKER_METHODS.length} of them the methods`,
    });
  }
  for (const pattern of patterns) {
    if (!pattern.startsWith("/")) problems.push({ pattern, message: "must start with /" });
    if (pattern.length > PATH_CONDITION_LIMITS.maxLength) {
      problems.push({
        pattern,
        message: `is ${pattern.length} characters without its query string; the load balancers' health-checker rule matches it as an ALB path pattern, which allows at most ${PATH_CONDITION_LIMITS.maxLength}`,
      });
    }
    if (pattern.includes("*")) {
      problems.push({
        pattern,
        message:
          "must not contain *: the load balancers' health-checker rule matches it as an ALB path pattern, where * is a wildcard that would admit other paths without CloudFront's header",
      });
    }
  }
  return problems;
}

/** Name of the header CloudFront adds so the load balancer can tell its requests apart. */
export const ORIGIN_VERIFY_HEADER = "X-Origin-Verify";

/**
 * What the HTTPS (or, without a domain, HTTP) listener does:
 * - `forward`: every request goes to the web tier;
 * - `origin-only`: only requests carrying the secret origin header are forwarded (a listener
 *   rule); everything else gets a fixed 403, so the load balancer cannot be used to bypass
 *   CloudFront and its web ACL.
 */
export type ListenerMode = "forward" | "origin-only";

/** The listeners a load balancer gets. */
export interface ListenerLayout {
  /** Port 443 with the regional certificate, when the stack has one. */
  readonly https: boolean;
  /** What port 80 does: redirect to HTTPS, or serve (only without a certificate, the dev exception). */
  readonly http: "redirect" | "serve";
}

/** HTTPS with a certificate and an HTTP redirect; HTTP only without a certificate. */
export function listenerLayout(hasCertificate: boolean): ListenerLayout {
  return hasCertificate ? { https: true, http: "redirect" } : { https: false, http: "serve" };
}

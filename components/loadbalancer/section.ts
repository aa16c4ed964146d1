/**
 * `blueprint:loadBalancer`: its settings and the ELB limits they must satisfy, including the TLS
 * policy that CloudFront and Route 53's health checkers (TLS 1.2 at most) must be able to use.
 */
import { rangeProblem, type FieldProblem } from "../lib/ranges";
import { isRecord } from "../lib/guards";
import { section, type Problem } from "../lib/settings";
import { ACCESS_LOG_RETENTION_DAYS, DEREGISTRATION_DELAY_SECONDS, IDLE_TIMEOUT_SECONDS } from "./lib/limits";
import { tlsPolicyProblem, type Tls12Client } from "./lib/listenerRules";
import { loadBalancerKeys } from "./settings";

/** The `loadBalancer` section of a stack file. */
export const loadBalancerSection = section("loadBalancer", {
  description: "The internet-facing application load balancer of every region.",
  keys: loadBalancerKeys,
  showValues: true,
  check: (lb, scope) => {
    const ranges = [
      rangeProblem("idleTimeoutSeconds", lb.idleTimeoutSeconds, IDLE_TIMEOUT_SECONDS, "seconds"),
      rangeProblem("accessLogRetentionDays", lb.accessLogRetentionDays, ACCESS_LOG_RETENTION_DAYS, "days"),
      rangeProblem("deregistrationDelaySeconds", lb.deregistrationDelaySeconds, DEREGISTRATION_DELAY_SECONDS, "seconds"),
    ].filter((problem): problem is FieldProblem => problem !== undefined);
    // only what the stack file wrote: the defaults are valid by construction
    const problems: Problem[] = ranges.filter((problem) => scope.written(problem.field));
    // With a domain the HTTPS listener's clients are CloudFront (and Route 53's checkers with a
    // zone), which speak at most TLS 1.2: a TLS 1.3-only policy would fail every request.
    const domain = scope.stack.domain;
    const clients: Tls12Client[] = isRecord(domain) ? ["CloudFront", ...(domain.hostedZoneId !== undefined ? (["Route 53 health checks"] as const) : [])] : [];
    const tls = tlsPolicyProblem(lb.sslPolicy, clients);
    if (tls) problems.push({ field: "sslPolicy", message: tls });
    return problems;
  },
});

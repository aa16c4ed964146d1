/**
 * Argument checks of the LoadBalancer component, so that a caller outside the stack config (a
 * test, another program) gets the same offline errors as a stack file.
 */
import { rangeProblem } from "../../lib/ranges";
import type { HealthCheckSettings } from "../settings";
import { ACCESS_LOG_RETENTION_DAYS, DEREGISTRATION_DELAY_SECONDS, IDLE_TIMEOUT_SECONDS, TARGET_PORT } from "./limits";
import { healthCheckProblems, tlsPolicyProblem, unverifiedHealthPathProblems, type Tls12Client } from "./listenerRules";

/** ELB's limit on load balancer and target group names. */
export const MAX_ELB_NAME_LENGTH = 32;

/** Length Pulumi's auto-naming adds: a dash and seven random characters. */
export const AUTO_NAME_SUFFIX_LENGTH = 8;

/** Why an ELB name (before auto-naming) cannot be used, or undefined. */
export function elbNameProblem(logicalName: string): string | undefined {
  const length = logicalName.length + AUTO_NAME_SUFFIX_LENGTH;
  if (length > MAX_ELB_NAME_LENGTH) {
    return `name ${logicalName} becomes ${length} characters with Pulumi's suffix; ELB allows ${MAX_ELB_NAME_LENGTH}`;
  }
  if (!/^[A-Za-z0-9-]+$/.test(logicalName) || logicalName.startsWith("-") || logicalName.startsWith("internal-")) {
    return `name ${logicalName} must use letters, digits and -, not start with - or internal-`;
  }
  return undefined;
}

/** Every problem of the component's settings. */
export function loadBalancerArgProblems(
  name: string,
  settings: {
    appPort: number;
    idleTimeoutSeconds: number;
    accessLogRetentionDays: number;
    deregistrationDelaySeconds: number;
    healthCheck: HealthCheckSettings;
    /** Paths the health checkers may read without the origin header (see the component). */
    unverifiedHealthPaths?: readonly string[];
    /** The HTTPS listener's TLS policy, checked against `tlsClients`. */
    sslPolicy?: string;
    /** Clients of the HTTPS listener that speak at most TLS 1.2 (none without HTTPS). */
    tlsClients?: readonly Tls12Client[];
  },
): string[] {
  const problems = [
    elbNameProblem(`${name}-alb`),
    elbNameProblem(`${name}-web`),
    ...[
      rangeProblem("appPort", settings.appPort, TARGET_PORT),
      rangeProblem("idleTimeoutSeconds", settings.idleTimeoutSeconds, IDLE_TIMEOUT_SECONDS, "seconds"),
      rangeProblem("accessLogRetentionDays", settings.accessLogRetentionDays, ACCESS_LOG_RETENTION_DAYS, "days"),
      rangeProblem("deregistrationDelaySeconds", settings.deregistrationDelaySeconds, DEREGISTRATION_DELAY_SECONDS, "seconds"),
      ...healthCheckProblems(settings.healthCheck).map((problem) => ({ ...problem, field: `healthCheck.${problem.field}` })),
    ].map((problem) => (problem ? `${problem.field} ${problem.message}` : undefined)),
  ];
  const tls = settings.sslPolicy !== undefined ? tlsPolicyProblem(settings.sslPolicy, settings.tlsClients ?? []) : undefined;
  if (tls) problems.push(`sslPolicy ${tls}`);
  for (const problem of unverifiedHealthPathProblems(settings.unverifiedHealthPaths ?? [])) {
    problems.push(`unverifiedHealthPaths${problem.pattern !== undefined ? ` ${JSON.stringify(problem.pattern)}` : ""} ${problem.message}`);
  }
  return problems.filter((problem): problem is string => problem !== undefined);
}

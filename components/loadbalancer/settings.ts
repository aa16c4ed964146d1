/**
 * The settings of `blueprint:loadBalancer`, and the target group's health check that the web tier
 * declares under `blueprint:web.healthCheck`: type, allowed values, default and description, once.
 */
import { byEnvironment, choice, flag, fromEnvironment, group, integer, text, type GroupValue, type ValueOf } from "../lib/settings";
import {
  ACCESS_LOG_RETENTION_DAYS,
  DEREGISTRATION_DELAY_SECONDS,
  DESYNC_MITIGATION_MODES,
  HEALTH_CHECK_INTERVAL_SECONDS,
  HEALTH_CHECK_THRESHOLD,
  HEALTH_CHECK_TIMEOUT_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  MAX_HEALTH_CHECK_PATH_LENGTH,
  TLS_POLICIES,
} from "./lib/limits";

/** The keys of `blueprint:loadBalancer`. */
export const loadBalancerKeys = {
  idleTimeoutSeconds: integer({ description: "Seconds an idle connection stays open.", range: IDLE_TIMEOUT_SECONDS, unit: "seconds", default: 60 }),
  // off in dev, so that a dev stack tears down in one `pulumi destroy`
  deletionProtection: flag({ description: "Deletion protection on the load balancers.", default: byEnvironment({ dev: false, staging: true, prod: true }) }),
  sslPolicy: choice(TLS_POLICIES, {
    description:
      "TLS policy of the HTTPS listeners (TLS 1.2+ only). With a domain not the TLS 1.3-only ones: CloudFront reaches its origins, and Route 53 its HTTPS health checks, with at most TLS 1.2.",
    // AWS's recommended policy: TLS 1.3 and 1.2 with forward secrecy
    default: TLS_POLICIES[0],
  }),
  desyncMitigationMode: choice(DESYNC_MITIGATION_MODES, { description: "HTTP desync mitigation: defensive or strictest.", default: "defensive" }),
  accessLogRetentionDays: integer({
    description: "Days access logs are kept in the regional log bucket.",
    range: ACCESS_LOG_RETENTION_DAYS,
    unit: "days",
    default: fromEnvironment("logRetentionDays", "the environment's log retention"),
  }),
  deregistrationDelaySeconds: integer({
    description: "Seconds a draining target keeps its in-flight requests.",
    range: DEREGISTRATION_DELAY_SECONDS,
    unit: "seconds",
    default: 30,
  }),
};

/** The target group's health check (`blueprint:web.healthCheck`). */
export const healthCheckSettings = group(
  {
    path: text({ description: `HTTP path probed on every instance; starts with /, at most ${MAX_HEALTH_CHECK_PATH_LENGTH} characters.`, default: "/health" }),
    matcher: text({ description: 'HTTP codes that count as healthy: "200", "200,204" or "200-299" (200 to 499).', default: "200" }),
    intervalSeconds: integer({
      description: "Seconds between probes, more than the timeout.",
      range: HEALTH_CHECK_INTERVAL_SECONDS,
      unit: "seconds",
      default: 15,
    }),
    timeoutSeconds: integer({
      description: "Seconds before a probe fails, less than the interval.",
      range: HEALTH_CHECK_TIMEOUT_SECONDS,
      unit: "seconds",
      default: 5,
    }),
    healthyThreshold: integer({ description: "Consecutive successes before a target is healthy.", range: HEALTH_CHECK_THRESHOLD, default: 2 }),
    unhealthyThreshold: integer({ description: "Consecutive failures before a target is unhealthy.", range: HEALTH_CHECK_THRESHOLD, default: 3 }),
  },
  { description: "Health check of the web tier's target group." },
);

/** The load balancers' settings after defaults: exactly what each region's load balancer takes. */
export type LoadBalancerSettings = GroupValue<typeof loadBalancerKeys>;

/** A target group health check after defaults. */
export type HealthCheckSettings = ValueOf<typeof healthCheckSettings>;

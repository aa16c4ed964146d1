/**
 * The settings of `blueprint:dns`, declared once: type, allowed values, default per environment
 * and description. The Dns component takes exactly the resolved value (`DnsSettings`).
 */
import { byEnvironment, group, integer, type GroupValue } from "../lib/settings";
import { ALARM_EVALUATION_PERIODS_RANGE, FAILURE_THRESHOLD_RANGE, HEALTH_CHECK_INTERVALS } from "./lib/limits";

/** The Route 53 health check of every region's load balancer. */
const healthCheck = group(
  {
    intervalSeconds: integer({
      description: "Seconds between checks from each checker: 30 (standard) or 10 (fast, billed extra).",
      values: HEALTH_CHECK_INTERVALS,
      unit: "seconds",
      // standard checks: a failed region leaves latency routing after about 90 s; prod's fast checks
      // (billed extra): about 30 s
      default: byEnvironment({ dev: 30, staging: 30, prod: 10 }),
    }),
    failureThreshold: integer({ description: "Consecutive failures (or successes) that flip a region's health.", range: FAILURE_THRESHOLD_RANGE, default: 3 }),
  },
  {
    description:
      "The Route 53 health check of every region's load balancer (HTTPS with SNI on <region>.<apiName> and the web tier's health path): interval and failure threshold.",
  },
);

/** The keys of `blueprint:dns`. */
export const dnsKeys = {
  healthCheck,
  alarmEvaluationPeriods: integer({
    description: "Minutes a region's health check must fail before its alarm (us-east-1) fires.",
    range: ALARM_EVALUATION_PERIODS_RANGE,
    unit: "minutes",
    // two minutes of failure: one flapping check does not page anyone
    default: 2,
  }),
};

/** The DNS settings after defaults: exactly what the Dns component takes. */
export type DnsSettings = GroupValue<typeof dnsKeys>;

/** A region's Route 53 health-check timing. */
export type HealthCheckSettings = DnsSettings["healthCheck"];

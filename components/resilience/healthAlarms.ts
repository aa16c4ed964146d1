/**
 * A region's health alarms: what the Region switch plan checks, what gates zonal autoshift and
 * what stops a region-scale drill. One function, so that a later composite "region unhealthy"
 * alarm replaces these in every place at once.
 */
import type * as pulumi from "@pulumi/pulumi";

/** The observability alarm keys that say a region serves badly: the 5xx rate and the p99 latency. */
export const REGION_HEALTH_ALARM_KEYS = ["alb-5xx-rate", "target-response-p99"] as const;

/** The health alarms of a region, from its observability component's alarms by key. */
export function regionHealthAlarms(
  region: string,
  alarmArns: Readonly<Record<string, pulumi.Output<string>>>,
): { readonly name: string; readonly arn: pulumi.Output<string> }[] {
  return REGION_HEALTH_ALARM_KEYS.flatMap((key) => (alarmArns[key] !== undefined ? [{ name: `${region}-${key}`, arn: alarmArns[key] }] : []));
}

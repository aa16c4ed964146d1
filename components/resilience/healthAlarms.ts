/**
 * A region's health alarms: what the Region switch plan checks, what gates zonal autoshift and
 * what stops a region-scale drill. One function, so that every one of them reads the same alarms:
 * the telemetry component's composite "region unhealthy" alarm (a fast SLO burn or a failing
 * origin canary), and the two raw alarms it does not cover on their own.
 */
import type * as pulumi from "@pulumi/pulumi";

/** The observability alarm keys that say a region serves badly: the 5xx rate and the p99 latency. */
export const REGION_HEALTH_ALARM_KEYS = ["alb-5xx-rate", "target-response-p99"] as const;

/**
 * The health alarms of a region: its observability component's alarms by key, then its composite
 * "region unhealthy" alarm (the order the chaos templates list their stop conditions in).
 */
export function regionHealthAlarms(
  region: string,
  alarmArns: Readonly<Record<string, pulumi.Output<string>>>,
  regionUnhealthyAlarmArn: pulumi.Output<string>,
): { readonly name: string; readonly arn: pulumi.Output<string> }[] {
  return [
    ...REGION_HEALTH_ALARM_KEYS.flatMap((key) => (alarmArns[key] !== undefined ? [{ name: `${region}-${key}`, arn: alarmArns[key] }] : [])),
    { name: `${region}-region-unhealthy`, arn: regionUnhealthyAlarmArn },
  ];
}

/**
 * Zonal autoshift of one load balancer: AWS shifts its traffic away from an AZ it sees impaired, and
 * runs practice runs (a shift of about 30 minutes, weekly) judged by the region's health alarms,
 * which also block a practice run from starting while they are in alarm. Zonal shift must be on
 * the load balancer (the loadbalancer component always enables it).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** The configuration of a load balancer's autoshift, gated on `alarms` (the region's health alarms). */
export function zonalAutoshift(
  name: string,
  region: string,
  loadBalancerArn: pulumi.Input<string>,
  alarms: readonly { readonly arn: pulumi.Input<string> }[],
  opts: pulumi.CustomResourceOptions = {},
): aws.arczonalshift.ZonalAutoshiftConfiguration {
  if (alarms.length === 0) throw new Error(`zonal autoshift of ${name} needs the region's health alarms: practice runs are judged by outcome alarms`);
  const watched = alarms.map((alarm) => ({ alarmIdentifier: alarm.arn, type: "CLOUDWATCH" }));
  return new aws.arczonalshift.ZonalAutoshiftConfiguration(
    name,
    { region, resourceArn: loadBalancerArn, zonalAutoshiftStatus: "ENABLED", outcomeAlarms: watched, blockingAlarms: watched },
    opts,
  );
}

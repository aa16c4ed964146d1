/**
 * Helpers of RegionalDatabase for its monitoring: the enhanced monitoring role RDS assumes to
 * publish OS metrics, and the CloudWatch alarms of the region's instances.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { serviceTrustPolicy } from "../lib/iam";
import { flatMetricAlarmInputs } from "../observability/metricAlarmInputs";
import { RDS_NAMESPACE, type DatabaseAlarmSpec } from "./lib/alarms";

/** The AWS managed policy that lets RDS write enhanced monitoring metrics to CloudWatch Logs. */
export const ENHANCED_MONITORING_POLICY = "service-role/AmazonRDSEnhancedMonitoringRole";

/** The service that assumes the enhanced monitoring role. */
export const MONITORING_SERVICE_PRINCIPAL = "monitoring.rds.amazonaws.com";

/** The enhanced monitoring role and the attachment instances must wait for. */
export interface MonitoringRole {
  readonly arn: pulumi.Output<string>;
  /** Instances depend on it: RDS refuses a role that does not yet hold the policy. */
  readonly ready: pulumi.Resource;
}

/**
 * The IAM role RDS assumes to publish enhanced monitoring, trusted by `monitoring.rds.amazonaws.com`
 * from this account only (the confused-deputy guard AWS recommends).
 *
 * @param tags tags without `Region` (IAM is global)
 */
export function enhancedMonitoringRole(
  name: string,
  args: { readonly region: string; readonly roleName: string; readonly tags: Readonly<Record<string, string>> },
  opts: pulumi.CustomResourceOptions,
): MonitoringRole {
  const identity = aws.getCallerIdentityOutput({}, { parent: opts.parent });
  const partition = aws.getPartitionOutput({}, { parent: opts.parent });
  const role = new aws.iam.Role(
    `${name}-monitoring`,
    {
      name: args.roleName,
      description: `RDS enhanced monitoring of the database in ${args.region}`,
      assumeRolePolicy: identity.accountId.apply((accountId) => serviceTrustPolicy(MONITORING_SERVICE_PRINCIPAL, { accountId })),
      tags: { ...args.tags },
    },
    opts,
  );
  const attachment = new aws.iam.RolePolicyAttachment(
    `${name}-monitoring`,
    { role: role.name, policyArn: pulumi.interpolate`arn:${partition.partition}:iam::aws:policy/${ENHANCED_MONITORING_POLICY}` },
    opts,
  );
  return { arn: role.arn, ready: attachment };
}

/** Declares one alarm per spec, notifying the topic on alarm and on recovery. */
export function declareAlarms(
  name: string,
  specs: readonly DatabaseAlarmSpec<pulumi.Input<string>>[],
  args: { readonly region: string; readonly topicArn: pulumi.Input<string>; readonly tags: Readonly<Record<string, string>> },
  opts: pulumi.CustomResourceOptions,
): aws.cloudwatch.MetricAlarm[] {
  return specs.map(
    (spec) =>
      new aws.cloudwatch.MetricAlarm(
        `${name}-${spec.key}`,
        {
          region: args.region,
          ...flatMetricAlarmInputs({ ...spec, namespace: RDS_NAMESPACE }),
          actionsEnabled: true,
          alarmActions: [args.topicArn],
          okActions: [args.topicArn],
          tags: { ...args.tags },
        },
        opts,
      ),
  );
}

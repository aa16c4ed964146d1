/**
 * The key policy and topic policy of a region's alarm topic, as JSON.
 *
 * CloudWatch alarms publish to SNS as the `cloudwatch.amazonaws.com` service. An encrypted topic
 * therefore needs a customer managed key whose policy lets that service generate and decrypt data
 * keys: with the AWS managed `alias/aws/sns` key (whose policy cannot be changed) every alarm
 * action fails silently, visible only in the alarm's history.
 *
 * @see https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
 */
import { accountAdministersKeyStatement } from "../../kms/lib/keyRules";
import { denyInsecureTransportStatement, policyDocument, sourceCondition } from "../../lib/iam";

/** The account the policies are written for. */
export interface PolicyAccount {
  readonly accountId: string;
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
}

/** The service principal of CloudWatch alarms. */
export const CLOUDWATCH_SERVICE = "cloudwatch.amazonaws.com";

/**
 * The alarm key's policy: the account root administers the key (so IAM policies of the account
 * decide who else may, and the key can never become unmanageable), and CloudWatch may use it to
 * publish to the encrypted topic.
 *
 * The CloudWatch statement carries no condition, as AWS documents it: which alarms may publish is
 * decided by the topic policy, and KMS does not document the source keys CloudWatch sends it.
 */
export function alarmKeyPolicy(account: PolicyAccount, options: AlertManagerOption = {}): string {
  return policyDocument([
    accountAdministersKeyStatement(account),
    {
      Sid: "CloudWatchAlarmsUseKey",
      Effect: "Allow",
      Principal: { Service: CLOUDWATCH_SERVICE },
      Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
      Resource: "*",
    },
    ...(options.prometheusAlerts === true
      ? [
          {
            Sid: "PrometheusAlertManagerUsesKey",
            Effect: "Allow" as const,
            Principal: { Service: PROMETHEUS_SERVICE },
            Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resource: "*",
          },
        ]
      : []),
  ]);
}

/** The service principal of Amazon Managed Service for Prometheus (its alert manager publishes to SNS). */
export const PROMETHEUS_SERVICE = "aps.amazonaws.com";

/** Whether the region's Prometheus alert manager also publishes to the topic. */
export interface AlertManagerOption {
  /** @default false */
  readonly prometheusAlerts?: boolean;
}

/**
 * The alarm topic's policy: alarms of this account and region may publish (the confused-deputy
 * guard: no other account's alarm can use the topic), and nobody may publish without TLS. Other
 * principals of the account reach the topic through their IAM policies.
 */
export function alarmTopicPolicy(args: PolicyAccount & AlertManagerOption & { readonly topicArn: string; readonly region: string }): string {
  return policyDocument([
    {
      Sid: "CloudWatchAlarmsPublish",
      Effect: "Allow",
      Principal: { Service: CLOUDWATCH_SERVICE },
      Action: "sns:Publish",
      Resource: args.topicArn,
      Condition: sourceCondition({ accountId: args.accountId, sourceArn: `arn:${args.partition}:cloudwatch:${args.region}:${args.accountId}:alarm:*` }),
    },
    // the alert manager of this account's workspaces in this region, when the region has one
    ...(args.prometheusAlerts === true
      ? [
          {
            Sid: "PrometheusAlertManagerPublishes",
            Effect: "Allow" as const,
            Principal: { Service: PROMETHEUS_SERVICE },
            Action: ["sns:Publish", "sns:GetTopicAttributes"],
            Resource: args.topicArn,
            Condition: sourceCondition({ accountId: args.accountId, sourceArn: `arn:${args.partition}:aps:${args.region}:${args.accountId}:workspace/*` }),
          },
        ]
      : []),
    denyInsecureTransportStatement("sns:Publish", args.topicArn),
  ]);
}

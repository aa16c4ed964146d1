/**
 * Observability policies: CloudWatch log groups (retention, encryption), alarms (actions) and the
 * SNS topics alarms notify (encryption, SSL-only topic policies).
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { alarmHasEnabledAction, alarmNotifies, COMPOSITE_ALARM_TYPE, compositeReferences, METRIC_ALARM_TYPE } from "./lib/alarms";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { known, ofType } from "./lib/graph";
import { regionOf } from "./lib/region";
import { admitsAnyPrincipal, deniesInsecureTransport, parseIamDocument, statementLabel } from "./lib/iamDocument";

/** Log groups keep their logs long enough, and not forever. */
export const logGroupConfigureRetention = resourcePolicy({
  name: "aws-cloudwatch-loggroup-configure-retention",
  description: "Checks that every CloudWatch log group sets a retention of at least the configured number of days.",
  severity: "medium",
  service: "observability",
  remediationSteps:
    "Set `retentionInDays` (for flow logs: blueprint:network.flowLogRetentionDays) to at least the environment's minimum: 365 days in prod, 30 in staging, 7 in dev.",
  ids: {
    checkov: ["CKV_AWS_66", "CKV_AWS_338"],
    cdkNag: ["CloudWatchLogGroupRetentionPeriod"],
    wellArchitected: ["SEC04-BP01", "REL06-BP01"],
  },
  configSchema: {
    properties: {
      minimumRetentionDays: {
        type: "integer",
        minimum: 1,
        default: 365,
        description: "Fewest days a log group keeps its events (CKV_AWS_338 asks for a year; the dev and staging pack configs lower it).",
      },
    },
  },
  validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, args, reportViolation) => {
    const { minimumRetentionDays } = args.getConfig<{ minimumRetentionDays: number }>();
    const days = group.retentionInDays;
    // Unset (or 0) means the events never expire: unbounded cost and data kept past any policy.
    if (days === undefined || days === 0) {
      reportViolation(`The log group keeps events forever; set retentionInDays to at least ${minimumRetentionDays}.`);
    } else if (days < minimumRetentionDays) {
      reportViolation(`The log group keeps events for ${days} day(s); at least ${minimumRetentionDays} are required.`);
    }
  }),
});

/** Log groups are encrypted with a customer-managed KMS key. */
export const logGroupEnableKmsEncryption = resourcePolicy({
  name: "aws-cloudwatch-loggroup-enable-kms-encryption",
  description: "Checks that every CloudWatch log group is encrypted with a customer-managed KMS key.",
  severity: "low",
  service: "observability",
  remediationSteps: "Set `kmsKeyId` to the region's KMS key ARN; its key policy must let logs.<region>.amazonaws.com use it for this log group.",
  ids: {
    checkov: ["CKV_AWS_158"],
    trivy: ["AVD-AWS-0017"],
    cdkNag: ["CloudWatchLogGroupEncrypted"],
    wellArchitected: ["SEC08-BP01", "SEC08-BP02"],
  },
  validateResource: validateResourceOfType(aws.cloudwatch.LogGroup, (group, _args, reportViolation) => {
    if (group.kmsKeyId === undefined || group.kmsKeyId === "") {
      reportViolation("The log group is encrypted with the CloudWatch Logs service key only; set kmsKeyId to a customer-managed key.");
    }
  }),
});

/** Alarms notify someone: directly, or through a composite alarm that notifies. */
export const metricAlarmEnableActions = stackPolicy({
  name: "aws-cloudwatch-metricalarm-enable-actions",
  description:
    "Checks that every CloudWatch metric alarm has its actions enabled and at least one alarm action, unless a composite alarm with an enabled alarm action references it (a burn-rate window alarm pages only through its composite).",
  severity: "medium",
  service: "observability",
  remediationSteps:
    "Set `alarmActions` to the region's alarm topic ARN (and okActions for recovery) and leave `actionsEnabled` at true, or reference the alarm from a composite alarm that notifies the topic.",
  ids: { checkov: ["CKV_AWS_319"], cdkNag: ["CloudWatchAlarmAction"], wellArchitected: ["REL06-BP03", "REL11-BP06"] },
  validateStack: (args, reportViolation) => {
    const alarms = ofType(args.resources, METRIC_ALARM_TYPE);
    if (alarms.length === 0) args.notApplicable("The stack has no metric alarm.");
    // a composite evaluates its children's states whatever their own actions: the composite's actions are what page
    const composites = ofType(args.resources, COMPOSITE_ALARM_TYPE).filter(alarmHasEnabledAction);
    for (const alarm of alarms) {
      if (alarmHasEnabledAction(alarm) || composites.some((composite) => compositeReferences(composite, alarm))) continue;
      const reason =
        known((): unknown => alarm.props.actionsEnabled) === false
          ? "The alarm's actions are disabled"
          : "The alarm has no alarm action, so nobody hears of it";
      reportViolation(`${reason}, and no composite alarm with an enabled alarm action references it (${alarm.name}).`, alarm.urn);
    }
  },
});

/** Topics are encrypted at rest. */
export const topicEnableEncryption = resourcePolicy({
  name: "aws-sns-topic-enable-encryption",
  description: "Checks that every SNS topic is encrypted at rest with a KMS key.",
  severity: "medium",
  service: "observability",
  remediationSteps:
    "Set `kmsMasterKeyId` to a KMS key of the topic's region whose key policy lets the publishers (cloudwatch.amazonaws.com for alarms) use it.",
  ids: { checkov: ["CKV_AWS_26"], trivy: ["AVD-AWS-0095"], cdkNag: ["AwsSolutions-SNS2"], wellArchitected: ["SEC08-BP02"] },
  validateResource: validateResourceOfType(aws.sns.Topic, (topic, _args, reportViolation) => {
    if (topic.kmsMasterKeyId === undefined || topic.kmsMasterKeyId === "") reportViolation("The topic is not encrypted at rest.");
  }),
});

/** Topic policies refuse plain HTTP and grant nothing to everyone. */
export const topicPolicyRequireSecureTransport = resourcePolicy({
  name: "aws-sns-topicpolicy-require-secure-transport",
  description: "Checks that SNS topic policies deny publishing over plain HTTP and allow nothing to every principal without a condition.",
  severity: "medium",
  service: "observability",
  remediationSteps:
    'Add `{ Effect: "Deny", Principal: "*", Action: "sns:Publish", Resource: <topic ARN>, Condition: { Bool: { "aws:SecureTransport": "false" } } }` and scope each Allow with aws:SourceAccount / aws:SourceArn.',
  ids: { cdkNag: ["AwsSolutions-SNS3"], wellArchitected: ["SEC09-BP02"] },
  validateResource: validateResourceOfType(aws.sns.TopicPolicy, (topicPolicy, _args, reportViolation) => {
    const parsed = parseIamDocument(topicPolicy.policy);
    if ("error" in parsed) {
      reportViolation(`The topic policy ${parsed.error}.`);
      return;
    }
    if (!deniesInsecureTransport(parsed.statements, ["sns:Publish", "sns:*"])) {
      reportViolation("The topic policy does not deny publishing over plain HTTP (aws:SecureTransport false).");
    }
    for (const statement of parsed.statements) {
      if (statement.effect === "Allow" && admitsAnyPrincipal(statement.principals) && !statement.hasCondition) {
        reportViolation(`The topic policy's ${statementLabel(statement)} allows every principal.`);
      }
    }
  }),
});

/** Every region of the stack has a composite health alarm that notifies someone. */
export const stackRequireRegionCompositeAlarm = stackPolicy({
  name: "aws-cloudwatch-compositealarm-require-per-region",
  description:
    "Checks that every region of the stack (every region with a VPC) declares a CloudWatch composite alarm with its actions enabled and at least one alarm action: the region's health signal for on-call, chaos stop conditions and routing.",
  severity: "medium",
  service: "observability",
  remediationSteps:
    "Keep components/telemetry in every regional stamp: it declares the region-unhealthy composite alarm (any fast SLO burn or a failing origin canary) notifying the region's alarm topic.",
  ids: { wellArchitected: ["REL06-BP03", "OPS08-BP04"] },
  validateStack: (args, reportViolation) => {
    const regions = [...new Set(args.resources.filter((r) => r.type === "awsx:ec2:Vpc" || r.type === "aws:ec2/vpc:Vpc").flatMap((r) => regionOf(r) ?? []))];
    if (regions.length === 0) args.notApplicable("The stack has no VPC, so no region to watch.");
    const composites = ofType(args.resources, COMPOSITE_ALARM_TYPE);
    // unknown actions in a preview: assume the program sets them
    const notifying = alarmNotifies;
    for (const region of regions.sort()) {
      const here = composites.filter((alarm) => regionOf(alarm) === region);
      if (here.length === 0) reportViolation(`Region ${region} has no composite alarm: nothing sums up its health.`);
      else if (!here.some(notifying)) reportViolation(`Region ${region}'s composite alarms have no enabled alarm action, so nobody hears of them.`);
    }
  },
});

/** The observability policies, in pack order. */
export const OBSERVABILITY_POLICIES: readonly BlueprintPolicy[] = [
  logGroupConfigureRetention,
  logGroupEnableKmsEncryption,
  metricAlarmEnableActions,
  topicEnableEncryption,
  topicPolicyRequireSecureTransport,
  stackRequireRegionCompositeAlarm,
];

import * as aws from "@pulumi/aws";
import {
  logGroupConfigureRetention,
  logGroupEnableKmsEncryption,
  metricAlarmEnableActions,
  stackRequireRegionCompositeAlarm,
  topicEnableEncryption,
  topicPolicyRequireSecureTransport,
} from "../../policies/observability";
import {
  assertNotApplicable,
  assertPasses,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  testUrn,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const topicArn = "arn:aws:sns:us-east-1:123456789012:blueprint-prod-us-east-1-alarms";
const alarmsPublish = {
  Sid: "CloudWatchAlarmsPublish",
  Effect: "Allow",
  Principal: { Service: "cloudwatch.amazonaws.com" },
  Action: "sns:Publish",
  Resource: topicArn,
  Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
};
const denyHttp = {
  Sid: "DenyInsecureTransport",
  Effect: "Deny",
  Principal: "*",
  Action: "sns:Publish",
  Resource: topicArn,
  Condition: { Bool: { "aws:SecureTransport": "false" } },
};

describe("observability policies", () => {
  describeResourcePolicy({
    policy: logGroupConfigureRetention,
    resourceClass: aws.cloudwatch.LogGroup,
    compliant: { name: "/blueprint/prod/us-east-1/vpc-flow-logs", region: "us-east-1", retentionInDays: 365 },
    alsoCompliant: [{ name: "7 days under the dev pack config", config: { minimumRetentionDays: 7 }, mutate: (p) => (p.retentionInDays = 7) }],
    violations: [
      { name: "no retention (kept forever)", mutate: (p) => delete p.retentionInDays, expect: [/keeps events forever; set retentionInDays to at least 365/] },
      { name: "retention 0 (never expire)", mutate: (p) => (p.retentionInDays = 0), expect: [/keeps events forever/] },
      { name: "below the default year", mutate: (p) => (p.retentionInDays = 90), expect: [/keeps events for 90 day\(s\); at least 365 are required/] },
      {
        name: "below the configured minimum",
        config: { minimumRetentionDays: 30 },
        mutate: (p) => (p.retentionInDays = 14),
        expect: [/14 day\(s\); at least 30/],
      },
    ],
    unknown: (p) => (p.retentionInDays = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: logGroupEnableKmsEncryption,
    resourceClass: aws.cloudwatch.LogGroup,
    compliant: { region: "us-east-1", retentionInDays: 365, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" },
    violations: [
      { name: "no key", mutate: (p) => delete p.kmsKeyId, expect: [/encrypted with the CloudWatch Logs service key only/] },
      { name: "an empty key", mutate: (p) => (p.kmsKeyId = ""), expect: [/service key only/] },
    ],
    unknown: (p) => (p.kmsKeyId = UNKNOWN_SENTINELS.string),
  });

  describe("aws-cloudwatch-metricalarm-enable-actions", () => {
    const metric = (name: string, props: Record<string, unknown> = {}) => ({
      type: "aws:cloudwatch/metricAlarm:MetricAlarm",
      name,
      urn: testUrn("aws:cloudwatch/metricAlarm:MetricAlarm", name),
      props: {
        region: "us-east-1",
        name: `p-${name}`,
        actionsEnabled: true,
        alarmActions: [topicArn],
        okActions: [topicArn],
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 1,
        metricName: "ApproximateNumberOfMessagesVisible",
        namespace: "AWS/SQS",
        dimensions: { QueueName: "blueprint-prod-jobs-dlq" },
        threshold: 0,
        ...props,
      },
    });
    const silent = (name: string, props: Record<string, unknown> = {}) => metric(name, { alarmActions: undefined, okActions: undefined, ...props });
    const composite = (rule: string, props: Record<string, unknown> = {}, dependsOn: string[] = []) => ({
      type: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
      name: "burn",
      urn: testUrn("aws:cloudwatch/compositeAlarm:CompositeAlarm", "burn"),
      props: { region: "us-east-1", alarmName: "p-burn", alarmRule: rule, actionsEnabled: true, alarmActions: [topicArn], ...props },
      ...(dependsOn.length > 0
        ? { propertyDependencies: { alarmRule: dependsOn.map((name) => testUrn("aws:cloudwatch/metricAlarm:MetricAlarm", name)) } }
        : {}),
    });

    it("passes an alarm with an action, one whose actionsEnabled is left at its default, and one whose actions are unknown (preview)", async () => {
      assertPasses(
        await checkStack(metricAlarmEnableActions, [
          metric("dlq"),
          metric("cpu", { actionsEnabled: undefined }),
          metric("later", { alarmActions: UNKNOWN_SENTINELS.array }),
        ]),
      );
    });
    it("reports an alarm without actions, with disabled actions or with an empty list, when no composite references it", async () => {
      assertViolations(await checkStack(metricAlarmEnableActions, [silent("a"), metric("b", { actionsEnabled: false }), metric("c", { alarmActions: [] })]), [
        /^The alarm has no alarm action, so nobody hears of it, and no composite alarm with an enabled alarm action references it \(a\)\.$/,
        /^The alarm's actions are disabled, and no composite alarm .* \(b\)\.$/,
        /^The alarm has no alarm action, .* \(c\)\.$/,
      ]);
    });
    it("passes window alarms without actions that a notifying composite names (by name, unquoted name or ARN)", async () => {
      assertPasses(
        await checkStack(metricAlarmEnableActions, [
          silent("long"),
          silent("short", { actionsEnabled: false }),
          silent("arn", { arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:p-arn" }),
          composite('ALARM("p-long") AND ALARM(p-short) OR OK("arn:aws:cloudwatch:us-east-1:123456789012:alarm:p-arn")'),
        ]),
      );
    });
    it("passes a window alarm the composite's rule depends on while names are unknown (preview)", async () => {
      assertPasses(
        await checkStack(metricAlarmEnableActions, [silent("long", { name: UNKNOWN_SENTINELS.string }), composite(UNKNOWN_SENTINELS.string, {}, ["long"])]),
      );
    });
    it("still reports an alarm that only a silent composite, or a composite naming another alarm, references", async () => {
      assertViolations(await checkStack(metricAlarmEnableActions, [silent("long"), composite('ALARM("p-long")', { alarmActions: [] })]), [/\(long\)/]);
      assertViolations(await checkStack(metricAlarmEnableActions, [silent("long"), composite('ALARM("p-longer")', { actionsEnabled: false })]), [/\(long\)/]);
      assertViolations(await checkStack(metricAlarmEnableActions, [silent("long"), composite('ALARM("p-long-2")')]), [/\(long\)/]);
    });
    it("does not apply to a stack without metric alarms", async () => {
      assertNotApplicable(await checkStack(metricAlarmEnableActions, [composite('ALARM("x")')]), /no metric alarm/);
    });
  });

  describeResourcePolicy({
    policy: topicEnableEncryption,
    resourceClass: aws.sns.Topic,
    compliant: { name: "blueprint-prod-us-east-1-alarms", region: "us-east-1", kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" },
    violations: [{ name: "no key", mutate: (p) => delete p.kmsMasterKeyId, expect: [/The topic is not encrypted at rest/] }],
    unknown: (p) => (p.kmsMasterKeyId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: topicPolicyRequireSecureTransport,
    resourceClass: aws.sns.TopicPolicy,
    compliant: { arn: topicArn, region: "us-east-1", policy: doc(alarmsPublish, denyHttp) },
    alsoCompliant: [{ name: "denying sns:* over HTTP", mutate: (p) => (p.policy = doc(alarmsPublish, { ...denyHttp, Action: "sns:*" })) }],
    violations: [
      { name: "no SSL-only statement", mutate: (p) => (p.policy = doc(alarmsPublish)), expect: [/does not deny publishing over plain HTTP/] },
      {
        name: "the deny without its condition",
        mutate: (p) => (p.policy = doc(alarmsPublish, { ...denyHttp, Condition: undefined })),
        expect: [/does not deny publishing over plain HTTP/],
      },
      {
        name: "publishing open to everyone",
        mutate: (p) => (p.policy = doc({ ...alarmsPublish, Principal: "*", Condition: undefined }, denyHttp)),
        expect: [/statement 0 \("CloudWatchAlarmsPublish"\) allows every principal/],
      },
      { name: "a policy that is not JSON", mutate: (p) => (p.policy = "<xml/>"), expect: [/The topic policy is not valid JSON/] },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describe("aws-cloudwatch-compositealarm-require-per-region", () => {
    const vpc = (region: string) => ({ type: "awsx:ec2:Vpc", name: `${region}-vpc`, urn: testUrn("awsx:ec2:Vpc", `${region}-vpc`), props: { region } });
    const composite = (region: string, props: Record<string, unknown> = {}) => ({
      type: "aws:cloudwatch/compositeAlarm:CompositeAlarm",
      name: `${region}-region-unhealthy`,
      urn: testUrn("aws:cloudwatch/compositeAlarm:CompositeAlarm", `${region}-region-unhealthy`),
      props: {
        region,
        alarmName: `p-${region}-region-unhealthy`,
        alarmRule: 'ALARM("a")',
        actionsEnabled: true,
        alarmActions: [`arn:aws:sns:${region}:123456789012:t`],
        ...props,
      },
    });
    it("passes a composite alarm with an action in every region", async () => {
      assertPasses(await checkStack(stackRequireRegionCompositeAlarm, [vpc("us-east-1"), vpc("eu-west-1"), composite("us-east-1"), composite("eu-west-1")]));
    });
    it("reports a region without one, and one whose composite notifies nobody", async () => {
      assertViolations(await checkStack(stackRequireRegionCompositeAlarm, [vpc("us-east-1"), vpc("eu-west-1"), composite("us-east-1", { alarmActions: [] })]), [
        /Region eu-west-1 has no composite alarm/,
        /Region us-east-1's composite alarms have no enabled alarm action/,
      ]);
      assertViolations(await checkStack(stackRequireRegionCompositeAlarm, [vpc("us-east-1"), composite("us-east-1", { actionsEnabled: false })]), [
        /no enabled alarm action/,
      ]);
    });
    it("does not apply to a stack without a VPC", async () => {
      assertNotApplicable(await checkStack(stackRequireRegionCompositeAlarm, [composite("us-east-1")]), /no VPC/);
    });
  });
});

import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { RegionalObservability, type ObservabilityArgs } from "../../../components/observability";
import { dashboardBodyProblems } from "../../../components/observability/lib/dashboard";
import { RegionalQueues, type QueueSpec } from "../../../components/queue";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { one } from "../../support/resources";

const REGION = "eu-west-1";
const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: REGION };
const LB = "app/blueprint-prod-web/0123456789abcdef";
const TG = "targetgroup/blueprint-prod-web/fedcba9876543210";
const TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:blueprint-prod-eu-west-1-alarms";

const ARGS: ObservabilityArgs = {
  region: REGION,
  namePrefix: "blueprint-prod",
  alarmEmail: "ops@example.com",
  thresholds: { alb5xxPercent: 5, targetResponseP99Seconds: 1.5, queueOldestMessageAgeSeconds: 600 },
  // Outputs, as the load balancer and compute components hand them over
  loadBalancer: { arnSuffix: pulumi.output(LB), targetGroupArnSuffix: pulumi.output(TG) },
  autoScalingGroups: { web: pulumi.output("blueprint-prod-web-asg"), worker: "blueprint-prod-worker-asg" },
  queues: [
    { name: "orders", queueName: pulumi.output("blueprint-prod-orders.fifo"), deadLetterQueueName: "blueprint-prod-orders-dlq.fifo" },
    { name: "emails", queueName: "blueprint-prod-emails", deadLetterQueueName: pulumi.output("blueprint-prod-emails-dlq") },
  ],
  tags: TAGS,
};

async function recordObservability(overrides: Partial<ObservabilityArgs> = {}) {
  return recordProgram(
    () => {
      const o = new RegionalObservability(REGION, { ...ARGS, ...overrides });
      return { alarmTopicArn: o.alarmTopicArn, alarmKeyArn: o.alarmKeyArn, alarmNames: o.alarmNames, dashboardName: o.dashboardName };
    },
    { stack: "test", config: { "aws:region": "us-east-1" } },
  );
}

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const alarm = (resources: PlannedResource[], key: string) => one(resources, ALARM, `${REGION}-${key}`).inputs as Record<string, any>;

describe("RegionalObservability component", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordObservability());
  });

  it("declares exactly these resources for two queues: three ALB alarms and two per queue", () => {
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    assert.deepEqual(counts, {
      "pulumi:pulumi:Stack": 1,
      "blueprint:observability:RegionalObservability": 1,
      "aws:kms/key:Key": 1,
      "aws:kms/alias:Alias": 1,
      "aws:sns/topic:Topic": 1,
      "aws:sns/topicPolicy:TopicPolicy": 1,
      "aws:sns/topicSubscription:TopicSubscription": 1,
      [ALARM]: 7,
      "aws:cloudwatch/dashboard:Dashboard": 1,
    });
  });

  it("declares no subscription without an email address", async () => {
    const { resources: quiet } = await recordObservability({ alarmEmail: undefined });
    assert.equal(quiet.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").length, 0);
    assert.equal(quiet.length, resources.length - 1);
  });

  it("sets region on every resource and the tags on the key, the topic and every alarm", () => {
    const taggable = new Set(["aws:kms/key:Key", "aws:sns/topic:Topic", ALARM]);
    for (const r of resources.filter((r) => r.custom)) {
      assert.equal(r.region, REGION, r.urn);
      if (taggable.has(r.type)) assert.deepEqual(r.inputs.tags, TAGS, r.urn);
    }
  });

  it("encrypts the topic with a rotated customer managed key that CloudWatch may use", () => {
    const key = one(resources, "aws:kms/key:Key", "eu-west-1-alarms");
    assert.deepEqual([key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays], [true, 30]);
    assert.deepEqual(JSON.parse(key.inputs.policy as string), {
      Version: "2012-10-17",
      Statement: [
        { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
        {
          Sid: "CloudWatchAlarmsUseKey",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
          Resource: "*",
        },
      ],
    });
    const topic = one(resources, "aws:sns/topic:Topic", "eu-west-1-alarms");
    assert.equal(topic.inputs.name, "blueprint-prod-eu-west-1-alarms");
    assert.equal(topic.inputs.kmsMasterKeyId, key.outputs.arn);
    assert.match(topic.inputs.kmsMasterKeyId as string, /^arn:aws:kms:eu-west-1:123456789012:key\//);
    const alias = one(resources, "aws:kms/alias:Alias", "eu-west-1-alarms").inputs;
    assert.deepEqual([alias.name, alias.targetKeyId], ["alias/blueprint-prod-eu-west-1-alarms", key.outputs.keyId]);
  });

  it("takes the deletion window from the arguments", async () => {
    const { resources: short } = await recordObservability({ keyDeletionWindowDays: 7 });
    assert.equal(one(short, "aws:kms/key:Key", "eu-west-1-alarms").inputs.deletionWindowInDays, 7);
  });

  it("lets only this account's alarms of this region publish, and nobody without TLS", () => {
    const policy = one(resources, "aws:sns/topicPolicy:TopicPolicy", "eu-west-1-alarms").inputs;
    assert.equal(policy.arn, TOPIC_ARN);
    assert.deepEqual(JSON.parse(policy.policy as string), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "CloudWatchAlarmsPublish",
          Effect: "Allow",
          Principal: { Service: "cloudwatch.amazonaws.com" },
          Action: "sns:Publish",
          Resource: TOPIC_ARN,
          Condition: {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*" },
          },
        },
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "sns:Publish",
          Resource: TOPIC_ARN,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
    const subscription = one(resources, "aws:sns/topicSubscription:TopicSubscription", "eu-west-1-alarms-email").inputs;
    assert.deepEqual([subscription.topic, subscription.protocol, subscription.endpoint], [TOPIC_ARN, "email", "ops@example.com"]);
  });

  it("notifies the topic on alarm and on recovery from every alarm, after the topic policy exists", () => {
    const topicPolicy = one(resources, "aws:sns/topicPolicy:TopicPolicy", "eu-west-1-alarms");
    for (const a of resources.filter((r) => r.type === ALARM)) {
      assert.deepEqual([a.inputs.actionsEnabled, a.inputs.alarmActions, a.inputs.okActions], [true, [TOPIC_ARN], [TOPIC_ARN]], a.name);
      assert.equal(a.inputs.insufficientDataActions, undefined, a.name);
      assert.equal(a.inputs.treatMissingData, "notBreaching", a.name);
      assert.ok(a.dependencies.includes(topicPolicy.urn), a.name);
      assert.ok((a.inputs.datapointsToAlarm as number) <= (a.inputs.evaluationPeriods as number), a.name);
    }
  });

  it("alarms on the 5xx rate with metric math guarded against division by zero", () => {
    const a = alarm(resources, "alb-5xx-rate");
    assert.deepEqual(
      [a.name, a.comparisonOperator, a.threshold, a.evaluationPeriods, a.datapointsToAlarm, a.metricName, a.namespace],
      ["blueprint-prod-eu-west-1-alb-5xx-rate", "GreaterThanThreshold", 5, 5, 3, undefined, undefined],
    );
    const metric = (metricName: string) => ({
      namespace: "AWS/ApplicationELB",
      metricName,
      dimensions: { LoadBalancer: LB },
      period: 60,
      stat: "Sum",
    });
    assert.deepEqual(a.metricQueries, [
      { id: "requests", returnData: false, metric: metric("RequestCount") },
      { id: "elb5xx", returnData: false, metric: metric("HTTPCode_ELB_5XX_Count") },
      { id: "target5xx", returnData: false, metric: metric("HTTPCode_Target_5XX_Count") },
      { id: "errors", label: "5xx responses", returnData: false, expression: "FILL(elb5xx, 0) + FILL(target5xx, 0)" },
      {
        id: "errorrate",
        label: "5xx responses (% of requests)",
        returnData: true,
        expression: "IF(FILL(requests, 0) > 0, 100 * errors / FILL(requests, 0), IF(errors > 0, 100, 0))",
      },
    ]);
  });

  it("alarms on the target group's p99 response time and unhealthy hosts, by target group and load balancer", () => {
    const p99 = alarm(resources, "target-response-p99");
    assert.deepEqual(
      [p99.metricName, p99.extendedStatistic, p99.statistic, p99.threshold, p99.dimensions, p99.evaluateLowSampleCountPercentiles],
      ["TargetResponseTime", "p99", undefined, 1.5, { TargetGroup: TG, LoadBalancer: LB }, "ignore"],
    );
    const unhealthy = alarm(resources, "unhealthy-hosts");
    assert.deepEqual(
      [unhealthy.metricName, unhealthy.statistic, unhealthy.comparisonOperator, unhealthy.threshold, unhealthy.dimensions],
      ["UnHealthyHostCount", "Maximum", "GreaterThanThreshold", 0, { TargetGroup: TG, LoadBalancer: LB }],
    );
  });

  it("alarms on any message in each DLQ and on each source queue's oldest message", () => {
    const describe = (key: string) => {
      const a = alarm(resources, key);
      return [a.name, a.namespace, a.metricName, a.statistic, a.threshold, a.period, a.dimensions];
    };
    assert.deepEqual(describe("queue-orders-dlq-not-empty"), [
      "blueprint-prod-eu-west-1-queue-orders-dlq-not-empty",
      "AWS/SQS",
      "ApproximateNumberOfMessagesVisible",
      "Maximum",
      0,
      300,
      { QueueName: "blueprint-prod-orders-dlq.fifo" },
    ]);
    assert.deepEqual(describe("queue-emails-dlq-not-empty").at(-1), { QueueName: "blueprint-prod-emails-dlq" });
    assert.deepEqual(describe("queue-orders-oldest-message-age"), [
      "blueprint-prod-eu-west-1-queue-orders-oldest-message-age",
      "AWS/SQS",
      "ApproximateAgeOfOldestMessage",
      "Maximum",
      600,
      300,
      { QueueName: "blueprint-prod-orders.fifo" },
    ]);
  });

  it("draws a valid dashboard of this region's load balancer, tiers and queues", () => {
    const dashboard = one(resources, "aws:cloudwatch/dashboard:Dashboard", "eu-west-1-dashboard").inputs;
    assert.equal(dashboard.dashboardName, "blueprint-prod-eu-west-1");
    const body = dashboard.dashboardBody as string;
    assert.deepEqual(dashboardBodyProblems(body), []);
    const widgets = JSON.parse(body).widgets as Array<{ properties: { title: string; region: string; metrics: unknown[][] } }>;
    assert.deepEqual(
      widgets.map((w) => w.properties.title),
      [
        "ALB requests",
        "ALB 5xx responses",
        "Target response time (s)",
        "In-service instances",
        "CPU utilisation (%)",
        "Web targets",
        "Queue depth (visible messages)",
        "Oldest message age (s)",
        "Dead-letter queue depth",
      ],
    );
    for (const w of widgets) assert.equal(w.properties.region, REGION);
    assert.deepEqual(
      widgets[3].properties.metrics.map((m) => m[3]),
      ["blueprint-prod-web-asg", "blueprint-prod-worker-asg"],
    );
    assert.deepEqual(
      widgets[8].properties.metrics.map((m) => m[3]),
      ["blueprint-prod-orders-dlq.fifo", "blueprint-prod-emails-dlq"],
    );
  });

  it("outputs the topic ARN, the alarm names and the dashboard name", () => {
    assert.equal(outputs.alarmTopicArn, TOPIC_ARN);
    assert.match(outputs.alarmKeyArn, /^arn:aws:kms:eu-west-1:123456789012:key\/[0-9a-f-]{36}$/);
    assert.equal(outputs.dashboardName, "blueprint-prod-eu-west-1");
    assert.deepEqual(outputs.alarmNames, [
      "blueprint-prod-eu-west-1-alb-5xx-rate",
      "blueprint-prod-eu-west-1-target-response-p99",
      "blueprint-prod-eu-west-1-unhealthy-hosts",
      "blueprint-prod-eu-west-1-queue-orders-dlq-not-empty",
      "blueprint-prod-eu-west-1-queue-orders-oldest-message-age",
      "blueprint-prod-eu-west-1-queue-emails-dlq-not-empty",
      "blueprint-prod-eu-west-1-queue-emails-oldest-message-age",
    ]);
  });

  it("watches the queues RegionalQueues declares, by their physical names", async () => {
    const spec: QueueSpec = {
      name: "jobs",
      type: "fifo",
      visibilityTimeoutSeconds: 60,
      messageRetentionSeconds: 86_400,
      delaySeconds: 0,
      receiveWaitTimeSeconds: 20,
      maxMessageSizeBytes: 262_144,
      maxReceiveCount: 5,
      contentBasedDeduplication: false,
      deadLetter: { type: "fifo", messageRetentionSeconds: 1_209_600 },
    };
    const { resources: wired } = await recordProgram(
      () => {
        const queues = new RegionalQueues(REGION, { region: REGION, namePrefix: "blueprint-prod", queues: [spec] });
        new RegionalObservability(REGION, {
          ...ARGS,
          queues: [{ name: "jobs", queueName: queues.queues.jobs.name, deadLetterQueueName: queues.queues.jobs.deadLetterName }],
        });
        return {};
      },
      { stack: "test" },
    );
    assert.deepEqual(alarm(wired, "queue-jobs-dlq-not-empty").dimensions, { QueueName: "blueprint-prod-jobs-dlq.fifo" });
    assert.deepEqual(alarm(wired, "queue-jobs-oldest-message-age").dimensions, { QueueName: "blueprint-prod-jobs.fifo" });
  });

  it("rejects invalid arguments before declaring anything, listing every problem", () => {
    assert.throws(
      () =>
        new RegionalObservability("bad", {
          ...ARGS,
          namePrefix: "blueprint.prod",
          alarmEmail: "ops-at-example.com",
          keyDeletionWindowDays: 45,
          thresholds: { alb5xxPercent: 0, targetResponseP99Seconds: 5000, queueOldestMessageAgeSeconds: 1_209_600 },
          queues: [ARGS.queues[0], { ...ARGS.queues[1], name: "orders" }],
        }),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "RegionalObservability bad has invalid arguments:",
            '  - namePrefix may only contain letters, digits, hyphens and underscores (at least one), got "blueprint.prod"',
            '  - alarmEmail must be an email address such as ops@example.com, got "ops-at-example.com"',
            "  - keyDeletionWindowDays must be an integer from 7 to 30, got 45",
            "  - thresholds.alb5xxPercent must be more than 0 and less than 100 (a percentage of requests), got 0",
            "  - thresholds.targetResponseP99Seconds must be more than 0 and at most 4000 (the longest ALB idle timeout), got 5000",
            "  - thresholds.queueOldestMessageAgeSeconds must be an integer from 1 to 1209599 (no message outlives the 14-day maximum retention), got 1209600",
            '  - queues[1].name "orders" is also the name of queues[0]; queue names must be unique',
          ].join("\n"),
        );
        return true;
      },
    );
  });
});

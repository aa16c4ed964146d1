import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  alarmSpecProblems,
  alarmThresholdProblems,
  isAlarmPeriod,
  isPercentileStatistic,
  regionalAlarmSpecs,
  type AlarmSpec,
  type AlarmSpecInput,
  type AlarmThresholds,
} from "../../../../components/observability/lib/alarms";
import { dashboardBody, dashboardBodyProblems, dashboardDocument, type DashboardInput } from "../../../../components/observability/lib/dashboard";
import { alarmKeyPolicy, alarmTopicPolicy } from "../../../../components/observability/lib/policies";
import { observabilityArgProblems, observabilityNames, type ObservabilityArgsToValidate } from "../../../../components/observability/lib/validate";

const THRESHOLDS: AlarmThresholds = { alb5xxPercent: 5, targetResponseP99Seconds: 2, queueOldestMessageAgeSeconds: 900 };
const INPUT: AlarmSpecInput<string> = {
  region: "eu-west-1",
  namePrefix: "blueprint-prod",
  thresholds: THRESHOLDS,
  loadBalancerArnSuffix: "app/web/1",
  targetGroupArnSuffix: "targetgroup/web/2",
  queues: [{ name: "orders", queueName: "blueprint-prod-orders.fifo", deadLetterQueueName: "blueprint-prod-orders-dlq.fifo" }],
};
const specs = regionalAlarmSpecs(INPUT);
const byKey = (key: string): AlarmSpec<string> => {
  const spec = specs.find((s) => s.key === key);
  assert.ok(spec, key);
  return spec;
};

describe("alarm specs", () => {
  it("builds three load balancer alarms and two per queue, named <prefix>-<region>-<key>", () => {
    assert.deepEqual(
      specs.map((s) => s.name),
      [
        "blueprint-prod-eu-west-1-alb-5xx-rate",
        "blueprint-prod-eu-west-1-target-response-p99",
        "blueprint-prod-eu-west-1-unhealthy-hosts",
        "blueprint-prod-eu-west-1-queue-orders-dlq-not-empty",
        "blueprint-prod-eu-west-1-queue-orders-oldest-message-age",
      ],
    );
    for (const spec of specs) assert.deepEqual(alarmSpecProblems(spec), [], spec.key);
  });

  it("uses the thresholds and reads missing data as healthy", () => {
    assert.deepEqual(
      specs.map((s) => [s.key, s.threshold, s.treatMissingData]),
      [
        ["alb-5xx-rate", 5, "notBreaching"],
        ["target-response-p99", 2, "notBreaching"],
        ["unhealthy-hosts", 0, "notBreaching"],
        ["queue-orders-dlq-not-empty", 0, "notBreaching"],
        ["queue-orders-oldest-message-age", 900, "notBreaching"],
      ],
    );
    assert.equal(
      byKey("alb-5xx-rate").description,
      "5xx responses (load balancer and targets) above 5% of requests in 3 of 5 minutes in eu-west-1. No traffic counts as healthy.",
    );
  });

  type Mutation = { name: string; mutate: (s: AlarmSpec<string>) => AlarmSpec<string>; base?: string; expected: string[] };
  const mutations: Mutation[] = [
    {
      name: "a name over 255 characters",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, name: "a".repeat(256) }),
      expected: [`alarm unhealthy-hosts: name "${"a".repeat(256)}" is 256 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`],
    },
    {
      name: "a control character in the name",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, name: "a\nb" }),
      expected: ['alarm unhealthy-hosts: name "a\nb" is 3 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)'],
    },
    {
      name: "a description over 1024 characters",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, description: "d".repeat(1025) }),
      expected: ["alarm unhealthy-hosts: description is 1025 characters long; CloudWatch allows at most 1024"],
    },
    {
      name: "a threshold that is not a number",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, threshold: Number.NaN }),
      expected: ["alarm unhealthy-hosts: threshold must be a finite number, got NaN"],
    },
    {
      name: "more datapoints to alarm than evaluation periods",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, datapointsToAlarm: 6 }),
      expected: ["alarm unhealthy-hosts: datapointsToAlarm must be an integer from 1 to evaluationPeriods (5), got 6"],
    },
    {
      name: "zero evaluation periods",
      base: "queue-orders-dlq-not-empty",
      mutate: (s) => ({ ...s, evaluationPeriods: 0 }),
      expected: [
        "alarm queue-orders-dlq-not-empty: evaluationPeriods must be a positive integer, got 0",
        "alarm queue-orders-dlq-not-empty: datapointsToAlarm must be an integer from 1 to evaluationPeriods (0), got 1",
      ],
    },
    {
      name: "a period that is not 10, 30 or whole minutes",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, metric: { ...s.metric!, period: 45 } }),
      expected: ["alarm unhealthy-hosts: period must be 10, 30 or a multiple of 60 seconds, got 45"],
    },
    {
      name: "more than a day of evaluation",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, evaluationPeriods: 25, metric: { ...s.metric!, period: 3600 } }),
      expected: ["alarm unhealthy-hosts: period × evaluationPeriods is 90000 seconds; CloudWatch evaluates at most 86400 (one day)"],
    },
    {
      name: "both a metric and metric math",
      base: "alb-5xx-rate",
      mutate: (s) => ({ ...s, metric: byKey("unhealthy-hosts").metric }),
      expected: ["alarm alb-5xx-rate: needs exactly one of metric and metricQueries"],
    },
    {
      name: "both a statistic and a percentile",
      base: "target-response-p99",
      mutate: (s) => ({ ...s, metric: { ...s.metric!, statistic: "Average" } }),
      expected: ["alarm target-response-p99: metric needs exactly one of statistic and extendedStatistic"],
    },
    {
      name: "a malformed percentile",
      base: "target-response-p99",
      mutate: (s) => ({ ...s, metric: { ...s.metric!, extendedStatistic: "P99" } }),
      expected: ['alarm target-response-p99: extendedStatistic must be a percentile such as p99 or p99.9 (p0 to p100, at most two decimals), got "P99"'],
    },
    {
      name: "low-sample percentile handling on a plain statistic",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, evaluateLowSampleCountPercentiles: "ignore" }),
      expected: ["alarm unhealthy-hosts: evaluateLowSampleCountPercentiles only applies to percentile statistics"],
    },
    {
      name: "an empty dimension value",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, metric: { ...s.metric!, dimensions: { TargetGroup: "" } } }),
      expected: ["alarm unhealthy-hosts: metric UnHealthyHostCount dimension TargetGroup must be 1 to 1024 characters, got 0"],
    },
    {
      name: "a metric math ID that starts with a capital or digit, used twice",
      base: "alb-5xx-rate",
      mutate: (s) => ({
        ...s,
        metricQueries: s.metricQueries!.map((q) => (q.id === "requests" ? { ...q, id: "Requests" } : q.id === "elb5xx" ? { ...q, id: "5xx" } : q.id === "target5xx" ? { ...q, id: "errors" } : q)),
      }),
      expected: [
        'alarm alb-5xx-rate: metric query id "Requests" must start with a lowercase letter and contain only letters, digits and _ (at most 255)',
        'alarm alb-5xx-rate: metric query id "5xx" must start with a lowercase letter and contain only letters, digits and _ (at most 255)',
        'alarm alb-5xx-rate: metric query id "errors" is used twice',
      ],
    },
    {
      name: "no returned expression",
      base: "alb-5xx-rate",
      mutate: (s) => ({ ...s, metricQueries: s.metricQueries!.map((q) => ({ ...q, returnData: false })) }),
      expected: ["alarm alb-5xx-rate: exactly one metric query must have returnData, got 0 ()"],
    },
    {
      name: "a query with both a metric and an expression",
      base: "alb-5xx-rate",
      mutate: (s) => ({ ...s, metricQueries: s.metricQueries!.map((q) => (q.id === "errors" ? { ...q, metric: s.metricQueries![0].metric } : q)) }),
      expected: ['alarm alb-5xx-rate: metric query "errors" needs exactly one of metric and expression'],
    },
    {
      name: "more than ten metrics",
      base: "alb-5xx-rate",
      mutate: (s) => ({
        ...s,
        metricQueries: [...s.metricQueries!, ...Array.from({ length: 8 }, (_, i) => ({ ...s.metricQueries![0], id: `extra${i}` }))],
      }),
      expected: ["alarm alb-5xx-rate: metricQueries fetch 11 metrics; an alarm allows at most 10"],
    },
  ];
  for (const m of mutations) {
    it(`reports ${m.name}`, () => {
      assert.deepEqual(alarmSpecProblems(m.mutate(byKey(m.base ?? "unhealthy-hosts"))), m.expected);
    });
  }

  it("knows CloudWatch's percentile format and alarm periods", () => {
    for (const ok of ["p0", "p50", "p99", "p99.9", "p99.99", "p100"]) assert.equal(isPercentileStatistic(ok), true, ok);
    for (const bad of ["p", "P99", "p100.5", "p101", "p99.999", "tm99", "99", "p-1"]) assert.equal(isPercentileStatistic(bad), false, bad);
    for (const ok of [10, 30, 60, 300, 3600]) assert.equal(isAlarmPeriod(ok), true, String(ok));
    for (const bad of [0, 1, 20, 45, 90, 61]) assert.equal(isAlarmPeriod(bad), false, String(bad));
  });

  it("reports thresholds outside their meaningful ranges", () => {
    assert.deepEqual(alarmThresholdProblems(THRESHOLDS), []);
    assert.deepEqual(alarmThresholdProblems({ alb5xxPercent: 100, targetResponseP99Seconds: 0, queueOldestMessageAgeSeconds: 1.5 }), [
      "thresholds.alb5xxPercent must be more than 0 and less than 100 (a percentage of requests), got 100",
      "thresholds.targetResponseP99Seconds must be more than 0 and at most 4000 (the longest ALB idle timeout), got 0",
      "thresholds.queueOldestMessageAgeSeconds must be an integer from 1 to 1209599 (no message outlives the 14-day maximum retention), got 1.5",
    ]);
  });
});

const DASHBOARD: DashboardInput = {
  region: "ap-southeast-2",
  thresholds: THRESHOLDS,
  loadBalancerArnSuffix: "app/web/1",
  targetGroupArnSuffix: "targetgroup/web/2",
  autoScalingGroups: { web: "web-asg", worker: "worker-asg" },
  queues: [
    { name: "orders", queueName: "p-orders.fifo", deadLetterQueueName: "p-orders-dlq.fifo" },
    { name: "emails", queueName: "p-emails", deadLetterQueueName: "p-emails-dlq" },
  ],
};

describe("dashboard body", () => {
  it("lays out three rows of three graphs, every one in the region", () => {
    const { widgets } = dashboardDocument(DASHBOARD);
    assert.deepEqual(
      widgets.map((w) => [w.x, w.y, w.width, w.height]),
      [
        [0, 0, 8, 6], [8, 0, 8, 6], [16, 0, 8, 6],
        [0, 6, 8, 6], [8, 6, 8, 6], [16, 6, 8, 6],
        [0, 12, 8, 6], [8, 12, 8, 6], [16, 12, 8, 6],
      ],
    );
    for (const w of widgets) assert.equal((w.properties as { region: string }).region, "ap-southeast-2");
    assert.deepEqual(dashboardBodyProblems(dashboardBody(DASHBOARD)), []);
  });

  it("graphs each queue by its physical name with its logical name as label, and marks the alarm thresholds", () => {
    const { widgets } = dashboardDocument(DASHBOARD);
    const properties = (i: number) => widgets[i].properties as { metrics: unknown[][]; annotations?: unknown };
    assert.deepEqual(properties(6).metrics, [
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "p-orders.fifo", { label: "orders" }],
      ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", "p-emails", { label: "emails" }],
    ]);
    assert.deepEqual(properties(7).annotations, { horizontal: [{ label: "Age alarm", value: 900 }] });
    assert.deepEqual(properties(2).annotations, { horizontal: [{ label: "p99 alarm", value: 2 }] });
  });

  it("graphs in-service instances and CPU per tier by group name, web then worker, with the tier as label", () => {
    const { widgets } = dashboardDocument(DASHBOARD);
    const properties = (i: number) => widgets[i].properties as { title: string; stat: string; period: number; metrics: unknown[][] };
    assert.deepEqual(properties(3), {
      ...properties(3),
      title: "In-service instances",
      stat: "Maximum",
      period: 60,
      metrics: [
        ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", "web-asg", { label: "web" }],
        ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", "worker-asg", { label: "worker" }],
      ],
    });
    assert.deepEqual(properties(4), {
      ...properties(4),
      title: "CPU utilisation (%)",
      stat: "Average",
      period: 300,
      metrics: [
        ["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web-asg", { label: "web" }],
        ["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "worker-asg", { label: "worker" }],
      ],
    });
  });

  it("leaves the queue row out when there is no queue (a graph needs at least one metric)", () => {
    const body = dashboardBody({ ...DASHBOARD, queues: [] });
    assert.equal(JSON.parse(body).widgets.length, 6);
    assert.deepEqual(dashboardBodyProblems(body), []);
  });

  it("reports a body that is not JSON", () => {
    const problems = dashboardBodyProblems("{");
    assert.equal(problems.length, 1);
    // the parser's own wording varies between Node.js versions
    assert.match(problems[0], /^dashboard body is not JSON: /);
  });

  const bodies: Array<[string, unknown, string[]]> = [
    ["no widgets array", { widget: [] }, ["dashboard body must be an object with a widgets array"]],
    ["too many widgets", { widgets: Array.from({ length: 501 }, () => ({ type: "text", x: 0, y: 0, width: 1, height: 1, properties: { markdown: "x" } })) }, ["dashboard has 501 widgets; CloudWatch allows at most 500"]],
    [
      "a widget off the grid",
      { widgets: [{ type: "text", x: 20, y: -1, width: 8, height: 1001 }] },
      [
        "widget 0 height must be 1 to 1000, got 1001",
        "widget 0 must lie within the 24-column grid, got x 20 and width 8",
        "widget 0 y must be a non-negative integer, got -1",
      ],
    ],
    [
      "a graph without region or metrics",
      { widgets: [{ type: "metric", x: 0, y: 0, width: 6, height: 6, properties: { metrics: [] } }] },
      ["widget 0 needs a region", "widget 0 must graph 1 to 500 metrics, got 0"],
    ],
    [
      "malformed metric lines",
      {
        widgets: [
          {
            type: "metric", x: 0, y: 0, width: 6, height: 6,
            properties: { region: "eu-west-1", metrics: [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName"], [{ expression: "m1 * 2", id: "E1" }]] },
          },
        ],
      },
      [
        'widget 0 metric 0 must be [namespace, metricName, dimension, value, ...] with non-empty strings, got ["AWS/SQS","ApproximateNumberOfMessagesVisible","QueueName"]',
        "widget 0 metric 1 is an expression and needs an id that starts with a lowercase letter",
      ],
    ],
  ];
  for (const [name, body, expected] of bodies) {
    it(`reports ${name}`, () => {
      assert.deepEqual(dashboardBodyProblems(typeof body === "string" ? body : JSON.stringify(body)), expected);
    });
  }
});

describe("observability arguments", () => {
  const ARGS: ObservabilityArgsToValidate = {
    region: "eu-west-1",
    namePrefix: "blueprint-prod",
    thresholds: THRESHOLDS,
    keyDeletionWindowDays: 30,
    queues: [{ name: "orders" }, { name: "emails" }],
  };

  it("accepts valid arguments and names the topic, alias and dashboard after the prefix and region", () => {
    assert.deepEqual(observabilityArgProblems(ARGS), []);
    assert.deepEqual(observabilityNames("blueprint-prod", "eu-west-1"), {
      topic: "blueprint-prod-eu-west-1-alarms",
      keyAlias: "alias/blueprint-prod-eu-west-1-alarms",
      dashboard: "blueprint-prod-eu-west-1",
    });
  });

  it("reports an unknown region, bad queue names and plain-string dimensions that are empty", () => {
    assert.deepEqual(
      observabilityArgProblems({
        ...ARGS,
        region: "moon-1",
        queues: [{ name: "a b", queueName: "" }],
        loadBalancer: { arnSuffix: "app/web/1", targetGroupArnSuffix: { unknown: true } },
      }),
      [
        'region must be a known AWS region, got "moon-1"',
        'queues[0].name may only contain letters, digits, hyphens and underscores (at least one), got "a b"',
        "alarm queue-a b-oldest-message-age: metric ApproximateAgeOfOldestMessage dimension QueueName must be 1 to 1024 characters, got 0",
      ],
    );
  });

  it("reports names too long for SNS, KMS, the dashboard and CloudWatch alarms", () => {
    const prefix = "p".repeat(240);
    const problems = observabilityArgProblems({ ...ARGS, namePrefix: prefix, queues: [] });
    assert.deepEqual(problems, [
      `the alarm topic name "${prefix}-eu-west-1-alarms" is 257 characters long; SNS allows at most 256 (shorten namePrefix)`,
      `the key alias "alias/${prefix}-eu-west-1-alarms" is 263 characters long; KMS allows at most 256 (shorten namePrefix)`,
      `alarm alb-5xx-rate: name "${prefix}-eu-west-1-alb-5xx-rate" is 263 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
      `alarm target-response-p99: name "${prefix}-eu-west-1-target-response-p99" is 270 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
      `alarm unhealthy-hosts: name "${prefix}-eu-west-1-unhealthy-hosts" is 266 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
    ]);
  });

  it("reports a dashboard name over 255 characters", () => {
    const prefix = "d".repeat(246);
    assert.ok(
      observabilityArgProblems({ ...ARGS, namePrefix: prefix, queues: [] }).includes(
        `the dashboard name "${prefix}-eu-west-1" is 256 characters long; CloudWatch allows at most 255 (shorten namePrefix)`,
      ),
    );
  });

  it("property: valid prefixes and queue names give unique alarm names that pass every alarm and dashboard rule", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/),
        fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/), { maxLength: 12 }),
        fc.record({
          alb5xxPercent: fc.double({ min: 0.01, max: 99.99, noNaN: true }),
          targetResponseP99Seconds: fc.double({ min: 0.001, max: 4000, noNaN: true }),
          queueOldestMessageAgeSeconds: fc.integer({ min: 1, max: 1_209_599 }),
        }),
        (namePrefix, queueNames, thresholds) => {
          const queues = queueNames.map((name) => ({ name, queueName: `${namePrefix}-${name}`, deadLetterQueueName: `${namePrefix}-${name}-dlq` }));
          assert.deepEqual(observabilityArgProblems({ ...ARGS, namePrefix, thresholds, queues }), []);
          const alarms = regionalAlarmSpecs({ ...INPUT, namePrefix, thresholds, queues });
          assert.equal(alarms.length, 3 + 2 * queues.length);
          assert.equal(new Set(alarms.map((a) => a.name)).size, alarms.length);
          const body = dashboardBody({ ...DASHBOARD, thresholds, queues });
          assert.deepEqual(dashboardBodyProblems(body), []);
        },
      ),
    );
  });

  it("property: an invalid key deletion window or email is always reported", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -100, max: 6 }), fc.integer({ min: 31, max: 1000 })), fc.stringMatching(/^[^@]{0,20}$/), (days, email) => {
        const problems = observabilityArgProblems({ ...ARGS, keyDeletionWindowDays: days, alarmEmail: email });
        assert.ok(problems.includes(`keyDeletionWindowDays must be an integer from 7 to 30, got ${days}`));
        assert.ok(problems.includes(`alarmEmail must be an email address such as ops@example.com, got ${JSON.stringify(email)}`));
      }),
    );
  });
});

describe("alarm topic policies", () => {
  it("lets the account administer the key and CloudWatch use it, nothing else", () => {
    const statements = JSON.parse(alarmKeyPolicy({ accountId: "111122223333", partition: "aws-cn" })).Statement;
    assert.deepEqual(statements.map((s: { Principal: unknown }) => s.Principal), [
      { AWS: "arn:aws-cn:iam::111122223333:root" },
      { Service: "cloudwatch.amazonaws.com" },
    ]);
    assert.deepEqual(statements[1].Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
  });

  it("scopes publishing to this account's alarms in this region", () => {
    const policy = JSON.parse(
      alarmTopicPolicy({ accountId: "111122223333", partition: "aws", region: "us-west-2", topicArn: "arn:aws:sns:us-west-2:111122223333:t" }),
    );
    assert.deepEqual(policy.Statement[0].Condition, {
      StringEquals: { "aws:SourceAccount": "111122223333" },
      ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-west-2:111122223333:alarm:*" },
    });
    assert.deepEqual([policy.Statement[1].Effect, policy.Statement[1].Condition], ["Deny", { Bool: { "aws:SecureTransport": "false" } }]);
  });
});

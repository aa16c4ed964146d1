import * as assert from "node:assert/strict";
import {
  alarmSpecProblems,
  alarmThresholdProblems,
  isAlarmPeriod,
  isPercentileStatistic,
  regionalAlarmSpecs,
  type AlarmSpec,
} from "../../../../components/observability/lib/alarms";
import { INPUT, THRESHOLDS } from "../../../support/observability";

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
      expected: [
        `alarm unhealthy-hosts: name "${"a".repeat(256)}" is 256 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)`,
      ],
    },
    {
      name: "a control character in the name",
      base: "unhealthy-hosts",
      mutate: (s) => ({ ...s, name: "a\nb" }),
      expected: [
        'alarm unhealthy-hosts: name "a\nb" is 3 characters long; CloudWatch allows 1 to 255 without control characters (shorten namePrefix or the queue name)',
      ],
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
        metricQueries: s.metricQueries!.map((q) =>
          q.id === "requests" ? { ...q, id: "Requests" } : q.id === "elb5xx" ? { ...q, id: "5xx" } : q.id === "target5xx" ? { ...q, id: "errors" } : q,
        ),
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

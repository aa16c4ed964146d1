import * as assert from "node:assert/strict";
import { alarmRule, burnAlarmSpecs, edgeBurnAlarmSpecs, percentileRankStat } from "../../../../components/telemetry/lib/slo";

const OBJECTIVES = { availabilityObjectivePercent: 99.9, latencyObjectivePercent: 99, latencyThresholdSeconds: 0.5 };
const specs = burnAlarmSpecs("blueprint-prod-eu-west-1-slo", OBJECTIVES, { loadBalancer: "app/lb/1", targetGroup: "targetgroup/tg/2" });

describe("SLO burn-rate alarms", () => {
  it("pairs 14.4x over 1 h and 5 min, and 6x over 6 h and 30 min, for availability and latency", () => {
    assert.deepEqual(
      specs.map((spec) => [spec.name, spec.long.name, spec.long.period, spec.short.name, spec.short.period, spec.long.threshold]),
      [
        [
          "blueprint-prod-eu-west-1-slo-availability-fast-burn",
          "blueprint-prod-eu-west-1-slo-availability-fast-1h",
          3600,
          "blueprint-prod-eu-west-1-slo-availability-fast-5m",
          300,
          14.4,
        ],
        [
          "blueprint-prod-eu-west-1-slo-availability-slow-burn",
          "blueprint-prod-eu-west-1-slo-availability-slow-6h",
          21600,
          "blueprint-prod-eu-west-1-slo-availability-slow-30m",
          1800,
          6,
        ],
        [
          "blueprint-prod-eu-west-1-slo-latency-fast-burn",
          "blueprint-prod-eu-west-1-slo-latency-fast-1h",
          3600,
          "blueprint-prod-eu-west-1-slo-latency-fast-5m",
          300,
          14.4,
        ],
        [
          "blueprint-prod-eu-west-1-slo-latency-slow-burn",
          "blueprint-prod-eu-west-1-slo-latency-slow-6h",
          21600,
          "blueprint-prod-eu-west-1-slo-latency-slow-30m",
          1800,
          6,
        ],
      ],
    );
  });

  it("computes availability burn from target and load-balancer 5xx over requests, divided by the 0.1 % budget", () => {
    const queries = specs[0].long.queries;
    assert.deepEqual(
      queries.map((query) => [query.id, query.metric?.metricName, query.metric?.stat, query.metric?.period, query.returnData]),
      [
        ["requests", "RequestCount", "Sum", 3600, false],
        ["target5xx", "HTTPCode_Target_5XX_Count", "Sum", 3600, false],
        ["elb5xx", "HTTPCode_ELB_5XX_Count", "Sum", 3600, false],
        ["burn", undefined, undefined, undefined, true],
      ],
    );
    assert.equal(queries[3].expression, "IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests / 0.1, 0)");
    assert.deepEqual(queries[0].metric?.dimensions, { LoadBalancer: "app/lb/1" });
  });

  it("computes latency burn from the percentile rank of TargetResponseTime at the threshold, per target group", () => {
    const queries = specs[2].short.queries;
    assert.deepEqual(queries[1].metric, {
      namespace: "AWS/ApplicationELB",
      metricName: "TargetResponseTime",
      dimensions: { LoadBalancer: "app/lb/1", TargetGroup: "targetgroup/tg/2" },
      period: 300,
      stat: "PR(:0.5)",
    });
    assert.equal(queries[2].expression, "IF(requests > 0, (100 - FILL(fast, 100)) / 1, 0)");
  });

  it("writes percentile ranks and composite rules as CloudWatch reads them", () => {
    assert.equal(percentileRankStat(0.25), "PR(:0.25)");
    assert.equal(alarmRule("AND", ["a", "b"]), 'ALARM("a") AND ALARM("b")');
    assert.equal(alarmRule("OR", ["a"]), 'ALARM("a")');
    assert.throws(
      () =>
        alarmRule(
          "OR",
          Array.from({ length: 400 }, (_, i) => `alarm-with-a-long-name-${i}`),
        ),
      /composite alarm rule is \d+ characters; CloudWatch allows 10240/,
    );
  });
});

describe("edge SLO burn-rate alarms", () => {
  it("burns CloudFront's 5xx error rate of the distribution against the budget, on the same window pairs", () => {
    const edge = edgeBurnAlarmSpecs("blueprint-prod-slo", 99.9, "E123");
    assert.deepEqual(
      edge.map((spec) => [spec.name, spec.long.period, spec.short.period, spec.long.threshold]),
      [
        ["blueprint-prod-slo-edge-fast-burn", 3600, 300, 14.4],
        ["blueprint-prod-slo-edge-slow-burn", 21600, 1800, 6],
      ],
    );
    const queries = edge[0].short.queries;
    assert.deepEqual(queries[1].metric, {
      namespace: "AWS/CloudFront",
      metricName: "5xxErrorRate",
      dimensions: { DistributionId: "E123", Region: "Global" },
      period: 300,
      stat: "Average",
    });
    assert.equal(queries[2].expression, "IF(requests > 0, FILL(rate5xx, 0) / 0.1, 0)");
  });
});

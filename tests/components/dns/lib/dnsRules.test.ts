import * as assert from "node:assert/strict";
import { dnsArgProblems, dnsSettingsProblems, healthAlarmSpec, resourcePathProblem, type DnsSettings } from "../../../../components/dns/lib/dnsRules";

const DNS: DnsSettings = { healthCheck: { intervalSeconds: 30, failureThreshold: 3 }, alarmEvaluationPeriods: 2 };

describe("DNS rules", () => {
  it("accepts Route 53's intervals and the threshold range's edges", () => {
    for (const intervalSeconds of [10, 30]) {
      for (const failureThreshold of [1, 10])
        assert.deepEqual(dnsSettingsProblems({ healthCheck: { intervalSeconds, failureThreshold }, alarmEvaluationPeriods: 1 }), []);
    }
  });

  it("rejects other intervals, thresholds and alarm periods", () => {
    assert.deepEqual(
      dnsSettingsProblems({ healthCheck: { intervalSeconds: 20, failureThreshold: 11 }, alarmEvaluationPeriods: 0 }).map((p) => [p.field, p.message]),
      [
        ["healthCheck.intervalSeconds", "must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval"],
        ["healthCheck.failureThreshold", "must be a whole number from 1 to 10"],
        ["alarmEvaluationPeriods", "must be a whole number from 1 to 60 minutes"],
      ],
    );
  });

  it("checks health-check paths against Route 53's limits", () => {
    assert.equal(resourcePathProblem("/health"), undefined);
    assert.equal(resourcePathProblem("health"), "must start with /");
    assert.equal(resourcePathProblem(`/${"a".repeat(255)}`), "must be at most 255 characters (Route 53's limit)");
    assert.equal(resourcePathProblem("/a b"), "must not contain whitespace");
  });

  it("alarms on the minimum HealthCheckStatus, treating missing data as unhealthy", () => {
    assert.deepEqual(
      healthAlarmSpec({ namePrefix: "blueprint-prod", region: "eu-west-1", apiName: "api.example.com", healthCheckId: "hc", evaluationPeriods: 2 }),
      {
        name: "blueprint-prod-eu-west-1-api-health",
        description: "Route 53 sees eu-west-1.api.example.com (the eu-west-1 load balancer) as unhealthy; latency routing sends api.example.com elsewhere",
        namespace: "AWS/Route53",
        metricName: "HealthCheckStatus",
        dimensions: { HealthCheckId: "hc" },
        statistic: "Minimum",
        period: 60,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
      },
    );
  });

  it("lists every argument problem at once", () => {
    assert.deepEqual(
      dnsArgProblems({
        hostedZoneId: "zone",
        apiName: "www.example.com",
        appName: "www.example.com",
        namePrefix: "a.b",
        regions: [
          { region: "eu-west-1", healthCheckPath: "health", protocol: "HTTPS" },
          { region: "eu-west-1", healthCheckPath: "/health", protocol: "TCP" },
        ],
        settings: { ...DNS, healthCheck: { intervalSeconds: 5, failureThreshold: 3 } },
      }),
      [
        "hostedZoneId must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)",
        "apiName and appName must differ, both are www.example.com",
        'namePrefix may only contain letters, digits, hyphens and underscores (at least one), got "a.b"',
        'regions[eu-west-1].healthCheckPath "health" must start with /',
        "regions lists eu-west-1 twice; a latency record set has one record per region",
        'regions[eu-west-1].protocol must be HTTPS or HTTP, got "TCP"',
        "settings.healthCheck.intervalSeconds must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval",
      ],
    );
  });
});

import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { alertManagerDefinition, sloRules, sloWindows } from "../../../../components/telemetry/lib/prometheusRules";
import { PROD_TELEMETRY_SETTINGS } from "../../../support/settings";

const OBJECTIVES = {
  availabilityObjectivePercent: PROD_TELEMETRY_SETTINGS.availabilityObjectivePercent,
  latencyObjectivePercent: PROD_TELEMETRY_SETTINGS.latencyObjectivePercent,
  latencyThresholdSeconds: PROD_TELEMETRY_SETTINGS.latencyThresholdSeconds,
  classObjectives: PROD_TELEMETRY_SETTINGS.classObjectives,
};

describe("Prometheus SLO rules and alert manager", () => {
  it("records both SLIs over every burn window", () => {
    assert.deepEqual(sloWindows(), ["5m", "30m", "1h", "6h"]);
    const groups = parse(sloRules(OBJECTIVES)).groups as { name: string; rules: { record?: string; alert?: string; expr: string }[] }[];
    assert.deepEqual(
      groups.map((group) => group.name),
      ["slo-recording", "slo-burn-alerts"],
    );
    assert.equal(groups[0].rules.length, 8);
    assert.equal(
      groups[0].rules[1].expr,
      '1 - sum(rate(http_server_request_duration_seconds_bucket{le="0.5"}[5m])) / sum(rate(http_server_request_duration_seconds_count[5m]))',
    );
  });

  it("alerts on the same window pairs and factors as the CloudWatch alarms", () => {
    const alerts = parse(sloRules(OBJECTIVES)).groups[1].rules as { alert: string; expr: string }[];
    assert.deepEqual(
      alerts.map((rule) => [rule.alert, rule.expr]),
      [
        ["BlueprintAvailabilityFastBurn", "blueprint:availability_errors:ratio_rate1h > 0.0144 and blueprint:availability_errors:ratio_rate5m > 0.0144"],
        ["BlueprintAvailabilitySlowBurn", "blueprint:availability_errors:ratio_rate6h > 0.006 and blueprint:availability_errors:ratio_rate30m > 0.006"],
        ["BlueprintLatencyFastBurn", "blueprint:latency_slow:ratio_rate1h > 0.144 and blueprint:latency_slow:ratio_rate5m > 0.144"],
        ["BlueprintLatencySlowBurn", "blueprint:latency_slow:ratio_rate6h > 0.06 and blueprint:latency_slow:ratio_rate30m > 0.06"],
      ],
    );
  });

  it("sends every alert to the region's topic, SigV4-signed in the region", () => {
    const definition = parse(alertManagerDefinition("arn:aws:sns:eu-west-1:123456789012:t", "eu-west-1"));
    const config = parse(definition.alertmanager_config);
    assert.deepEqual(config.receivers, [
      {
        name: "alarm-topic",
        sns_configs: [{ topic_arn: "arn:aws:sns:eu-west-1:123456789012:t", sigv4: { region: "eu-west-1" }, subject: "Prometheus alert" }],
      },
    ]);
    assert.equal(config.route.receiver, "alarm-topic");
  });
});

import * as assert from "node:assert/strict";
import { cloudwatchAgentConfig, renderCloudwatchAgentConfig } from "../../../../components/telemetry/lib/agentConfig";
import { telemetryNames } from "../../../../components/telemetry/lib/names";
import { cloudwatchAgentErrors } from "../../../support/agentSchemas";

const names = telemetryNames("blueprint-prod", "prod", "eu-west-1");
const input = { region: "eu-west-1", tier: "web" as const, logGroups: names.logGroups.web };

describe("CloudWatch agent configuration", () => {
  it("conforms to the agent's documented schema (field names, types, enums)", () => {
    assert.deepEqual(cloudwatchAgentErrors(JSON.parse(renderCloudwatchAgentConfig(input))), []);
  });

  it("fails the schema check for a misspelt field, a wrong type and an unknown placeholder (the check can fail)", () => {
    const config = cloudwatchAgentConfig(input) as any;
    config.logs.logs_collected.files.collect_list[0].log_group = "x";
    config.agent.metrics_collection_interval = "60";
    config.metrics.append_dimensions.AutoScalingGroupName = "${aws:Asg}";
    assert.deepEqual(cloudwatchAgentErrors(config), [
      "/agent/metrics_collection_interval must be integer",
      "/logs/logs_collected/files/collect_list/0 must NOT have additional properties",
      "/metrics/append_dimensions/AutoScalingGroupName must be equal to constant",
    ]);
  });

  it("ships the application's and the system's logs to the tier's groups in the region, and never creates or retains a group itself", () => {
    const config = cloudwatchAgentConfig(input) as any;
    assert.equal(config.agent.region, "eu-west-1");
    const list = config.logs.logs_collected.files.collect_list as { file_path: string; log_group_name: string; retention_in_days?: number }[];
    assert.deepEqual(
      list.map((entry) => [entry.file_path, entry.log_group_name]),
      [
        ["/var/log/blueprint/*.log", "/blueprint/prod/eu-west-1/web/application"],
        ["/var/log/cloud-init-output.log", "/blueprint/prod/eu-west-1/web/system"],
        ["/opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log", "/blueprint/prod/eu-west-1/web/system"],
        ["/opt/aws/aws-otel-collector/logs/aws-otel-collector.log", "/blueprint/prod/eu-west-1/web/system"],
      ],
    );
    assert.ok(list.every((entry) => entry.retention_in_days === undefined));
  });

  it("collects memory, disk and process metrics per auto-scaling group in the agents' namespace", () => {
    const metrics = (cloudwatchAgentConfig(input) as any).metrics;
    assert.equal(metrics.namespace, "Blueprint/Agent");
    assert.deepEqual(Object.keys(metrics.metrics_collected), ["mem", "disk", "swap", "procstat"]);
    assert.deepEqual(metrics.aggregation_dimensions, [["AutoScalingGroupName"]]);
    assert.deepEqual(metrics.metrics_collected.procstat, [{ pattern: "blueprint-app", measurement: ["cpu_usage", "memory_rss", "pid_count"] }]);
  });
});

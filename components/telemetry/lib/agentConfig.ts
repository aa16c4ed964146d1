/**
 * The CloudWatch agent's configuration of one tier, as data: the application's and the system's
 * log files to the tier's log groups in the region (which the stack creates, encrypted, with their
 * retention: the agent creates nothing and sets no retention), and memory, disk and process metrics
 * per auto-scaling group. Field names and types follow the agent's configuration file reference
 * (its JSON schema, translator/config/schema.json in aws/amazon-cloudwatch-agent).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Agent-Configuration-File-Details.html
 */
import type { Tier, TierLogGroups } from "./names";

/** The namespace of the agents' metrics (memory, disk, processes). */
export const AGENT_METRICS_NAMESPACE = "Blueprint/Agent";

/** Where the application writes its log files on the instance. */
export const APPLICATION_LOG_FILES = "/var/log/blueprint/*.log";

/** The system and agent log files the agent ships. */
export const SYSTEM_LOG_FILES = [
  "/var/log/cloud-init-output.log",
  "/opt/aws/amazon-cloudwatch-agent/logs/amazon-cloudwatch-agent.log",
  "/opt/aws/aws-otel-collector/logs/aws-otel-collector.log",
] as const;

/** The command line the application's process is recognised by (procstat `pattern`). */
export const APPLICATION_PROCESS_PATTERN = "blueprint-app";

/** What the agent's configuration of a tier needs. */
export interface CloudwatchAgentInput {
  readonly region: string;
  readonly tier: Tier;
  readonly logGroups: TierLogGroups;
}

/** The agent's configuration of a tier. */
export function cloudwatchAgentConfig(input: CloudwatchAgentInput): Record<string, unknown> {
  const file = (path: string, group: string) => ({ file_path: path, log_group_name: group, log_stream_name: "{instance_id}", timezone: "UTC" });
  return {
    agent: { metrics_collection_interval: 60, region: input.region, logfile: SYSTEM_LOG_FILES[1], omit_hostname: true },
    logs: {
      logs_collected: {
        files: {
          collect_list: [file(APPLICATION_LOG_FILES, input.logGroups.application), ...SYSTEM_LOG_FILES.map((path) => file(path, input.logGroups.system))],
        },
      },
      force_flush_interval: 5,
    },
    metrics: {
      namespace: AGENT_METRICS_NAMESPACE,
      // the group's name, not the instance's: instances come and go, the group's series stay
      append_dimensions: { AutoScalingGroupName: "${aws:AutoScalingGroupName}", InstanceId: "${aws:InstanceId}" },
      aggregation_dimensions: [["AutoScalingGroupName"]],
      metrics_collected: {
        mem: { measurement: ["mem_used_percent", "mem_available"] },
        disk: { measurement: ["used_percent", "inodes_free"], resources: ["/"], ignore_file_system_types: ["sysfs", "devtmpfs", "tmpfs", "overlay"] },
        swap: { measurement: ["swap_used_percent"] },
        procstat: [{ pattern: APPLICATION_PROCESS_PATTERN, measurement: ["cpu_usage", "memory_rss", "pid_count"] }],
      },
    },
  };
}

/** The agent's configuration as the JSON its SSM parameter holds. */
export function renderCloudwatchAgentConfig(input: CloudwatchAgentInput): string {
  return JSON.stringify(cloudwatchAgentConfig(input));
}

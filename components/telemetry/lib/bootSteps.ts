/**
 * The agents' boot steps of a tier: a shell fragment the bootstrap runs after it writes the
 * environment file. It installs the CloudWatch agent and the ADOT collector from AWS's packages,
 * loads their configurations from the tier's SSM parameters (so that a configuration change needs
 * no new launch template) and tells the application where OTLP goes. Names only: nothing secret.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/install-CloudWatch-Agent-commandline-fleet.html
 * @see https://aws-otel.github.io/docs/setup/ec2
 */
import { OTLP_HTTP_ENDPOINT } from "./collectorConfig";
import type { Tier } from "./names";

/** Where the boot steps write the application's OpenTelemetry environment. */
export const OTEL_ENV_FILE = "/etc/blueprint/otel.env";

/** What the boot steps of a tier need. */
export interface BootStepsInput {
  readonly region: string;
  readonly tier: Tier;
  readonly os: "al2023" | "ubuntu-24.04";
  readonly architecture: "arm64" | "x86_64";
  readonly parameters: { readonly cloudwatchAgent: string; readonly collector: string };
  /** The stack's name (the `deployment.environment` resource attribute). */
  readonly stack: string;
}

const SAFE = /^[A-Za-z0-9_./-]+$/;

/** The boot steps; throws when a name could break the shell. */
export function agentBootSteps(input: BootStepsInput): string {
  for (const [key, value] of Object.entries({ region: input.region, stack: input.stack, ...input.parameters })) {
    if (!SAFE.test(value)) throw new Error(`telemetry boot steps: ${key} has characters that need quoting: ${value}`);
  }
  const arch = input.architecture === "arm64" ? "arm64" : "amd64";
  const collectorConfig = "/opt/aws/aws-otel-collector/etc/config.yaml";
  const install =
    input.os === "al2023"
      ? ["dnf install -y amazon-cloudwatch-agent", `rpm -Uvh https://aws-otel-collector.s3.amazonaws.com/amazon_linux/${arch}/latest/aws-otel-collector.rpm`]
      : [
          // Ubuntu has no AWS CLI; the snap is AWS's own
          "snap install aws-cli --classic",
          `curl -fsSLo /tmp/cwagent.deb https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/${arch}/latest/amazon-cloudwatch-agent.deb`,
          `curl -fsSLo /tmp/adot.deb https://aws-otel-collector.s3.amazonaws.com/ubuntu/${arch}/latest/aws-otel-collector.deb`,
          "dpkg -i /tmp/cwagent.deb /tmp/adot.deb",
        ];
  return [
    "# Telemetry agents (blueprint:telemetry.agents), configured from the stack's SSM parameters",
    ...install,
    `/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c ssm:${input.parameters.cloudwatchAgent}`,
    `aws ssm get-parameter --region ${input.region} --name ${input.parameters.collector} --query Parameter.Value --output text > ${collectorConfig}`,
    `/opt/aws/aws-otel-collector/bin/aws-otel-collector-ctl -a start -c ${collectorConfig}`,
    `cat > ${OTEL_ENV_FILE} <<'BLUEPRINT_OTEL'`,
    `OTEL_EXPORTER_OTLP_ENDPOINT=http://${OTLP_HTTP_ENDPOINT}`,
    "OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
    `OTEL_SERVICE_NAME=blueprint-${input.tier}`,
    `OTEL_RESOURCE_ATTRIBUTES=deployment.environment=${input.stack},blueprint.tier=${input.tier}`,
    "OTEL_PROPAGATORS=tracecontext,baggage,xray",
    "BLUEPRINT_OTEL",
    `chmod 0644 ${OTEL_ENV_FILE}`,
  ].join("\n");
}

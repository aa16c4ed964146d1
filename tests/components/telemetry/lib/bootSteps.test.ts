import * as assert from "node:assert/strict";
import { MAX_STACK_SCRIPT_BYTES, MAX_USER_DATA_BYTES, renderUserData } from "../../../../components/compute/lib/userData";
import { agentBootSteps } from "../../../../components/telemetry/lib/bootSteps";
import { telemetryNames } from "../../../../components/telemetry/lib/names";

const names = telemetryNames("blueprint-prod", "prod", "ap-southeast-2");
const steps = (os: "al2023" | "ubuntu-24.04", architecture: "arm64" | "x86_64") =>
  agentBootSteps({ region: "ap-southeast-2", tier: "worker", stack: "prod", os, architecture, parameters: names.parameters.worker });

describe("telemetry boot steps", () => {
  it("installs both agents for the OS and architecture and loads their configurations from the tier's parameters", () => {
    const al = steps("al2023", "arm64");
    assert.match(al, /^dnf install -y amazon-cloudwatch-agent$/m);
    assert.match(al, /amazon_linux\/arm64\/latest\/aws-otel-collector\.rpm$/m);
    assert.match(al, /-c ssm:\/blueprint-prod\/ap-southeast-2\/telemetry\/worker\/cloudwatch-agent$/m);
    assert.match(al, /--name \/blueprint-prod\/ap-southeast-2\/telemetry\/worker\/otel-collector /);
    const ubuntu = steps("ubuntu-24.04", "x86_64");
    assert.match(ubuntu, /ubuntu\/amd64\/latest\/amazon-cloudwatch-agent\.deb$/m);
    assert.match(ubuntu, /^snap install aws-cli --classic$/m);
  });

  it("keeps the user data within EC2's 16 KB with the largest stack script, a long environment and the agents", () => {
    const environment: Record<string, string> = {};
    for (let i = 0; i < 20; i++)
      environment[`BLUEPRINT_QUEUE_${i}_URL`] = `https://sqs.ap-southeast-2.amazonaws.com/123456789012/blueprint-prod-queue-${i}-with-a-long-name.fifo`;
    const script = `#!/bin/bash\n${"#".repeat(MAX_STACK_SCRIPT_BYTES - 13)}\n`;
    const userData = renderUserData(environment, script, steps("ubuntu-24.04", "arm64"));
    assert.ok(Buffer.byteLength(userData, "utf8") <= MAX_USER_DATA_BYTES, `${Buffer.byteLength(userData, "utf8")} bytes`);
    // the agents start before the stack's script, which starts the application
    assert.ok(userData.indexOf("aws-otel-collector-ctl") < userData.indexOf("# The stack's own script"));
  });

  it("refuses a name that would need quoting", () => {
    assert.throws(
      () => agentBootSteps({ region: "eu-west-1", tier: "web", stack: "prod;rm", os: "al2023", architecture: "arm64", parameters: names.parameters.web }),
      /telemetry boot steps: stack has characters that need quoting: prod;rm/,
    );
  });
});

import * as assert from "node:assert/strict";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { recordProgram } from "../../../tools/plan/runProgram";

describe("recording monitor", () => {
  it("writes secrets as [secret] in inputs, outputs and stack outputs, never their value", async () => {
    const recording = await recordProgram(
      () => {
        const password = new pulumi.Config("blueprint").requireSecret("dbPassword");
        const parameter = new aws.ssm.Parameter("p", { region: "eu-west-1", type: "SecureString", value: password });
        return { password, parameterArn: parameter.arn };
      },
      { stack: "t", config: { "aws:region": "us-east-1", "blueprint:dbPassword": "hunter2-very-secret" }, secretKeys: ["blueprint:dbPassword"] },
    );
    const text = JSON.stringify(recording);
    assert.doesNotMatch(text, /hunter2/);
    const parameter = recording.resources.find((r) => r.type === "aws:ssm/parameter:Parameter")!;
    assert.equal(parameter.inputs.value, "[secret]");
    assert.equal(parameter.outputs.value, "[secret]");
    assert.equal(recording.outputs.password, "[secret]");
  });

  it("records an output the class lists in additionalSecretOutputs as [secret] and hands it to the program as a secret", async () => {
    let secretSeen: boolean | undefined;
    const recording = await recordProgram(
      () => {
        const token = new aws.grafana.WorkspaceServiceAccountToken("t", { region: "us-east-1", workspaceId: "g-1", serviceAccountId: "2", secondsToLive: 60 });
        void pulumi.isSecret(token.key).then((secret) => (secretSeen = secret));
        return { key: token.key, id: token.serviceAccountTokenId };
      },
      { stack: "t", config: { "aws:region": "us-east-1" } },
    );
    const token = recording.resources.find((r) => r.name === "t")!;
    assert.equal(token.outputs.key, "[secret]");
    assert.match(token.outputs.serviceAccountTokenId as string, /^\d+$/);
    assert.equal(recording.outputs.key, "[secret]");
    assert.equal(secretSeen, true);
    assert.doesNotMatch(JSON.stringify(recording), /glsa_/);
  });

  it("records an explicit provider as a resource with a UUID and each resource that names it, whatever its package", async () => {
    const recording = await recordProgram(
      () => {
        const provider = new aws.Provider("explicit", { region: "eu-west-1" });
        new aws.cloudwatch.LogGroup("g", { retentionInDays: 7 }, { provider });
        new aws.cloudwatch.LogGroup("d", { region: "eu-west-1", retentionInDays: 7 });
        return {};
      },
      { stack: "t", config: { "aws:region": "us-east-1" } },
    );
    const provider = recording.resources.find((r) => r.type === "pulumi:providers:aws")!;
    assert.equal(provider.custom, true);
    assert.match(provider.outputs.id as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(recording.resources.find((r) => r.name === "g")!.provider, provider.urn);
    assert.ok(!("provider" in recording.resources.find((r) => r.name === "d")!));
  });

  it("records parent, dependencies, property dependencies and options", async () => {
    const recording = await recordProgram(
      () => {
        const group = new aws.cloudwatch.LogGroup("g", { region: "eu-west-1", retentionInDays: 7 }, { protect: true });
        new aws.cloudwatch.LogStream(
          "s",
          { region: "eu-west-1", logGroupName: group.name },
          { dependsOn: [group], ignoreChanges: ["name"], deleteBeforeReplace: true },
        );
        return {};
      },
      { stack: "t", config: { "aws:region": "us-east-1" } },
    );
    const group = recording.resources.find((r) => r.name === "g")!;
    const stream = recording.resources.find((r) => r.name === "s")!;
    assert.equal(group.protect, true);
    assert.equal(group.outputs.arn, `arn:aws:logs:eu-west-1:123456789012:log-group:${group.outputs.name}`);
    assert.match(group.outputs.name as string, /^g-[0-9a-f]{7}$/);
    assert.equal(stream.parent, "urn:pulumi:t::blueprint::pulumi:pulumi:Stack::blueprint-t");
    assert.deepEqual(stream.dependencies, [group.urn]);
    assert.deepEqual(stream.propertyDependencies.logGroupName, [group.urn]);
    assert.deepEqual(stream.ignoreChanges, ["name"]);
    assert.equal(stream.deleteBeforeReplace, true);
    assert.equal(stream.inputs.logGroupName, group.outputs.name);
  });

  it("fails clearly on an invoke it has no mock for", async () => {
    await assert.rejects(
      recordProgram(
        async () => {
          await aws.ec2.getVpc({ default: true });
          return {};
        },
        { stack: "t", config: { "aws:region": "us-east-1" } },
      ),
      /The offline plan has no mock for the invoke aws:ec2\/getVpc:getVpc; add one to the invokes of the component that calls it \(components\/<name>\/plan\.ts/,
    );
  });
});

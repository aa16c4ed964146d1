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

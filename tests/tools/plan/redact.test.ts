import * as assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { main } from "../../../tools/plan/cli";
import { containsSecret, redactWireValue } from "../../../tools/plan/redact";
import type { PlanFile } from "../../../tools/plan/planFile";

// Wire values built with the SDK's own signatures, so a change of the wire format fails here.
const secret = (value: unknown) => ({ [rpc.specialSigKey]: rpc.specialSecretSig, value });
const output = (fields: Record<string, unknown>) => ({ [rpc.specialSigKey]: rpc.specialOutputValueSig, ...fields });

describe("plan redaction", () => {
  it("writes a secret as [secret] wherever it sits: nested objects, lists, output values", () => {
    const wire = {
      plain: "visible",
      nested: { deeper: { password: secret("hunter2") }, kept: 1 },
      list: ["a", secret("in-a-list"), { inner: secret({ object: "whole" }) }],
      outputSecret: output({ value: "out-secret", secret: true, dependencies: [] }),
      outputPlain: output({ value: ["x", secret("inside-output")] }),
      outputUnknown: output({ dependencies: [] }),
      unknown: rpc.unknownValue,
      reference: { [rpc.specialSigKey]: rpc.specialResourceSig, urn: "urn:pulumi:t::p::aws:s3/bucket:Bucket::b", id: "b" },
      asset: { [rpc.specialSigKey]: rpc.specialAssetSig, text: "secret-free" },
    };
    assert.deepEqual(redactWireValue(wire), {
      plain: "visible",
      nested: { deeper: { password: "[secret]" }, kept: 1 },
      list: ["a", "[secret]", { inner: "[secret]" }],
      outputSecret: "[secret]",
      outputPlain: ["x", "[secret]"],
      outputUnknown: "[unknown]",
      unknown: "[unknown]",
      reference: "urn:pulumi:t::p::aws:s3/bucket:Bucket::b",
      asset: "[asset]",
    });
    assert.doesNotMatch(JSON.stringify(redactWireValue(wire)), /hunter2|in-a-list|whole|out-secret|inside-output/);
  });

  it("tells whether a wire value holds a secret anywhere", () => {
    assert.equal(containsSecret({ a: [1, { b: "x" }], c: output({ value: "y" }) }), false);
    assert.equal(containsSecret({ a: [1, { b: secret("x") }] }), true);
    assert.equal(containsSecret([output({ value: "y", secret: true })]), true);
  });

  it("never writes a secret input or output to the plan file or the report, even where the same text is plain elsewhere", async function () {
    this.timeout(60_000);
    const shared = "shared-text-4711";
    const secrets = ["param-value-9b1c", "dimension-3f2a", "action-list-77e0", "stack-output-5d9e"];
    const program = () => {
      const region = "us-east-1";
      const parameter = new aws.ssm.Parameter("redaction-p", { region, type: "SecureString", value: pulumi.secret(secrets[0]), tags: { Note: shared } });
      new aws.ssm.Parameter("redaction-same", { region, type: "SecureString", value: pulumi.secret(shared) });
      new aws.cloudwatch.MetricAlarm("redaction-alarm", {
        region,
        comparisonOperator: "GreaterThanThreshold",
        evaluationPeriods: 1,
        metricName: "ApproximateNumberOfMessagesVisible",
        namespace: "AWS/SQS",
        period: 60,
        statistic: "Maximum",
        threshold: 10,
        dimensions: { QueueName: pulumi.secret(secrets[1]) },
        alarmActions: ["arn:aws:sns:us-east-1:123456789012:plain-topic", pulumi.secret(secrets[2])],
      });
      return { nested: { list: [shared, pulumi.secret(secrets[3])] }, parameterValue: parameter.value };
    };
    const outDir = mkdtempSync(join(tmpdir(), "redact-"));
    const out: string[] = [];
    const err: string[] = [];
    await main(
      ["dev", "--out-dir", outDir],
      (line) => out.push(line),
      (line) => err.push(line),
      { program },
    );
    const written = readdirSync(outDir).sort();
    assert.deepEqual(written, ["dev.json", "dev.md"]);
    const texts = [...written.map((file) => readFileSync(join(outDir, file), "utf8")), out.join("\n"), err.join("\n")];
    for (const value of secrets) for (const text of texts) assert.ok(!text.includes(value), `${value} was written`);

    const plan = JSON.parse(texts[0]) as PlanFile;
    const byName = (name: string) => plan.resources.find((r) => r.name === name)!;
    assert.equal(byName("redaction-p").inputs.value, "[secret]");
    assert.equal(byName("redaction-p").outputs.value, "[secret]");
    assert.equal(byName("redaction-same").inputs.value, "[secret]");
    assert.deepEqual(byName("redaction-alarm").inputs.dimensions, { QueueName: "[secret]" });
    assert.deepEqual(byName("redaction-alarm").inputs.alarmActions, ["arn:aws:sns:us-east-1:123456789012:plain-topic", "[secret]"]);
    assert.deepEqual(plan.outputs, { nested: { list: [shared, "[secret]"] }, parameterValue: "[secret]" });
    // the shared text shows only where it is plain: the tag (input and mocked output) and the stack output
    assert.equal(texts[0].split(shared).length - 1, 3);
  });
});

import * as assert from "node:assert/strict";
import { canaryName, canaryNameProblems, canaryRoleStatements, canaryScript } from "../../../../components/telemetry/lib/canaries";

describe("canaries", () => {
  it("names canaries within Synthetics' 21 characters, hashing long prefixes", () => {
    assert.equal(canaryName("blueprint-prod", "origin"), "blueprint-prod-origin");
    const long = canaryName("blueprint-staging", "origin");
    assert.ok(long.length <= 21 && long.endsWith("-origin") && /^[0-9a-z_-]+$/.test(long), long);
    assert.notEqual(canaryName("blueprint-staging", "origin"), canaryName("blueprint-stagin2", "origin"));
    assert.deepEqual(canaryNameProblems("Blueprint-Prod-Origin-too-long"), [
      "canary name Blueprint-Prod-Origin-too-long is 30 characters; at most 21",
      "canary name Blueprint-Prod-Origin-too-long may hold only lowercase letters, digits, - and _",
    ]);
  });

  it("runs a script that fails on an error status and on another region's answer", () => {
    const script = canaryScript();
    assert.match(script, /exports\.handler = async/);
    assert.match(script, /status < 200 \|\| status >= 400/);
    assert.match(script, /region !== expected/);
  });

  it("lets the role write artefacts with the key, its own Lambda logs and Synthetics metrics only", () => {
    const statements = canaryRoleStatements({
      partition: "aws",
      accountId: "1",
      region: "eu-west-1",
      bucketArn: "arn:aws:s3:::b",
      keyArn: "arn:aws:kms:eu-west-1:1:key/k",
    });
    assert.deepEqual(
      statements.map((s) => [s.Sid, s.Resource]),
      [
        ["CanaryArtefacts", ["arn:aws:s3:::b/*"]],
        ["CanaryArtefactBucket", ["arn:aws:s3:::b"]],
        ["CanaryArtefactKey", ["arn:aws:kms:eu-west-1:1:key/k"]],
        ["CanaryLogs", ["arn:aws:logs:eu-west-1:1:log-group:/aws/lambda/cwsyn-*"]],
        ["CanaryMetrics", ["*"]],
      ],
    );
    assert.deepEqual(statements[4].Condition, { StringEquals: { "cloudwatch:namespace": "CloudWatchSynthetics" } });
  });
});

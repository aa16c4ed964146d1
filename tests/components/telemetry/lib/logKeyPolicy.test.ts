import * as assert from "node:assert/strict";
import { logKeyPolicy, regionLogGroupsArnPattern } from "../../../../components/telemetry/lib/logKeyPolicy";

const SCOPE = { accountId: "123456789012", partition: "aws", region: "eu-west-1" };

describe("log key policy", () => {
  it("lets the account administer the key and the region's logs service use it for the region's log groups only", () => {
    const policy = JSON.parse(logKeyPolicy(SCOPE));
    assert.equal(policy.Version, "2012-10-17");
    assert.deepEqual(policy.Statement, [
      { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
      {
        Sid: "CloudWatchLogsOfThisRegion",
        Effect: "Allow",
        Principal: { Service: "logs.eu-west-1.amazonaws.com" },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
        Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:123456789012:log-group:*" } },
      },
    ]);
  });

  it("scopes the pattern by partition, region and account", () => {
    assert.equal(
      regionLogGroupsArnPattern({ accountId: "210987654321", partition: "aws-cn", region: "cn-north-1" }),
      "arn:aws-cn:logs:cn-north-1:210987654321:log-group:*",
    );
  });
});

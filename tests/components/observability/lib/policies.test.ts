import * as assert from "node:assert/strict";
import { alarmKeyPolicy, alarmTopicPolicy } from "../../../../components/observability/lib/policies";

describe("alarm topic policies", () => {
  it("lets the account administer the key and CloudWatch use it, nothing else", () => {
    const statements = JSON.parse(alarmKeyPolicy({ accountId: "111122223333", partition: "aws-cn" })).Statement;
    assert.deepEqual(
      statements.map((s: { Principal: unknown }) => s.Principal),
      [{ AWS: "arn:aws-cn:iam::111122223333:root" }, { Service: "cloudwatch.amazonaws.com" }],
    );
    assert.deepEqual(statements[1].Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
  });

  it("scopes publishing to this account's alarms in this region", () => {
    const policy = JSON.parse(
      alarmTopicPolicy({ accountId: "111122223333", partition: "aws", region: "us-west-2", topicArn: "arn:aws:sns:us-west-2:111122223333:t" }),
    );
    assert.deepEqual(policy.Statement[0].Condition, {
      StringEquals: { "aws:SourceAccount": "111122223333" },
      ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:us-west-2:111122223333:alarm:*" },
    });
    assert.deepEqual([policy.Statement[1].Effect, policy.Statement[1].Condition], ["Deny", { Bool: { "aws:SecureTransport": "false" } }]);
  });
});

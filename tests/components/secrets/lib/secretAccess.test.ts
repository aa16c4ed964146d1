import * as assert from "node:assert/strict";
import { secretReaderStatements } from "../../../../components/secrets/lib/secretAccess";

describe("secret reader statements", () => {
  it("grant GetSecretValue on exactly the region's secrets and Decrypt only through that region's Secrets Manager", () => {
    assert.deepEqual(secretReaderStatements(["arn:db", "arn:cache"], "arn:key", "eu-west-1"), [
      { Sid: "ReadRegionSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: ["arn:db", "arn:cache"] },
      {
        Sid: "DecryptRegionSecrets",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: ["arn:key"],
        Condition: { StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } },
      },
    ]);
    assert.deepEqual(secretReaderStatements([], "arn:key", "eu-west-1"), []);
  });
});

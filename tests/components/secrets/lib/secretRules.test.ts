import * as assert from "node:assert/strict";
import { replicaSecretArn, replicatedSecretProblems, secretNameProblems } from "../../../../components/secrets/lib/secretRules";

describe("data key and secret rules", () => {
  it("lists every problem of a replicated secret's arguments", () => {
    assert.deepEqual(
      replicatedSecretProblems({
        name: "db-abcdef",
        primaryRegion: "eu-west-1",
        replicaRegions: ["us-east-1"],
        recoveryWindowDays: 3,
        keyRegions: ["eu-west-1"],
      }),
      [
        'name must not end with a hyphen and six characters (it looks like an ARN suffix), got "db-abcdef"',
        "recoveryWindowDays must be 0 (delete at once) or 7 to 30, got 3",
        "kmsKeyArns has no key for us-east-1; every copy of the secret needs its own region's key",
      ],
    );
    assert.deepEqual(secretNameProblems("a b"), ['name may only hold letters, digits and / _ + = . @ -, got "a b"']);
    assert.deepEqual(secretNameProblems("x".repeat(513)), ["name must be 1 to 512 characters, got 513"]);
    assert.deepEqual(
      replicatedSecretProblems({ name: "p/db/master", primaryRegion: "eu-west-1", replicaRegions: [], recoveryWindowDays: 0, keyRegions: ["eu-west-1"] }),
      [],
    );
  });

  it("derives a replica's ARN from the primary's", () => {
    assert.equal(
      replicaSecretArn("arn:aws:secretsmanager:eu-west-1:123456789012:secret:p/db-AbC123", "us-east-1"),
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:p/db-AbC123",
    );
    assert.throws(() => replicaSecretArn("arn:aws:kms:eu-west-1:1:key/x", "us-east-1"), /not a Secrets Manager ARN/);
  });
});

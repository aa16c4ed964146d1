import * as assert from "node:assert/strict";
import { aliasProblems, dataKeyProblems } from "../../../../components/kms/lib/keyRules";

describe("data key and secret rules", () => {
  it("lists every problem of a key's arguments", () => {
    assert.deepEqual(
      dataKeyProblems({ primaryRegion: "eu-west-1", replicaRegions: ["eu-west-1", "us-east-1", "us-east-1"], deletionWindowDays: 6, aliasName: "alias/aws/x" }),
      [
        "deletionWindowDays must be a whole number of days from 7 to 30, got 6",
        "replicaRegions must not include the primary region eu-west-1: a multi-region key has one key per region",
        "replicaRegions lists us-east-1 twice",
        'aliasName must not start with "alias/aws/" (reserved for AWS managed keys), got "alias/aws/x"',
      ],
    );
    assert.deepEqual(aliasProblems("data"), ['aliasName must start with "alias/", got "data"']);
    assert.deepEqual(aliasProblems("alias/a b"), ['aliasName may only hold letters, digits, "/", "_" and "-" after "alias/", got "alias/a b"']);
    assert.deepEqual(aliasProblems("alias/blueprint-prod/data"), []);
  });
});

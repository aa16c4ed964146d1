import * as assert from "node:assert/strict";
import { aliasProblems, dataKeyPolicy, dataKeyProblems } from "../../../../components/kms/lib/keyRules";

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

describe("dataKeyPolicy with volume service roles", () => {
  const account = { accountId: "123456789012", partition: "aws" };
  const role = "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling_blueprint-prod";

  it("lets the Auto Scaling role use the key and grant it to the volumes it attaches, nothing more", () => {
    const policy = JSON.parse(dataKeyPolicy(account, [role]));
    assert.deepEqual(policy.Statement.slice(1), [
      {
        Sid: "ServiceRoleUsesKeyForVolumes",
        Effect: "Allow",
        Principal: { AWS: role },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
      },
      {
        Sid: "ServiceRoleGrantsKeyToVolumes",
        Effect: "Allow",
        Principal: { AWS: role },
        Action: "kms:CreateGrant",
        Resource: "*",
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    ]);
  });

  it("keeps statement IDs unique with two roles, and adds nothing without one", () => {
    const sids = JSON.parse(dataKeyPolicy(account, [role, `${role}2`])).Statement.map((s: { Sid: string }) => s.Sid);
    assert.deepEqual(sids, [
      "AccountAdministersKey",
      "ServiceRoleUsesKeyForVolumes",
      "ServiceRoleGrantsKeyToVolumes",
      "ServiceRoleUsesKeyForVolumes2",
      "ServiceRoleGrantsKeyToVolumes2",
    ]);
    assert.equal(JSON.parse(dataKeyPolicy(account)).Statement.length, 1);
  });
});

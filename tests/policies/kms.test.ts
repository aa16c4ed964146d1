import * as aws from "@pulumi/aws";
import {
  keyConfigureDeletionWindow,
  keyConfigureKeyPolicy,
  keyEnableRotation,
  keyMissingDescription,
  secretConfigureCustomerManagedKey,
} from "../../policies/kms";
import { assertNotApplicable, checkResource, describeResourcePolicy, UNKNOWN_SENTINELS } from "../support/policies/harness";

const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const admin = { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const alarms = {
  Sid: "CloudWatchAlarmsUseKey",
  Effect: "Allow",
  Principal: { Service: "cloudwatch.amazonaws.com" },
  Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
  Resource: "*",
};

/** The alarm topic's key as components/observability declares it. */
const key = {
  region: "us-east-1",
  description: "Encrypts the alarm topic blueprint-prod-us-east-1-alarms",
  deletionWindowInDays: 30,
  enableKeyRotation: true,
  policy: doc(admin, alarms),
};

/** A replica of the multi-region data key, as components/kms declares it (no rotation setting: it follows the primary). */
const replicaKey = {
  region: "eu-west-1",
  primaryKeyArn: "arn:aws:kms:us-east-1:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5",
  description: "Encrypts the data tier of blueprint-prod",
  deletionWindowInDays: 30,
  policy: doc(admin),
};

/** A secret replicated with each region's key, as components/secrets declares it. */
const secret = {
  region: "us-east-1",
  name: "blueprint-prod/database/master",
  kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5",
  recoveryWindowInDays: 30,
  replicas: [
    { region: "eu-west-1", kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5" },
    { region: "ap-southeast-2", kmsKeyId: "arn:aws:kms:ap-southeast-2:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5" },
  ],
};

describe("KMS policies", () => {
  describeResourcePolicy({
    policy: keyEnableRotation,
    resourceClass: aws.kms.Key,
    compliant: key,
    violations: [
      { name: "rotation off", mutate: (p) => (p.enableKeyRotation = false), expect: [/does not rotate automatically/] },
      { name: "rotation left at AWS's default (off)", mutate: (p) => delete p.enableKeyRotation, expect: [/does not rotate automatically/] },
    ],
    unknown: (p) => (p.enableKeyRotation = UNKNOWN_SENTINELS.boolean),
  });

  describe(`${keyEnableRotation.name} and asymmetric keys`, () => {
    it("does not apply to signing keys", async () => {
      assertNotApplicable(
        await checkResource(keyEnableRotation, aws.kms.Key, { ...key, customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }),
        /Only symmetric encryption keys can rotate/,
      );
    });
  });

  describeResourcePolicy({
    policy: keyConfigureDeletionWindow,
    resourceClass: aws.kms.Key,
    compliant: key,
    alsoCompliant: [
      { name: "the window left at AWS's default (30 days)", mutate: (p) => delete p.deletionWindowInDays },
      { name: "7 days when the config allows it", config: { minimumDeletionWindowDays: 7 }, mutate: (p) => (p.deletionWindowInDays = 7) },
    ],
    violations: [
      { name: "a 7-day window", mutate: (p) => (p.deletionWindowInDays = 7), expect: [/deletion window is 7 day\(s\); at least 30 are required/] },
      {
        name: "a replica key with a 7-day window",
        resourceClass: aws.kms.ReplicaKey,
        mutate: (p) => Object.assign(p, replicaKey, { deletionWindowInDays: 7 }),
        expect: [/deletion window is 7 day\(s\); at least 30/],
      },
    ],
    unknown: (p) => (p.deletionWindowInDays = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: keyConfigureKeyPolicy,
    resourceClass: aws.kms.Key,
    aliases: [aws.kms.ReplicaKey],
    compliant: key,
    alsoCompliant: [
      { name: "a replica key with the primary's document", resourceClass: aws.kms.ReplicaKey, mutate: (p) => Object.assign(p, replicaKey) },
      {
        name: "everyone in the organisation, by condition",
        mutate: (p) => (p.policy = doc(admin, { ...alarms, Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } })),
      },
    ],
    violations: [
      { name: "no key policy", mutate: (p) => delete p.policy, expect: [/declares no key policy, so AWS's default policy/] },
      { name: "the lockout check bypassed", mutate: (p) => (p.bypassPolicyLockoutSafetyCheck = true), expect: [/bypasses the policy lockout safety check/] },
      {
        name: "everyone may decrypt",
        mutate: (p) => (p.policy = doc(admin, { ...alarms, Principal: { AWS: "*" } })),
        expect: [/statement 1 \("CloudWatchAlarmsUseKey"\) allows every principal/],
      },
      { name: "a policy that is not JSON", mutate: (p) => (p.policy = "{"), expect: [/The key policy is not valid JSON/] },
      {
        name: "a replica key without a policy of its own",
        resourceClass: aws.kms.ReplicaKey,
        mutate: (p) => Object.assign(p, replicaKey, { policy: undefined }),
        expect: [/declares no key policy/],
      },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: keyMissingDescription,
    resourceClass: aws.kms.Key,
    aliases: [aws.kms.ReplicaKey],
    compliant: key,
    violations: [
      { name: "no description", mutate: (p) => delete p.description, expect: [/The key has no description/] },
      {
        name: "a replica key without description",
        resourceClass: aws.kms.ReplicaKey,
        mutate: (p) => Object.assign(p, replicaKey, { description: undefined }),
        expect: [/The key has no description/],
      },
      { name: "a blank description", mutate: (p) => (p.description = " "), expect: [/The key has no description/] },
    ],
    unknown: (p) => (p.description = UNKNOWN_SENTINELS.string),
  });

  describe(`${keyEnableRotation.name} and replica keys`, () => {
    it("does not apply to a replica key (rotation is the primary's)", async () => {
      assertNotApplicable(await checkResource(keyEnableRotation, aws.kms.ReplicaKey, replicaKey), /only applies to resources of type 'aws:kms\/key:Key'/);
    });
  });

  describeResourcePolicy({
    policy: secretConfigureCustomerManagedKey,
    resourceClass: aws.secretsmanager.Secret,
    compliant: secret,
    alsoCompliant: [{ name: "a secret that is not replicated", mutate: (p) => delete p.replicas }],
    violations: [
      {
        name: "the AWS-managed key",
        mutate: (p) => delete p.kmsKeyId,
        expect: [/encrypted with the AWS-managed key aws\/secretsmanager \(kmsKeyId is unset\)/],
      },
      {
        name: "naming alias/aws/secretsmanager",
        mutate: (p) => (p.kmsKeyId = "alias/aws/secretsmanager"),
        expect: [/uses the AWS-managed key alias\/aws\/secretsmanager/],
      },
      {
        name: "replicas without keys of their own",
        mutate: (p) => {
          delete p.replicas[0].kmsKeyId;
          p.replicas[1].kmsKeyId = "alias/aws/secretsmanager";
        },
        expect: [
          /replica in eu-west-1 is encrypted with that region's AWS-managed key/,
          /replica in ap-southeast-2 is encrypted with that region's AWS-managed key/,
        ],
      },
    ],
    unknown: (p) => (p.kmsKeyId = UNKNOWN_SENTINELS.string),
  });
});

import * as aws from "@pulumi/aws";
import { keyConfigureDeletionWindow, keyConfigureKeyPolicy, keyEnableRotation, keyMissingDescription } from "../../policies/kms";
import { assertNotApplicable, checkResource, describeResourcePolicy, UNKNOWN_SENTINELS } from "./harness";

const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const admin = { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const alarms = { Sid: "CloudWatchAlarmsUseKey", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" };

/** The alarm topic's key as components/observability declares it. */
const key = {
  region: "us-east-1",
  description: "Encrypts the alarm topic blueprint-prod-us-east-1-alarms",
  deletionWindowInDays: 30,
  enableKeyRotation: true,
  policy: doc(admin, alarms),
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
      assertNotApplicable(await checkResource(keyEnableRotation, aws.kms.Key, { ...key, customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" }), /Only symmetric encryption keys can rotate/);
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
    violations: [{ name: "a 7-day window", mutate: (p) => (p.deletionWindowInDays = 7), expect: [/deletion window is 7 day\(s\); at least 30 are required/] }],
    unknown: (p) => (p.deletionWindowInDays = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: keyConfigureKeyPolicy,
    resourceClass: aws.kms.Key,
    compliant: key,
    alsoCompliant: [{ name: "everyone in the organisation, by condition", mutate: (p) => (p.policy = doc(admin, { ...alarms, Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-1" } } })) }],
    violations: [
      { name: "no key policy", mutate: (p) => delete p.policy, expect: [/declares no key policy, so AWS's default policy/] },
      { name: "the lockout check bypassed", mutate: (p) => (p.bypassPolicyLockoutSafetyCheck = true), expect: [/bypasses the policy lockout safety check/] },
      { name: "everyone may decrypt", mutate: (p) => (p.policy = doc(admin, { ...alarms, Principal: { AWS: "*" } })), expect: [/statement 1 \("CloudWatchAlarmsUseKey"\) allows every principal/] },
      { name: "a policy that is not JSON", mutate: (p) => (p.policy = "{"), expect: [/The key policy is not valid JSON/] },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: keyMissingDescription,
    resourceClass: aws.kms.Key,
    compliant: key,
    violations: [
      { name: "no description", mutate: (p) => delete p.description, expect: [/The key has no description/] },
      { name: "a blank description", mutate: (p) => (p.description = " "), expect: [/The key has no description/] },
    ],
    unknown: (p) => (p.description = UNKNOWN_SENTINELS.string),
  });
});

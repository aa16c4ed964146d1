/**
 * KMS policies: rotation, deletion window, key policies (defined, no lockout bypass, no anonymous
 * access) and descriptions.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, type BlueprintPolicy } from "./lib/define";
import { admitsAnyPrincipal, parseIamDocument, statementLabel } from "./lib/iamDocument";

/** Symmetric keys rotate yearly. */
export const keyEnableRotation = resourcePolicy({
  name: "aws-kms-key-enable-rotation",
  description: "Checks that symmetric encryption KMS keys have automatic key rotation on.",
  severity: "medium",
  service: "kms",
  remediationSteps: "Set `enableKeyRotation: true` (asymmetric and HMAC keys cannot rotate and are exempt).",
  ids: {
    checkov: ["CKV_AWS_7"],
    trivy: ["AVD-AWS-0065"],
    cdkNag: ["AwsSolutions-KMS5"],
    awsguard: ["cmk-backing-key-rotation-enabled"],
    compliancePolicies: ["aws-kms-key-enable-key-rotation"],
    wellArchitected: ["SEC08-BP01"],
  },
  validateResource: validateResourceOfType(aws.kms.Key, (key, args, reportViolation) => {
    const spec = key.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
    if (spec !== "SYMMETRIC_DEFAULT" || (key.keyUsage !== undefined && key.keyUsage !== "ENCRYPT_DECRYPT")) {
      args.notApplicable("Only symmetric encryption keys can rotate.");
    }
    if (key.enableKeyRotation !== true) reportViolation("The key does not rotate automatically.");
  }),
});

/** A scheduled deletion can be noticed and cancelled. */
export const keyConfigureDeletionWindow = resourcePolicy({
  name: "aws-kms-key-configure-deletion-window",
  description: "Checks that KMS keys wait at least the configured number of days before a scheduled deletion takes effect.",
  severity: "medium",
  service: "kms",
  remediationSteps: "Set `deletionWindowInDays` to 30 (AWS's maximum and default); data encrypted under a deleted key is lost.",
  ids: { wellArchitected: ["REL09-BP02", "SEC08-BP01"] },
  configSchema: {
    properties: {
      minimumDeletionWindowDays: { type: "integer", minimum: 7, maximum: 30, default: 30, description: "Fewest days between scheduling a key's deletion and the deletion." },
    },
  },
  validateResource: validateResourceOfType(aws.kms.Key, (key, args, reportViolation) => {
    const { minimumDeletionWindowDays } = args.getConfig<{ minimumDeletionWindowDays: number }>();
    // AWS's default window is 30 days, so only an explicit shorter one is a problem.
    const days = key.deletionWindowInDays ?? 30;
    if (days < minimumDeletionWindowDays) reportViolation(`The key's deletion window is ${days} day(s); at least ${minimumDeletionWindowDays} are required.`);
  }),
});

/** Key policies are written down, keep the lockout check, and grant nothing to everyone. */
export const keyConfigureKeyPolicy = resourcePolicy({
  name: "aws-kms-key-configure-key-policy",
  description: "Checks that KMS keys declare a key policy, keep the policy lockout safety check, and allow nothing to every principal without a condition.",
  severity: "high",
  service: "kms",
  remediationSteps:
    "Set `policy` to a document that lets the account administer the key and names each service that uses it; never set bypassPolicyLockoutSafetyCheck.",
  ids: {
    checkov: ["CKV2_AWS_64", "CKV_AWS_33"],
    compliancePolicies: ["aws-kms-key-disallow-bypass-policy-lockout-safety-check"],
    wellArchitected: ["SEC08-BP01", "SEC03-BP02"],
  },
  validateResource: validateResourceOfType(aws.kms.Key, (key, _args, reportViolation) => {
    if (key.bypassPolicyLockoutSafetyCheck === true) reportViolation("The key bypasses the policy lockout safety check.");
    if (key.policy === undefined || key.policy === "") {
      reportViolation("The key declares no key policy, so AWS's default policy (every IAM principal of the account with kms:* permissions) applies.");
      return;
    }
    const parsed = parseIamDocument(key.policy);
    if ("error" in parsed) {
      reportViolation(`The key policy ${parsed.error}.`);
      return;
    }
    for (const statement of parsed.statements) {
      if (statement.effect === "Allow" && admitsAnyPrincipal(statement.principals) && !statement.hasCondition) {
        reportViolation(`The key policy's ${statementLabel(statement)} allows every principal.`);
      }
    }
  }),
});

/** Keys say what they protect. */
export const keyMissingDescription = resourcePolicy({
  name: "aws-kms-key-missing-description",
  description: "Checks that every KMS key has a description naming what it encrypts.",
  severity: "low",
  service: "kms",
  remediationSteps: "Set `description` (for example \"Encrypts the alarm topic of us-east-1\").",
  ids: { compliancePolicies: ["aws-kms-key-missing-description"] },
  validateResource: validateResourceOfType(aws.kms.Key, (key, _args, reportViolation) => {
    if (key.description === undefined || key.description.trim() === "") reportViolation("The key has no description.");
  }),
});

/** The KMS policies, in pack order. */
export const KMS_POLICIES: readonly BlueprintPolicy[] = [keyEnableRotation, keyConfigureDeletionWindow, keyConfigureKeyPolicy, keyMissingDescription];

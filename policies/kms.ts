/**
 * KMS policies: rotation, deletion window, key policies (defined, no lockout bypass, no anonymous
 * access) and descriptions, for keys and for the replica keys of a multi-region key; and Secrets
 * Manager secrets encrypted with a customer-managed key in every region they are replicated to.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ReportViolation } from "@pulumi/policy";
import { onType, resourcePolicy, validateResourceOfTypes, type BlueprintPolicy } from "./lib/define";
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
  description: "Checks that KMS keys and replica keys wait at least the configured number of days before a scheduled deletion takes effect.",
  severity: "medium",
  service: "kms",
  remediationSteps: "Set `deletionWindowInDays` to 30 (AWS's maximum and default); data encrypted under a deleted key is lost.",
  ids: { wellArchitected: ["REL09-BP02", "SEC08-BP01"] },
  configSchema: {
    properties: {
      minimumDeletionWindowDays: {
        type: "integer",
        minimum: 7,
        maximum: 30,
        default: 30,
        description: "Fewest days between scheduling a key's deletion and the deletion.",
      },
    },
  },
  validateResource: validateResourceOfTypes(
    onType(aws.kms.Key, (key, args, reportViolation) => checkDeletionWindow(key.deletionWindowInDays, args.getConfig(), reportViolation)),
    onType(aws.kms.ReplicaKey, (key, args, reportViolation) => checkDeletionWindow(key.deletionWindowInDays, args.getConfig(), reportViolation)),
  ),
});

function checkDeletionWindow(deletionWindowInDays: number | undefined, config: { minimumDeletionWindowDays?: number }, reportViolation: ReportViolation): void {
  const minimum = config.minimumDeletionWindowDays ?? 30;
  // AWS's default window is 30 days, so only an explicit shorter one is a problem.
  const days = deletionWindowInDays ?? 30;
  if (days < minimum) reportViolation(`The key's deletion window is ${days} day(s); at least ${minimum} are required.`);
}

/** Key policies are written down, keep the lockout check, and grant nothing to everyone. */
export const keyConfigureKeyPolicy = resourcePolicy({
  name: "aws-kms-key-configure-key-policy",
  description:
    "Checks that KMS keys and replica keys declare a key policy, keep the policy lockout safety check, and allow nothing to every principal without a condition.",
  severity: "high",
  service: "kms",
  remediationSteps:
    "Set `policy` to a document that lets the account administer the key and names each service that uses it (a replica key does not inherit its primary's policy: give it the same document); never set bypassPolicyLockoutSafetyCheck.",
  ids: {
    checkov: ["CKV2_AWS_64", "CKV_AWS_33"],
    compliancePolicies: ["aws-kms-key-disallow-bypass-policy-lockout-safety-check"],
    wellArchitected: ["SEC08-BP01", "SEC03-BP02"],
  },
  validateResource: validateResourceOfTypes(
    onType(aws.kms.Key, (key, _args, reportViolation) => checkKeyPolicy(key, reportViolation)),
    onType(aws.kms.ReplicaKey, (key, _args, reportViolation) => checkKeyPolicy(key, reportViolation)),
  ),
});

function checkKeyPolicy(key: { bypassPolicyLockoutSafetyCheck?: boolean; policy?: string }, reportViolation: ReportViolation): void {
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
}

/** Keys say what they protect. */
export const keyMissingDescription = resourcePolicy({
  name: "aws-kms-key-missing-description",
  description: "Checks that every KMS key and replica key has a description naming what it encrypts.",
  severity: "low",
  service: "kms",
  remediationSteps: 'Set `description` (for example "Encrypts the alarm topic of us-east-1").',
  ids: { compliancePolicies: ["aws-kms-key-missing-description"] },
  validateResource: validateResourceOfTypes(
    onType(aws.kms.Key, (key, _args, reportViolation) => {
      if (key.description === undefined || key.description.trim() === "") reportViolation("The key has no description.");
    }),
    onType(aws.kms.ReplicaKey, (key, _args, reportViolation) => {
      if (key.description === undefined || key.description.trim() === "") reportViolation("The key has no description.");
    }),
  ),
});

/** Secrets are encrypted with a customer-managed key, in every region. */
export const secretConfigureCustomerManagedKey = resourcePolicy({
  name: "aws-secretsmanager-secret-configure-customer-managed-key",
  description:
    "Checks that Secrets Manager secrets are encrypted with a customer-managed KMS key, and that every replica names its own region's customer-managed key.",
  severity: "medium",
  service: "kms",
  remediationSteps:
    "Set `kmsKeyId` to the primary region's data key and give each entry of `replicas` the `kmsKeyId` of its region's replica key (a replica without one uses that region's aws/secretsmanager key).",
  ids: { checkov: ["CKV_AWS_149"], trivy: ["AVD-AWS-0098"], wellArchitected: ["SEC08-BP01", "SEC08-BP02"] },
  validateResource: validateResourceOfType(aws.secretsmanager.Secret, (secret, _args, reportViolation) => {
    const key = secret.kmsKeyId;
    if (key === undefined || key === "") reportViolation("The secret is encrypted with the AWS-managed key aws/secretsmanager (kmsKeyId is unset).");
    else if (key === "alias/aws/secretsmanager") reportViolation("The secret uses the AWS-managed key alias/aws/secretsmanager.");
    for (const replica of secret.replicas ?? []) {
      const replicaKey = replica.kmsKeyId;
      if (replicaKey === undefined || replicaKey === "" || replicaKey === "alias/aws/secretsmanager") {
        reportViolation(`The secret's replica in ${replica.region} is encrypted with that region's AWS-managed key aws/secretsmanager.`);
      }
    }
  }),
});

/** The KMS policies, in pack order. */
export const KMS_POLICIES: readonly BlueprintPolicy[] = [
  keyEnableRotation,
  keyConfigureDeletionWindow,
  keyConfigureKeyPolicy,
  keyMissingDescription,
  secretConfigureCustomerManagedKey,
];

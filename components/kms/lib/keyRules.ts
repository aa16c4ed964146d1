/**
 * Rules and the policy of the stack's multi-region data key, checked offline: KMS rejects a bad
 * deletion window or alias only when `pulumi up` calls CreateKey/CreateAlias.
 *
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/multi-region-keys-overview.html
 */
import { accountRootArn, policyDocument } from "../../lib/iam";

/** Days KMS waits before deleting a key whose deletion is scheduled. */
export const KEY_DELETION_WINDOW_DAYS = { min: 7, max: 30 } as const;

/** Longest alias name, `alias/` included. */
export const MAX_ALIAS_LENGTH = 256;

/** What an alias may hold after `alias/`. */
const ALIAS_BODY = /^[A-Za-z0-9/_-]+$/;

/** Who may use and administer the key. */
export interface KeyAccount {
  readonly accountId: string;
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
}

/**
 * The statement every customer managed key of the blueprint starts with: the account root
 * administers the key, so the account's IAM policies decide who else may use it and the key can
 * never become unmanageable.
 */
export function accountAdministersKeyStatement(account: KeyAccount) {
  return {
    Sid: "AccountAdministersKey",
    Effect: "Allow",
    Principal: { AWS: accountRootArn(account.partition, account.accountId) },
    Action: "kms:*",
    Resource: "*",
  } as const;
}

/**
 * The data key's policy: the account root administers it, so the account's IAM policies decide who
 * else may (the tiers get exactly `kms:Decrypt` through Secrets Manager; RDS and ElastiCache use the
 * caller's grants). Without the root statement a key can become unmanageable.
 */
export function dataKeyPolicy(account: KeyAccount, volumeServiceRoleArns: readonly string[] = [], queueSenders: readonly QueueSender[] = []): string {
  return policyDocument([
    accountAdministersKeyStatement(account),
    ...volumeServiceRoleStatements(volumeServiceRoleArns),
    ...queueSenderStatements(account, queueSenders),
  ]);
}

/**
 * An AWS service that sends to queues encrypted with the key (SNS topics, EventBridge rules), and
 * the source ARNs it sends for, as an `ArnLike` pattern.
 */
export interface QueueSender {
  readonly service: "sns.amazonaws.com" | "events.amazonaws.com";
  /** e.g. `arn:aws:sns:*:123456789012:blueprint-prod-*`; built with the account's partition and ID. */
  readonly sourceArnPattern: (account: KeyAccount) => string;
}

/**
 * What a service that delivers to an encrypted queue needs: it encrypts each message under the
 * queue's key itself, and a service principal takes no IAM policy of the account, so only the key
 * policy can let it. Limited to this account's senders of the stack (confused deputy).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 */
export function queueSenderStatements(account: KeyAccount, senders: readonly QueueSender[]) {
  return senders.map(
    (sender) =>
      ({
        Sid: sender.service === "sns.amazonaws.com" ? "TopicsEncryptToQueues" : "RulesEncryptToQueues",
        Effect: "Allow",
        Principal: { Service: sender.service },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
        Condition: { StringEquals: { "aws:SourceAccount": account.accountId }, ArnLike: { "aws:SourceArn": sender.sourceArnPattern(account) } },
      }) as const,
  );
}

/**
 * What a service-linked role that launches instances with volumes under the key needs (the Auto
 * Scaling role): use the key, and create grants for the EBS volumes it attaches. A service-linked
 * role takes no IAM policy of the account, so only the key policy can grant it.
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
 */
export function volumeServiceRoleStatements(roleArns: readonly string[]) {
  // IAM statement IDs must be unique in a document: the second role's carry a 2, and so on
  return roleArns.flatMap((roleArn, index) => {
    const suffix = index === 0 ? "" : String(index + 1);
    return [
      {
        Sid: `ServiceRoleUsesKeyForVolumes${suffix}`,
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
      },
      {
        Sid: `ServiceRoleGrantsKeyToVolumes${suffix}`,
        Effect: "Allow",
        Principal: { AWS: roleArn },
        Action: "kms:CreateGrant",
        Resource: "*",
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
    ] as const;
  });
}

/** The arguments the rules look at. */
export interface DataKeyRuleArgs {
  readonly primaryRegion: string;
  readonly replicaRegions: readonly string[];
  readonly deletionWindowDays: number;
  readonly aliasName: string;
}

/** Every problem of the arguments, each saying what was given and what is allowed. */
export function dataKeyProblems(args: DataKeyRuleArgs): string[] {
  const problems: string[] = [];
  const { min, max } = KEY_DELETION_WINDOW_DAYS;
  if (!Number.isInteger(args.deletionWindowDays) || args.deletionWindowDays < min || args.deletionWindowDays > max) {
    problems.push(`deletionWindowDays must be a whole number of days from ${min} to ${max}, got ${args.deletionWindowDays}`);
  }
  if (args.replicaRegions.includes(args.primaryRegion)) {
    problems.push(`replicaRegions must not include the primary region ${args.primaryRegion}: a multi-region key has one key per region`);
  }
  const seen = new Set<string>();
  for (const region of args.replicaRegions) {
    if (seen.has(region)) problems.push(`replicaRegions lists ${region} twice`);
    seen.add(region);
  }
  problems.push(...aliasProblems(args.aliasName));
  return problems;
}

/** Why KMS would refuse an alias name. */
export function aliasProblems(aliasName: string): string[] {
  if (!aliasName.startsWith("alias/")) return [`aliasName must start with "alias/", got "${aliasName}"`];
  const body = aliasName.slice("alias/".length);
  const problems: string[] = [];
  if (aliasName.startsWith("alias/aws/")) problems.push(`aliasName must not start with "alias/aws/" (reserved for AWS managed keys), got "${aliasName}"`);
  if (!ALIAS_BODY.test(body)) problems.push(`aliasName may only hold letters, digits, "/", "_" and "-" after "alias/", got "${aliasName}"`);
  if (aliasName.length > MAX_ALIAS_LENGTH) problems.push(`aliasName must be at most ${MAX_ALIAS_LENGTH} characters, got ${aliasName.length}`);
  return problems;
}

/**
 * The policy of a region's log key: the customer managed KMS key that encrypts every CloudWatch
 * log group of the region. CloudWatch Logs uses the key on behalf of the writers, so the writers
 * need no KMS permission; the key policy admits the logs service of this region only, and only for
 * log groups of this account and region (CloudWatch Logs passes the log group's ARN as the
 * `aws:logs:arn` encryption context).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
import { policyDocument, type PolicyStatement } from "../../lib/iam";
import { accountAdministersKeyStatement, type KeyAccount } from "../../kms/lib/keyRules";

/** The account and the region the key belongs to. */
export interface LogKeyScope extends KeyAccount {
  readonly region: string;
}

/** What CloudWatch Logs needs of a key to encrypt and read a log group's events. */
export const LOGS_KEY_ACTIONS = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"] as const;

/** The ARN pattern of every log group of the account in the region. */
export function regionLogGroupsArnPattern(scope: LogKeyScope): string {
  return `arn:${scope.partition}:logs:${scope.region}:${scope.accountId}:log-group:*`;
}

/** The statement that lets the region's CloudWatch Logs use the key for the region's log groups only. */
export function logsServiceStatement(scope: LogKeyScope): PolicyStatement {
  return {
    Sid: "CloudWatchLogsOfThisRegion",
    Effect: "Allow",
    Principal: { Service: `logs.${scope.region}.amazonaws.com` },
    Action: [...LOGS_KEY_ACTIONS],
    Resource: "*",
    Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": regionLogGroupsArnPattern(scope) } },
  };
}

/** The log key's policy: the account administers it; the region's logs service uses it for the region's log groups. */
export function logKeyPolicy(scope: LogKeyScope): string {
  return policyDocument([accountAdministersKeyStatement(scope), logsServiceStatement(scope)]);
}

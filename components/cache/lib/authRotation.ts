/**
 * The cache AUTH token's rotation as plain data: the function's name, its environment and the
 * least-privilege statements of its role.
 *
 * Why Secrets Manager rotation with a function of the blueprint's own: AWS ships rotation functions
 * for RDS, Redshift and ElastiCache RBAC users, none for AUTH tokens. Secrets Manager rotates the
 * primary region's secret on the schedule and replicates each new value to the replicas the other
 * regions' tiers read; with a Global Datastore one change on the primary group reaches every region.
 */
import type { IamStatement } from "../../lib/iam";
import type { RotationTarget } from "./authRotationSteps";

export type { RotationTarget } from "./authRotationSteps";

/** Days between rotations (0 = off, then Secrets Manager's 1 to 1000). */
export { AUTH_ROTATION_DAYS } from "./limits";

/**
 * Seconds a rotation step may run: the Lambda maximum, because testSecret waits for the group's
 * modification (minutes) and, with a Global Datastore, for every member to be available again.
 */
export const ROTATION_TIMEOUT_SECONDS = 900;

/** Lambda's limit on a function name. */
export const FUNCTION_NAME_MAX_LENGTH = 64;

/** The Lambda runtime of the rotation function (it provides the AWS SDK v3). */
export const ROTATION_RUNTIME = "nodejs22.x";

/** The name of the rotation function (Lambda names: at most 64 characters). */
export function cacheRotationFunctionName(namePrefix: string): string {
  return `${namePrefix}-cache-auth-rotation`;
}

/** Its log group (Lambda's default name, so the console links to it). */
export function cacheRotationLogGroupName(namePrefix: string): string {
  return `/aws/lambda/${cacheRotationFunctionName(namePrefix)}`;
}

/**
 * The function's environment (nothing secret): the cache mode, every group of the stack, and the
 * rules of the tokens it generates (those of the first token, `authTokenRules`).
 */
export function rotationEnvironment(
  mode: "global" | "regional",
  groups: readonly RotationTarget[],
  tokenRules: { readonly length: number; readonly overrideSpecial: string },
): Record<string, string> {
  return {
    CACHE_MODE: mode,
    CACHE_GROUPS: JSON.stringify(groups.map((g) => ({ region: g.region, replicationGroupId: g.replicationGroupId }))),
    TOKEN_LENGTH: String(tokenRules.length),
    TOKEN_SPECIALS: tokenRules.overrideSpecial,
  };
}

/** What the role's statements are about. */
export interface RotationScope {
  readonly partition: string;
  readonly accountId: string;
  /** The primary region: the secret, its key and the function's log group. */
  readonly region: string;
  readonly secretArn: string;
  readonly keyArn: string;
  readonly logGroupArn: string;
  readonly groups: readonly RotationTarget[];
}

/**
 * The role's statements: the four Secrets Manager calls on this secret only; the two ElastiCache
 * calls on the stack's groups only; the data key only through Secrets Manager in the primary
 * region; the function's own log group.
 */
export function rotationRoleStatements(scope: RotationScope): IamStatement[] {
  const groupArn = (g: RotationTarget) => `arn:${scope.partition}:elasticache:${g.region}:${scope.accountId}:replicationgroup:${g.replicationGroupId}`;
  return [
    {
      Sid: "RotateTheSecret",
      Effect: "Allow",
      Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
      Resource: [scope.secretArn],
    },
    {
      Sid: "ModifyTheCache",
      Effect: "Allow",
      Action: ["elasticache:DescribeReplicationGroups", "elasticache:ModifyReplicationGroup"],
      Resource: scope.groups.map(groupArn),
    },
    {
      Sid: "UseTheKeyThroughSecretsManager",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: [scope.keyArn],
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${scope.region}.amazonaws.com` } },
    },
    {
      Sid: "WriteItsLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: [`${scope.logGroupArn}:*`],
    },
  ];
}

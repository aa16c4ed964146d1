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

/** Days between rotations the blueprint accepts (Secrets Manager takes up to 1000; a token older than a year is not rotated). */
export const AUTH_ROTATION_DAYS = { min: 0, max: 365 } as const;

/** Seconds a rotation step may run: the Lambda maximum, because setSecret waits for two modifications of the group. */
export const ROTATION_TIMEOUT_SECONDS = 900;

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

/** A replication group the function modifies or waits for. */
export interface RotationTarget {
  readonly region: string;
  readonly replicationGroupId: string;
}

/** The function's environment: the cache mode and every group of the stack (nothing secret). */
export function rotationEnvironment(mode: "global" | "regional", groups: readonly RotationTarget[]): Record<string, string> {
  return { CACHE_MODE: mode, CACHE_GROUPS: JSON.stringify(groups.map((g) => ({ region: g.region, replicationGroupId: g.replicationGroupId }))) };
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

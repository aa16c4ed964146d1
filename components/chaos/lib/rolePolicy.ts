/**
 * The experiment role of a region as plain data: the trust policy that lets only this account's
 * FIS experiments in this region assume it, and the permissions of exactly the experiments the
 * region declares, each on exactly its target where the action supports resource-level
 * permissions.
 *
 * @see https://docs.aws.amazon.com/fis/latest/userguide/getting-started-iam-service-role.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html (Permissions of each action)
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html#AWS-logs-infrastructure-CWL
 */
import { policyDocument, serviceTrustPolicy, type IamStatement } from "../../lib/iam";
import { ASG_NAME_TAG, type ChaosDatabaseKind } from "./experiments";

export type { IamStatement } from "../../lib/iam";

/** The service that assumes experiment roles. */
export const FIS_SERVICE_PRINCIPAL = "fis.amazonaws.com";

/** Where the role lives. */
export interface ChaosRoleContext {
  /** `aws`, `aws-cn`, `aws-us-gov`. */
  readonly partition: string;
  readonly accountId: string;
  /** The region whose experiments assume the role. */
  readonly region: string;
}

/** The targets of the experiments the region declares; an absent one grants nothing. */
export interface ChaosRoleTargets {
  /** `terminate-web-instances`: the web tier's auto-scaling group. @default - not declared */
  readonly webAutoScalingGroupName?: string;
  /** `failover-database`: the region's cluster or instance. @default - not declared */
  readonly database?: {
    readonly kind: ChaosDatabaseKind;
    readonly arn: string;
    /** Members of the other shards in the region. @default [] */ readonly shardArns?: readonly string[];
  };
  /** `failover-cache`: the region's replication group. @default - not declared */
  readonly cache?: { readonly replicationGroupArn: string };
  /** Whether experiments log to CloudWatch Logs (the role sets up the log delivery). @default false */
  readonly logging?: boolean;
}

/**
 * The trust policy: `fis.amazonaws.com`, only on behalf of experiments of this account in this
 * region (`aws:SourceAccount` and `aws:SourceArn`, the confused-deputy guard AWS recommends).
 */
export function fisTrustPolicy(ctx: ChaosRoleContext): string {
  return serviceTrustPolicy(FIS_SERVICE_PRINCIPAL, {
    accountId: ctx.accountId,
    sourceArn: `arn:${ctx.partition}:fis:${ctx.region}:${ctx.accountId}:experiment/*`,
  });
}

/**
 * The ARN pattern of a replication group's nodes (cache clusters `<group>-001`, `-002`, ...): the
 * AZ power interruption acts on the group's nodes, so its permission covers the group and its
 * own nodes, and nothing else of the account.
 */
export function replicationGroupNodesArnPattern(replicationGroupArn: string): string {
  return `${replicationGroupArn.replace(/:replicationgroup:/, ":cluster:")}-*`;
}

/**
 * The permission statements of the experiment role, in a fixed order:
 * - `TerminateWebInstances`: `ec2:TerminateInstances` on the region's instances that carry the
 *   web group's `aws:autoscaling:groupName` tag (the instance IDs are not known in advance);
 * - `FailoverAuroraCluster` / `RebootRdsInstance`: the RDS failover action and the describe call
 *   FIS makes, on the cluster or instance ARN only;
 * - `InterruptCacheAzPower` and `DescribeCacheReplicationGroup`: on the replication group (and, for
 *   the interruption, its nodes) only;
 * - `ResolveTargets`: the documented permissions that have no resource-level scoping, so `*` is
 *   the only resource IAM accepts: `ec2:DescribeInstances` (terminate) and `tag:GetResources`
 *   (the RDS and ElastiCache actions);
 * - `CreateExperimentLogDelivery` (`logs:CreateLogDelivery`, no resource-level scoping) and
 *   `ConfigureExperimentLogDelivery` (the log-group resource policy calls, on the region's log
 *   groups, as CloudWatch Logs documents for vended logs), when logging.
 *
 * Nothing for the stop conditions: FIS reads the alarms through its service-linked role.
 */
export function chaosRoleStatements(ctx: ChaosRoleContext, targets: ChaosRoleTargets): IamStatement[] {
  const statements: IamStatement[] = [];
  const unscoped: string[] = [];

  if (targets.webAutoScalingGroupName !== undefined) {
    statements.push({
      Sid: "TerminateWebInstances",
      Effect: "Allow",
      Action: ["ec2:TerminateInstances"],
      Resource: [`arn:${ctx.partition}:ec2:${ctx.region}:${ctx.accountId}:instance/*`],
      Condition: { StringEquals: { [`aws:ResourceTag/${ASG_NAME_TAG}`]: targets.webAutoScalingGroupName } },
    });
    unscoped.push("ec2:DescribeInstances");
  }

  if (targets.database !== undefined) {
    const { kind, arn } = targets.database;
    const resources = [arn, ...(targets.database.shardArns ?? [])];
    switch (kind) {
      case "aurora-cluster":
        statements.push({ Sid: "FailoverAuroraCluster", Effect: "Allow", Action: ["rds:DescribeDBClusters", "rds:FailoverDBCluster"], Resource: resources });
        break;
      case "rds-instance":
        statements.push({ Sid: "RebootRdsInstance", Effect: "Allow", Action: ["rds:DescribeDBInstances", "rds:RebootDBInstance"], Resource: resources });
        break;
      default:
        throw new Error(`Unknown database kind '${String(kind satisfies never)}'`);
    }
  }

  if (targets.cache !== undefined) {
    const group = targets.cache.replicationGroupArn;
    statements.push(
      {
        Sid: "InterruptCacheAzPower",
        Effect: "Allow",
        Action: ["elasticache:InterruptClusterAzPower"],
        Resource: [group, replicationGroupNodesArnPattern(group)],
      },
      { Sid: "DescribeCacheReplicationGroup", Effect: "Allow", Action: ["elasticache:DescribeReplicationGroups"], Resource: [group] },
    );
  }

  if (targets.database !== undefined || targets.cache !== undefined) unscoped.push("tag:GetResources");
  if (unscoped.length > 0) statements.push({ Sid: "ResolveTargets", Effect: "Allow", Action: unscoped, Resource: ["*"] });

  if (targets.logging === true) {
    statements.push(
      { Sid: "CreateExperimentLogDelivery", Effect: "Allow", Action: ["logs:CreateLogDelivery"], Resource: ["*"] },
      {
        Sid: "ConfigureExperimentLogDelivery",
        Effect: "Allow",
        Action: ["logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:PutResourcePolicy"],
        Resource: [`arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:*`],
      },
    );
  }
  return statements;
}

/** The role's inline policy document. */
export function chaosRolePolicy(ctx: ChaosRoleContext, targets: ChaosRoleTargets): string {
  return policyDocument(chaosRoleStatements(ctx, targets));
}

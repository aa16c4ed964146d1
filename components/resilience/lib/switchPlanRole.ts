/**
 * The Region switch plan's roles: the execution role ARC assumes (`arc-region-switch.amazonaws.com`,
 * only for this account's plans) with what its steps call and nothing else, and the approvers' role.
 */
import { accountRootArn, policyDocument, serviceTrustPolicy, type PolicyStatement } from "../../lib/iam";

/** The service principal of ARC Region switch. */
export const ARC_REGION_SWITCH_PRINCIPAL = "arc-region-switch.amazonaws.com";

/** What the execution role acts on. */
export interface SwitchRoleTargets {
  readonly partition: string;
  readonly accountId: string;
  readonly autoScalingGroupArns: readonly string[];
  /** Aurora member clusters or RDS instances. */
  readonly databaseArns: readonly string[];
  /** The Aurora global database's identifier. @default no global database */
  readonly globalClusterIdentifier?: string;
  /** The plan's health alarms (ARC reads their state). */
  readonly alarmArns: readonly string[];
}

/** Trust: ARC Region switch, for plans of this account only. */
export function switchExecutionTrustPolicy(partition: string, accountId: string): string {
  return serviceTrustPolicy(ARC_REGION_SWITCH_PRINCIPAL, { accountId, sourceArn: `arn:${partition}:arc-region-switch::${accountId}:plan/*` });
}

/**
 * The execution role's statements, in a fixed order: updating the named groups; switching the
 * global database (or promoting the replica) on its members only; reading the plan's health alarms;
 * and the group look-ups and capacity metrics the scaling block reads, which IAM does not scope to a
 * resource.
 */
export function switchExecutionStatements(targets: SwitchRoleTargets): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    { Sid: "ScaleTargetGroups", Effect: "Allow", Action: ["autoscaling:UpdateAutoScalingGroup"], Resource: [...targets.autoScalingGroupArns] },
  ];
  if (targets.globalClusterIdentifier !== undefined) {
    const global = `arn:${targets.partition}:rds::${targets.accountId}:global-cluster:${targets.globalClusterIdentifier}`;
    statements.push({
      Sid: "SwitchGlobalDatabase",
      Effect: "Allow",
      Action: ["rds:SwitchoverGlobalCluster", "rds:FailoverGlobalCluster", "rds:DescribeGlobalClusters", "rds:DescribeDBClusters"],
      Resource: [global, ...targets.databaseArns],
    });
  } else if (targets.databaseArns.length > 0) {
    statements.push({
      Sid: "PromoteReadReplica",
      Effect: "Allow",
      Action: ["rds:PromoteReadReplica", "rds:DescribeDBInstances"],
      Resource: [...targets.databaseArns],
    });
  }
  if (targets.alarmArns.length > 0)
    statements.push({ Sid: "ReadHealthAlarms", Effect: "Allow", Action: ["cloudwatch:DescribeAlarms"], Resource: [...targets.alarmArns] });
  statements.push({
    Sid: "ReadCapacity",
    Effect: "Allow",
    Action: ["autoscaling:DescribeAutoScalingGroups", "cloudwatch:GetMetricStatistics"],
    Resource: ["*"],
  });
  return statements;
}

/** The execution role's policy document. */
export function switchExecutionPolicy(targets: SwitchRoleTargets): string {
  return policyDocument(switchExecutionStatements(targets));
}

/** Trust of the approvers' role: principals of this account that IAM lets assume it. */
export function approverTrustPolicy(partition: string, accountId: string): string {
  return policyDocument([{ Effect: "Allow", Principal: { AWS: accountRootArn(partition, accountId) }, Action: "sts:AssumeRole" }]);
}

/** What an approver may do: approve or decline steps of these plans' executions, and read them. */
export function approverPolicy(planArns: readonly string[]): string {
  return policyDocument([
    {
      Sid: "ApproveSwitchSteps",
      Effect: "Allow",
      Action: [
        "arc-region-switch:ApprovePlanExecutionStep",
        "arc-region-switch:GetPlan",
        "arc-region-switch:GetPlanExecution",
        "arc-region-switch:ListPlanExecutionEvents",
      ],
      Resource: planArns.flatMap((planArn) => [planArn, `${planArn}/*`]),
    },
  ]);
}

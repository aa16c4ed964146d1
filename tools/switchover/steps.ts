/**
 * What to run to move the writer, read from the planned stack after the switchover: the ARC
 * Region switch plan's execution when the stack has one, and the equivalent AWS CLI commands
 * (the Aurora global switchover, the Global Datastore failover), then `pulumi up`.
 */
import type { PlannedResource } from "../../components/lib/plan/plannedResource";

const TYPES = {
  globalCluster: "aws:rds/globalCluster:GlobalCluster",
  cluster: "aws:rds/cluster:Cluster",
  datastore: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
  cacheGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  switchPlan: "aws:arcregionswitch/plan:Plan",
};

const text = (value: unknown) => (typeof value === "string" ? value : "<unknown>");

/** The commands, in order, to move the writer to `target` in the stack `stack`. */
export function switchoverSteps(resources: readonly PlannedResource[], stack: string, target: string): string[] {
  const of = (type: string) => resources.filter((resource) => resource.type === type);
  const steps: string[] = [];
  const plan = of(TYPES.switchPlan)[0];
  if (plan)
    steps.push(
      `# either execute the Region switch plan (it scales ${target} up, asks for approval, switches the database and checks health):`,
      `aws arc-region-switch start-plan-execution --plan-arn <the plan's ARN: pulumi stack output regionSwitchPlanArn --stack ${stack}> --target-region ${target} --action activate`,
      "# or run its steps by hand:",
    );
  const global = of(TYPES.globalCluster)[0];
  const targetCluster = of(TYPES.cluster).find((cluster) => cluster.region === target);
  if (global && targetCluster)
    steps.push(
      `aws rds switchover-global-cluster --region ${target} --global-cluster-identifier ${text(global.inputs.globalClusterIdentifier)} --target-db-cluster-identifier arn:aws:rds:${target}:<account>:cluster:${text(targetCluster.inputs.clusterIdentifier)}`,
    );
  const datastore = of(TYPES.datastore)[0];
  const targetGroup = of(TYPES.cacheGroup).find((group) => group.region === target);
  if (datastore && targetGroup)
    steps.push(
      `aws elasticache failover-global-replication-group --region ${target} --global-replication-group-id ${text(datastore.outputs.globalReplicationGroupId)} --primary-region ${target} --primary-replication-group-id ${text(targetGroup.inputs.replicationGroupId)}`,
    );
  steps.push(`pulumi up --stack ${stack}   # after the writer moved: the write routes and alarms follow the stack file`);
  return steps;
}

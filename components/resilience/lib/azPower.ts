/**
 * The AZ power-interruption drill as plain data: one AWS FIS template that does, in one AZ of one
 * region and for one duration, what FIS's scenario library "AZ Availability: Power Interruption"
 * does. Generic over `T` so that the component passes Pulumi inputs and the tests strings.
 *
 * Its actions run in parallel from the experiment's start:
 * - `stop-web-instances` / `stop-worker-instances`: `aws:ec2:stop-instances` on the running
 *   instances of each tier's Auto Scaling group in the AZ (target `aws:ec2:instance`, found by
 *   the group's `aws:autoscaling:groupName` tag, filtered by `State.Name` and
 *   `Placement.AvailabilityZone`), started again after the duration; `completeIfInstancesTerminated`
 *   because the group may replace a stopped instance (it does not count as a failure);
 * - `pause-instance-launches`: `aws:ec2:asg-insufficient-instance-capacity-error` on both groups
 *   (target `aws:ec2:autoscaling-group`, key `AutoScalingGroups`) for the AZ, 100 % of launches:
 *   the groups must place replacements in the other AZs;
 * - `pause-network-connectivity`: `aws:network:disrupt-connectivity` with `scope: all` on the AZ's
 *   subnets (target `aws:ec2:subnet`, key `Subnets`, filtered by `AvailabilityZone`);
 * - `failover-database` (where the region holds a writer): `aws:rds:failover-db-cluster` on the
 *   Aurora cluster whose writer is in the AZ (target parameter `writerAvailabilityZoneIdentifiers`),
 *   or in RDS mode `aws:rds:reboot-db-instances` with `forceFailover` on the instance in the AZ
 *   (target parameter `availabilityZoneIdentifiers`);
 * - `interrupt-cache-power` (where the region has a Multi-AZ cache): `aws:elasticache:replicationgroup-interrupt-az-power`
 *   (target `aws:elasticache:replicationgroup`, found by tag only, parameter `availabilityZoneIdentifier`).
 *
 * @see https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/targets.html (resource-type parameters)
 */

/** The drill's name. */
export const AZ_POWER_DRILL = "az-power-interruption";

/** The tag every EC2 Auto Scaling group puts on its instances, with the group's name. */
export const ASG_NAME_TAG = "aws:autoscaling:groupName";

/** A target of the template (a key of its `targets` map). */
export interface AzPowerTarget<T = string> {
  readonly name: string;
  readonly resourceType: string;
  readonly selectionMode: "ALL";
  /** Exactly these resources. @default - found by `resourceTags` */
  readonly resourceArns?: readonly T[];
  /** Resources that carry this tag. @default - found by `resourceArns` */
  readonly resourceTag?: { readonly key: string; readonly value: T };
  /** Attribute filters over the resources found. @default [] */
  readonly filters?: readonly { readonly path: string; readonly values: readonly string[] }[];
  /** Resource-type parameters. @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** An action of the template (a key of its `actions` map) and the target it acts on. */
export interface AzPowerAction {
  readonly name: string;
  readonly actionId: string;
  readonly description: string;
  readonly parameters: Readonly<Record<string, string>>;
  /** The action's fixed target key (`Instances`, `AutoScalingGroups`...) and the target's name. */
  readonly target: { readonly key: string; readonly name: string };
}

/** The whole template, without its role, stop conditions and tags. */
export interface AzPowerSpec<T = string> {
  readonly drill: typeof AZ_POWER_DRILL;
  readonly description: string;
  readonly targets: readonly AzPowerTarget<T>[];
  readonly actions: readonly AzPowerAction[];
}

/** What the drill acts on in its region. */
export interface AzPowerInputs<T = string> {
  readonly region: string;
  readonly availabilityZone: string;
  /** ISO 8601 duration of every action (instances start again, launches and network resume). */
  readonly duration: string;
  /** The web and worker tiers' Auto Scaling groups. */
  readonly autoScalingGroups: readonly { readonly tier: "web" | "worker"; readonly name: T; readonly arn: T }[];
  /** Every subnet of the region (public, private, isolated); the AZ filter keeps the AZ's own. */
  readonly subnetArns: readonly T[];
  /** The region's writer, when it holds one. @default - no database action */
  readonly database?: { readonly kind: "aurora-cluster" | "rds-instance"; readonly arns: readonly T[] };
  /** The region's Multi-AZ replication group's FIS tag. @default - no cache action */
  readonly cacheTag?: { readonly key: string; readonly value: T };
}

/** The drill of one region's AZ. */
export function azPowerSpec<T>(inputs: AzPowerInputs<T>): AzPowerSpec<T> {
  const { availabilityZone: az, duration } = inputs;
  const targets: AzPowerTarget<T>[] = [];
  const actions: AzPowerAction[] = [];
  for (const group of inputs.autoScalingGroups) {
    const name = `${group.tier}-instances-${az}`;
    targets.push({
      name,
      resourceType: "aws:ec2:instance",
      selectionMode: "ALL",
      resourceTag: { key: ASG_NAME_TAG, value: group.name },
      filters: [
        { path: "State.Name", values: ["running"] },
        { path: "Placement.AvailabilityZone", values: [az] },
      ],
    });
    actions.push({
      name: `stop-${group.tier}-instances`,
      actionId: "aws:ec2:stop-instances",
      description: `Stop the ${group.tier} tier's running instances in ${az}, start them after ${duration}`,
      parameters: { completeIfInstancesTerminated: "true", startInstancesAfterDuration: duration },
      target: { key: "Instances", name },
    });
  }
  targets.push({
    name: "auto-scaling-groups",
    resourceType: "aws:ec2:autoscaling-group",
    selectionMode: "ALL",
    resourceArns: inputs.autoScalingGroups.map((g) => g.arn),
  });
  actions.push({
    name: "pause-instance-launches",
    actionId: "aws:ec2:asg-insufficient-instance-capacity-error",
    description: `Fail every launch of the tiers' groups in ${az} with InsufficientInstanceCapacity for ${duration}`,
    parameters: { availabilityZoneIdentifiers: az, duration, percentage: "100" },
    target: { key: "AutoScalingGroups", name: "auto-scaling-groups" },
  });
  targets.push({
    name: `subnets-${az}`,
    resourceType: "aws:ec2:subnet",
    selectionMode: "ALL",
    resourceArns: inputs.subnetArns,
    filters: [{ path: "AvailabilityZone", values: [az] }],
  });
  actions.push({
    name: "pause-network-connectivity",
    actionId: "aws:network:disrupt-connectivity",
    description: `Deny all traffic in and out of ${az}'s subnets for ${duration}`,
    parameters: { duration, scope: "all" },
    target: { key: "Subnets", name: `subnets-${az}` },
  });
  if (inputs.database?.kind === "aurora-cluster") {
    targets.push({
      name: "database-cluster",
      resourceType: "aws:rds:cluster",
      selectionMode: "ALL",
      resourceArns: inputs.database.arns,
      // a cluster whose writer is elsewhere is not failed over (and then resolves to no target)
      parameters: { writerAvailabilityZoneIdentifiers: az },
    });
    actions.push({
      name: "failover-database",
      actionId: "aws:rds:failover-db-cluster",
      description: `Fail the Aurora cluster over to a reader outside ${az} when its writer is in ${az}`,
      parameters: {},
      target: { key: "Clusters", name: "database-cluster" },
    });
  } else if (inputs.database?.kind === "rds-instance") {
    targets.push({
      name: "database-instance",
      resourceType: "aws:rds:db",
      selectionMode: "ALL",
      resourceArns: inputs.database.arns,
      parameters: { availabilityZoneIdentifiers: az },
    });
    actions.push({
      name: "failover-database",
      actionId: "aws:rds:reboot-db-instances",
      description: `Reboot the RDS instance in ${az} through a Multi-AZ failover to its standby`,
      parameters: { forceFailover: "true" },
      target: { key: "DBInstances", name: "database-instance" },
    });
  }
  if (inputs.cacheTag) {
    targets.push({
      name: "cache-replication-group",
      resourceType: "aws:elasticache:replicationgroup",
      selectionMode: "ALL",
      resourceTag: inputs.cacheTag,
      parameters: { availabilityZoneIdentifier: az },
    });
    actions.push({
      name: "interrupt-cache-power",
      actionId: "aws:elasticache:replicationgroup-interrupt-az-power",
      description: `Interrupt power to the cache nodes in ${az} for ${duration}`,
      parameters: { duration },
      target: { key: "ReplicationGroups", name: "cache-replication-group" },
    });
  }
  return {
    drill: AZ_POWER_DRILL,
    description: `Power interruption of ${az} for ${duration} (FIS scenario AZ Availability: Power Interruption): tier instances stop, launches there fail, its subnets lose connectivity${inputs.database ? ", the writer fails over" : ""}${inputs.cacheTag ? ", the cache primary fails over" : ""}`,
    targets,
    actions,
  };
}

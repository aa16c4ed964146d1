/**
 * The experiment templates as plain data: per experiment its FIS action (ID, parameters, target
 * key), its target (resource type, how it is identified, selection mode) and its description.
 * Generic over `T` so that the component passes Pulumi inputs and the tests plain strings.
 *
 * @see https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/targets.html
 */
import type { ChaosExperimentName } from "./chaosRules";

/**
 * The tag every EC2 Auto Scaling group puts on its instances, with the group's name: FIS finds the
 * web tier's instances by it, and the terminate permission is limited to instances that carry it.
 */
export const ASG_NAME_TAG = "aws:autoscaling:groupName";

/**
 * The tag that marks the one replication group a region's `failover-cache` experiment targets,
 * with the group's ID as its value. FIS resolves `aws:elasticache:replicationgroup` targets by
 * tags only (not by ARN), so the cache must carry this tag: see `cacheChaosTargetTags`.
 */
export const CACHE_TARGET_TAG = "ChaosTarget";

/** The tags the cache's replication group needs so that `failover-cache` can find it (and only it). */
export function cacheChaosTargetTags(replicationGroupId: string): Record<string, string> {
  return { [CACHE_TARGET_TAG]: replicationGroupId };
}

/** How the region's database member is failed over. */
export type ChaosDatabaseKind = "aurora-cluster" | "rds-instance";

/** The kinds of `ChaosDatabaseKind`, for validation. */
export const CHAOS_DATABASE_KINDS: readonly ChaosDatabaseKind[] = ["aurora-cluster", "rds-instance"];

/** One name/value pair (a tag or a parameter), the provider's shape. */
export interface KeyValue<T = string> {
  readonly key: string;
  readonly value: T;
}

/** A template's only target. */
export interface ExperimentTargetSpec<T = string> {
  /** The key of the template's `targets` map (64 characters at most, no spaces). */
  readonly name: string;
  /** The FIS resource type, e.g. `aws:ec2:instance`. */
  readonly resourceType: string;
  /** `ALL`, `COUNT(n)` or `PERCENT(n)`. */
  readonly selectionMode: string;
  /** Exactly these resources. @default - identified by `resourceTags` */
  readonly resourceArns?: readonly T[];
  /** Resources carrying all of these tags. @default - identified by `resourceArns` */
  readonly resourceTags?: readonly KeyValue<T>[];
  /** Attribute filters over the resources found. @default [] */
  readonly filters?: readonly { readonly path: string; readonly values: readonly string[] }[];
  /** Resource-type parameters, e.g. the AZ of an ElastiCache target. @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** A template's only action. */
export interface ExperimentActionSpec {
  /** The key of the template's `actions` map (64 characters at most, no spaces). */
  readonly name: string;
  /** The FIS action ID, e.g. `aws:ec2:terminate-instances`. */
  readonly actionId: string;
  readonly description: string;
  /** The action's parameters, in key order. */
  readonly parameters: readonly KeyValue[];
  /** The key under which the action names its target (fixed per action, e.g. `Instances`). */
  readonly targetKey: string;
}

/** One experiment template, without its role, stop conditions, logging and tags. */
export interface ExperimentSpec<T = string> {
  readonly experiment: ChaosExperimentName;
  readonly description: string;
  readonly action: ExperimentActionSpec;
  readonly target: ExperimentTargetSpec<T>;
}

/** Where the experiment runs, for its description. */
export interface ExperimentPlace {
  /** `<project>-<stack>`. */
  readonly namePrefix: string;
  readonly region: string;
  /** How many alarms stop it. */
  readonly stopAlarmCount: number;
}

const stopSentence = (place: ExperimentPlace): string => ` Stops as soon as any of the region's ${place.stopAlarmCount} stop alarm(s) is in ALARM.`;

/**
 * `terminate-web-instances`: runs TerminateInstances on `percentage` percent of the running
 * instances of the region's web auto-scaling group (FIS rounds down).
 */
export function terminateWebInstancesSpec<T>(autoScalingGroupName: T, percentage: number, place: ExperimentPlace): ExperimentSpec<T> {
  return {
    experiment: "terminate-web-instances",
    description: `Terminates ${percentage}% of the running web instances of ${place.namePrefix} in ${place.region}; the auto-scaling group must replace them while the load balancer keeps serving.${stopSentence(place)}`,
    action: {
      name: "terminate-web-instances",
      actionId: "aws:ec2:terminate-instances",
      description: `Terminate ${percentage}% of the web tier's running instances`,
      parameters: [],
      targetKey: "Instances",
    },
    target: {
      name: "WebInstances",
      resourceType: "aws:ec2:instance",
      selectionMode: `PERCENT(${percentage})`,
      resourceTags: [{ key: ASG_NAME_TAG, value: autoScalingGroupName }],
      // instances already shutting down or still pending would count in the share without being hit
      filters: [{ path: "State.Name", values: ["running"] }],
    },
  };
}

/**
 * `failover-database`: FailoverDBCluster on the region's Aurora cluster (a reader becomes the
 * writer), or RebootDBInstance with `forceFailover` on its RDS instance (the standby takes over).
 */
export function databaseFailoverSpec<T>(kind: ChaosDatabaseKind, arn: T, place: ExperimentPlace, shardArns: readonly T[] = []): ExperimentSpec<T> {
  // with database shards, one experiment fails every shard's member of the region over at once
  const resourceArns = [arn, ...shardArns];
  switch (kind) {
    case "aurora-cluster":
      return {
        experiment: "failover-database",
        description: `Fails the Aurora cluster of ${place.namePrefix} in ${place.region} over to a reader (FailoverDBCluster); writers must reconnect to the cluster endpoint.${stopSentence(place)}`,
        action: {
          name: "failover-database",
          actionId: "aws:rds:failover-db-cluster",
          description: "Fail the Aurora cluster over to a reader",
          parameters: [],
          targetKey: "Clusters",
        },
        target: { name: "DatabaseCluster", resourceType: "aws:rds:cluster", selectionMode: "ALL", resourceArns },
      };
    case "rds-instance":
      return {
        experiment: "failover-database",
        description: `Reboots the RDS instance of ${place.namePrefix} in ${place.region} with a forced Multi-AZ failover to its standby; clients must reconnect.${stopSentence(place)}`,
        action: {
          name: "failover-database",
          actionId: "aws:rds:reboot-db-instances",
          description: "Reboot the RDS instance through a Multi-AZ failover",
          parameters: [{ key: "forceFailover", value: "true" }],
          targetKey: "DBInstances",
        },
        target: { name: "DatabaseInstance", resourceType: "aws:rds:db", selectionMode: "ALL", resourceArns },
      };
    default:
      throw new Error(`Unknown database kind '${String(kind satisfies never)}'`);
  }
}

/**
 * `failover-cache`: interrupts power to the replication group's nodes in `availabilityZone` (where
 * its primary node is placed) for `duration`; ElastiCache promotes the replica with the least lag
 * in another AZ, and replacements in the impaired AZ stay blocked until the action ends.
 */
export function cacheFailoverSpec<T>(replicationGroupId: T, availabilityZone: string, duration: string, place: ExperimentPlace): ExperimentSpec<T> {
  return {
    experiment: "failover-cache",
    description: `Interrupts power to the cache nodes of ${place.namePrefix} in ${availabilityZone} for ${duration}, so that ElastiCache promotes a replica in another AZ.${stopSentence(place)}`,
    action: {
      name: "failover-cache",
      actionId: "aws:elasticache:replicationgroup-interrupt-az-power",
      description: `Interrupt power to the cache nodes in ${availabilityZone}`,
      parameters: [{ key: "duration", value: duration }],
      targetKey: "ReplicationGroups",
    },
    target: {
      name: "CacheReplicationGroup",
      resourceType: "aws:elasticache:replicationgroup",
      selectionMode: "ALL",
      resourceTags: [{ key: CACHE_TARGET_TAG, value: replicationGroupId }],
      parameters: { availabilityZoneIdentifier: availabilityZone },
    },
  };
}

/** The `Name` tag of a template (the FIS console lists templates by it). */
export function experimentTemplateName(namePrefix: string, region: string, experiment: ChaosExperimentName): string {
  return `${namePrefix}-${region}-${experiment}`;
}

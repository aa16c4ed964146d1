/**
 * Cache policies: ElastiCache subnet groups, and replication groups (encryption at rest with a
 * customer key, TLS, AUTH, automatic failover with Multi-AZ, snapshots, slow-log delivery, a
 * subnet group of the blueprint's own).
 *
 * A secondary member of a global datastore (`globalReplicationGroupId` set) takes its engine,
 * encryption and AUTH settings from the datastore and may not declare them, so those checks do
 * not apply to it; its key (kmsKeyId, its own region's) and its own settings still do.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { validateResourceOfType, type ResourceValidationArgs } from "@pulumi/policy";
import { resourcePolicy, type BlueprintPolicy } from "./lib/define";
import { checkSubnetCount, SUBNET_GROUP_CONFIG_SCHEMA } from "./lib/subnetGroups";

type ReplicationGroupProps = pulumi.Unwrap<aws.elasticache.ReplicationGroupArgs>;

/** True for a set, non-empty string. */
function given(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** True for a secondary member of a global datastore. */
function isSecondary(group: ReplicationGroupProps): boolean {
  return given(group.globalReplicationGroupId);
}

/** Stops a check that a secondary inherits from its global datastore. */
function skipSecondary(group: ReplicationGroupProps, args: ResourceValidationArgs, setting: string): void {
  if (isSecondary(group)) args.notApplicable(`A secondary of a global datastore takes ${setting} from the global datastore.`);
}

/** How many nodes a shard has: `numCacheClusters`, or 1 + `replicasPerNodeGroup` with cluster mode. */
function nodesPerShard(group: ReplicationGroupProps): number {
  if (group.numCacheClusters !== undefined) return group.numCacheClusters;
  if (group.replicasPerNodeGroup !== undefined) return 1 + group.replicasPerNodeGroup;
  return 1;
}

/** Cache subnet groups span several AZs. */
export const cacheSubnetGroupConfigureMultiAz = resourcePolicy({
  name: "aws-elasticache-subnetgroup-configure-multi-az",
  description: "Checks that every ElastiCache subnet group lists at least two subnets, so that replicas and automatic failover can use another AZ.",
  severity: "medium",
  service: "cache",
  remediationSteps: "Give the subnet group the isolated subnets of every AZ of the region (components/network passes vpc.isolatedSubnetIds).",
  ids: { wellArchitected: ["REL10-BP01"] },
  configSchema: SUBNET_GROUP_CONFIG_SCHEMA,
  validateResource: validateResourceOfType(aws.elasticache.SubnetGroup, (group, args, reportViolation) => {
    checkSubnetCount("cache", group.subnetIds, args.getConfig<{ minimumSubnets: number }>().minimumSubnets, reportViolation);
  }),
});

/** Data at rest is encrypted with a customer-managed key. */
export const replicationGroupEnableAtRestEncryption = resourcePolicy({
  name: "aws-elasticache-replicationgroup-enable-at-rest-encryption",
  description: "Checks that ElastiCache replication groups encrypt data at rest with a customer-managed KMS key of their region.",
  severity: "high",
  service: "cache",
  remediationSteps:
    "Set `atRestEncryptionEnabled: true` on the primary (Valkey turns it on by default) and `kmsKeyId` to the region's data key ARN on every member, secondaries included. Encryption cannot be added to an existing group.",
  ids: {
    checkov: ["CKV_AWS_29", "CKV_AWS_191"],
    trivy: ["AVD-AWS-0045"],
    cdkNag: ["AwsSolutions-AEC3"],
    wellArchitected: ["SEC08-BP02"],
  },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, _args, reportViolation) => {
    if (!isSecondary(group)) {
      // Valkey encrypts at rest unless told not to; Redis OSS only when asked.
      const encrypted = group.atRestEncryptionEnabled ?? group.engine === "valkey";
      if (!encrypted)
        reportViolation(
          `The replication group does not encrypt data at rest (atRestEncryptionEnabled is ${group.atRestEncryptionEnabled ?? `unset, and ${group.engine ?? "redis"} defaults to off`}).`,
        );
    }
    if (!given(group.kmsKeyId))
      reportViolation("The replication group is not encrypted with a customer-managed KMS key (kmsKeyId is unset, so the service key is used).");
    else if (group.kmsKeyId === "alias/aws/elasticache")
      reportViolation("The replication group uses the AWS-managed key alias/aws/elasticache, not a customer-managed key.");
  }),
});

/** Clients must use TLS. */
export const replicationGroupRequireTransitEncryption = resourcePolicy({
  name: "aws-elasticache-replicationgroup-require-transit-encryption",
  description: "Checks that ElastiCache replication groups turn on in-transit encryption in required mode, so no client connects in plain text.",
  severity: "high",
  service: "cache",
  remediationSteps:
    'Set `transitEncryptionEnabled: true` and leave `transitEncryptionMode` unset or "required" on the primary; secondaries of a global datastore inherit it.',
  ids: { checkov: ["CKV_AWS_30"], trivy: ["AVD-AWS-0051"], cdkNag: ["AwsSolutions-AEC3"], wellArchitected: ["SEC09-BP02"] },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, args, reportViolation) => {
    skipSecondary(group, args, "in-transit encryption");
    if (group.transitEncryptionEnabled !== true) {
      reportViolation(
        `The replication group does not encrypt in transit (transitEncryptionEnabled is ${group.transitEncryptionEnabled === false ? "false" : "unset"}).`,
      );
    } else if (group.transitEncryptionMode === "preferred") {
      reportViolation('The replication group\'s transitEncryptionMode is "preferred", which still accepts plain-text clients; use "required".');
    }
  }),
});

/** Clients must authenticate. */
export const replicationGroupRequireAuthToken = resourcePolicy({
  name: "aws-elasticache-replicationgroup-require-auth-token",
  description: "Checks that ElastiCache replication groups require clients to authenticate, with an AUTH token or an RBAC user group.",
  severity: "high",
  service: "cache",
  remediationSteps:
    "Set `authToken` (or `authTokenWo`) to a generated secret (random.RandomPassword, kept in Secrets Manager for the app) with transit encryption on, or attach an RBAC user group with `userGroupIds`.",
  ids: { checkov: ["CKV_AWS_31"], cdkNag: ["AwsSolutions-AEC6"], wellArchitected: ["SEC03-BP01"] },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, args, reportViolation) => {
    skipSecondary(group, args, "AUTH");
    const rbac = (group.userGroupIds ?? []).length > 0;
    if (!given(group.authToken) && !given(group.authTokenWo) && !rbac) {
      reportViolation("The replication group lets clients in without authentication (no authToken, authTokenWo or userGroupIds).");
    }
  }),
});

/** A group with replicas fails over by itself, across AZs. */
export const replicationGroupConfigureAutomaticFailover = resourcePolicy({
  name: "aws-elasticache-replicationgroup-configure-automatic-failover",
  description:
    "Checks that ElastiCache replication groups have at least the configured number of nodes per shard and, when they have replicas, turn on automatic failover and Multi-AZ.",
  severity: "high",
  service: "cache",
  remediationSteps:
    "With `numCacheClusters` ≥ 2 (or `replicasPerNodeGroup` ≥ 1), set `automaticFailoverEnabled: true` and `multiAzEnabled: true`; raise the node count where the environment's profile needs a replica.",
  ids: { checkov: ["CKV2_AWS_50"], cdkNag: ["AwsSolutions-AEC4"], wellArchitected: ["REL11-BP02", "REL10-BP01"] },
  configSchema: {
    properties: {
      minimumNodes: {
        type: "integer",
        minimum: 1,
        default: 1,
        description: "Fewest nodes per shard (primary plus replicas); raise it to 2 to require a replica.",
      },
    },
  },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, args, reportViolation) => {
    const { minimumNodes } = args.getConfig<{ minimumNodes: number }>();
    const nodes = nodesPerShard(group);
    if (nodes < minimumNodes) reportViolation(`The replication group has ${nodes} node(s) per shard; at least ${minimumNodes} are required.`);
    if (nodes < 2) return;
    if (group.automaticFailoverEnabled !== true) reportViolation(`The replication group has ${nodes - 1} replica(s) per shard but automatic failover off.`);
    if (group.multiAzEnabled !== true) reportViolation(`The replication group has ${nodes - 1} replica(s) per shard but Multi-AZ off.`);
  }),
});

/** Daily snapshots are kept. */
export const replicationGroupConfigureSnapshotRetention = resourcePolicy({
  name: "aws-elasticache-replicationgroup-configure-snapshot-retention",
  description: "Checks that ElastiCache replication groups keep automatic snapshots for at least the configured number of days.",
  severity: "medium",
  service: "cache",
  remediationSteps: "Set `snapshotRetentionLimit` (days; 0 turns snapshots off) and a `snapshotWindow` outside peak hours.",
  ids: {
    checkov: ["CKV_AWS_134"],
    trivy: ["AVD-AWS-0050"],
    cdkNag: ["ElastiCacheRedisClusterAutomaticBackup"],
    wellArchitected: ["REL09-BP01", "REL09-BP03"],
  },
  configSchema: {
    properties: {
      minimumRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 1, description: "Fewest days automatic snapshots are kept." },
    },
  },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, args, reportViolation) => {
    const { minimumRetentionDays } = args.getConfig<{ minimumRetentionDays: number }>();
    const days = group.snapshotRetentionLimit ?? 0;
    if (days < minimumRetentionDays) {
      reportViolation(
        days === 0
          ? "The replication group takes no automatic snapshots (snapshotRetentionLimit is 0 or unset)."
          : `The replication group keeps snapshots for ${days} day(s); at least ${minimumRetentionDays} are required.`,
      );
    }
  }),
});

/** Slow commands are logged. */
export const replicationGroupEnableSlowLogDelivery = resourcePolicy({
  name: "aws-elasticache-replicationgroup-enable-slow-log-delivery",
  description: "Checks that ElastiCache replication groups deliver their slow log to CloudWatch Logs or Kinesis Data Firehose.",
  severity: "low",
  service: "cache",
  remediationSteps:
    'Add `logDeliveryConfigurations: [{ logType: "slow-log", destinationType: "cloudwatch-logs", destination: <log group name>, logFormat: "json" }]` with a log group of the region.',
  ids: { wellArchitected: ["REL06-BP01", "PERF05-BP02"] },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, _args, reportViolation) => {
    const slow = (group.logDeliveryConfigurations ?? []).filter((config) => config.logType === "slow-log");
    if (slow.length === 0) reportViolation("The replication group does not deliver its slow log.");
    for (const config of slow) {
      if (!given(config.destination)) reportViolation("The replication group's slow-log delivery names no destination.");
    }
  }),
});

/** Groups run in the blueprint's subnets, not the default subnet group. */
export const replicationGroupRequireSubnetGroup = resourcePolicy({
  name: "aws-elasticache-replicationgroup-require-subnet-group",
  description:
    "Checks that ElastiCache replication groups name a cache subnet group and security groups, instead of the default VPC's default subnet group and security group.",
  severity: "medium",
  service: "cache",
  remediationSteps: "Set `subnetGroupName` to the region's cache subnet group (isolated subnets) and `securityGroupIds` to the data tier's group.",
  ids: { checkov: ["CKV_AWS_323"], cdkNag: ["AwsSolutions-AEC1"], wellArchitected: ["SEC05-BP01"] },
  validateResource: validateResourceOfType(aws.elasticache.ReplicationGroup, (group, _args, reportViolation) => {
    if (!given(group.subnetGroupName)) reportViolation("The replication group names no subnet group, so ElastiCache uses the default one.");
    if ((group.securityGroupIds ?? []).length === 0) reportViolation("The replication group names no security group, so the VPC's default group applies.");
  }),
});

/** The cache policies, in pack order. */
export const CACHE_POLICIES: readonly BlueprintPolicy[] = [
  cacheSubnetGroupConfigureMultiAz,
  replicationGroupEnableAtRestEncryption,
  replicationGroupRequireTransitEncryption,
  replicationGroupRequireAuthToken,
  replicationGroupConfigureAutomaticFailover,
  replicationGroupConfigureSnapshotRetention,
  replicationGroupEnableSlowLogDelivery,
  replicationGroupRequireSubnetGroup,
];

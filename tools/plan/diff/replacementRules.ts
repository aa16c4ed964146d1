/**
 * Stateful resource types and the inputs AWS can only change by replacing the resource (delete and
 * create: the data goes with it, unless restored from a snapshot).
 *
 * Source: the Terraform AWS provider that `@pulumi/aws` bridges marks these arguments `ForceNew`
 * in its resource schemas (its docs say "Forces new resource"); the Pulumi engine replaces the
 * resource when one changes. Checked against the provider's schema files (cluster.go,
 * cluster_instance.go, global_cluster.go, instance.go, replication_group.go,
 * global_replication_group.go, bucket.go, queue.go, key.go, replica_key.go, secret.go) and its
 * enhanced-region guide ("Changing the value of `region` will force resource replacement").
 * `[volatile]`: the provider makes arguments updatable over time (e.g. `identifier` of an RDS
 * instance became renamable in place in 2023; renaming Aurora clusters in place is an open
 * proposal), so re-check when upgrading `@pulumi/aws`.
 *
 * @see https://github.com/hashicorp/terraform-provider-aws/tree/main/internal/service
 * @see https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/enhanced-region-support
 */
import type { PlannedResource } from "../planFile";
import { compareVersions } from "../../../components/lib/plan/versions";

/** An input whose change replaces the resource, with the condition when it only sometimes does. */
export interface ReplacementRule {
  /** Top-level input name (Pulumi's camelCase). */
  readonly input: string;
  /** Only then does the change replace (e.g. for some engines); always when absent. */
  readonly when?: (before: PlannedResource, after: PlannedResource) => boolean;
  /** What the condition is, for the table and the finding's reason. */
  readonly condition?: string;
}

/** A stateful type: what it holds and what replaces it. */
export interface StatefulType {
  /** What a reviewer calls it. */
  readonly label: string;
  /** What is lost when it is deleted or replaced. */
  readonly loses: string;
  readonly replacedBy: readonly ReplacementRule[];
}

const always = (...inputs: string[]): ReplacementRule[] => inputs.map((input) => ({ input }));


const stringOf = (resource: PlannedResource, key: string) => (typeof resource.inputs[key] === "string" ? (resource.inputs[key] as string) : undefined);

/** ElastiCache engines from oldest to newest: moving back is a downgrade. */
const CACHE_ENGINE_ORDER = ["redis", "valkey"];

/** The table. Keys are Pulumi type tokens. */
export const STATEFUL_TYPES: Readonly<Record<string, StatefulType>> = {
  "aws:rds/cluster:Cluster": {
    label: "database cluster",
    loses: "the cluster volume (all data) unless a final snapshot is restored",
    replacedBy: [
      ...always(
        "region",
        "clusterIdentifier",
        "clusterIdentifierPrefix",
        "engine",
        "engineMode",
        "databaseName",
        "masterUsername",
        "storageEncrypted",
        "kmsKeyId",
        "dbSubnetGroupName",
        "availabilityZones",
        "snapshotIdentifier",
        "sourceRegion",
        "restoreToPointInTime",
        "s3Import",
        "clusterScalabilityType",
        "dbSystemId",
      ),
      {
        input: "storageType",
        condition: "engine is not Aurora (Multi-AZ DB clusters)",
        when: (before) => !(stringOf(before, "engine") ?? "").startsWith("aurora"),
      },
    ],
  },
  "aws:rds/clusterInstance:ClusterInstance": {
    label: "database instance",
    loses: "the instance (the data lives in the cluster volume; the cluster loses capacity while it is recreated)",
    replacedBy: always("region", "identifier", "identifierPrefix", "clusterIdentifier", "engine", "availabilityZone", "dbSubnetGroupName", "customIamInstanceProfile"),
  },
  "aws:rds/instance:Instance": {
    label: "database instance",
    loses: "the instance's storage (all data) unless a final snapshot is restored",
    replacedBy: always(
      "region",
      "engine",
      "username",
      "dbName",
      "storageEncrypted",
      "kmsKeyId",
      "availabilityZone",
      "characterSetName",
      "ncharCharacterSetName",
      "snapshotIdentifier",
      "restoreToPointInTime",
      "s3Import",
      "timezone",
      "customIamInstanceProfile",
    ),
  },
  "aws:rds/globalCluster:GlobalCluster": {
    label: "global database",
    loses: "the global database (its member clusters must be detached and re-joined)",
    replacedBy: always("region", "globalClusterIdentifier", "engine", "databaseName", "storageEncrypted", "sourceDbClusterIdentifier"),
  },
  "aws:elasticache/replicationGroup:ReplicationGroup": {
    label: "cache replication group",
    loses: "every cached key unless a snapshot is restored",
    replacedBy: [
      ...always(
        "region",
        "replicationGroupId",
        "atRestEncryptionEnabled",
        "kmsKeyId",
        "subnetGroupName",
        "port",
        "dataTieringEnabled",
        "networkType",
        "globalReplicationGroupId",
        "snapshotArns",
        "snapshotName",
        "securityGroupNames",
      ),
      {
        input: "transitEncryptionEnabled",
        condition: "engine version below 7.0.5",
        when: (before) => compareVersions(stringOf(before, "engineVersion") ?? "0", "7.0.5") < 0,
      },
      {
        input: "engineVersion",
        condition: "a downgrade",
        when: (before, after) => compareVersions(stringOf(after, "engineVersion") ?? "0", stringOf(before, "engineVersion") ?? "0") < 0,
      },
      {
        input: "engine",
        condition: "a downgrade (valkey to redis)",
        when: (before, after) =>
          CACHE_ENGINE_ORDER.indexOf((stringOf(after, "engine") ?? "").toLowerCase()) < CACHE_ENGINE_ORDER.indexOf((stringOf(before, "engine") ?? "").toLowerCase()),
      },
    ],
  },
  "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup": {
    label: "global datastore",
    loses: "the cross-region replication (secondaries must re-join and re-sync)",
    replacedBy: always("region", "globalReplicationGroupIdSuffix", "primaryReplicationGroupId"),
  },
  "aws:s3/bucket:Bucket": {
    label: "bucket",
    loses: "every object (a non-empty bucket cannot even be deleted without forceDestroy)",
    replacedBy: always("region", "bucket", "bucketPrefix", "objectLockEnabled"),
  },
  "aws:s3/bucketV2:BucketV2": {
    label: "bucket",
    loses: "every object (a non-empty bucket cannot even be deleted without forceDestroy)",
    replacedBy: always("region", "bucket", "bucketPrefix", "objectLockEnabled"),
  },
  "aws:sqs/queue:Queue": {
    label: "queue",
    loses: "every message in flight",
    replacedBy: always("region", "name", "namePrefix", "fifoQueue"),
  },
  "aws:kms/key:Key": {
    label: "KMS key",
    loses: "the key material: whatever it encrypted becomes unreadable once the deletion window ends",
    replacedBy: always("region", "multiRegion", "keyUsage", "customerMasterKeySpec", "customKeyStoreId", "xksKeyId"),
  },
  "aws:kms/replicaKey:ReplicaKey": {
    label: "KMS replica key",
    loses: "the region's copy of the key: that region's encrypted data needs another key",
    replacedBy: always("region", "primaryKeyArn"),
  },
  "aws:secretsmanager/secret:Secret": {
    label: "secret",
    loses: "the secret value and its versions (after the recovery window)",
    replacedBy: always("region", "name", "namePrefix"),
  },
};

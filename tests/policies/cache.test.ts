import * as aws from "@pulumi/aws";
import {
  replicationGroupConfigureAutomaticFailover,
  replicationGroupConfigureSnapshotRetention,
  replicationGroupEnableAtRestEncryption,
  replicationGroupEnableSlowLogDelivery,
  replicationGroupRequireAuthToken,
  replicationGroupRequireSubnetGroup,
  replicationGroupRequireTransitEncryption,
} from "../../policies/cache";
import { assertNotApplicable, checkResource, describeResourcePolicy, UNKNOWN_SENTINELS } from "../support/policies/harness";

const key = (region: string) => `arn:aws:kms:${region}:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5`;

/** The primary of the global datastore as components/cache declares it (the plan writes the token as "[secret]"). */
const primary = {
  region: "us-east-1",
  replicationGroupId: "blueprint-prod-us-east-1",
  description: "Valkey cache of blueprint-prod in us-east-1",
  engine: "valkey",
  engineVersion: "9.1",
  nodeType: "cache.r7g.large",
  numCacheClusters: 3,
  automaticFailoverEnabled: true,
  multiAzEnabled: true,
  atRestEncryptionEnabled: true,
  kmsKeyId: key("us-east-1"),
  transitEncryptionEnabled: true,
  transitEncryptionMode: "required",
  authToken: "[secret]",
  snapshotRetentionLimit: 7,
  subnetGroupName: "us-east-1-cache-91a4a65",
  securityGroupIds: ["sg-09a4e3440b6ded5a7"],
  logDeliveryConfigurations: [
    { destination: "/aws/elasticache/blueprint-prod-us-east-1/slow-log", destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" },
  ],
};

/** A secondary: engine, encryption flags and AUTH come from the global datastore. */
const secondary = {
  ...primary,
  region: "eu-west-1",
  replicationGroupId: "blueprint-prod-eu-west-1",
  globalReplicationGroupId: "ldgnf-blueprint-prod-cache",
  kmsKeyId: key("eu-west-1"),
  engine: undefined,
  engineVersion: undefined,
  nodeType: undefined,
  atRestEncryptionEnabled: undefined,
  transitEncryptionEnabled: undefined,
  transitEncryptionMode: undefined,
  authToken: undefined,
};

describe("cache policies", () => {
  describeResourcePolicy({
    policy: replicationGroupEnableAtRestEncryption,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [
      { name: "Valkey's default (encrypted) with a customer key", mutate: (p) => delete p.atRestEncryptionEnabled },
      { name: "a secondary with its region's key", mutate: (p) => Object.assign(p, secondary) },
    ],
    violations: [
      {
        name: "Redis OSS left at its default (off)",
        mutate: (p) => Object.assign(p, { engine: "redis", atRestEncryptionEnabled: undefined }),
        expect: [/does not encrypt data at rest \(atRestEncryptionEnabled is unset, and redis defaults to off\)/],
      },
      {
        name: "turned off",
        mutate: (p) => (p.atRestEncryptionEnabled = false),
        expect: [/does not encrypt data at rest \(atRestEncryptionEnabled is false\)/],
      },
      { name: "the service key", mutate: (p) => delete p.kmsKeyId, expect: [/not encrypted with a customer-managed KMS key \(kmsKeyId is unset/] },
      { name: "the AWS-managed key", mutate: (p) => (p.kmsKeyId = "alias/aws/elasticache"), expect: [/uses the AWS-managed key alias\/aws\/elasticache/] },
      {
        name: "a secondary without its region's key",
        mutate: (p) => Object.assign(p, secondary, { kmsKeyId: undefined }),
        expect: [/not encrypted with a customer-managed KMS key/],
      },
    ],
    unknown: (p) => (p.kmsKeyId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: replicationGroupRequireTransitEncryption,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [{ name: "required mode left at its default", mutate: (p) => delete p.transitEncryptionMode }],
    violations: [
      { name: "unset", mutate: (p) => delete p.transitEncryptionEnabled, expect: [/does not encrypt in transit \(transitEncryptionEnabled is unset\)/] },
      { name: "off", mutate: (p) => (p.transitEncryptionEnabled = false), expect: [/transitEncryptionEnabled is false/] },
      {
        name: "preferred mode",
        mutate: (p) => (p.transitEncryptionMode = "preferred"),
        expect: [/transitEncryptionMode is "preferred", which still accepts plain-text clients/],
      },
    ],
    unknown: (p) => (p.transitEncryptionEnabled = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: replicationGroupRequireAuthToken,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [
      { name: "a write-only token", mutate: (p) => Object.assign(p, { authToken: undefined, authTokenWo: "[secret]", authTokenWoVersion: 1 }) },
      { name: "an RBAC user group", mutate: (p) => Object.assign(p, { authToken: undefined, userGroupIds: ["app-users"] }) },
    ],
    violations: [
      {
        name: "no authentication",
        mutate: (p) => delete p.authToken,
        expect: [/lets clients in without authentication \(no authToken, authTokenWo or userGroupIds\)/],
      },
      {
        name: "an empty token and an empty user group list",
        mutate: (p) => Object.assign(p, { authToken: "", userGroupIds: [] }),
        expect: [/without authentication/],
      },
    ],
    unknown: (p) => (p.authToken = UNKNOWN_SENTINELS.string),
  });

  describe("encryption and AUTH settings a secondary inherits", () => {
    for (const policy of [replicationGroupRequireTransitEncryption, replicationGroupRequireAuthToken]) {
      it(`${policy.name} does not apply to a secondary of a global datastore`, async () => {
        assertNotApplicable(
          await checkResource(policy, aws.elasticache.ReplicationGroup, secondary),
          /A secondary of a global datastore takes .* from the global datastore/,
        );
      });
    }
  });

  describeResourcePolicy({
    policy: replicationGroupConfigureAutomaticFailover,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [
      {
        name: "a single node (dev: nothing to fail over to)",
        mutate: (p) => Object.assign(p, { numCacheClusters: 1, automaticFailoverEnabled: false, multiAzEnabled: false }),
      },
      {
        name: "cluster mode with a replica per shard",
        mutate: (p) => Object.assign(p, { numCacheClusters: undefined, numNodeGroups: 2, replicasPerNodeGroup: 1 }),
      },
      { name: "a secondary with its own replicas", mutate: (p) => Object.assign(p, secondary) },
    ],
    violations: [
      {
        name: "replicas without automatic failover",
        mutate: (p) => (p.automaticFailoverEnabled = false),
        expect: [/has 2 replica\(s\) per shard but automatic failover off/],
      },
      { name: "replicas without Multi-AZ", mutate: (p) => delete p.multiAzEnabled, expect: [/has 2 replica\(s\) per shard but Multi-AZ off/] },
      {
        name: "a single node where a replica is required",
        config: { minimumNodes: 2 },
        mutate: (p) => Object.assign(p, { numCacheClusters: undefined }),
        expect: [/has 1 node\(s\) per shard; at least 2 are required/],
      },
    ],
    unknown: (p) => (p.numCacheClusters = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: replicationGroupConfigureSnapshotRetention,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [{ name: "a secondary keeping snapshots", mutate: (p) => Object.assign(p, secondary) }],
    violations: [
      {
        name: "no snapshots (unset)",
        mutate: (p) => delete p.snapshotRetentionLimit,
        expect: [/takes no automatic snapshots \(snapshotRetentionLimit is 0 or unset\)/],
      },
      { name: "snapshots off", mutate: (p) => (p.snapshotRetentionLimit = 0), expect: [/takes no automatic snapshots/] },
      {
        name: "fewer days than configured",
        config: { minimumRetentionDays: 14 },
        mutate: () => undefined,
        expect: [/keeps snapshots for 7 day\(s\); at least 14 are required/],
      },
    ],
    unknown: (p) => (p.snapshotRetentionLimit = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: replicationGroupEnableSlowLogDelivery,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [
      { name: "the engine log too", mutate: (p) => p.logDeliveryConfigurations.push({ ...p.logDeliveryConfigurations[0], logType: "engine-log" }) },
    ],
    violations: [
      { name: "no log delivery", mutate: (p) => delete p.logDeliveryConfigurations, expect: [/does not deliver its slow log/] },
      { name: "only the engine log", mutate: (p) => (p.logDeliveryConfigurations[0].logType = "engine-log"), expect: [/does not deliver its slow log/] },
      {
        name: "a slow log without destination",
        mutate: (p) => (p.logDeliveryConfigurations[0].destination = ""),
        expect: [/slow-log delivery names no destination/],
      },
    ],
    unknown: (p) => (p.logDeliveryConfigurations = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: replicationGroupRequireSubnetGroup,
    resourceClass: aws.elasticache.ReplicationGroup,
    compliant: primary,
    alsoCompliant: [{ name: "a secondary in its region's subnet group", mutate: (p) => Object.assign(p, secondary) }],
    violations: [
      { name: "the default subnet group", mutate: (p) => delete p.subnetGroupName, expect: [/names no subnet group, so ElastiCache uses the default one/] },
      { name: "no security group", mutate: (p) => (p.securityGroupIds = []), expect: [/names no security group, so the VPC's default group applies/] },
    ],
    unknown: (p) => (p.subnetGroupName = UNKNOWN_SENTINELS.string),
  });
});

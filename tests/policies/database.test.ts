import * as aws from "@pulumi/aws";
import {
  clusterConfigureMultiAz,
  databaseConfigureBackupRetention,
  databaseConfigurePerformanceInsights,
  databaseDisallowDefaultMasterUsername,
  databaseDisallowPublicAccess,
  databaseEnableAutoMinorVersionUpgrade,
  databaseEnableCopyTagsToSnapshot,
  databaseEnableDeletionProtection,
  databaseEnableEnhancedMonitoring,
  databaseEnableIamAuthentication,
  databaseEnableLogExports,
  databaseEnableStorageEncryption,
  instanceEnableMultiAz,
  proxyRequireTlsAndIamAuthentication,
  tableConfigureCustomerManagedKey,
  tableEnablePointInTimeRecovery,
} from "../../policies/database";
import {
  assertNotApplicable,
  assertPasses,
  assertViolations,
  checkResource,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const key = (region: string) => `arn:aws:kms:${region}:123456789012:key/mrk-d305acace688c95083a8c8ec0abd02f5`;

/** The primary Aurora cluster as components/database declares it (aurora-global). */
const cluster = {
  region: "us-east-1",
  clusterIdentifier: "blueprint-prod-us-east-1",
  engine: "aurora-postgresql",
  engineVersion: "16.6",
  globalClusterIdentifier: "blueprint-prod-global",
  storageEncrypted: true,
  kmsKeyId: key("us-east-1"),
  deletionProtection: true,
  backupRetentionPeriod: 35,
  iamDatabaseAuthenticationEnabled: true,
  enabledCloudwatchLogsExports: ["postgresql"],
  copyTagsToSnapshot: true,
  masterUsername: "appowner",
  masterPassword: "[secret]",
  skipFinalSnapshot: false,
};

/** A secondary cluster of the global database: no master user, its own region's key. */
const secondary = {
  ...cluster,
  region: "eu-west-1",
  clusterIdentifier: "blueprint-prod-eu-west-1",
  kmsKeyId: key("eu-west-1"),
  masterUsername: undefined,
  masterPassword: undefined,
};

/** A writer or reader of a cluster. */
const clusterInstance = {
  region: "eu-west-1",
  clusterIdentifier: "blueprint-prod-eu-west-1",
  identifier: "blueprint-prod-eu-west-1-1",
  engine: "aurora-postgresql",
  instanceClass: "db.r7g.large",
  availabilityZone: "eu-west-1a",
  publiclyAccessible: false,
  autoMinorVersionUpgrade: true,
  monitoringInterval: 30,
  monitoringRoleArn: "arn:aws:iam::123456789012:role/blueprint-prod-eu-west-1-rds-mon",
  performanceInsightsEnabled: true,
  performanceInsightsKmsKeyId: key("eu-west-1"),
  performanceInsightsRetentionPeriod: 7,
};

/** The primary of rds-replicas mode. */
const instance = {
  region: "us-east-1",
  identifier: "blueprint-prod-us-east-1",
  engine: "postgres",
  instanceClass: "db.r7g.large",
  storageEncrypted: true,
  kmsKeyId: key("us-east-1"),
  publiclyAccessible: false,
  deletionProtection: true,
  backupRetentionPeriod: 7,
  iamDatabaseAuthenticationEnabled: true,
  performanceInsightsEnabled: true,
  performanceInsightsKmsKeyId: key("us-east-1"),
  enabledCloudwatchLogsExports: ["postgresql", "upgrade"],
  copyTagsToSnapshot: true,
  multiAz: true,
  monitoringInterval: 60,
  monitoringRoleArn: "arn:aws:iam::123456789012:role/rds-mon",
  username: "appowner",
};

/** A cross-region read replica of `instance`. */
const replica = {
  ...instance,
  region: "eu-west-1",
  identifier: "blueprint-prod-eu-west-1",
  replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:blueprint-prod-us-east-1",
  storageEncrypted: undefined,
  kmsKeyId: key("eu-west-1"),
  backupRetentionPeriod: undefined,
  username: undefined,
};

const globalCluster = {
  region: "us-east-1",
  globalClusterIdentifier: "blueprint-prod-global",
  engine: "aurora-postgresql",
  storageEncrypted: true,
  deletionProtection: true,
};

describe("database policies", () => {
  describeResourcePolicy({
    policy: databaseEnableStorageEncryption,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance],
    compliant: cluster,
    alsoCompliant: [
      { name: "a secondary cluster with its region's key", mutate: (p) => Object.assign(p, secondary) },
      { name: "an encrypted instance", resourceClass: aws.rds.Instance, mutate: (p) => Object.assign(p, instance) },
      {
        name: "a cross-region replica with its region's key (storageEncrypted follows the source)",
        resourceClass: aws.rds.Instance,
        mutate: (p) => Object.assign(p, replica),
      },
      { name: "an encrypted global cluster", resourceClass: aws.rds.GlobalCluster, mutate: (p) => Object.assign(p, globalCluster) },
      {
        name: "a global cluster made from an existing cluster",
        resourceClass: aws.rds.GlobalCluster,
        mutate: (p) =>
          Object.assign(p, globalCluster, { storageEncrypted: undefined, sourceDbClusterIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:c" }),
      },
    ],
    violations: [
      { name: "an unencrypted cluster", mutate: (p) => (p.storageEncrypted = false), expect: [/The DB cluster's storage is not encrypted/] },
      {
        name: "a cluster with the AWS-managed key",
        mutate: (p) => delete p.kmsKeyId,
        expect: [/The DB cluster is not encrypted with a customer-managed KMS key \(kmsKeyId is unset/],
      },
      { name: "a cluster naming alias/aws/rds", mutate: (p) => (p.kmsKeyId = "alias/aws/rds"), expect: [/uses the AWS-managed key alias\/aws\/rds/] },
      {
        name: "an instance with neither",
        resourceClass: aws.rds.Instance,
        mutate: (p) => Object.assign(p, instance, { storageEncrypted: undefined, kmsKeyId: undefined }),
        expect: [/The DB instance's storage is not encrypted/, /The DB instance is not encrypted with a customer-managed KMS key/],
      },
      {
        name: "a replica without a key of its own",
        resourceClass: aws.rds.Instance,
        mutate: (p) => Object.assign(p, replica, { kmsKeyId: undefined }),
        expect: [/The DB instance is not encrypted with a customer-managed KMS key/],
      },
      {
        name: "an unencrypted global cluster",
        resourceClass: aws.rds.GlobalCluster,
        mutate: (p) => Object.assign(p, globalCluster, { storageEncrypted: undefined }),
        expect: [/The global cluster is not encrypted/],
      },
    ],
    unknown: (p) => (p.kmsKeyId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: databaseDisallowPublicAccess,
    resourceClass: aws.rds.ClusterInstance,
    aliases: [aws.rds.Instance],
    compliant: clusterInstance,
    alsoCompliant: [{ name: "publiclyAccessible unset (AWS's default is private)", mutate: (p) => delete p.publiclyAccessible }],
    violations: [
      { name: "a public cluster instance", mutate: (p) => (p.publiclyAccessible = true), expect: [/The cluster instance is publicly accessible/] },
      {
        name: "a public instance",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.publiclyAccessible = true),
        expect: [/The DB instance is publicly accessible/],
      },
    ],
    unknown: (p) => (p.publiclyAccessible = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: databaseEnableDeletionProtection,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance, aws.rds.GlobalCluster],
    compliant: cluster,
    violations: [
      { name: "a cluster without it", mutate: (p) => (p.deletionProtection = false), expect: [/The DB cluster has deletion protection off/] },
      {
        name: "an instance leaving it unset",
        resourceClass: aws.rds.Instance,
        mutate: (p) => delete p.deletionProtection,
        expect: [/The DB instance has deletion protection off/],
      },
      {
        name: "a global cluster without it",
        resourceClass: aws.rds.GlobalCluster,
        mutate: (p) => Object.assign(p, globalCluster, { deletionProtection: false }),
        expect: [/The global cluster has deletion protection off/],
      },
    ],
    unknown: (p) => (p.deletionProtection = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: databaseConfigureBackupRetention,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance],
    compliant: cluster,
    alsoCompliant: [
      { name: "one day under the dev pack config", config: { minimumRetentionDays: 1 }, mutate: (p) => (p.backupRetentionPeriod = 1) },
      { name: "exactly the minimum", mutate: (p) => (p.backupRetentionPeriod = 7) },
    ],
    violations: [
      {
        name: "too few days",
        mutate: (p) => (p.backupRetentionPeriod = 3),
        expect: [/The DB cluster keeps automated backups for 3 day\(s\); at least 7 are required/],
      },
      {
        name: "left at AWS's one day",
        mutate: (p) => delete p.backupRetentionPeriod,
        expect: [/keeps automated backups for 1 day\(s\) \(backupRetentionPeriod unset\); at least 7/],
      },
    ],
    unknown: (p) => (p.backupRetentionPeriod = UNKNOWN_SENTINELS.number),
  });

  describe(`${databaseConfigureBackupRetention.name} and instances`, () => {
    it("reports an instance below a raised minimum", async () => {
      assertViolations(await checkResource(databaseConfigureBackupRetention, aws.rds.Instance, instance, { config: { minimumRetentionDays: 14 } }), [
        /The DB instance keeps automated backups for 7 day\(s\); at least 14 are required/,
      ]);
    });
    it("does not apply to a read replica (its backups are the source's)", async () => {
      assertNotApplicable(await checkResource(databaseConfigureBackupRetention, aws.rds.Instance, replica), /read replica's backups are its source's/);
    });
  });

  describeResourcePolicy({
    policy: databaseEnableIamAuthentication,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance],
    compliant: cluster,
    violations: [
      {
        name: "a cluster without it",
        mutate: (p) => delete p.iamDatabaseAuthenticationEnabled,
        expect: [/The DB cluster does not turn on IAM database authentication/],
      },
      {
        name: "an instance turning it off",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.iamDatabaseAuthenticationEnabled = false),
        expect: [/The DB instance does not turn on IAM database authentication/],
      },
    ],
    unknown: (p) => (p.iamDatabaseAuthenticationEnabled = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: databaseConfigurePerformanceInsights,
    resourceClass: aws.rds.ClusterInstance,
    aliases: [aws.rds.Instance],
    compliant: clusterInstance,
    violations: [
      {
        name: "Performance Insights off",
        mutate: (p) => delete p.performanceInsightsEnabled,
        expect: [/The cluster instance does not turn on Performance Insights/],
      },
      {
        name: "encrypted with the AWS-managed key",
        mutate: (p) => delete p.performanceInsightsKmsKeyId,
        expect: [/Performance Insights data is encrypted with the AWS-managed key \(performanceInsightsKmsKeyId is unset\)/],
      },
      {
        name: "naming alias/aws/rds",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.performanceInsightsKmsKeyId = "alias/aws/rds"),
        expect: [/The DB instance's Performance Insights data uses the AWS-managed key alias\/aws\/rds/],
      },
    ],
    unknown: (p) => (p.performanceInsightsKmsKeyId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: databaseEnableLogExports,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance],
    compliant: cluster,
    alsoCompliant: [
      {
        name: "a MySQL instance exporting its error log",
        resourceClass: aws.rds.Instance,
        mutate: (p) => Object.assign(p, { engine: "mysql", enabledCloudwatchLogsExports: ["error", "slowquery"] }),
      },
      {
        name: "a replica whose engine comes from its source",
        resourceClass: aws.rds.Instance,
        mutate: (p) => Object.assign(p, { engine: undefined, enabledCloudwatchLogsExports: ["upgrade"] }),
      },
    ],
    violations: [
      { name: "no exports", mutate: (p) => delete p.enabledCloudwatchLogsExports, expect: [/The DB cluster exports no logs to CloudWatch Logs/] },
      { name: "an empty list", mutate: (p) => (p.enabledCloudwatchLogsExports = []), expect: [/exports no logs/] },
      {
        name: "a PostgreSQL instance without its main log",
        resourceClass: aws.rds.Instance,
        mutate: (p) => Object.assign(p, instance, { enabledCloudwatchLogsExports: ["upgrade"] }),
        expect: [/The DB instance \(postgres\) exports upgrade but not its postgresql log/],
      },
      {
        name: "an Aurora MySQL cluster without its error log",
        mutate: (p) => Object.assign(p, { engine: "aurora-mysql", enabledCloudwatchLogsExports: ["audit"] }),
        expect: [/\(aurora-mysql\) exports audit but not its error log/],
      },
    ],
    unknown: (p) => (p.enabledCloudwatchLogsExports = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: databaseEnableCopyTagsToSnapshot,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance],
    compliant: cluster,
    violations: [
      { name: "a cluster leaving it unset", mutate: (p) => delete p.copyTagsToSnapshot, expect: [/The DB cluster does not copy its tags to snapshots/] },
      {
        name: "an instance turning it off",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.copyTagsToSnapshot = false),
        expect: [/The DB instance does not copy its tags to snapshots/],
      },
    ],
    unknown: (p) => (p.copyTagsToSnapshot = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: instanceEnableMultiAz,
    resourceClass: aws.rds.Instance,
    compliant: instance,
    alsoCompliant: [{ name: "a Multi-AZ read replica", mutate: (p) => Object.assign(p, replica) }],
    violations: [
      { name: "single-AZ", mutate: (p) => (p.multiAz = false), expect: [/The DB instance runs in a single availability zone \(multiAz is not true\)/] },
      { name: "left unset", mutate: (p) => delete p.multiAz, expect: [/single availability zone/] },
    ],
    foreignClass: aws.rds.Cluster,
    unknown: (p) => (p.multiAz = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: databaseEnableAutoMinorVersionUpgrade,
    resourceClass: aws.rds.ClusterInstance,
    aliases: [aws.rds.Instance],
    compliant: clusterInstance,
    alsoCompliant: [{ name: "left at AWS's default (on)", mutate: (p) => delete p.autoMinorVersionUpgrade }],
    violations: [
      {
        name: "turned off on a cluster instance",
        mutate: (p) => (p.autoMinorVersionUpgrade = false),
        expect: [/The cluster instance turns automatic minor version upgrades off/],
      },
      {
        name: "turned off on an instance",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.autoMinorVersionUpgrade = false),
        expect: [/The DB instance turns automatic minor version upgrades off/],
      },
    ],
    unknown: (p) => (p.autoMinorVersionUpgrade = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: databaseEnableEnhancedMonitoring,
    resourceClass: aws.rds.ClusterInstance,
    aliases: [aws.rds.Instance],
    compliant: clusterInstance,
    alsoCompliant: [{ name: "a shorter interval than required", config: { maximumIntervalSeconds: 15 }, mutate: (p) => (p.monitoringInterval = 5) }],
    violations: [
      {
        name: "off (unset)",
        mutate: (p) => delete p.monitoringInterval,
        expect: [/The cluster instance has enhanced monitoring off \(monitoringInterval is unset\)/],
      },
      {
        name: "off (0)",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.monitoringInterval = 0),
        expect: [/The DB instance has enhanced monitoring off \(monitoringInterval is 0\)/],
      },
      {
        name: "an interval RDS does not offer",
        mutate: (p) => (p.monitoringInterval = 20),
        expect: [/enhanced-monitoring interval is 20 s; use one of 1, 5, 10, 15, 30, 60/],
      },
      {
        name: "an interval above the configured maximum",
        config: { maximumIntervalSeconds: 15 },
        mutate: () => undefined,
        expect: [/interval is 30 s; use one of 1, 5, 10, 15\./],
      },
      { name: "no monitoring role", mutate: (p) => delete p.monitoringRoleArn, expect: [/turns on enhanced monitoring without a monitoringRoleArn/] },
    ],
    unknown: (p) => (p.monitoringInterval = UNKNOWN_SENTINELS.number),
  });

  describeResourcePolicy({
    policy: databaseDisallowDefaultMasterUsername,
    resourceClass: aws.rds.Cluster,
    aliases: [aws.rds.Instance],
    compliant: cluster,
    alsoCompliant: [
      { name: "a secondary cluster (no master user of its own)", mutate: (p) => Object.assign(p, secondary) },
      { name: "a read replica", resourceClass: aws.rds.Instance, mutate: (p) => Object.assign(p, replica) },
      { name: "a name the config no longer refuses", config: { disallowedUsernames: ["admin"] }, mutate: (p) => (p.masterUsername = "postgres") },
    ],
    violations: [
      { name: "postgres", mutate: (p) => (p.masterUsername = "postgres"), expect: [/The DB cluster's master user is named "postgres", a well-known default/] },
      {
        name: "Admin in any case",
        resourceClass: aws.rds.Instance,
        mutate: (p) => (p.username = "Admin"),
        expect: [/The DB instance's master user is named "Admin"/],
      },
      { name: "a name the config refuses", config: { disallowedUsernames: ["appowner"] }, mutate: () => undefined, expect: [/"appowner"/] },
    ],
    unknown: (p) => (p.masterUsername = UNKNOWN_SENTINELS.string),
  });

  describe(clusterConfigureMultiAz.name, () => {
    const graph = (instances: Array<Record<string, unknown>>) => {
      const g = new StackGraph();
      const c = g.add("aws:rds/cluster:Cluster", "eu-west-1", { ...secondary, id: "blueprint-prod-eu-west-1" });
      instances.forEach((props, index) =>
        g.add(
          "aws:rds/clusterInstance:ClusterInstance",
          `eu-west-1-${index + 1}`,
          { ...clusterInstance, identifier: `blueprint-prod-eu-west-1-${index + 1}`, ...props },
          { propertyDependencies: { clusterIdentifier: [c] } },
        ),
      );
      return g;
    };
    it("passes a cluster with a writer and a reader in different AZs, or with AZs left to RDS", async () => {
      assertPasses(await checkStack(clusterConfigureMultiAz, graph([{ availabilityZone: "eu-west-1a" }, { availabilityZone: "eu-west-1b" }]).resources));
      assertPasses(await checkStack(clusterConfigureMultiAz, graph([{ availabilityZone: undefined }, { availabilityZone: undefined }]).resources));
    });
    it("matches instances to clusters by identifier when there are no property dependencies", async () => {
      const g = new StackGraph();
      g.add("aws:rds/cluster:Cluster", "c", { ...secondary, id: "blueprint-prod-eu-west-1" });
      g.add("aws:rds/clusterInstance:ClusterInstance", "w", { ...clusterInstance, availabilityZone: "eu-west-1a" });
      g.add("aws:rds/clusterInstance:ClusterInstance", "r", { ...clusterInstance, availabilityZone: "eu-west-1c" });
      assertPasses(await checkStack(clusterConfigureMultiAz, g.resources));
    });
    it("reports a cluster with one instance, and one with every instance in the same AZ", async () => {
      assertViolations(await checkStack(clusterConfigureMultiAz, graph([{}]).resources), [
        /Aurora cluster eu-west-1 has 1 cluster instance\(s\); at least 2 are required/,
      ]);
      assertViolations(await checkStack(clusterConfigureMultiAz, graph([{}, {}]).resources), [/Aurora cluster eu-west-1's 2 instances are all in eu-west-1a/]);
      assertViolations(
        await checkStack(clusterConfigureMultiAz, graph([{ availabilityZone: "eu-west-1a" }, { availabilityZone: "eu-west-1b" }]).resources, {
          config: { minimumInstances: 3 },
        }),
        [/has 2 cluster instance\(s\); at least 3/],
      );
    });
    it("does not apply outside the configured environments, nor without clusters", async () => {
      assertNotApplicable(
        await checkStack(clusterConfigureMultiAz, graph([{}]).resources, { stackTags: { "blueprint:environment": "staging" } }),
        /only required in prod; this stack is staging/,
      );
      assertNotApplicable(await checkStack(clusterConfigureMultiAz, []), /no Aurora cluster/);
    });
    it("in preview, matches instances through property dependencies and skips AZs not known yet", async () => {
      const g = graph([{ availabilityZone: "eu-west-1a" }, { availabilityZone: UNKNOWN_SENTINELS.string }]);
      for (const resource of g.resources) resource.props.clusterIdentifier = UNKNOWN_SENTINELS.string;
      g.resources[0].props.id = UNKNOWN_SENTINELS.string;
      assertPasses(await checkStack(clusterConfigureMultiAz, g.resources));
      assertViolations(await checkStack(clusterConfigureMultiAz, graph([{ availabilityZone: UNKNOWN_SENTINELS.string }]).resources), [
        /has 1 cluster instance\(s\)/,
      ]);
    });
  });
});

describe("RDS Proxy and DynamoDB policies", () => {
  const proxy = {
    region: "us-east-1",
    name: "blueprint-prod-us-east-1",
    engineFamily: "POSTGRESQL",
    requireTls: true,
    auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" }],
    roleArn: "arn:aws:iam::123456789012:role/proxy",
    vpcSubnetIds: ["subnet-1", "subnet-2", "subnet-3"],
  };
  describeResourcePolicy({
    policy: proxyRequireTlsAndIamAuthentication,
    resourceClass: aws.rds.Proxy,
    compliant: proxy,
    violations: [
      { name: "TLS not required", mutate: (p) => (p.requireTls = false), expect: [/does not require TLS \(requireTls is not true\)/] },
      { name: "no auth", mutate: (p) => (p.auths = []), expect: [/declares no auth/] },
      {
        name: "IAM authentication optional",
        mutate: (p) => (p.auths[0].iamAuth = "DISABLED"),
        expect: [/auth 0 does not require IAM authentication \(iamAuth DISABLED\)/],
      },
      { name: "no secret", mutate: (p) => delete p.auths[0].secretArn, expect: [/auth 0 names no Secrets Manager secret/] },
      { name: "one subnet", mutate: (p) => (p.vpcSubnetIds = ["subnet-1"]), expect: [/runs in 1 subnet\(s\); RDS Proxy needs subnets in at least two/] },
    ],
    unknown: (p) => (p.requireTls = UNKNOWN_SENTINELS.boolean),
  });

  const key = (region: string) => `arn:aws:kms:${region}:123456789012:key/mrk-1`;
  describeResourcePolicy({
    policy: tableConfigureCustomerManagedKey,
    resourceClass: aws.dynamodb.Table,
    compliant: { region: "us-east-1", name: "blueprint-prod-sessions", serverSideEncryption: { enabled: true, kmsKeyArn: key("us-east-1") } },
    violations: [
      { name: "the AWS owned key", mutate: (p) => delete p.serverSideEncryption, expect: [/table is not encrypted with a customer managed KMS key/] },
      {
        name: "a replica without its region's key",
        resourceClass: aws.dynamodb.TableReplica,
        mutate: (p) => delete p.kmsKeyArn,
        expect: [/replica is not encrypted with a customer managed KMS key of its region/],
      },
    ],
    unknown: (p) => (p.serverSideEncryption = UNKNOWN_SENTINELS.object),
  });

  describeResourcePolicy({
    policy: tableEnablePointInTimeRecovery,
    resourceClass: aws.dynamodb.Table,
    compliant: { region: "us-east-1", name: "blueprint-prod-sessions", pointInTimeRecovery: { enabled: true } },
    alsoCompliant: [{ name: "a replica with PITR", resourceClass: aws.dynamodb.TableReplica, mutate: (p) => (p.pointInTimeRecovery = true) }],
    violations: [
      { name: "a table without PITR", mutate: (p) => (p.pointInTimeRecovery = { enabled: false }), expect: [/table has no point-in-time recovery/] },
      {
        name: "a replica without PITR",
        resourceClass: aws.dynamodb.TableReplica,
        mutate: (p) => (p.pointInTimeRecovery = false),
        expect: [/replica has no point-in-time recovery/],
      },
    ],
    unknown: (p) => (p.pointInTimeRecovery = UNKNOWN_SENTINELS.object),
  });
});

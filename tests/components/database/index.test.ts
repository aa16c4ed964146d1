import * as assert from "node:assert/strict";
import type * as pulumi from "@pulumi/pulumi";
import {
  AURORA_CLUSTER_IGNORED_CHANGES,
  DatabaseGlobalCluster,
  globalClusterIdentifier,
  RDS_INSTANCE_IGNORED_CHANGES,
  RegionalDatabase,
  type DatabaseSettings,
  type RegionalDatabaseArgs,
} from "../../../components/database";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";
import { GLOBAL_DATABASE_SETTINGS } from "../../support/settings";

const PREFIX = "blueprint-prod";
const ACCOUNT = "123456789012";
const PASSWORD = "Plain-Text-Password-That-Must-Never-Appear";
const KEY = (region: string) => `arn:aws:kms:${region}:${ACCOUNT}:key/mrk-0123456789abcdef0123456789abcdef`;
const TOPIC = (region: string) => `arn:aws:sns:${region}:${ACCOUNT}:${PREFIX}-${region}-alarms`;
const ZONES: Record<string, string[]> = {
  "eu-west-1": ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  "us-east-1": ["us-east-1a", "us-east-1b"],
};

const CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
const INSTANCE = "aws:rds/instance:Instance";
const GLOBAL = "aws:rds/globalCluster:GlobalCluster";
const CLUSTER_PARAMS = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
const PARAMS = "aws:rds/parameterGroup:ParameterGroup";
const ROLE = "aws:iam/role:Role";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

const GLOBAL_SETTINGS: DatabaseSettings = GLOBAL_DATABASE_SETTINGS;
const REPLICA_SETTINGS: DatabaseSettings = {
  ...GLOBAL_SETTINGS,
  mode: "rds-replicas",
  service: "rds",
  instanceClass: "db.m7g.large",
  logExports: ["postgresql", "upgrade"],
};

function args(region: string, role: "primary" | "secondary", settings: DatabaseSettings, extra: Partial<RegionalDatabaseArgs> = {}): RegionalDatabaseArgs {
  return {
    region,
    role,
    settings,
    namePrefix: PREFIX,
    subnetGroupName: `${PREFIX}-${region}-data`,
    securityGroupId: `sg-${region}`,
    kmsKeyArn: KEY(region),
    availabilityZones: ZONES[region],
    alarmTopicArn: TOPIC(region),
    tags: { Environment: "prod", Region: region },
    ...extra,
  };
}

/** Records a primary in eu-west-1 and (except single-region) a secondary in us-east-1. */
async function recordPair(settings: DatabaseSettings, protect = false) {
  return recordProgram(
    () => {
      const global =
        settings.mode === "aurora-global"
          ? new DatabaseGlobalCluster("db", {
              region: "eu-west-1",
              identifier: globalClusterIdentifier(PREFIX),
              settings,
              protect,
              tags: { Environment: "prod" },
            })
          : undefined;
      const globalArgs = global ? { globalClusterIdentifier: global.identifier } : {};
      const primary = new RegionalDatabase("db-eu-west-1", args("eu-west-1", "primary", settings, { masterPassword: PASSWORD, protect, ...globalArgs }));
      const outputs: Record<string, pulumi.Input<unknown>> = {
        writer: primary.writerEndpoint,
        reader: primary.readerEndpoint,
        arn: primary.arn,
        resourceId: primary.resourceId,
        alarms: primary.alarmNames,
      };
      if (settings.mode !== "single-region") {
        const secondary = new RegionalDatabase(
          "db-us-east-1",
          args("us-east-1", "secondary", settings, {
            protect,
            replicationSourceReady: [primary.writer],
            ...globalArgs,
            ...(settings.mode === "rds-replicas" ? { sourceDbInstanceArn: primary.arn } : { sourceRegion: "eu-west-1" }),
          }),
        );
        Object.assign(outputs, { secondaryWriter: secondary.writerEndpoint, secondaryReader: secondary.readerEndpoint, secondaryAlarms: secondary.alarmNames });
      }
      return outputs;
    },
    { stack: "test", config: { "aws:region": "us-west-2" } },
  );
}

const inRegion = (resources: readonly PlannedResource[], type: string, region: string) => ofType(resources, type).filter((r) => r.region === region);

/** Every recorded value, as text, to look for a leaked secret. */
const everything = (resources: readonly PlannedResource[], outputs: unknown) => JSON.stringify({ resources, outputs });

describe("Database components: aurora-global (global cluster, primary eu-west-1, secondary us-east-1)", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordPair(GLOBAL_SETTINGS, true));
  });

  it("declares exactly the global cluster and, per region, a cluster, its instances, two parameter groups, the monitoring role and the alarms", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:database:GlobalCluster": 1,
      "blueprint:database:RegionalDatabase": 2,
      [GLOBAL]: 1,
      [CLUSTER_PARAMS]: 2,
      [PARAMS]: 2,
      [CLUSTER]: 2,
      [CLUSTER_INSTANCE]: 5,
      [ROLE]: 2,
      [ATTACHMENT]: 2,
      // primary: CPU of 3 instances; secondary: CPU of 2 instances and the replication lag
      [ALARM]: 6,
      // reader auto scaling in both regions (a target and a target-tracking policy each)
      "aws:appautoscaling/target:Target": 2,
      "aws:appautoscaling/policy:Policy": 2,
    });
    for (const region of ["eu-west-1", "us-east-1"]) {
      const component = one(resources, "blueprint:database:RegionalDatabase", `db-${region}`);
      const children = resources.filter((r) => r.parent === component.urn);
      assert.equal(children.length, region === "eu-west-1" ? 13 : 12, region);
      // every regional child is in the component's region; IAM is global
      for (const child of children) assert.equal(child.region, child.type.startsWith("aws:iam/") ? null : region, child.urn);
    }
    assert.equal(inRegion(resources, CLUSTER_INSTANCE, "eu-west-1").length, 3);
    assert.equal(inRegion(resources, CLUSTER_INSTANCE, "us-east-1").length, 2);
  });

  it("creates the global cluster in the primary region, encrypted, protected, and never replaced when the primary moves", () => {
    const global = one(resources, GLOBAL);
    assert.equal(global.region, "eu-west-1");
    assert.deepEqual(
      { ...global.inputs },
      {
        region: "eu-west-1",
        globalClusterIdentifier: "blueprint-prod-global",
        engine: "aurora-postgresql",
        engineVersion: "16.6",
        storageEncrypted: true,
        deletionProtection: true,
        forceDestroy: false,
        tags: { Environment: "prod" },
      },
    );
    assert.deepEqual(global.ignoreChanges, ["region", "engineVersion"]);
    assert.equal(global.protect, true);
    assert.equal(global.outputs.arn, `arn:aws:rds::${ACCOUNT}:global-cluster:blueprint-prod-global`);
  });

  it("encrypts every cluster and its Performance Insights with its own region's key, and joins both clusters to the global cluster", () => {
    for (const region of ["eu-west-1", "us-east-1"]) {
      const cluster = one(resources, CLUSTER, `db-${region}`);
      assert.equal(cluster.inputs.storageEncrypted, true);
      assert.equal(cluster.inputs.kmsKeyId, KEY(region));
      assert.equal(cluster.inputs.globalClusterIdentifier, "blueprint-prod-global");
      assert.equal(cluster.inputs.clusterIdentifier, `blueprint-prod-${region}`);
      assert.equal(cluster.inputs.finalSnapshotIdentifier, `blueprint-prod-${region}-final`);
      assert.equal(cluster.inputs.skipFinalSnapshot, false);
      assert.equal(cluster.inputs.deletionProtection, true);
      assert.equal(cluster.inputs.backupRetentionPeriod, 35);
      assert.equal(cluster.inputs.copyTagsToSnapshot, true);
      assert.equal(cluster.inputs.iamDatabaseAuthenticationEnabled, true);
      assert.deepEqual(cluster.inputs.enabledCloudwatchLogsExports, ["postgresql"]);
      assert.deepEqual(cluster.inputs.vpcSecurityGroupIds, [`sg-${region}`]);
      assert.equal(cluster.inputs.dbSubnetGroupName, `${PREFIX}-${region}-data`);
      assert.deepEqual(cluster.ignoreChanges, [
        "globalClusterIdentifier",
        "replicationSourceIdentifier",
        "masterUsername",
        "masterPassword",
        "databaseName",
        "sourceRegion",
        "snapshotIdentifier",
        "engineVersion",
      ]);
      assert.equal(cluster.protect, true);
      for (const instance of inRegion(resources, CLUSTER_INSTANCE, region)) {
        assert.equal(instance.inputs.performanceInsightsEnabled, true);
        assert.equal(instance.inputs.performanceInsightsKmsKeyId, KEY(region));
        assert.equal(instance.inputs.performanceInsightsRetentionPeriod, 7);
        assert.equal(instance.inputs.publiclyAccessible, false);
        // security fixes arrive as minor versions; the cluster ignores the version drift
        assert.equal(instance.inputs.autoMinorVersionUpgrade, true);
        assert.equal(instance.inputs.clusterIdentifier, `blueprint-prod-${region}`);
        // instances hold no data, and a switchover adds or removes some
        assert.equal(instance.protect, false);
      }
    }
  });

  it("gives only the primary the master credentials, as a secret, and never records the password in plain text", () => {
    const primary = one(resources, CLUSTER, "db-eu-west-1");
    assert.equal(primary.inputs.masterUsername, "appowner");
    assert.equal(primary.inputs.masterPassword, "[secret]");
    assert.equal(primary.inputs.databaseName, "app");
    assert.equal("sourceRegion" in primary.inputs, false);
    const secondary = one(resources, CLUSTER, "db-us-east-1");
    for (const key of ["masterUsername", "masterPassword", "databaseName"]) assert.equal(key in secondary.inputs, false, key);
    // joining an encrypted global database is presigned in the primary region
    assert.equal(secondary.inputs.sourceRegion, "eu-west-1");
    assert.equal(everything(resources, outputs).includes(PASSWORD), false);
  });

  it("makes the secondary cluster wait for the primary's writer, the writer's readers wait for it, and a secondary's readers start together", () => {
    const writer = one(resources, CLUSTER_INSTANCE, "db-eu-west-1-1");
    const secondary = one(resources, CLUSTER, "db-us-east-1");
    assert.ok(secondary.dependencies.includes(writer.urn));
    assert.equal(one(resources, CLUSTER, "db-eu-west-1").dependencies.includes(writer.urn), false);
    for (const name of ["db-eu-west-1-2", "db-eu-west-1-3"]) assert.ok(one(resources, CLUSTER_INSTANCE, name).dependencies.includes(writer.urn), name);
    assert.equal(writer.inputs.promotionTier, 0);
    assert.equal(one(resources, CLUSTER_INSTANCE, "db-eu-west-1-2").inputs.promotionTier, 1);
    // a secondary cluster has no writer: its second reader does not wait for its first
    const firstSecondary = one(resources, CLUSTER_INSTANCE, "db-us-east-1-1");
    assert.equal(one(resources, CLUSTER_INSTANCE, "db-us-east-1-2").dependencies.includes(firstSecondary.urn), false);
  });

  it("spreads instances round-robin over the region's AZs with identifiers named after the region", () => {
    const placement = ofType(resources, CLUSTER_INSTANCE).map((r) => [r.inputs.identifier, r.inputs.availabilityZone]);
    assert.deepEqual(placement.sort(), [
      ["blueprint-prod-eu-west-1-1", "eu-west-1a"],
      ["blueprint-prod-eu-west-1-2", "eu-west-1b"],
      ["blueprint-prod-eu-west-1-3", "eu-west-1c"],
      ["blueprint-prod-us-east-1-1", "us-east-1a"],
      ["blueprint-prod-us-east-1-2", "us-east-1b"],
    ]);
  });

  it("forces TLS in the cluster parameter group of the engine's family", () => {
    for (const group of ofType(resources, CLUSTER_PARAMS)) {
      assert.equal(group.inputs.family, "aurora-postgresql16");
      assert.deepEqual(group.inputs.parameters, [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }]);
    }
    assert.deepEqual(
      ofType(resources, PARAMS)
        .map((r) => r.inputs.name)
        .sort(),
      ["blueprint-prod-eu-west-1-aurora-postgresql16", "blueprint-prod-us-east-1-aurora-postgresql16"],
    );
  });

  it("gives enhanced monitoring a role trusted by monitoring.rds.amazonaws.com from this account only", () => {
    const role = one(resources, ROLE, "db-eu-west-1-monitoring");
    assert.deepEqual(JSON.parse(role.inputs.assumeRolePolicy as string).Statement, [
      {
        Effect: "Allow",
        Principal: { Service: "monitoring.rds.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ]);
    assert.equal(role.inputs.name, "blueprint-prod-eu-west-1-rds-mon");
    assert.deepEqual(role.inputs.tags, { Environment: "prod" });
    assert.equal(
      one(resources, ATTACHMENT, "db-eu-west-1-monitoring").inputs.policyArn,
      "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
    );
    for (const instance of inRegion(resources, CLUSTER_INSTANCE, "eu-west-1")) {
      assert.equal(instance.inputs.monitoringInterval, 30);
      assert.equal(instance.inputs.monitoringRoleArn, `arn:aws:iam::${ACCOUNT}:role/blueprint-prod-eu-west-1-rds-mon`);
    }
  });

  it("alarms on CPU per instance and, in the secondary region only, on the global replication lag in milliseconds", () => {
    const lag = one(resources, ALARM, "db-us-east-1-replication-lag");
    assert.equal(lag.region, "us-east-1");
    assert.equal(lag.inputs.metricName, "AuroraGlobalDBReplicationLag");
    assert.deepEqual(lag.inputs.dimensions, { DBClusterIdentifier: "blueprint-prod-us-east-1", SourceRegion: "eu-west-1" });
    assert.equal(lag.inputs.threshold, 60_000);
    assert.deepEqual(lag.inputs.alarmActions, [TOPIC("us-east-1")]);
    assert.deepEqual(lag.inputs.okActions, [TOPIC("us-east-1")]);
    assert.equal(inRegion(resources, ALARM, "eu-west-1").filter((r) => r.inputs.metricName !== "CPUUtilization").length, 0);
    const cpu = one(resources, ALARM, "db-eu-west-1-cpu-2");
    assert.deepEqual(cpu.inputs.dimensions, { DBInstanceIdentifier: "blueprint-prod-eu-west-1-2" });
    assert.equal(cpu.inputs.threshold, 80);
    assert.deepEqual(cpu.inputs.alarmActions, [TOPIC("eu-west-1")]);
    assert.deepEqual(outputs.secondaryAlarms, [
      "blueprint-prod-us-east-1-db-cpu-1",
      "blueprint-prod-us-east-1-db-cpu-2",
      "blueprint-prod-us-east-1-db-replication-lag",
    ]);
  });

  it("exposes AWS-shaped endpoints, ARN and resource ID", () => {
    assert.match(outputs.writer, /^blueprint-prod-eu-west-1\.cluster-[a-z0-9]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
    assert.match(outputs.reader, /^blueprint-prod-eu-west-1\.cluster-ro-[a-z0-9]{12}\.eu-west-1\.rds\.amazonaws\.com$/);
    assert.match(outputs.secondaryReader, /^blueprint-prod-us-east-1\.cluster-ro-[a-z0-9]{12}\.us-east-1\.rds\.amazonaws\.com$/);
    assert.equal(outputs.arn, `arn:aws:rds:eu-west-1:${ACCOUNT}:cluster:blueprint-prod-eu-west-1`);
    assert.match(outputs.resourceId, /^cluster-[A-Z0-9]{26}$/);
  });
});

describe("Database components: rds-replicas (source eu-west-1, cross-region replica us-east-1)", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordPair(REPLICA_SETTINGS));
  });

  it("declares per region one parameter group, one instance, the monitoring role and the alarms", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:database:RegionalDatabase": 2,
      [PARAMS]: 2,
      [INSTANCE]: 2,
      [ROLE]: 2,
      [ATTACHMENT]: 2,
      // CPU of the source; CPU and replica lag of the replica
      [ALARM]: 3,
    });
    assert.deepEqual(
      ofType(resources, INSTANCE)
        .map((r) => r.region)
        .sort(),
      ["eu-west-1", "us-east-1"],
    );
  });

  it("makes the source a Multi-AZ instance with the credentials (password secret) and backups, encrypted with its region's key", () => {
    const source = one(resources, INSTANCE, "db-eu-west-1");
    assert.equal(source.inputs.engine, "postgres");
    assert.equal(source.inputs.engineVersion, "16.6");
    assert.equal(source.inputs.username, "appowner");
    assert.equal(source.inputs.password, "[secret]");
    assert.equal(source.inputs.dbName, "app");
    assert.equal(source.inputs.multiAz, true);
    assert.equal(source.inputs.backupRetentionPeriod, 35);
    assert.equal(source.inputs.kmsKeyId, KEY("eu-west-1"));
    assert.equal(source.inputs.storageEncrypted, true);
    assert.equal(source.inputs.storageType, "gp3");
    assert.equal(source.inputs.allocatedStorage, 100);
    assert.equal(source.inputs.maxAllocatedStorage, 1000);
    assert.equal(source.inputs.publiclyAccessible, false);
    assert.equal(source.inputs.finalSnapshotIdentifier, "blueprint-prod-eu-west-1-final");
    assert.deepEqual(source.inputs.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
    assert.deepEqual(source.ignoreChanges, ["replicateSourceDb", "username", "password", "dbName", "engineVersion"]);
    assert.equal(source.inputs.autoMinorVersionUpgrade, true);
    assert.equal(everything(resources, outputs).includes(PASSWORD), false);
  });

  it("makes the replica replicate the source's ARN in its own subnet group and key, without credentials, after the source", () => {
    const source = one(resources, INSTANCE, "db-eu-west-1");
    const replica = one(resources, INSTANCE, "db-us-east-1");
    assert.equal(replica.inputs.replicateSourceDb, `arn:aws:rds:eu-west-1:${ACCOUNT}:db:blueprint-prod-eu-west-1`);
    assert.equal(replica.inputs.kmsKeyId, KEY("us-east-1"));
    assert.equal(replica.inputs.performanceInsightsKmsKeyId, KEY("us-east-1"));
    assert.equal(replica.inputs.dbSubnetGroupName, `${PREFIX}-us-east-1-data`);
    // PostgreSQL replicas keep no automated backups; the engine and version come from the source
    for (const key of ["username", "password", "dbName", "engine", "engineVersion", "backupRetentionPeriod"]) assert.equal(key in replica.inputs, false, key);
    assert.ok(replica.dependencies.includes(source.urn));
    assert.deepEqual(replica.ignoreChanges, [...RDS_INSTANCE_IGNORED_CHANGES]);
  });

  it("keeps the source's final snapshot but names none on the replica, whose delete RDS would refuse otherwise", () => {
    const source = one(resources, INSTANCE, "db-eu-west-1");
    const replica = one(resources, INSTANCE, "db-us-east-1");
    assert.equal(source.inputs.skipFinalSnapshot, false);
    assert.equal(source.inputs.finalSnapshotIdentifier, "blueprint-prod-eu-west-1-final");
    // "FinalDBSnapshotIdentifier can not be specified when deleting a replica instance"
    assert.equal(replica.inputs.skipFinalSnapshot, true);
    assert.equal("finalSnapshotIdentifier" in replica.inputs, false);
  });

  it("forces TLS in each region's parameter group and alarms on the replica's lag in seconds", () => {
    for (const group of ofType(resources, PARAMS)) {
      assert.equal(group.inputs.family, "postgres16");
      assert.deepEqual(group.inputs.parameters, [{ name: "rds.force_ssl", value: "1", applyMethod: "pending-reboot" }]);
    }
    const lag = one(resources, ALARM, "db-us-east-1-replication-lag");
    assert.equal(lag.inputs.metricName, "ReplicaLag");
    assert.deepEqual(lag.inputs.dimensions, { DBInstanceIdentifier: "blueprint-prod-us-east-1" });
    assert.equal(lag.inputs.threshold, 60);
    assert.equal(one(resources, ALARM, "db-eu-west-1-cpu").inputs.metricName, "CPUUtilization");
  });

  it("exposes host names and host:port endpoints as RDS does", () => {
    const source = one(resources, INSTANCE, "db-eu-west-1");
    assert.match(source.outputs.endpoint as string, /^blueprint-prod-eu-west-1\.[a-z0-9]{12}\.eu-west-1\.rds\.amazonaws\.com:5432$/);
    assert.match(source.outputs.id as string, /^db-[A-Z0-9]{26}$/);
    assert.equal(outputs.writer, source.outputs.address);
    assert.match(outputs.secondaryReader, /^blueprint-prod-us-east-1\.[a-z0-9]{12}\.us-east-1\.rds\.amazonaws\.com$/);
  });
});

describe("Database components: single-region", () => {
  it("aurora: one cluster with one burstable instance in the region, no global cluster, no lag alarm, no monitoring role when it is off", async () => {
    const settings: DatabaseSettings = {
      ...GLOBAL_SETTINGS,
      mode: "single-region",
      instanceClass: "db.t4g.medium",
      instanceCount: 1,
      backupRetentionDays: 1,
      deletionProtection: false,
      skipFinalSnapshot: true,
      monitoringIntervalSeconds: 0,
      // dev's profile: one instance, no readers to scale
      readerScaling: { ...GLOBAL_SETTINGS.readerScaling, enabled: false },
    };
    const { resources, outputs } = await recordPair(settings);
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:database:RegionalDatabase": 1,
      [CLUSTER_PARAMS]: 1,
      [PARAMS]: 1,
      [CLUSTER]: 1,
      [CLUSTER_INSTANCE]: 1,
      [ALARM]: 1,
    });
    const cluster = one(resources, CLUSTER);
    assert.equal(cluster.region, "eu-west-1");
    assert.equal(cluster.inputs.kmsKeyId, KEY("eu-west-1"));
    assert.equal("globalClusterIdentifier" in cluster.inputs, false);
    assert.equal("finalSnapshotIdentifier" in cluster.inputs, false);
    assert.equal(cluster.inputs.skipFinalSnapshot, true);
    // the same inputs are ignored in every mode
    assert.deepEqual(cluster.ignoreChanges, [...AURORA_CLUSTER_IGNORED_CHANGES]);
    assert.equal(cluster.inputs.masterPassword, "[secret]");
    const instance = one(resources, CLUSTER_INSTANCE);
    assert.equal(instance.inputs.instanceClass, "db.t4g.medium");
    assert.equal(instance.inputs.monitoringInterval, 0);
    assert.equal("monitoringRoleArn" in instance.inputs, false);
    assert.deepEqual(outputs.alarms, ["blueprint-prod-eu-west-1-db-cpu-1"]);
    assert.equal(everything(resources, outputs).includes(PASSWORD), false);
  });

  it("rds mysql: one instance whose parameter group forces TLS and writes the exported logs to files", async () => {
    const settings: DatabaseSettings = {
      ...REPLICA_SETTINGS,
      mode: "single-region",
      engine: "mysql",
      engineVersion: "8.4.5",
      port: 3306,
      instanceClass: "db.t4g.micro",
      multiAz: false,
      performanceInsightsRetentionDays: 0,
      logExports: ["error", "slowquery"],
    };
    const { resources } = await recordPair(settings);
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:database:RegionalDatabase": 1,
      [PARAMS]: 1,
      [INSTANCE]: 1,
      [ROLE]: 1,
      [ATTACHMENT]: 1,
      [ALARM]: 1,
    });
    const group = one(resources, PARAMS);
    assert.equal(group.inputs.family, "mysql8.4");
    assert.deepEqual(
      (group.inputs.parameters as Array<{ name: string; value: string }>).map((p) => `${p.name}=${p.value}`),
      ["require_secure_transport=1", "slow_query_log=1", "log_output=FILE"],
    );
    const instance = one(resources, INSTANCE);
    assert.equal(instance.region, "eu-west-1");
    assert.equal(instance.inputs.engine, "mysql");
    assert.equal(instance.inputs.port, 3306);
    assert.equal(instance.inputs.performanceInsightsEnabled, false);
    assert.equal(instance.inputs.kmsKeyId, KEY("eu-west-1"));
    assert.equal(instance.inputs.password, "[secret]");
  });
});

describe("Database components: a pinned certificate authority", () => {
  it("sets it on every Aurora instance and every RDS instance, and nowhere when the stack leaves it to RDS", async () => {
    const pinned = { caCertificateIdentifier: "rds-ca-rsa4096-g1" as const };
    const aurora = await recordPair({ ...GLOBAL_SETTINGS, ...pinned });
    const auroraInstances = ofType(aurora.resources, CLUSTER_INSTANCE);
    assert.equal(auroraInstances.length, 5);
    for (const instance of auroraInstances) assert.equal(instance.inputs.caCertIdentifier, "rds-ca-rsa4096-g1", instance.name);
    const rds = await recordPair({ ...REPLICA_SETTINGS, ...pinned });
    assert.deepEqual(
      ofType(rds.resources, INSTANCE).map((instance) => instance.inputs.caCertIdentifier),
      ["rds-ca-rsa4096-g1", "rds-ca-rsa4096-g1"],
    );
    const unpinned = await recordPair(GLOBAL_SETTINGS);
    for (const instance of ofType(unpinned.resources, CLUSTER_INSTANCE)) assert.equal("caCertIdentifier" in instance.inputs, false, instance.name);
  });
});

describe("Database components: argument validation", () => {
  const record = (build: () => void) => recordProgram(() => (build(), {}), { stack: "test" });

  it("rejects a secondary with credentials, no writer to wait for and a key from another region, listing every problem", async () => {
    await assert.rejects(
      record(
        () =>
          new RegionalDatabase(
            "db-us-east-1",
            args("us-east-1", "secondary", GLOBAL_SETTINGS, { masterPassword: PASSWORD, kmsKeyArn: KEY("eu-west-1"), globalClusterIdentifier: "g" }),
          ),
      ),
      (error: Error) => {
        assert.match(error.message, /RegionalDatabase db-us-east-1 has invalid arguments:/);
        assert.match(error.message, /masterPassword must not be given to a secondary: its credentials come from the primary by replication/);
        assert.match(error.message, /replicationSourceReady must list the primary's writer/);
        assert.match(
          error.message,
          /sourceRegion must be the primary region on an aurora-global secondary \(RDS presigns the request that joins the encrypted global database there\), got undefined/,
        );
        assert.match(
          error.message,
          /kmsKeyArn must be an ARN in us-east-1 \(RDS cannot encrypt with a key of another region, and an alias ARN would replace the database on every update\)/,
        );
        assert.equal(error.message.includes(PASSWORD), false);
        return true;
      },
    );
  });

  it("rejects an alias ARN of the region's key: RDS reports the key ARN, and kmsKeyId forces replacement", async () => {
    const alias = `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/blueprint-prod/data`;
    await assert.rejects(
      record(
        () =>
          new RegionalDatabase(
            "db-eu-west-1",
            args("eu-west-1", "primary", GLOBAL_SETTINGS, { masterPassword: PASSWORD, globalClusterIdentifier: "g", kmsKeyArn: alias }),
          ),
      ),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "The program failed for stack test: RegionalDatabase db-eu-west-1 has invalid arguments:",
            `  - kmsKeyArn must be an ARN in eu-west-1 (RDS cannot encrypt with a key of another region, and an alias ARN would replace the database on every update), got "${alias}"`,
          ].join("\n"),
        );
        return true;
      },
    );
  });

  it("rejects a burstable class on a global database, a primary without a password and a missing global cluster", async () => {
    await assert.rejects(
      record(() => new RegionalDatabase("db-eu-west-1", args("eu-west-1", "primary", { ...GLOBAL_SETTINGS, instanceClass: "db.t4g.medium" }))),
      (error: Error) => {
        assert.match(
          error.message,
          /settings\.instanceClass db\.t4g\.medium is a burstable class; an Aurora global database only runs memory-optimised classes/,
        );
        assert.match(error.message, /masterPassword is required on the primary/);
        assert.match(error.message, /globalClusterIdentifier is required in aurora-global mode/);
        return true;
      },
    );
  });

  it("rejects an rds-replicas secondary without the source ARN, and a secondary in single-region mode", async () => {
    await assert.rejects(
      record(() => new RegionalDatabase("db-us-east-1", args("us-east-1", "secondary", REPLICA_SETTINGS))),
      /sourceDbInstanceArn is required on an rds-replicas secondary/,
    );
    await assert.rejects(
      record(() => new RegionalDatabase("db-us-east-1", args("us-east-1", "secondary", { ...GLOBAL_SETTINGS, mode: "single-region" }))),
      /role is secondary but mode is single-region, which has no secondary regions/,
    );
  });

  it("rejects a global cluster for settings that are not aurora-global", async () => {
    await assert.rejects(
      record(() => new DatabaseGlobalCluster("db", { region: "eu-west-1", identifier: "blueprint-prod-global", settings: REPLICA_SETTINGS })),
      /settings must be mode aurora-global with service aurora, got mode rds-replicas and service rds/,
    );
  });
});

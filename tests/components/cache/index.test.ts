import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { CacheGlobalDatastore, GLOBAL_MEMBER_IGNORED_CHANGES, RegionalCache, type CacheSettings, type RegionalCacheArgs } from "../../../components/cache";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";
import { PROD_CACHE_SETTINGS } from "../../support/settings";

const ACCOUNT = "123456789012";
const KEY = (region: string) => `arn:aws:kms:${region}:${ACCOUNT}:key/mrk-${region.replace(/-/g, "")}`;
const TOPIC = (region: string) => `arn:aws:sns:${region}:${ACCOUNT}:blueprint-prod-${region}-alarms`;
const TAGS = (region: string) => ({ Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: region });
const ZONES = (region: string) => [`${region}a`, `${region}b`, `${region}c`];
const TOKEN = "Token-with-64-characters-0123456789-abcdefghijklmnopqrstuvwxyz!^";

const PROD: CacheSettings = PROD_CACHE_SETTINGS;
const DEV: CacheSettings = {
  ...PROD,
  mode: "regional",
  nodeType: "cache.t4g.micro",
  replicasPerNodeGroup: 0,
  automaticFailover: false,
  multiAz: false,
  snapshotRetentionDays: 1,
  slowLogRetentionDays: 7,
  // dev does not rotate
  authRotationDays: 0,
};

function cacheArgs(region: string, role: RegionalCacheArgs["role"], settings: CacheSettings, extra: Partial<RegionalCacheArgs> = {}): RegionalCacheArgs {
  return {
    region,
    role,
    settings,
    namePrefix: "blueprint-prod",
    subnetGroupName: `blueprint-prod-${region}-cache`,
    securityGroupId: `sg-${region.replace(/-/g, "")}`,
    kmsKeyArn: KEY(region),
    availabilityZones: ZONES(region),
    authToken: pulumi.secret(TOKEN),
    alarmTopicArn: TOPIC(region),
    tags: TAGS(region),
    ...extra,
  };
}

const GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const GLOBAL = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** Records what the blueprint's global mode declares: primary, Global Datastore, then a secondary. */
function recordGlobal() {
  return recordProgram(
    () => {
      const primary = new RegionalCache("cache-us-east-1", cacheArgs("us-east-1", "primary", PROD, { protect: true }));
      const datastore = new CacheGlobalDatastore("cache-global", {
        region: "us-east-1",
        idSuffix: "blueprint-prod-cache",
        primaryReplicationGroupId: primary.replicationGroupId,
        settings: PROD,
        protect: true,
      });
      const secondary = new RegionalCache(
        "cache-eu-west-1",
        cacheArgs("eu-west-1", "secondary", PROD, { globalReplicationGroupId: datastore.globalReplicationGroupId, protect: true }),
      );
      return {
        primary: {
          endpoint: primary.primaryEndpoint,
          reader: primary.readerEndpoint,
          port: primary.port,
          id: primary.replicationGroupId,
          arn: primary.arn,
          alarms: primary.alarmNames,
        },
        secondary: { endpoint: secondary.primaryEndpoint, reader: secondary.readerEndpoint, id: secondary.replicationGroupId },
        datastore: { id: datastore.globalReplicationGroupId, arn: datastore.arn },
      };
    },
    { stack: "test", config: { "aws:region": "us-west-2" } },
  );
}

describe("cache components: a Global Datastore over two regions", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordGlobal());
  });

  it("declares per region one replication group, one slow-log group and its alarms, and one Global Datastore", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:cache:RegionalCache": 2,
      "blueprint:cache:GlobalDatastore": 1,
      [GROUP]: 2,
      [GLOBAL]: 1,
      [LOG_GROUP]: 2,
      // primary: CPU, memory, replica lag; secondary: the same plus Global Datastore lag
      [ALARM]: 7,
    });
    for (const [component, region] of [
      ["cache-us-east-1", "us-east-1"],
      ["cache-eu-west-1", "eu-west-1"],
    ] as const) {
      const parent = one(resources, "blueprint:cache:RegionalCache", component).urn;
      const children = resources.filter((r) => r.parent === parent);
      assert.deepEqual(countTypes(children), { [GROUP]: 1, [LOG_GROUP]: 1, [ALARM]: region === "us-east-1" ? 3 : 4 }, component);
      for (const child of children) assert.equal(child.region, region, child.urn);
    }
    assert.equal(one(resources, GLOBAL).region, "us-east-1");
  });

  it("encrypts each group at rest with its own region's key", () => {
    assert.equal(one(resources, GROUP, "cache-us-east-1").inputs.kmsKeyId, KEY("us-east-1"));
    assert.equal(one(resources, GROUP, "cache-eu-west-1").inputs.kmsKeyId, KEY("eu-west-1"));
  });

  it("creates the primary with TLS required, at-rest encryption, cluster mode disabled and a secret AUTH token", () => {
    const primary = one(resources, GROUP, "cache-us-east-1").inputs;
    assert.deepEqual(
      [
        primary.engine,
        primary.engineVersion,
        primary.nodeType,
        primary.clusterMode,
        primary.transitEncryptionEnabled,
        primary.transitEncryptionMode,
        primary.atRestEncryptionEnabled,
      ],
      ["valkey", "9.1", "cache.r7g.large", "disabled", true, "required", true],
    );
    assert.equal(primary.authToken, "[secret]");
    assert.equal(primary.globalReplicationGroupId, undefined);
    assert.ok(!JSON.stringify(resources).includes(TOKEN), "the token appears in plain text");
  });

  it("leaves everything a secondary inherits from the Global Datastore unset, and joins it", () => {
    const secondary = one(resources, GROUP, "cache-eu-west-1").inputs;
    for (const inherited of [
      "engine",
      "engineVersion",
      "nodeType",
      "parameterGroupName",
      "clusterMode",
      "transitEncryptionEnabled",
      "transitEncryptionMode",
      "atRestEncryptionEnabled",
      "authToken",
      "numNodeGroups",
      "snapshotArns",
      "snapshotName",
    ]) {
      assert.equal(secondary[inherited], undefined, inherited);
    }
    assert.equal(secondary.globalReplicationGroupId, "ldgnf-blueprint-prod-cache");
    assert.equal(outputs.datastore.id, "ldgnf-blueprint-prod-cache");
    assert.equal(outputs.datastore.arn, `arn:aws:elasticache::${ACCOUNT}:globalreplicationgroup:ldgnf-blueprint-prod-cache`);
  });

  it("gives every group the same node count, spread, failover, network, snapshot and maintenance settings", () => {
    for (const region of ["us-east-1", "eu-west-1"]) {
      const group = one(resources, GROUP, `cache-${region}`).inputs;
      assert.deepEqual(
        {
          id: group.replicationGroupId,
          nodes: group.numCacheClusters,
          zones: group.preferredCacheClusterAzs,
          failover: group.automaticFailoverEnabled,
          multiAz: group.multiAzEnabled,
          subnets: group.subnetGroupName,
          securityGroups: group.securityGroupIds,
          port: group.port,
          snapshots: [group.snapshotRetentionLimit, group.snapshotWindow],
          maintenance: group.maintenanceWindow,
          tags: group.tags,
        },
        {
          id: `blueprint-prod-${region}`,
          nodes: 3,
          zones: ZONES(region),
          failover: true,
          multiAz: true,
          subnets: `blueprint-prod-${region}-cache`,
          securityGroups: [`sg-${region.replace(/-/g, "")}`],
          port: 6379,
          snapshots: [7, "03:00-04:00"],
          maintenance: "sun:05:00-sun:06:00",
          tags: TAGS(region),
        },
        region,
      );
    }
  });

  it("delivers the slow log as JSON to a log group of the region with the settings' retention", () => {
    for (const region of ["us-east-1", "eu-west-1"]) {
      const logGroup = one(resources, LOG_GROUP, `cache-${region}-slow-log`).inputs;
      assert.deepEqual([logGroup.name, logGroup.retentionInDays, logGroup.tags], [`/aws/elasticache/blueprint-prod-${region}/slow-log`, 365, TAGS(region)]);
      assert.deepEqual(one(resources, GROUP, `cache-${region}`).inputs.logDeliveryConfigurations, [
        { destinationType: "cloudwatch-logs", destination: logGroup.name, logFormat: "json", logType: "slow-log" },
      ]);
    }
  });

  it("survives a failover done outside Pulumi: members and the datastore ignore what it changes, and are protected", () => {
    for (const name of ["cache-us-east-1", "cache-eu-west-1"]) {
      const group = one(resources, GROUP, name);
      assert.deepEqual(group.ignoreChanges, [...GLOBAL_MEMBER_IGNORED_CHANGES], name);
      assert.equal(group.protect, true, name);
    }
    const datastore = one(resources, GLOBAL);
    assert.deepEqual(datastore.ignoreChanges, ["primaryReplicationGroupId", "region"]);
    assert.equal(datastore.protect, true);
    for (const logGroup of ofType(resources, LOG_GROUP)) assert.equal(logGroup.protect, false);
  });

  it("creates the Global Datastore from the primary and lets it own engine, version, node type and failover", () => {
    const datastore = one(resources, GLOBAL, "cache-global");
    assert.deepEqual(
      [
        datastore.inputs.globalReplicationGroupIdSuffix,
        datastore.inputs.primaryReplicationGroupId,
        datastore.inputs.engine,
        datastore.inputs.engineVersion,
        datastore.inputs.cacheNodeType,
        datastore.inputs.automaticFailoverEnabled,
      ],
      ["blueprint-prod-cache", "blueprint-prod-us-east-1", "valkey", "9.1", "cache.r7g.large", true],
    );
    assert.ok(datastore.dependencies.includes(one(resources, GROUP, "cache-us-east-1").urn));
    assert.ok(one(resources, GROUP, "cache-eu-west-1").dependencies.includes(datastore.urn));
  });

  it("alarms on CPU, memory and lag over every node, to the region's topic on ALARM and OK", () => {
    const alarm = (name: string) => one(resources, ALARM, name).inputs;
    const lag = alarm("cache-eu-west-1-cache-global-replication-lag");
    assert.deepEqual(
      [lag.name, lag.threshold, lag.comparisonOperator, lag.alarmActions, lag.okActions, lag.tags, lag.treatMissingData],
      [
        "blueprint-prod-eu-west-1-cache-global-replication-lag",
        10,
        "GreaterThanThreshold",
        [TOPIC("eu-west-1")],
        [TOPIC("eu-west-1")],
        TAGS("eu-west-1"),
        "notBreaching",
      ],
    );
    const queries = lag.metricQueries as Array<{
      id: string;
      metric?: { metricName: string; namespace: string; dimensions: Record<string, string> };
      expression?: string;
    }>;
    assert.deepEqual(
      queries.map((query) => query.metric?.dimensions.CacheClusterId ?? query.expression),
      ["blueprint-prod-eu-west-1-001", "blueprint-prod-eu-west-1-002", "blueprint-prod-eu-west-1-003", "MAX([n1, n2, n3])"],
    );
    assert.equal(queries[0].metric!.metricName, "GlobalDatastoreReplicationLag");
    const cpu = alarm("cache-us-east-1-cache-engine-cpu");
    assert.deepEqual([cpu.threshold, cpu.alarmActions], [80, [TOPIC("us-east-1")]]);
    assert.equal((cpu.metricQueries as Array<{ metric?: { metricName: string } }>)[0].metric!.metricName, "EngineCPUUtilization");
    assert.equal(alarm("cache-us-east-1-cache-memory").threshold, 80);
    assert.equal(ofType(resources, ALARM).filter((r) => r.name.startsWith("cache-us-east-1") && r.name.endsWith("global-replication-lag")).length, 0);
  });

  it("outputs the endpoints, port, ID, ARN and alarm names", () => {
    assert.match(outputs.primary.endpoint, /^master\.blueprint-prod-us-east-1\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com$/);
    assert.match(outputs.primary.reader, /^replica\.blueprint-prod-us-east-1\.[0-9a-f]{6}\.use1\.cache\.amazonaws\.com$/);
    assert.match(outputs.secondary.endpoint, /^master\.blueprint-prod-eu-west-1\.[0-9a-f]{6}\.euw1\.cache\.amazonaws\.com$/);
    assert.deepEqual(
      [outputs.primary.port, outputs.primary.id, outputs.primary.arn, outputs.primary.alarms],
      [
        6379,
        "blueprint-prod-us-east-1",
        `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:blueprint-prod-us-east-1`,
        ["blueprint-prod-us-east-1-cache-engine-cpu", "blueprint-prod-us-east-1-cache-memory", "blueprint-prod-us-east-1-cache-replica-lag"],
      ],
    );
  });
});

describe("cache components: a failover that moves the primary region", () => {
  /** The stack before (primary us-east-1) or after (primary eu-west-1) the failover. */
  const recordWithPrimary = (primaryRegion: string, secondaryRegion: string) =>
    recordProgram(
      () => {
        const primary = new RegionalCache(`cache-${primaryRegion}`, cacheArgs(primaryRegion, "primary", PROD));
        const datastore = new CacheGlobalDatastore("cache-global", {
          region: primaryRegion,
          idSuffix: "blueprint-prod-cache",
          primaryReplicationGroupId: primary.replicationGroupId,
          settings: PROD,
        });
        new RegionalCache(
          `cache-${secondaryRegion}`,
          cacheArgs(secondaryRegion, "secondary", PROD, { globalReplicationGroupId: datastore.globalReplicationGroupId }),
        );
        return {};
      },
      { stack: "test" },
    );
  const withoutIgnored = (resource: PlannedResource) =>
    Object.fromEntries(Object.entries(resource.inputs).filter(([key]) => !resource.ignoreChanges.includes(key)));

  it("changes no input of either group or of the datastore that the resources do not ignore", async () => {
    const before = (await recordWithPrimary("us-east-1", "eu-west-1")).resources;
    const after = (await recordWithPrimary("eu-west-1", "us-east-1")).resources;
    for (const name of ["cache-us-east-1", "cache-eu-west-1"]) {
      const [old, now] = [one(before, GROUP, name), one(after, GROUP, name)];
      assert.deepEqual(now.ignoreChanges, old.ignoreChanges, name);
      assert.deepEqual(withoutIgnored(now), withoutIgnored(old), name);
    }
    assert.deepEqual(withoutIgnored(one(after, GLOBAL)), withoutIgnored(one(before, GLOBAL)));
    // the resource names are the same, so the engine sees updates of the same resources
    assert.deepEqual(
      ofType(after, GROUP)
        .map((r) => r.urn)
        .sort(),
      ofType(before, GROUP)
        .map((r) => r.urn)
        .sort(),
    );
  });
});

describe("cache components: an independent group per region", () => {
  let resources: PlannedResource[];
  before(async () => {
    ({ resources } = await recordProgram(
      () => {
        new RegionalCache("cache-eu-west-1", cacheArgs("eu-west-1", "standalone", DEV, { availabilityZones: ["eu-west-1a", "eu-west-1b"] }));
        return {};
      },
      { stack: "test" },
    ));
  });

  it("declares a single-node group, its log group and two alarms, all in the region", () => {
    assert.deepEqual(countTypes(resources), { "pulumi:pulumi:Stack": 1, "blueprint:cache:RegionalCache": 1, [GROUP]: 1, [LOG_GROUP]: 1, [ALARM]: 2 });
    for (const r of resources.filter((r) => r.custom)) assert.equal(r.region, "eu-west-1", r.urn);
  });

  it("keeps the security settings of a standalone group and tracks every change but the AUTH token's (no protect)", () => {
    const group = one(resources, GROUP);
    assert.deepEqual(
      [group.inputs.numCacheClusters, group.inputs.preferredCacheClusterAzs, group.inputs.automaticFailoverEnabled, group.inputs.multiAzEnabled],
      [1, ["eu-west-1a"], false, false],
    );
    assert.deepEqual(
      [group.inputs.nodeType, group.inputs.transitEncryptionMode, group.inputs.atRestEncryptionEnabled, group.inputs.kmsKeyId, group.inputs.authToken],
      ["cache.t4g.micro", "required", true, KEY("eu-west-1"), "[secret]"],
    );
    assert.deepEqual([group.ignoreChanges, group.protect], [["authToken"], false]);
  });

  it("ignores the AUTH token of a standalone group whether or not it rotates (the current one lives in Secrets Manager)", async () => {
    const { resources: recorded } = await recordProgram(
      () => {
        new RegionalCache("cache-eu-west-1", cacheArgs("eu-west-1", "standalone", { ...DEV, authRotationDays: 30 }));
        return {};
      },
      { stack: "test" },
    );
    assert.deepEqual(one(recorded, GROUP).ignoreChanges, ["authToken"]);
  });

  it("sends the transit encryption mode only to engines that take it (Redis OSS from 7.0.5; its 6.x TLS has no mode)", async () => {
    const modeOf = async (engineVersion: string) => {
      const { resources: recorded } = await recordProgram(
        () => {
          new RegionalCache("cache-eu-west-1", cacheArgs("eu-west-1", "standalone", { ...DEV, engine: "redis", engineVersion }));
          return {};
        },
        { stack: "test" },
      );
      const group = one(recorded, GROUP);
      return [
        group.inputs.engineVersion,
        group.inputs.transitEncryptionEnabled,
        "transitEncryptionMode" in group.inputs ? group.inputs.transitEncryptionMode : "unset",
      ];
    };
    // "Transit encryption mode is not supported for engine version 6.2.6. Please use engine version 7.0.5 or higher."
    assert.deepEqual(await modeOf("6.2"), ["6.2", true, "unset"]);
    assert.deepEqual(await modeOf("6.x"), ["6.x", true, "unset"]);
    assert.deepEqual(await modeOf("7.0"), ["7.0", true, "required"]);
  });

  it("keeps the token secret even when the caller passes a plain string", async () => {
    const { resources: plain } = await recordProgram(
      () => {
        new RegionalCache("cache-eu-west-1", cacheArgs("eu-west-1", "standalone", DEV, { authToken: TOKEN }));
        return {};
      },
      { stack: "test" },
    );
    assert.equal(one(plain, GROUP).inputs.authToken, "[secret]");
    assert.ok(!JSON.stringify(plain).includes(TOKEN));
  });
});

describe("cache components: argument checks", () => {
  const record = (args: RegionalCacheArgs) =>
    recordProgram(
      () => {
        new RegionalCache(`cache-${args.region}`, args);
        return {};
      },
      { stack: "test" },
    );

  it("rejects a role that disagrees with the mode, a secondary without a datastore, a key from another region and Multi-AZ in one AZ", async () => {
    await assert.rejects(
      record(cacheArgs("eu-west-1", "standalone", PROD, { kmsKeyArn: KEY("us-east-1"), availabilityZones: ["eu-west-1a"] })),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "The program failed for stack test: RegionalCache cache-eu-west-1 has invalid arguments:",
            '  - role "standalone" needs settings.mode "regional", got "global"',
            "  - settings.multiAz needs at least 2 availabilityZones to place a replica apart from the primary, got 1",
            `  - kmsKeyArn must be the ARN of a KMS key in eu-west-1 (ElastiCache encrypts with a key of the group's own region), got "${KEY("us-east-1")}"`,
          ].join("\n"),
        );
        return true;
      },
    );
    await assert.rejects(
      record(cacheArgs("eu-west-1", "secondary", PROD)),
      /globalReplicationGroupId is required for a secondary: it names the Global Datastore to join/,
    );
    await assert.rejects(
      record(cacheArgs("eu-west-1", "primary", PROD, { globalReplicationGroupId: "ldgnf-x" })),
      /globalReplicationGroupId is only for a secondary; a primary creates its group on its own/,
    );
  });

  it("rejects settings AWS would refuse, and AZs of another region", async () => {
    await assert.rejects(
      record(cacheArgs("eu-west-1", "primary", { ...PROD, nodeType: "cache.t4g.small" }, { availabilityZones: ["eu-west-1a", "us-east-1b"] })),
      (error: Error) => {
        assert.match(error.message, /settings\.nodeType cache\.t4g\.small cannot join a Global Datastore: burstable \(T\) nodes are not supported/);
        assert.match(error.message, /availabilityZones must be AZs of eu-west-1, got "us-east-1b"/);
        return true;
      },
    );
  });

  it("rejects a Global Datastore whose suffix or settings AWS would refuse", async () => {
    await assert.rejects(
      recordProgram(
        () => {
          new CacheGlobalDatastore("cache-global", { region: "us-east-1", idSuffix: "Blueprint--cache-", primaryReplicationGroupId: "x", settings: DEV });
          return {};
        },
        { stack: "test" },
      ),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "The program failed for stack test: CacheGlobalDatastore cache-global has invalid arguments:",
            '  - idSuffix "Blueprint--cache-" must not contain two consecutive hyphens (AWS puts a 5-letter region prefix and a hyphen before it)',
            '  - idSuffix "Blueprint--cache-" must not end with a hyphen (AWS puts a 5-letter region prefix and a hyphen before it)',
            '  - settings.mode must be "global" for a Global Datastore, got "regional"',
          ].join("\n"),
        );
        return true;
      },
    );
  });
});

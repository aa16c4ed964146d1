import * as assert from "node:assert/strict";
import { CACHE_NESTED_KEYS, CACHE_PROFILES, cacheSchema, checkCache, resolveCache } from "../../infra/cacheConfig";
import { formatIssue } from "../../infra/configIssues";
import { ENVIRONMENTS, type Environment } from "../../infra/profiles";
import type { SectionContext } from "../../infra/sectionContext";

const region = (name: string, primary = false) => ({ name, azCount: 3, primary });
const context = (environment: Environment | undefined, names: string[]): SectionContext => ({
  ...(environment ? { environment } : {}),
  regions: names.map((name, index) => region(name, index === 0)),
  primaryRegion: names[0],
  namePrefix: "blueprint-test",
});
const THREE = ["us-east-1", "eu-west-1", "ap-southeast-2"];

/** The printed lines, as the stack's config error shows them. */
const lines = (raw: unknown, ctx: SectionContext) => checkCache(raw, ctx).map((issue) => formatIssue(issue, { cache: raw }));

describe("cache config: schema", () => {
  it("accepts every key and refuses unknown ones and wrong types", () => {
    const full = {
      mode: "global",
      engine: "valkey",
      engineVersion: "9.1",
      nodeType: "cache.r7g.large",
      replicasPerNodeGroup: 2,
      automaticFailover: true,
      multiAz: true,
      port: 6380,
      snapshotRetentionDays: 7,
      snapshotWindow: "03:00-04:00",
      maintenanceWindow: "sun:05:00-sun:06:00",
      slowLogRetentionDays: 30,
      alarms: { cpuPercent: 75, memoryPercent: 85, replicationLagSeconds: 5 },
    };
    assert.equal(cacheSchema.safeParse(full).success, true);
    assert.equal(cacheSchema.safeParse({}).success, true);
    assert.equal(cacheSchema.safeParse({ shards: 2 }).success, false);
    assert.equal(cacheSchema.safeParse({ alarms: { evictions: 1 } }).success, false);
    assert.equal(cacheSchema.safeParse({ mode: "cluster" }).success, false);
    assert.equal(cacheSchema.safeParse({ replicasPerNodeGroup: 1.5 }).success, false);
  });

  it("lists the allowed keys per level and describes every key", () => {
    assert.deepEqual(CACHE_NESTED_KEYS, {
      "": [
        "mode",
        "engine",
        "engineVersion",
        "nodeType",
        "replicasPerNodeGroup",
        "automaticFailover",
        "multiAz",
        "port",
        "snapshotRetentionDays",
        "snapshotWindow",
        "maintenanceWindow",
        "slowLogRetentionDays",
        "alarms",
      ],
      alarms: ["cpuPercent", "memoryPercent", "replicationLagSeconds"],
    });
    const alarms = cacheSchema.shape.alarms.unwrap();
    for (const [key, schema] of [...Object.entries(cacheSchema.shape), ...Object.entries(alarms.shape)]) {
      assert.ok(schema.description && schema.description.length > 10, `${key} has no description`);
    }
  });
});

describe("cache config: profiles and resolution", () => {
  it("has the issue's defaults per environment", () => {
    const dev = resolveCache(undefined, { ...context("dev", ["eu-west-1"]), environment: "dev" });
    assert.deepEqual(dev, {
      mode: "regional",
      engine: "valkey",
      engineVersion: "9.1",
      nodeType: "cache.t4g.micro",
      replicasPerNodeGroup: 0,
      automaticFailover: false,
      multiAz: false,
      port: 6379,
      snapshotRetentionDays: 1,
      snapshotWindow: "03:00-04:00",
      maintenanceWindow: "sun:05:00-sun:06:00",
      slowLogRetentionDays: 7,
      alarms: { cpuPercent: 80, memoryPercent: 80, replicationLagSeconds: 10 },
    });
    const staging = CACHE_PROFILES.staging;
    assert.deepEqual([staging.mode, staging.nodeType, staging.replicasPerNodeGroup, staging.automaticFailover, staging.multiAz], ["global", "cache.m7g.large", 1, true, true]);
    const prod = CACHE_PROFILES.prod;
    assert.deepEqual(
      [prod.mode, prod.nodeType, prod.replicasPerNodeGroup, prod.automaticFailover, prod.multiAz, prod.snapshotRetentionDays],
      ["global", "cache.r7g.large", 2, true, true, 7],
    );
  });

  it("lays written values over the profile, and falls back on values of the wrong type", () => {
    const ctx = { ...context("prod", THREE), environment: "prod" as const };
    const resolved = resolveCache({ engine: "redis", nodeType: 42, replicasPerNodeGroup: 1, alarms: { cpuPercent: 60, memoryPercent: "high" } }, ctx);
    assert.equal(resolved.engine, "redis");
    assert.equal(resolved.engineVersion, "7.1");
    assert.equal(resolved.nodeType, "cache.r7g.large");
    assert.equal(resolved.replicasPerNodeGroup, 1);
    assert.deepEqual(resolved.alarms, { cpuPercent: 60, memoryPercent: 80, replicationLagSeconds: 10 });
  });

  it("passes every rule with each environment's defaults on its usual regions", () => {
    const regionsOf: Record<Environment, string[]> = { dev: ["eu-west-1"], staging: THREE.slice(0, 2), prod: THREE };
    for (const environment of ENVIRONMENTS) assert.deepEqual(checkCache(undefined, context(environment, regionsOf[environment])), [], environment);
  });
});

describe("cache config: rules on the effective values", () => {
  it("rejects a Global Datastore in more regions than AWS allows, at cache.mode", () => {
    assert.deepEqual(lines(undefined, context("prod", [...THREE, "us-west-2"])), [
      'blueprint:cache.mode: is "global" but the stack has 4 regions (us-east-1, eu-west-1, ap-southeast-2, us-west-2); a Global Datastore has one primary region and at most 2 secondary regions (run at most 3 regions, or use mode "regional")',
    ]);
    assert.deepEqual(lines({ mode: "regional" }, context("prod", [...THREE, "us-west-2"])), []);
  });

  it("rejects a node type the Global Datastore does not support, naming the default it came from", () => {
    assert.deepEqual(lines({ mode: "global" }, context("dev", ["eu-west-1", "us-east-1"])), [
      'blueprint:cache.nodeType: cache.t4g.micro cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
    ]);
    assert.deepEqual(lines({ nodeType: "cache.t3.medium" }, context("prod", THREE)), [
      'blueprint:cache.nodeType: cache.t3.medium cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
    ]);
  });

  it("reports a written value that clashes with the profile's defaults at the key the rule is about", () => {
    assert.deepEqual(lines({ replicasPerNodeGroup: 0 }, context("prod", THREE)), [
      "blueprint:cache.automaticFailover: is true but replicasPerNodeGroup is 0; failover promotes a replica, so it needs at least 1 (add a replica or set automaticFailover to false)",
      "blueprint:cache.multiAz: is true but replicasPerNodeGroup is 0; Multi-AZ needs a replica in another AZ (add a replica or set multiAz to false)",
    ]);
    assert.deepEqual(lines({ maintenanceWindow: "mon:03:30-mon:04:30" }, context("dev", ["eu-west-1"])), [
      "blueprint:cache.snapshotWindow: 03:00-04:00 overlaps the maintenance window mon:03:30-mon:04:30 (the snapshot window recurs daily); ElastiCache requires the two not to overlap (move one of them)",
    ]);
  });

  it("reports every problem at once, with nested paths", () => {
    const issues = checkCache({ engineVersion: "6.2", port: 0, alarms: { cpuPercent: 150 } }, context("staging", THREE.slice(0, 2)));
    assert.deepEqual(
      issues.map((issue) => [issue.path.join("."), issue.showValue]),
      [
        ["cache.engineVersion", false],
        ["cache.port", false],
        ["cache.alarms.cpuPercent", false],
      ],
    );
  });

  it("without an environment, checks only what needs no profile", () => {
    const ctx = context(undefined, THREE);
    assert.deepEqual(checkCache({ replicasPerNodeGroup: 0 }, ctx), []);
    assert.deepEqual(checkCache({ nodeType: "cache.t4g.micro" }, ctx), []);
    assert.deepEqual(lines({ nodeType: "cache.t4g.micro", mode: "global", snapshotWindow: "05:00-06:00" }, ctx), [
      'blueprint:cache.nodeType: cache.t4g.micro cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
      "blueprint:cache.snapshotWindow: 05:00-06:00 overlaps the maintenance window sun:05:00-sun:06:00 (the snapshot window recurs daily); ElastiCache requires the two not to overlap (move one of them)",
    ]);
    // engine and version defaults do not depend on the environment
    assert.deepEqual(lines({ engine: "redis", engineVersion: "9.1" }, ctx), [
      'blueprint:cache.engineVersion: Redis OSS "9.1" is not a version ElastiCache creates; choose one of 4.0.10, 5.0.6, 6.0, 6.2, 6.x, 7.0, 7.1',
    ]);
  });

  it("leaves a section of the wrong shape to the schema", () => {
    assert.deepEqual(checkCache("valkey", context("prod", THREE)), []);
  });
});

import * as assert from "node:assert/strict";
import { cacheSection } from "../../../components/cache/section";
import { ENVIRONMENTS, type Environment } from "../../../components/lib/settings";
import { settingSchema } from "../../../components/lib/settings/schema";
import { allowedKeysAt } from "../../../components/lib/settings/keys";
import { ENVIRONMENT_FACTS } from "../../../infra/environments";
import { frame, resolveSection, sectionIssues, sectionLines } from "../../support/sections";

const THREE = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const schema = settingSchema(cacheSection.setting, ENVIRONMENT_FACTS);
const lines = (raw: unknown, environment: Environment | undefined, regions: string[]) => sectionLines(cacheSection, raw, frame(environment, regions));

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
      authRotationDays: 7,
      alarms: { cpuPercent: 75, memoryPercent: 85, replicationLagSeconds: 5 },
    };
    assert.equal(schema.safeParse(full).success, true);
    assert.equal(schema.safeParse({}).success, true);
    assert.equal(schema.safeParse({ shards: 2 }).success, false);
    assert.equal(schema.safeParse({ alarms: { evictions: 1 } }).success, false);
    assert.equal(schema.safeParse({ mode: "cluster" }).success, false);
    assert.equal(schema.safeParse({ replicasPerNodeGroup: 1.5 }).success, false);
  });

  it("lists the allowed keys per level", () => {
    assert.deepEqual(allowedKeysAt(cacheSection.setting, []), [
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
      "authRotationDays",
      "alarms",
    ]);
    assert.deepEqual(allowedKeysAt(cacheSection.setting, ["alarms"]), ["cpuPercent", "memoryPercent", "replicationLagSeconds"]);
  });
});

describe("cache config: defaults and resolution", () => {
  it("has each environment's defaults", () => {
    assert.deepEqual(resolveSection(cacheSection, undefined, frame("dev", ["eu-west-1"])), {
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
      authRotationDays: 0,
      alarms: { cpuPercent: 80, memoryPercent: 80, replicationLagSeconds: 10 },
    });
    const staging = resolveSection(cacheSection, undefined, frame("staging", THREE.slice(0, 2)));
    assert.deepEqual(
      [
        staging.mode,
        staging.nodeType,
        staging.replicasPerNodeGroup,
        staging.automaticFailover,
        staging.multiAz,
        staging.slowLogRetentionDays,
        staging.authRotationDays,
      ],
      ["global", "cache.m7g.large", 1, true, true, 365, 30],
    );
    const prod = resolveSection(cacheSection, undefined, frame("prod", THREE));
    assert.deepEqual(
      [
        prod.mode,
        prod.nodeType,
        prod.replicasPerNodeGroup,
        prod.automaticFailover,
        prod.multiAz,
        prod.snapshotRetentionDays,
        prod.slowLogRetentionDays,
        prod.authRotationDays,
      ],
      ["global", "cache.r7g.large", 2, true, true, 7, 365, 30],
    );
    // nothing to rotate without a cache
    assert.equal(resolveSection(cacheSection, { mode: "none" }, frame("prod", THREE)).authRotationDays, 0);
  });

  it("lays written values over the defaults, and falls back on values of the wrong type", () => {
    const resolved = resolveSection(
      cacheSection,
      { engine: "redis", nodeType: 42, replicasPerNodeGroup: 1, alarms: { cpuPercent: 60, memoryPercent: "high" } },
      frame("prod", THREE),
    );
    assert.equal(resolved.engine, "redis");
    assert.equal(resolved.engineVersion, "7.1");
    assert.equal(resolved.nodeType, "cache.r7g.large");
    assert.equal(resolved.replicasPerNodeGroup, 1);
    assert.deepEqual(resolved.alarms, { cpuPercent: 60, memoryPercent: 80, replicationLagSeconds: 10 });
  });

  it("passes every rule with each environment's defaults on its usual regions", () => {
    const regionsOf: Record<Environment, string[]> = { dev: ["eu-west-1"], staging: THREE.slice(0, 2), prod: THREE };
    for (const environment of ENVIRONMENTS)
      assert.deepEqual(sectionIssues(cacheSection, undefined, frame(environment, regionsOf[environment])), [], environment);
  });
});

describe("cache config: rules on the effective values", () => {
  it("rejects rotation days Secrets Manager does not take (0 is off, then 1 to 1000), and rotation without a cache, at cache.authRotationDays", () => {
    assert.deepEqual(lines({ authRotationDays: 1000 }, "prod", THREE), []);
    assert.deepEqual(lines({ authRotationDays: 1 }, "prod", THREE), []);
    assert.deepEqual(lines({ mode: "none", authRotationDays: 0 }, "prod", THREE), []);
    for (const days of [1001, -1, 2.5])
      assert.deepEqual(lines({ authRotationDays: days }, "prod", THREE), [
        `blueprint:cache.authRotationDays: must be a whole number from 0 to 1000 (days between rotations; 0 turns rotation off, Secrets Manager rotates every 1 to 1000 days); got ${days}`,
      ]);
    assert.deepEqual(lines({ mode: "none", authRotationDays: 30 }, "prod", THREE), [
      'blueprint:cache.authRotationDays: is 30 but mode is "none": there is no AUTH token to rotate (set 0, or choose a cache mode)',
    ]);
  });

  it("rejects a Global Datastore in more regions than AWS allows, at cache.mode", () => {
    assert.deepEqual(lines(undefined, "prod", [...THREE, "us-west-2"]), [
      'blueprint:cache.mode: is "global" but the stack has 4 regions (us-east-1, eu-west-1, ap-southeast-2, us-west-2); a Global Datastore has one primary region and at most 2 secondary regions (run at most 3 regions, or use mode "regional")',
    ]);
    assert.deepEqual(lines({ mode: "regional" }, "prod", [...THREE, "us-west-2"]), []);
  });

  it("rejects a node type the Global Datastore does not support, naming the default it came from", () => {
    assert.deepEqual(lines({ mode: "global" }, "dev", ["eu-west-1", "us-east-1"]), [
      'blueprint:cache.nodeType: cache.t4g.micro cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
    ]);
    assert.deepEqual(lines({ nodeType: "cache.t3.medium" }, "prod", THREE), [
      'blueprint:cache.nodeType: cache.t3.medium cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
    ]);
  });

  it("reports a written value that clashes with the defaults at the key the rule is about", () => {
    assert.deepEqual(lines({ replicasPerNodeGroup: 0 }, "prod", THREE), [
      "blueprint:cache.automaticFailover: is true but replicasPerNodeGroup is 0; failover promotes a replica, so it needs at least 1 (add a replica or set automaticFailover to false)",
      "blueprint:cache.multiAz: is true but replicasPerNodeGroup is 0; Multi-AZ needs a replica in another AZ (add a replica or set multiAz to false)",
    ]);
    assert.deepEqual(lines({ maintenanceWindow: "mon:03:30-mon:04:30" }, "dev", ["eu-west-1"]), [
      "blueprint:cache.snapshotWindow: 03:00-04:00 overlaps the maintenance window mon:03:30-mon:04:30 (the snapshot window recurs daily); ElastiCache requires the two not to overlap (move one of them)",
    ]);
  });

  it("reports every problem at once, with nested paths", () => {
    const issues = sectionIssues(cacheSection, { engineVersion: "6.2", port: 0, alarms: { cpuPercent: 150 } }, frame("staging", THREE.slice(0, 2)));
    assert.deepEqual(
      issues.map((issue) => [issue.path.join("."), issue.showValue]),
      [
        ["cache.engineVersion", false],
        ["cache.port", false],
        ["cache.alarms.cpuPercent", false],
      ],
    );
  });

  it("without an environment, reports only problems at the keys the file writes", () => {
    assert.deepEqual(lines({ replicasPerNodeGroup: 0 }, undefined, THREE), []);
    assert.deepEqual(lines({ nodeType: "cache.t4g.micro" }, undefined, THREE), []);
    assert.deepEqual(lines({ nodeType: "cache.t4g.micro", mode: "global", snapshotWindow: "05:00-06:00" }, undefined, THREE), [
      'blueprint:cache.nodeType: cache.t4g.micro cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
      "blueprint:cache.snapshotWindow: 05:00-06:00 overlaps the maintenance window sun:05:00-sun:06:00 (the snapshot window recurs daily); ElastiCache requires the two not to overlap (move one of them)",
    ]);
    // engine and version defaults do not depend on the environment
    assert.deepEqual(lines({ engine: "redis", engineVersion: "9.1" }, undefined, THREE), [
      'blueprint:cache.engineVersion: Redis OSS "9.1" is not a version ElastiCache creates; choose one of 4.0.10, 5.0.6, 6.0, 6.2, 6.x, 7.0, 7.1',
    ]);
  });

  it("leaves a section of the wrong shape to the schema", () => {
    assert.deepEqual(sectionIssues(cacheSection, "valkey", frame("prod", THREE)), []);
  });
});

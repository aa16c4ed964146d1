import * as assert from "node:assert/strict";
import {
  databaseSettingsProblems,
  liveRole,
  MAX_GLOBAL_SECONDARY_REGIONS,
  type DatabaseContext,
  type DatabaseSettings,
} from "../../../../components/database/lib/databaseRules";
import { GLOBAL_DATABASE_SETTINGS } from "../../../support/settings";

const GLOBAL: DatabaseSettings = GLOBAL_DATABASE_SETTINGS;
const REPLICAS: DatabaseSettings = { ...GLOBAL, mode: "rds-replicas", service: "rds", instanceClass: "db.m7g.large", logExports: ["postgresql", "upgrade"] };
const SINGLE: DatabaseSettings = { ...GLOBAL, mode: "single-region", instanceClass: "db.t4g.medium", instanceCount: 1 };

const THREE: DatabaseContext = { regions: ["eu-west-1", "us-east-1", "ap-southeast-2"], primaryRegion: "eu-west-1", namePrefix: "blueprint-prod" };
const ONE: DatabaseContext = { regions: ["eu-west-1"], primaryRegion: "eu-west-1", namePrefix: "blueprint-dev" };
/** The primary and 11 secondaries: one more than an Aurora global database allows. */
const TWELVE: DatabaseContext = {
  regions: [
    "eu-west-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "sa-east-1",
    "eu-west-2",
    "eu-west-3",
    "eu-central-1",
    "eu-north-1",
    "ap-northeast-1",
  ],
  primaryRegion: "eu-west-1",
  namePrefix: "blueprint-prod",
};

const pairs = (settings: DatabaseSettings, ctx: DatabaseContext) => databaseSettingsProblems(settings, ctx).map((p) => [p.field, p.message]);

describe("database settings rules", () => {
  it("accepts every profile-like combination", () => {
    assert.deepEqual(pairs(GLOBAL, THREE), []);
    assert.deepEqual(pairs(GLOBAL, ONE), []);
    assert.deepEqual(pairs(REPLICAS, THREE), []);
    assert.deepEqual(pairs(SINGLE, ONE), []);
    assert.deepEqual(pairs({ ...SINGLE, service: "rds", instanceClass: "db.t4g.micro", backupRetentionDays: 0 }, ONE), []);
    assert.deepEqual(
      pairs(
        { ...GLOBAL, engine: "mysql", engineVersion: "8.0.mysql_aurora.3.08.0", masterUsername: "admin", logExports: ["error", "slowquery", "audit"] },
        THREE,
      ),
      [],
    );
    // at the edges: 16 less 10 secondaries, the longest PI retention, a backup window past midnight
    assert.deepEqual(pairs({ ...GLOBAL, instanceCount: 5, secondaryInstanceCount: 16 }, { ...TWELVE, regions: TWELVE.regions.slice(0, 11) }), []);
    assert.deepEqual(pairs({ ...GLOBAL, performanceInsightsRetentionDays: 731, preferredBackupWindow: "23:30-00:15" }, THREE), []);
  });

  const cases: Array<{ name: string; settings: DatabaseSettings; ctx?: DatabaseContext; expected: Array<[string, string]> }> = [
    {
      name: "a burstable class on a global database",
      settings: { ...GLOBAL, instanceClass: "db.t4g.medium" },
      expected: [
        [
          "instanceClass",
          "db.t4g.medium is a burstable class; an Aurora global database only runs memory-optimised classes (db.r5 and newer r classes, db.x2g), e.g. db.r7g.large; burstable classes are allowed in single-region mode only",
        ],
      ],
    },
    {
      name: "more secondary regions than a global database allows",
      settings: { ...GLOBAL, instanceCount: 2 },
      ctx: TWELVE,
      expected: [
        [
          "mode",
          `is aurora-global with 11 secondary regions; an Aurora global database has at most ${MAX_GLOBAL_SECONDARY_REGIONS} (one primary and 10 secondaries)`,
        ],
      ],
    },
    {
      name: "single-region mode in a multi-region stack",
      settings: SINGLE,
      ctx: THREE,
      expected: [
        [
          "mode",
          "is single-region but the stack runs in 3 regions (eu-west-1, us-east-1, ap-southeast-2); the other regions' tiers could not reach a database in one region: use aurora-global (Aurora) or rds-replicas (RDS)",
        ],
      ],
    },
    {
      name: "aurora-global on RDS",
      settings: { ...GLOBAL, service: "rds", instanceClass: "db.r7g.large" },
      expected: [["service", "is rds, but aurora-global is an Aurora global database; set service: aurora or mode: rds-replicas"]],
    },
    {
      name: "rds-replicas on Aurora",
      settings: { ...REPLICAS, service: "aurora", instanceClass: "db.r7g.large", logExports: ["postgresql"] },
      expected: [["service", "is aurora, but rds-replicas replicates an RDS instance; set service: rds or mode: aurora-global"]],
    },
    {
      name: "an engine version of the wrong form",
      settings: { ...GLOBAL, engineVersion: "16" },
      expected: [["engineVersion", 'must be a full aurora-postgresql version such as 16.6; got "16"']],
    },
    {
      name: "a major out of standard support",
      settings: { ...GLOBAL, engineVersion: "12.22" },
      expected: [["engineVersion", "12.22 is aurora-postgresql 12, which is not in AWS standard support; use major 14, 15, 16, 17 (e.g. 16.6)"]],
    },
    {
      name: "a version too old for a global database",
      settings: { ...GLOBAL, engineVersion: "16.0", instanceClass: "db.r6g.large" },
      expected: [["engineVersion", "16.0 cannot be part of an Aurora global database; aurora-postgresql 16 needs 16.1 or later"]],
    },
    {
      name: "an Aurora MySQL version too old for a region's global database",
      settings: { ...GLOBAL, engine: "mysql", engineVersion: "8.0.mysql_aurora.3.03.0", logExports: ["error"] },
      ctx: { ...THREE, regions: ["eu-west-1", "ap-southeast-5"] },
      expected: [
        ["engineVersion", "8.0.mysql_aurora.3.03.0 cannot join an Aurora global database in ap-southeast-5, which needs aurora-mysql 3.04.0 or later"],
      ],
    },
    {
      name: "a region without global databases",
      settings: GLOBAL,
      ctx: { ...THREE, regions: ["eu-west-1", "ap-southeast-7"] },
      expected: [["mode", "is aurora-global, but AWS offers no Aurora global database in ap-southeast-7; use rds-replicas or leave the region out"]],
    },
    {
      name: "a class too new for the engine version",
      settings: { ...GLOBAL, engineVersion: "14.3", globalWriteForwarding: false },
      expected: [["instanceClass", "db.r7g needs aurora-postgresql 14.5 or later in major 14; got 14.3"]],
    },
    {
      name: "write forwarding on a version that cannot forward writes",
      settings: { ...GLOBAL, engineVersion: "15.3", instanceClass: "db.r6g.large" },
      expected: [
        [
          "globalWriteForwarding",
          "is on, but aurora-postgresql 15.3 cannot forward writes from a secondary cluster; it needs 15.4 or later (raise database.engineVersion, or set globalWriteForwarding false)",
        ],
      ],
    },
    {
      name: "a general-purpose class on Aurora",
      settings: { ...SINGLE, instanceClass: "db.m7g.large" },
      ctx: ONE,
      expected: [
        [
          "instanceClass",
          "db.m7g.large is not an Aurora instance class the blueprint supports; use one of the families db.r5, db.r6g, db.r6i, db.r7g, db.r7i, db.r8g, db.x2g, db.t3, db.t4g",
        ],
      ],
    },
    {
      name: "a burstable size Aurora does not run",
      settings: { ...SINGLE, instanceClass: "db.t4g.small" },
      ctx: ONE,
      expected: [["instanceClass", "db.t4g.small is not offered by Aurora, which runs burstable classes in sizes medium and large only"]],
    },
    {
      name: "a size a memory family does not have",
      settings: { ...GLOBAL, instanceClass: "db.r7g.medium" },
      expected: [["instanceClass", "db.r7g.medium does not exist: db.r7g starts at large"]],
    },
    {
      name: "a class without the db. prefix",
      settings: { ...GLOBAL, instanceClass: "r7g.large" },
      expected: [["instanceClass", 'must look like db.<family>.<size>, e.g. db.r7g.large; got "r7g.large"']],
    },
    {
      name: "more primary instances than the global database leaves room for",
      settings: { ...GLOBAL, instanceCount: 15 },
      expected: [["instanceCount", "must be a whole number from 1 to 14 instances (16 less one per secondary region: 2); got 15"]],
    },
    {
      name: "a headless secondary cluster",
      settings: { ...GLOBAL, secondaryInstanceCount: 0 },
      expected: [
        [
          "secondaryInstanceCount",
          "is 0, a headless secondary cluster: its region's tiers would have no local reader and a switchover to it would have no instance to promote; use 1 or more",
        ],
      ],
    },
    {
      name: "a system database and a reserved user name",
      settings: { ...GLOBAL, databaseName: "postgres", masterUsername: "admin" },
      expected: [
        ["databaseName", '"postgres" already exists on every new postgresql server; choose another name, e.g. app'],
        ["masterUsername", '"admin" is a reserved word of aurora-postgresql; choose another name, e.g. appowner'],
      ],
    },
    {
      name: "names of the wrong form, and a user name too long for Aurora",
      settings: { ...GLOBAL, databaseName: "1app", masterUsername: "application_owner" },
      expected: [
        ["databaseName", 'must be 1 to 63 letters, digits or underscores starting with a letter; got "1app"'],
        ["masterUsername", 'must be 1 to 16 letters, digits or underscores starting with a letter (aurora-postgresql); got "application_owner"'],
      ],
    },
    {
      name: "a port below RDS's range and no backups on Aurora",
      settings: { ...GLOBAL, port: 80, backupRetentionDays: 0 },
      expected: [
        ["port", "must be a whole number from 1150 to 65535; got 80"],
        ["backupRetentionDays", "must be a whole number from 1 to 35 days; got 0 (Aurora always keeps backups)"],
      ],
    },
    {
      name: "no backups on a replica source",
      settings: { ...REPLICAS, backupRetentionDays: 0 },
      expected: [["backupRetentionDays", "must be a whole number from 1 to 35 days; got 0 (a read replica's source must keep backups)"]],
    },
    {
      name: "windows of the wrong form",
      settings: { ...GLOBAL, preferredBackupWindow: "3:00-04:00", preferredMaintenanceWindow: "sunday:05:00-sunday:06:00" },
      expected: [
        ["preferredBackupWindow", 'must be hh24:mi-hh24:mi in UTC, e.g. 03:00-04:00; got "3:00-04:00"'],
        [
          "preferredMaintenanceWindow",
          'must be ddd:hh24:mi-ddd:hh24:mi in UTC with ddd one of mon, tue, wed, thu, fri, sat, sun, e.g. sun:05:00-sun:06:00; got "sunday:05:00-sunday:06:00"',
        ],
      ],
    },
    {
      name: "windows shorter than 30 minutes",
      settings: { ...GLOBAL, preferredBackupWindow: "03:00-03:20", preferredMaintenanceWindow: "sun:05:00-sun:05:29" },
      expected: [
        ["preferredBackupWindow", "must last at least 30 minutes; 03:00-03:20 lasts 20"],
        ["preferredMaintenanceWindow", "must last at least 30 minutes; sun:05:00-sun:05:29 lasts 29"],
      ],
    },
    {
      name: "a backup window overlapping the maintenance window across midnight",
      settings: { ...GLOBAL, preferredBackupWindow: "23:45-00:30", preferredMaintenanceWindow: "mon:00:00-mon:00:30" },
      expected: [["preferredBackupWindow", "23:45-00:30 overlaps the maintenance window mon:00:00-mon:00:30; RDS requires the two windows apart"]],
    },
    {
      name: "a Performance Insights retention AWS refuses, and an enhanced monitoring interval",
      settings: { ...GLOBAL, performanceInsightsRetentionDays: 14, monitoringIntervalSeconds: 2 },
      expected: [
        ["performanceInsightsRetentionDays", "must be 0 (off), 7, a multiple of 31 up to 713 (months) or 731; got 14"],
        ["monitoringIntervalSeconds", "must be one of 0, 1, 5, 10, 15, 30, 60 (0 = off); got 2"],
      ],
    },
    {
      name: "Performance Insights on a class Aurora MySQL has none on",
      settings: { ...SINGLE, engine: "mysql", engineVersion: "8.0.mysql_aurora.3.08.0", instanceClass: "db.t3.medium", logExports: ["error"] },
      ctx: ONE,
      expected: [["performanceInsightsRetentionDays", "is 7, but aurora-mysql has no Performance Insights on db.t3.medium; set 0 or pick a larger class"]],
    },
    {
      name: "logs the engine does not have, twice",
      settings: { ...GLOBAL, logExports: ["postgresql", "slowquery", "postgresql"] },
      expected: [
        ["logExports.1", '"slowquery" is not a log aurora-postgresql exports; allowed: postgresql'],
        ["logExports.2", '"postgresql" is listed twice'],
      ],
    },
    {
      name: "RDS for MySQL's audit log",
      settings: { ...REPLICAS, engine: "mysql", engineVersion: "8.4.5", logExports: ["audit"] },
      expected: [
        [
          "logExports.0",
          '"audit" is not a log mysql exports; allowed: error, general, slowquery (RDS for MySQL\'s audit log needs an option group the blueprint does not create)',
        ],
      ],
    },
    {
      name: "an autoscaling ceiling under 10% headroom",
      settings: { ...REPLICAS, allocatedStorageGiB: 100, maxAllocatedStorageGiB: 105 },
      expected: [["maxAllocatedStorageGiB", "must be 0 (no autoscaling) or at least 110 GiB, 10% above allocatedStorageGiB (100), as RDS requires; got 105"]],
    },
    {
      name: "too little storage",
      settings: { ...REPLICAS, allocatedStorageGiB: 10, maxAllocatedStorageGiB: 0 },
      expected: [["allocatedStorageGiB", "must be a whole number from 20 to 65536 GiB (gp3); got 10"]],
    },
    {
      name: "alarm thresholds out of range",
      settings: { ...GLOBAL, alarms: { cpuPercent: 0, replicaLagSeconds: 0 } },
      expected: [
        ["alarms.cpuPercent", "must be above 0 and at most 100 percent; got 0"],
        ["alarms.replicaLagSeconds", "must be a whole number from 1 to 86400 seconds; got 0"],
      ],
    },
    {
      name: "derived identifiers that start with a digit",
      settings: GLOBAL,
      ctx: { ...THREE, regions: ["eu-west-1"], namePrefix: "1app-prod" },
      expected: [
        ["namePrefix", 'the identifier "1app-prod-eu-west-1" does not start with a lowercase letter (derived from the project and stack names)'],
        ["namePrefix", 'the instance identifier "1app-prod-eu-west-1-3" does not start with a lowercase letter (derived from the project and stack names)'],
        [
          "namePrefix",
          'the final snapshot identifier "1app-prod-eu-west-1-final" does not start with a lowercase letter (derived from the project and stack names)',
        ],
        [
          "namePrefix",
          'the cluster parameter group name "1app-prod-eu-west-1-aurora-postgresql16-cluster" does not start with a lowercase letter (derived from the project and stack names)',
        ],
        [
          "namePrefix",
          'the parameter group name "1app-prod-eu-west-1-aurora-postgresql16" does not start with a lowercase letter (derived from the project and stack names)',
        ],
        ["namePrefix", 'the global cluster identifier "1app-prod-global" does not start with a lowercase letter (derived from the project and stack names)'],
      ],
    },
    {
      name: "unknown mode, service and engine",
      settings: { ...GLOBAL, mode: "global" as never, service: "dynamo" as never, engine: "oracle" as never },
      expected: [
        ["mode", 'must be one of aurora-global, rds-replicas, single-region; got "global"'],
        ["service", 'must be aurora or rds; got "dynamo"'],
        ["engine", 'must be postgresql or mysql; got "oracle"'],
      ],
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => assert.deepEqual(pairs(c.settings, c.ctx ?? THREE), c.expected));
  }

  it("names identifiers and a role name over AWS's limits", () => {
    const prefix = "a".repeat(54);
    const suffix = " (derived from the project and stack names)";
    assert.deepEqual(pairs(SINGLE, { ...ONE, namePrefix: prefix }), [
      ["namePrefix", `the identifier "${prefix}-eu-west-1" is 64 characters long (1 to 63 allowed)${suffix}`],
      ["namePrefix", `the instance identifier "${prefix}-eu-west-1-1" is 66 characters long (1 to 63 allowed)${suffix}`],
      ["namePrefix", `the monitoring role name "${prefix}-eu-west-1-rds-mon" is 72 characters long (IAM allows 64)${suffix}`],
    ]);
  });
});

describe("liveRole", () => {
  it("follows the writer region in an Aurora global database, whatever the declared role", () => {
    assert.equal(liveRole("aurora-global", "eu-west-1", "secondary", "eu-west-1"), "primary");
    assert.equal(liveRole("aurora-global", "us-east-1", "primary", "eu-west-1"), "secondary");
    assert.equal(liveRole("aurora-global", "ap-southeast-2", "secondary", "eu-west-1"), "secondary");
  });

  it("keeps the declared role without a writer region, and in the modes whose promotion the stack does not follow", () => {
    assert.equal(liveRole("aurora-global", "us-east-1", "primary", undefined), "primary");
    assert.equal(liveRole("rds-replicas", "eu-west-1", "secondary", "eu-west-1"), "secondary");
    assert.equal(liveRole("single-region", "us-east-1", "primary", "eu-west-1"), "primary");
  });
});

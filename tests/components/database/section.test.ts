import * as assert from "node:assert/strict";
import { DEFAULT_LOG_EXPORTS } from "../../../components/database/lib/parameters";
import { databaseSection } from "../../../components/database/section";
import { databaseKeys } from "../../../components/database/settings";
import type { Environment } from "../../../components/lib/settings";
import type { StackFrame } from "../../../components/lib/settings/engine";
import { allowedKeysAt } from "../../../components/lib/settings/keys";
import { schemaDescription, settingSchema } from "../../../components/lib/settings/schema";
import { ENVIRONMENT_FACTS } from "../../../infra/environments";
import { frame, resolveSection, sectionIssues, sectionLines } from "../../support/sections";

const THREE = ["eu-west-1", "us-east-1", "ap-southeast-2"];
const schema = settingSchema(databaseSection.setting, ENVIRONMENT_FACTS);

/** The stack's first `regionCount` regions, eu-west-1 (the primary) first. */
const at = (environment: Environment | undefined, regionCount: number, options: { namePrefix?: string } = {}) =>
  frame(environment, THREE.slice(0, regionCount), { namePrefix: options.namePrefix ?? `blueprint-${environment ?? "x"}` });
const resolved = (raw: unknown, environment: Environment, regionCount: number) => resolveSection(databaseSection, raw, at(environment, regionCount));
const lines = (raw: unknown, environment: Environment | undefined, regionCount: number) => sectionLines(databaseSection, raw, at(environment, regionCount));

/** Regions whose AZ counts differ, so that "one per AZ of the primary region" shows which region counts. */
function unevenRegions(environment: Environment, primaryRegion: string): StackFrame {
  const regions = [
    { name: "eu-west-1", azCount: 3 },
    { name: "us-east-1", azCount: 2 },
    { name: "ap-southeast-2", azCount: 3 },
  ];
  return {
    environment,
    regions: regions.map((region) => ({ ...region, primary: region.name === primaryRegion })),
    primaryRegion,
    namePrefix: `blueprint-${environment}`,
  };
}

describe("database config: schema", () => {
  it("describes every key without restating its default, and lists the allowed keys per level", () => {
    const settings = [
      ...Object.entries(databaseKeys),
      ...Object.entries(databaseKeys.alarms.keys).map(([key, setting]) => [`alarms.${key}`, setting] as const),
    ];
    assert.deepEqual(
      settings.filter(([, setting]) => setting.description === "").map(([key]) => key),
      [],
    );
    // the default is read off the declaration ("Default: ..." in the schema), never written in the description
    assert.deepEqual(
      settings.filter(([, setting]) => /\bdefault\b/i.test(setting.description)).map(([key]) => key),
      [],
    );
    assert.deepEqual(allowedKeysAt(databaseSection.setting, ["alarms"]), ["cpuPercent", "replicaLagSeconds"]);
    assert.deepEqual(allowedKeysAt(databaseSection.setting, []), [
      "mode",
      "service",
      "engine",
      "engineVersion",
      "instanceClass",
      "instanceCount",
      "secondaryInstanceCount",
      "globalWriteForwarding",
      "databaseName",
      "masterUsername",
      "port",
      "allocatedStorageGiB",
      "maxAllocatedStorageGiB",
      "storageType",
      "multiAz",
      "backupRetentionDays",
      "preferredBackupWindow",
      "preferredMaintenanceWindow",
      "deletionProtection",
      "skipFinalSnapshot",
      "performanceInsightsRetentionDays",
      "monitoringIntervalSeconds",
      "iamAuthentication",
      "caCertificateIdentifier",
      "logExports",
      "rotationDays",
      "readerScaling",
      "shards",
      "activeShards",
      "alarms",
    ]);
  });

  it("accepts a full section and refuses unknown keys and enum values", () => {
    assert.equal(schema.safeParse({ mode: "rds-replicas", service: "rds", engine: "mysql", logExports: ["error"], alarms: { cpuPercent: 70 } }).success, true);
    assert.equal(schema.safeParse({}).success, true);
    const unknown = schema.safeParse({ mode: "global", instanceClas: "db.r7g.large", alarms: { lag: 1 } });
    assert.equal(unknown.success, false);
    assert.deepEqual(unknown.error.issues.map((issue) => [issue.code, issue.path.join(".")]).sort(), [
      ["invalid_value", "mode"],
      ["unrecognized_keys", ""],
      ["unrecognized_keys", "alarms"],
    ]);
    assert.equal(schema.safeParse({ instanceCount: 2.5 }).success, false);
  });

  it("says each key's allowed values and default, from the declaration", () => {
    const described = (key: keyof typeof databaseKeys) => schemaDescription(databaseKeys[key], ENVIRONMENT_FACTS);
    assert.match(
      described("instanceClass"),
      / Default: dev db\.t4g\.medium \(db\.r7g\.large in aurora-global mode\), staging db\.r7g\.large \(db\.m7g\.large in rds-replicas mode\), prod db\.r7g\.large \(db\.m7g\.large in rds-replicas mode\)\.$/,
    );
    assert.match(described("instanceCount"), / Allowed: 1 to 16 instances\. Default: dev 1, staging 2, prod one per AZ of the primary region\.$/);
    assert.match(described("port"), /^Database port\. Allowed: 1150 to 65535\. Default: the engine's standard port \(5432 for PostgreSQL, 3306 for MySQL\)\.$/);
    assert.match(described("backupRetentionDays"), / Allowed: 0 to 35 days\. Default: dev 1, staging 7, prod 35\.$/);
    assert.match(described("monitoringIntervalSeconds"), / Allowed: one of 0, 1, 5, 10, 15, 30, 60 seconds\. Default: dev 0, staging 60, prod 30\.$/);
  });
});

describe("database config: defaults and resolution", () => {
  it("dev: one Aurora PostgreSQL burstable instance in one region, one day of backups, disposable", () => {
    assert.deepEqual(resolved(undefined, "dev", 1), {
      mode: "single-region",
      service: "aurora",
      engine: "postgresql",
      engineVersion: "16.6",
      instanceClass: "db.t4g.medium",
      instanceCount: 1,
      secondaryInstanceCount: 1,
      globalWriteForwarding: true,
      databaseName: "app",
      masterUsername: "appowner",
      port: 5432,
      allocatedStorageGiB: 20,
      maxAllocatedStorageGiB: 100,
      storageType: "gp3",
      multiAz: false,
      backupRetentionDays: 1,
      preferredBackupWindow: "03:00-04:00",
      preferredMaintenanceWindow: "sun:05:00-sun:06:00",
      deletionProtection: false,
      skipFinalSnapshot: true,
      performanceInsightsRetentionDays: 7,
      monitoringIntervalSeconds: 0,
      iamAuthentication: true,
      logExports: ["postgresql"],
      alarms: { cpuPercent: 80, replicaLagSeconds: 60 },
      rotationDays: 0,
      readerScaling: { enabled: false, maxReaders: 1, targetCpuPercent: 70 },
      shards: 1,
    });
  });

  it("staging: a global database of db.r7g.large, two instances in the primary, one per secondary, 7 days, protected", () => {
    const settings = resolved({}, "staging", 2);
    assert.deepEqual(
      [
        settings.mode,
        settings.instanceClass,
        settings.instanceCount,
        settings.secondaryInstanceCount,
        settings.backupRetentionDays,
        settings.deletionProtection,
        settings.skipFinalSnapshot,
      ],
      ["aurora-global", "db.r7g.large", 2, 1, 7, true, false],
    );
  });

  it("prod: one instance per AZ of the primary region, two per secondary, 35 days, final snapshot kept", () => {
    const settings = resolved({}, "prod", 3);
    assert.deepEqual(
      [
        settings.mode,
        settings.instanceClass,
        settings.instanceCount,
        settings.secondaryInstanceCount,
        settings.backupRetentionDays,
        settings.deletionProtection,
        settings.skipFinalSnapshot,
      ],
      ["aurora-global", "db.r7g.large", 3, 2, 35, true, false],
    );
    // the primary region's AZs count, not the first region's or the most
    assert.equal(resolveSection(databaseSection, undefined, unevenRegions("prod", "us-east-1")).instanceCount, 2);
    assert.equal(resolveSection(databaseSection, undefined, unevenRegions("prod", "eu-west-1")).instanceCount, 3);
    // only prod follows the AZs
    assert.equal(resolveSection(databaseSection, undefined, unevenRegions("staging", "us-east-1")).instanceCount, 2);
    assert.equal(resolveSection(databaseSection, undefined, unevenRegions("staging", "eu-west-1")).instanceCount, 2);
  });

  it("follows the written mode and engine with the service, class, version, port and logs that fit them", () => {
    const replicas = resolved({ mode: "rds-replicas", engine: "mysql" }, "prod", 3);
    assert.deepEqual(
      [replicas.service, replicas.instanceClass, replicas.engineVersion, replicas.port, replicas.logExports],
      ["rds", "db.m7g.large", "8.4.5", 3306, ["error", "slowquery"]],
    );
    const global = resolved({ mode: "aurora-global" }, "dev", 2);
    assert.equal(global.instanceClass, "db.r7g.large");
    const auroraMysql = resolved({ engine: "mysql" }, "prod", 3);
    assert.deepEqual(
      [auroraMysql.service, auroraMysql.engineVersion, auroraMysql.port, auroraMysql.logExports],
      ["aurora", "8.0.mysql_aurora.3.08.0", 3306, ["error", "slowquery"]],
    );
    const rdsPostgres = resolved({ mode: "rds-replicas" }, "staging", 2);
    assert.deepEqual([rdsPostgres.engineVersion, rdsPostgres.port, rdsPostgres.logExports], ["16.6", 5432, ["postgresql", "upgrade"]]);
  });

  it("falls back to defaults for values of the wrong type or outside an enum (the schema reports them)", () => {
    const settings = resolved({ instanceCount: "3", mode: "global", alarms: { cpuPercent: "high" }, logExports: "postgresql" }, "prod", 3);
    assert.deepEqual([settings.instanceCount, settings.mode, settings.alarms.cpuPercent, settings.logExports], [3, "aurora-global", 80, ["postgresql"]]);
    assert.deepEqual(resolved({ logExports: ["postgresql", 7] }, "prod", 3).logExports, ["postgresql"]);
    assert.deepEqual(resolved("aurora", "prod", 3), resolved(undefined, "prod", 3));
  });

  it("leaves the certificate authority to RDS unless the stack pins one of the three current ones", () => {
    assert.equal(resolved(undefined, "prod", 3).caCertificateIdentifier, undefined);
    assert.equal(resolved({ caCertificateIdentifier: "rds-ca-ecc384-g1" }, "prod", 3).caCertificateIdentifier, "rds-ca-ecc384-g1");
    // rds-ca-2019 expired in August 2024: the schema refuses it, naming the allowed ones
    const expired = schema.safeParse({ caCertificateIdentifier: "rds-ca-2019" });
    assert.equal(expired.success, false);
    assert.deepEqual(
      expired.error.issues.map((issue) => [issue.code, issue.path.join(".")]),
      [["invalid_value", "caCertificateIdentifier"]],
    );
    assert.match(
      schemaDescription(databaseKeys.caCertificateIdentifier, ENVIRONMENT_FACTS),
      / Default: RDS's default for new instances in the region \(rds-ca-rsa2048-g1 today\)\.$/,
    );
  });

  it("gives every resolution its own list of logs, never the engine table's", () => {
    const first = resolved(undefined, "prod", 3);
    assert.notEqual(first.logExports, DEFAULT_LOG_EXPORTS["aurora-postgresql"]);
    assert.notEqual(first.logExports, resolved(undefined, "prod", 3).logExports);
  });
});

describe("database config: rules on the effective values", () => {
  it("accepts every environment's defaults for the regions it runs in", () => {
    assert.deepEqual(lines(undefined, "dev", 1), []);
    assert.deepEqual(lines({}, "staging", 2), []);
    assert.deepEqual(lines({}, "staging", 1), []);
    assert.deepEqual(lines({}, "prod", 3), []);
  });

  it("names a burstable class on a global database, without repeating the value", () => {
    assert.deepEqual(lines({ instanceClass: "db.t4g.medium" }, "prod", 3), [
      "blueprint:database.instanceClass: db.t4g.medium is a burstable class; an Aurora global database only runs memory-optimised classes (db.r5 and newer r classes, db.x2g), e.g. db.r7g.large; burstable classes are allowed in single-region mode only",
    ]);
  });

  it("reports a default that clashes with the stack: dev's single-region database in two regions", () => {
    assert.deepEqual(lines(undefined, "dev", 2), [
      "blueprint:database.mode: is single-region but the stack runs in 2 regions (eu-west-1, us-east-1); the other regions' tiers could not reach a database in one region: use aurora-global (Aurora) or rds-replicas (RDS)",
    ]);
  });

  it("points list problems at the item and nested problems at the nested key", () => {
    assert.deepEqual(
      sectionIssues(databaseSection, { logExports: ["postgresql", "general"], alarms: { replicaLagSeconds: 0 } }, at("prod", 3)).map((issue) => [
        issue.path,
        issue.showValue,
      ]),
      [
        [["database", "logExports", 1], false],
        [["database", "alarms", "replicaLagSeconds"], false],
      ],
    );
  });

  it("reports every problem at once, each at its key", () => {
    assert.deepEqual(lines({ engineVersion: "13.4", port: 80, logExports: ["postgresql", "postgresql"], alarms: { cpuPercent: 150 } }, "staging", 2), [
      "blueprint:database.engineVersion: 13.4 is aurora-postgresql 13, which is not in AWS standard support; use major 14, 15, 16, 17 (e.g. 16.6)",
      "blueprint:database.port: must be a whole number from 1150 to 65535; got 80",
      'blueprint:database.logExports[1]: "postgresql" is listed twice',
      "blueprint:database.alarms.cpuPercent: must be above 0 and at most 100 percent; got 150",
    ]);
  });

  it("puts problems of names derived from the project and stack at the section", () => {
    const issues = sectionIssues(databaseSection, {}, at("dev", 1, { namePrefix: "9lives-dev" }));
    assert.ok(issues.length > 0);
    for (const issue of issues) assert.deepEqual(issue.path, ["database"]);
    assert.match(issues[0].message, /^the identifier "9lives-dev-eu-west-1" does not start with a lowercase letter/);
  });

  it("without a known environment, reports only problems at keys the stack file writes", () => {
    assert.deepEqual(lines({ port: 80, instanceClass: "db.t4g.medium" }, undefined, 3), [
      "blueprint:database.port: must be a whole number from 1150 to 65535; got 80",
    ]);
    // the stand-in's single-region default in three regions is the environment's to decide
    assert.deepEqual(lines(undefined, undefined, 3), []);
    assert.deepEqual(lines({ mode: "single-region" }, undefined, 3), [
      "blueprint:database.mode: is single-region but the stack runs in 3 regions (eu-west-1, us-east-1, ap-southeast-2); the other regions' tiers could not reach a database in one region: use aurora-global (Aurora) or rds-replicas (RDS)",
    ]);
  });

  it("leaves a section of the wrong shape to the schema", () => {
    assert.deepEqual(sectionIssues(databaseSection, "aurora", at("prod", 3)), []);
  });
});

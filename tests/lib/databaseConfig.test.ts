import * as assert from "node:assert/strict";
import { z } from "zod";
import { formatIssue } from "../../infra/configIssues";
import { checkDatabase, DATABASE_NESTED_KEYS, DATABASE_PROFILES, databaseSchema, resolveDatabase } from "../../infra/databaseConfig";
import type { Environment } from "../../infra/profiles";
import type { SectionContext } from "../../infra/sectionContext";

const REGIONS = [
  { name: "eu-west-1", azCount: 3, primary: true },
  { name: "us-east-1", azCount: 2, primary: false },
  { name: "ap-southeast-2", azCount: 3, primary: false },
];

function context(environment: Environment | undefined, regionCount: number): SectionContext {
  const regions = REGIONS.slice(0, regionCount);
  return { ...(environment ? { environment } : {}), regions, primaryRegion: "eu-west-1", namePrefix: `blueprint-${environment ?? "x"}` };
}
const resolved = (raw: unknown, environment: Environment, regionCount: number) => resolveDatabase(raw, { ...context(environment, regionCount), environment });
const lines = (raw: Record<string, unknown> | undefined, ctx: SectionContext) => checkDatabase(raw, ctx).map((issue) => formatIssue(issue, { database: raw }));

describe("database config: schema", () => {
  it("describes every key, and lists the allowed keys per sub-path", () => {
    const alarms = (databaseSchema.shape.alarms.unwrap() as z.ZodObject).shape;
    const undocumented = [...Object.entries(databaseSchema.shape), ...Object.entries(alarms)].filter(([, schema]) => !(schema as z.ZodType).description);
    assert.deepEqual(undocumented.map(([key]) => key), []);
    assert.deepEqual(DATABASE_NESTED_KEYS.alarms, ["cpuPercent", "replicaLagSeconds"]);
    assert.ok(DATABASE_NESTED_KEYS[""]!.includes("secondaryInstanceCount"));
  });

  it("accepts a full section and refuses unknown keys and enum values", () => {
    assert.equal(databaseSchema.safeParse({ mode: "rds-replicas", service: "rds", engine: "mysql", logExports: ["error"], alarms: { cpuPercent: 70 } }).success, true);
    const unknown = databaseSchema.safeParse({ mode: "global", instanceClas: "db.r7g.large", alarms: { lag: 1 } });
    assert.equal(unknown.success, false);
    assert.deepEqual(unknown.error!.issues.map((issue) => [issue.code, issue.path.join(".")]).sort(), [
      ["invalid_value", "mode"],
      ["unrecognized_keys", ""],
      ["unrecognized_keys", "alarms"],
    ]);
  });
});

describe("database config: profiles", () => {
  it("dev: one Aurora PostgreSQL burstable instance in one region, one day of backups, disposable", () => {
    assert.deepEqual(resolved(undefined, "dev", 1), {
      mode: "single-region",
      service: "aurora",
      engine: "postgresql",
      engineVersion: "16.6",
      instanceClass: "db.t4g.medium",
      instanceCount: 1,
      secondaryInstanceCount: 1,
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
    });
  });

  it("staging: a global database of db.r7g.large, two instances in the primary, one per secondary, 7 days, protected", () => {
    const settings = resolved({}, "staging", 2);
    assert.deepEqual(
      [settings.mode, settings.instanceClass, settings.instanceCount, settings.secondaryInstanceCount, settings.backupRetentionDays, settings.deletionProtection, settings.skipFinalSnapshot],
      ["aurora-global", "db.r7g.large", 2, 1, 7, true, false],
    );
  });

  it("prod: one instance per AZ of the primary region, two per secondary, 35 days, final snapshot kept", () => {
    const settings = resolved({}, "prod", 3);
    assert.deepEqual(
      [settings.mode, settings.instanceClass, settings.instanceCount, settings.secondaryInstanceCount, settings.backupRetentionDays, settings.deletionProtection, settings.skipFinalSnapshot],
      ["aurora-global", "db.r7g.large", 3, 2, 35, true, false],
    );
    assert.equal(DATABASE_PROFILES.prod.instanceCount, "azCount");
  });

  it("follows the written mode and engine with the service, class, version, port and logs that fit them", () => {
    const replicas = resolved({ mode: "rds-replicas", engine: "mysql" }, "prod", 3);
    assert.deepEqual(
      [replicas.service, replicas.instanceClass, replicas.engineVersion, replicas.port, replicas.logExports],
      ["rds", "db.m7g.large", "8.4.5", 3306, ["error", "slowquery"]],
    );
    const global = resolved({ mode: "aurora-global" }, "dev", 2);
    assert.equal(global.instanceClass, "db.r7g.large");
  });

  it("falls back to defaults for values of the wrong type or outside an enum (the schema reports them)", () => {
    const settings = resolved({ instanceCount: "3", mode: "global", alarms: { cpuPercent: "high" }, logExports: "postgresql" }, "prod", 3);
    assert.deepEqual([settings.instanceCount, settings.mode, settings.alarms.cpuPercent, settings.logExports], [3, "aurora-global", 80, ["postgresql"]]);
  });
});

describe("database config: rules on the effective values", () => {
  it("accepts every environment's defaults for the regions it runs in", () => {
    assert.deepEqual(lines(undefined, context("dev", 1)), []);
    assert.deepEqual(lines({}, context("staging", 2)), []);
    assert.deepEqual(lines({}, context("staging", 1)), []);
    assert.deepEqual(lines({}, context("prod", 3)), []);
  });

  it("names a burstable class on a global database, without repeating the value", () => {
    assert.deepEqual(lines({ instanceClass: "db.t4g.medium" }, context("prod", 3)), [
      "blueprint:database.instanceClass: db.t4g.medium is a burstable class; an Aurora global database only runs memory-optimised classes (db.r5 and newer r classes, db.x2g), e.g. db.r7g.large; burstable classes are allowed in single-region mode only",
    ]);
  });

  it("reports a default that clashes with the stack: dev's single-region database in two regions", () => {
    assert.deepEqual(lines(undefined, context("dev", 2)), [
      "blueprint:database.mode: is single-region but the stack runs in 2 regions (eu-west-1, us-east-1); the other regions' tiers could not reach a database in one region: use aurora-global (Aurora) or rds-replicas (RDS)",
    ]);
  });

  it("points list problems at the item and nested problems at the nested key", () => {
    assert.deepEqual(
      checkDatabase({ logExports: ["postgresql", "general"], alarms: { replicaLagSeconds: 0 } }, context("prod", 3)).map((issue) => [issue.path, issue.showValue]),
      [
        [["database", "logExports", 1], false],
        [["database", "alarms", "replicaLagSeconds"], false],
      ],
    );
  });

  it("puts problems of names derived from the project and stack at the section", () => {
    const issues = checkDatabase({}, { ...context("dev", 1), namePrefix: "9lives-dev" });
    assert.ok(issues.length > 0);
    for (const issue of issues) assert.deepEqual(issue.path, ["database"]);
    assert.match(issues[0]!.message, /^the identifier "9lives-dev-eu-west-1" does not start with a lowercase letter/);
  });

  it("without a known environment, reports only problems at keys the stack file writes", () => {
    assert.deepEqual(lines({ port: 80, instanceClass: "db.t4g.medium" }, context(undefined, 3)), ["blueprint:database.port: must be a whole number from 1150 to 65535; got 80"]);
    assert.deepEqual(checkDatabase("aurora", context("prod", 3)), []);
  });
});

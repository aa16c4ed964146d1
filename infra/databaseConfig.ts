/**
 * The `database` section of the stack config: its shape, the per-environment defaults, how they
 * fill in a stack file's values, and the RDS/Aurora rules the effective values must satisfy,
 * reported per key path.
 */
import { z } from "zod";
import {
  BACKUP_RETENTION_DAYS,
  DATABASE_ENGINES,
  DATABASE_MODES,
  DATABASE_SERVICES,
  databaseSettingsProblems,
  defaultPort,
  GP3_STORAGE_GIB,
  MAX_GLOBAL_SECONDARY_REGIONS,
  MONITORING_INTERVALS,
  STORAGE_TYPES,
  type DatabaseAlarmThresholds,
  type DatabaseEngine,
  type DatabaseMode,
  type DatabaseService,
  type DatabaseSettings,
  type StorageType,
} from "../components/database/lib/databaseRules";
import { DEFAULT_ENGINE_VERSIONS, rdsEngineName } from "../components/database/lib/engines";
import { DEFAULT_LOG_EXPORTS } from "../components/database/lib/parameters";
import type { ConfigIssue } from "./configIssues";
import type { Environment } from "./profiles";
import type { SectionContext } from "./sectionContext";

/** The database settings after defaults: exactly what the database components take. */
export type DatabaseConfig = DatabaseSettings;

const int = (description: string) => z.number().int().optional().describe(description);

/** Alarm thresholds of the database. */
const databaseAlarmsSchema = z
  .strictObject({
    cpuPercent: z.number().optional().describe("Alarm when an instance's average CPU stays above this for 15 minutes, above 0 to 100 percent. Default 80."),
    replicaLagSeconds: int(
      "Alarm when a secondary region lags for 5 minutes by more than this (AuroraGlobalDBReplicationLag or ReplicaLag), 1 to 86400 seconds. Default 60.",
    ),
  })
  .describe("Database alarm thresholds; every region's alarms notify its alarm topic.");

/** The `database` section. */
export const databaseSchema = z
  .strictObject({
    mode: z
      .enum(DATABASE_MODES)
      .optional()
      .describe(
        `aurora-global: an Aurora global database (writer cluster in the primary region, a read-only cluster in each other region, at most ${MAX_GLOBAL_SECONDARY_REGIONS} secondary regions); rds-replicas: a Multi-AZ RDS instance in the primary region and a cross-region read replica in each other region; single-region: one cluster or instance, for one-region stacks only. Default: dev single-region, staging and prod aurora-global.`,
      ),
    service: z
      .enum(DATABASE_SERVICES)
      .optional()
      .describe("aurora (a cluster) or rds (a DB instance). aurora-global needs aurora, rds-replicas needs rds. Default: rds in rds-replicas mode, else aurora."),
    engine: z.enum(DATABASE_ENGINES).optional().describe("postgresql or mysql. Default postgresql."),
    engineVersion: z
      .string()
      .optional()
      .describe(
        `Full engine version: Aurora PostgreSQL 14-17 (e.g. ${DEFAULT_ENGINE_VERSIONS["aurora-postgresql"]}), Aurora MySQL 3 (e.g. ${DEFAULT_ENGINE_VERSIONS["aurora-mysql"]}), RDS PostgreSQL 14-17, RDS MySQL 8.0/8.4. A global database needs Aurora PostgreSQL 14.3/15.2/16.1/17.4 or Aurora MySQL 3.01.0 and later. Default: ${DEFAULT_ENGINE_VERSIONS["aurora-postgresql"]} (Aurora PostgreSQL), ${DEFAULT_ENGINE_VERSIONS["aurora-mysql"]}, ${DEFAULT_ENGINE_VERSIONS.postgres} (RDS PostgreSQL), ${DEFAULT_ENGINE_VERSIONS.mysql} (RDS MySQL).`,
      ),
    instanceClass: z
      .string()
      .optional()
      .describe(
        "db.<family>.<size>, the same in every region. aurora-global allows memory-optimised classes only (db.r5 and newer r, db.x2g); Aurora runs burstable classes (db.t3/db.t4g medium or large) in single-region mode only. Default: dev db.t4g.medium (single-region/rds-replicas) or db.r7g.large (aurora-global); staging and prod db.r7g.large (db.m7g.large for rds-replicas).",
      ),
    instanceCount: int(
      "Aurora: instances in the primary region's cluster (a writer and readers, spread over the AZs), 1 to 16 less one per secondary region. Default: dev 1, staging 2, prod one per AZ of the primary region.",
    ),
    secondaryInstanceCount: int("aurora-global: instances in each secondary region's cluster, 1 to 16 (the region's tiers read from them). Default: staging 1, prod 2."),
    databaseName: z.string().optional().describe("Database created on the writer: a letter, then letters, digits or _, up to 63 (PostgreSQL) or 64 (MySQL); not a reserved word or a system database. Default app."),
    masterUsername: z
      .string()
      .optional()
      .describe("Master user: a letter, then letters, digits or _, up to 16 (Aurora), 63 (RDS PostgreSQL) or 32 (RDS MySQL); not rdsadmin, not admin on PostgreSQL, not a reserved word. Default appowner."),
    port: int("Database port, 1150 to 65535. Default 5432 (PostgreSQL) or 3306 (MySQL)."),
    allocatedStorageGiB: int(`RDS: initial gp3 storage, ${GP3_STORAGE_GIB.min} to ${GP3_STORAGE_GIB.max} GiB. Default: dev 20, staging and prod 100.`),
    maxAllocatedStorageGiB: int("RDS: storage autoscaling ceiling, 0 (off) or at least 10% above allocatedStorageGiB, up to 65536 GiB. Default: dev 100, staging 500, prod 1000."),
    storageType: z.enum(STORAGE_TYPES).optional().describe("RDS storage type. Default gp3."),
    multiAz: z.boolean().optional().describe("RDS: a synchronous standby in another AZ, for every region's instance. Default: dev false, staging and prod true."),
    backupRetentionDays: int(
      `Days of automated backups and point-in-time recovery, ${BACKUP_RETENTION_DAYS.min} to ${BACKUP_RETENTION_DAYS.max} (0, no backups, only for a single-region RDS instance). Default: dev 1, staging 7, prod 35.`,
    ),
    preferredBackupWindow: z.string().optional().describe('Daily backup window, hh24:mi-hh24:mi UTC, at least 30 minutes, apart from the maintenance window. Default "03:00-04:00".'),
    preferredMaintenanceWindow: z
      .string()
      .optional()
      .describe('Weekly maintenance window, ddd:hh24:mi-ddd:hh24:mi UTC, at least 30 minutes. Default "sun:05:00-sun:06:00".'),
    deletionProtection: z.boolean().optional().describe("Deletion protection on the clusters, instances and global cluster. Default: dev false, staging and prod true."),
    skipFinalSnapshot: z.boolean().optional().describe("Delete without a final snapshot (named <identifier>-final otherwise). Default: dev true, staging and prod false."),
    performanceInsightsRetentionDays: int(
      "Performance Insights retention: 0 (off), 7 (free), a multiple of 31 up to 713, or 731; MySQL engines have none on the smallest burstable classes. Default 7.",
    ),
    monitoringIntervalSeconds: int(`Enhanced monitoring interval, one of ${MONITORING_INTERVALS.join(", ")} seconds (0 = off). Default: dev 0, staging 60, prod 30.`),
    iamAuthentication: z.boolean().optional().describe("IAM database authentication. Default true."),
    logExports: z
      .array(z.string())
      .optional()
      .describe(
        "Logs exported to CloudWatch Logs: postgresql (and upgrade on RDS) for PostgreSQL; error, slowquery, general (and audit on Aurora) for MySQL. Default: postgresql (+ upgrade on RDS); error and slowquery for MySQL.",
      ),
    alarms: databaseAlarmsSchema.optional().describe("Database alarm thresholds (instance CPU, replication lag of secondary regions); every region's alarms notify its alarm topic."),
  })
  .describe("The relational database: an Aurora global database, RDS with cross-region replicas, or one cluster or instance; encrypted with each region's key, TLS required.");

/** Allowed keys per sub-path of the section ("" is the top level). */
export const DATABASE_NESTED_KEYS: Readonly<Record<string, string[]>> = {
  "": Object.keys(databaseSchema.shape),
  alarms: Object.keys(databaseAlarmsSchema.shape),
};

/** The database defaults of one environment. */
export interface DatabaseProfile {
  readonly mode: DatabaseMode;
  /** The default class per effective mode, so that changing only the mode keeps a valid class. */
  readonly instanceClasses: Readonly<Record<DatabaseMode, string>>;
  /** `"azCount"`: one instance per AZ of the primary region. */
  readonly instanceCount: number | "azCount";
  readonly secondaryInstanceCount: number;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  readonly skipFinalSnapshot: boolean;
  readonly performanceInsightsRetentionDays: number;
  readonly monitoringIntervalSeconds: number;
}

/** Defaults that do not depend on the environment. */
export const DATABASE_DEFAULTS = {
  engine: "postgresql" as DatabaseEngine,
  databaseName: "app",
  // valid on every engine (letters only, at most 16), not reserved (admin is on PostgreSQL), and not
  // one of the well-known defaults (admin, postgres, root, dbadmin...) credential stuffing tries first
  masterUsername: "appowner",
  storageType: "gp3" as StorageType,
  // 03:00 UTC daily, maintenance on Sunday 05:00: quiet hours in Europe and the Americas, and apart
  // so that RDS accepts them (the windows must not overlap)
  preferredBackupWindow: "03:00-04:00",
  preferredMaintenanceWindow: "sun:05:00-sun:06:00",
  // the free tier: 7 days of history at no cost
  performanceInsightsRetentionDays: 7,
  iamAuthentication: true,
  alarms: {
    // sustained 80% leaves headroom for vacuum, backups and failover catch-up
    cpuPercent: 80,
    // Aurora global replication normally lags under a second and RDS replicas a few seconds; a
    // minute means replication is in trouble and the region's readers serve stale data
    replicaLagSeconds: 60,
  } satisfies DatabaseAlarmThresholds,
} as const;

/** The database defaults of each environment. */
export const DATABASE_PROFILES: Readonly<Record<Environment, DatabaseProfile>> = {
  dev: {
    // dev runs one region: one small cluster, no replication to pay for
    mode: "single-region",
    // burstable is enough for development (and Aurora allows it outside global databases)
    instanceClasses: { "single-region": "db.t4g.medium", "aurora-global": "db.r7g.large", "rds-replicas": "db.t4g.medium" },
    instanceCount: 1,
    secondaryInstanceCount: 1,
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 100,
    multiAz: false,
    // one day of point-in-time recovery; Aurora does not allow none
    backupRetentionDays: 1,
    deletionProtection: false,
    // dev databases are disposable; a final snapshot per teardown would pile up
    skipFinalSnapshot: true,
    performanceInsightsRetentionDays: DATABASE_DEFAULTS.performanceInsightsRetentionDays,
    // enhanced monitoring bills CloudWatch Logs; dev does without
    monitoringIntervalSeconds: 0,
  },
  staging: {
    // rehearses prod's global database and its switchover
    mode: "aurora-global",
    instanceClasses: { "single-region": "db.r7g.large", "aurora-global": "db.r7g.large", "rds-replicas": "db.m7g.large" },
    // a writer and a reader, so that a failover inside the region can be rehearsed
    instanceCount: 2,
    // one reader per secondary region serves its tiers
    secondaryInstanceCount: 1,
    allocatedStorageGiB: 100,
    maxAllocatedStorageGiB: 500,
    multiAz: true,
    backupRetentionDays: 7,
    deletionProtection: true,
    skipFinalSnapshot: false,
    performanceInsightsRetentionDays: DATABASE_DEFAULTS.performanceInsightsRetentionDays,
    monitoringIntervalSeconds: 60,
  },
  prod: {
    mode: "aurora-global",
    instanceClasses: { "single-region": "db.r7g.large", "aurora-global": "db.r7g.large", "rds-replicas": "db.m7g.large" },
    // one instance per AZ of the primary region: losing an AZ leaves a writer or a promotable reader
    instanceCount: "azCount",
    // two per secondary region: a promoted region starts with a writer and a reader
    secondaryInstanceCount: 2,
    allocatedStorageGiB: 100,
    maxAllocatedStorageGiB: 1000,
    multiAz: true,
    // the longest point-in-time recovery AWS offers
    backupRetentionDays: 35,
    deletionProtection: true,
    skipFinalSnapshot: false,
    performanceInsightsRetentionDays: DATABASE_DEFAULTS.performanceInsightsRetentionDays,
    monitoringIntervalSeconds: 30,
  },
};

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === "number";
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const pick = <T>(value: unknown, guard: (v: unknown) => v is T, fallback: T): T => (guard(value) ? value : fallback);
/** An enum value, or the fallback when the value is not one (zod reports it). */
const pickEnum = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  isString(value) && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

/** The primary region's AZ count (the first region's when none is marked), for `"azCount"`. */
function primaryAzCount(ctx: SectionContext): number {
  const primary = ctx.regions.find((region) => region.name === ctx.primaryRegion) ?? ctx.regions[0];
  return primary?.azCount ?? 1;
}

/**
 * The database settings of a stack: the section's values over the environment's profile. Tolerant
 * of wrong types and unknown enum values (they fall back to the default; the schema reports them).
 */
export function resolveDatabase(raw: unknown, ctx: SectionContext & { readonly environment: Environment }): DatabaseConfig {
  const profile = DATABASE_PROFILES[ctx.environment];
  const db = isObject(raw) ? raw : {};
  const alarms = isObject(db.alarms) ? db.alarms : {};
  const mode = pickEnum(db.mode, DATABASE_MODES, profile.mode);
  const service = pickEnum<DatabaseService>(db.service, DATABASE_SERVICES, mode === "rds-replicas" ? "rds" : "aurora");
  const engine = pickEnum(db.engine, DATABASE_ENGINES, DATABASE_DEFAULTS.engine);
  const rdsEngine = rdsEngineName(service, engine);
  return {
    mode,
    service,
    engine,
    engineVersion: pick(db.engineVersion, isString, DEFAULT_ENGINE_VERSIONS[rdsEngine]),
    instanceClass: pick(db.instanceClass, isString, profile.instanceClasses[mode]),
    instanceCount: pick(db.instanceCount, isNumber, profile.instanceCount === "azCount" ? primaryAzCount(ctx) : profile.instanceCount),
    secondaryInstanceCount: pick(db.secondaryInstanceCount, isNumber, profile.secondaryInstanceCount),
    databaseName: pick(db.databaseName, isString, DATABASE_DEFAULTS.databaseName),
    masterUsername: pick(db.masterUsername, isString, DATABASE_DEFAULTS.masterUsername),
    port: pick(db.port, isNumber, defaultPort(engine)),
    allocatedStorageGiB: pick(db.allocatedStorageGiB, isNumber, profile.allocatedStorageGiB),
    maxAllocatedStorageGiB: pick(db.maxAllocatedStorageGiB, isNumber, profile.maxAllocatedStorageGiB),
    storageType: pickEnum(db.storageType, STORAGE_TYPES, DATABASE_DEFAULTS.storageType),
    multiAz: pick(db.multiAz, isBoolean, profile.multiAz),
    backupRetentionDays: pick(db.backupRetentionDays, isNumber, profile.backupRetentionDays),
    preferredBackupWindow: pick(db.preferredBackupWindow, isString, DATABASE_DEFAULTS.preferredBackupWindow),
    preferredMaintenanceWindow: pick(db.preferredMaintenanceWindow, isString, DATABASE_DEFAULTS.preferredMaintenanceWindow),
    deletionProtection: pick(db.deletionProtection, isBoolean, profile.deletionProtection),
    skipFinalSnapshot: pick(db.skipFinalSnapshot, isBoolean, profile.skipFinalSnapshot),
    performanceInsightsRetentionDays: pick(db.performanceInsightsRetentionDays, isNumber, profile.performanceInsightsRetentionDays),
    monitoringIntervalSeconds: pick(db.monitoringIntervalSeconds, isNumber, profile.monitoringIntervalSeconds),
    iamAuthentication: pick(db.iamAuthentication, isBoolean, DATABASE_DEFAULTS.iamAuthentication),
    logExports: pick(db.logExports, isStringArray, [...DEFAULT_LOG_EXPORTS[rdsEngine]]),
    alarms: {
      cpuPercent: pick(alarms.cpuPercent, isNumber, DATABASE_DEFAULTS.alarms.cpuPercent),
      replicaLagSeconds: pick(alarms.replicaLagSeconds, isNumber, DATABASE_DEFAULTS.alarms.replicaLagSeconds),
    },
  };
}

/** Whether the stack file writes the key a problem's field points at (`alarms.cpuPercent`, `logExports.2`). */
function written(raw: unknown, field: string): boolean {
  let current: unknown = raw;
  for (const part of field.split(".")) {
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<string, unknown>)[part];
  }
  return current !== undefined;
}

/**
 * Every problem of the section, on the effective values: a default that clashes with a written
 * value (or with the stack's regions) is reported, at the key the rule is about. Without a known
 * environment the dev profile stands in and only problems at written keys are reported (the
 * others would be about defaults the environment decides). Paths start with `database`; every
 * message names the value it is about, which may be a default the file does not show.
 */
export function checkDatabase(raw: unknown, ctx: SectionContext): ConfigIssue[] {
  if (raw !== undefined && !isObject(raw)) return [];
  const settings = resolveDatabase(raw, { ...ctx, environment: ctx.environment ?? "dev" });
  const regions = ctx.regions.map((region) => region.name);
  const problems = databaseSettingsProblems(settings, {
    regions,
    primaryRegion: ctx.primaryRegion ?? regions[0] ?? "",
    namePrefix: ctx.namePrefix,
  });
  return problems
    .filter((problem) => ctx.environment !== undefined || written(raw, problem.field))
    .map((problem) => ({
      // derived names are about the project and stack names, not a key of the section
      path: ["database", ...(problem.field === "namePrefix" ? [] : problem.field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)))],
      message: problem.message,
      showValue: false,
    }));
}

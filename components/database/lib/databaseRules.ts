/**
 * The database settings of a stack (defaults applied) and every AWS rule they must satisfy,
 * checked offline before any resource is declared: mode and service combinations, the Aurora
 * global database's limits (secondary regions, memory-optimised classes, engine versions),
 * instance classes, credentials, backup and maintenance windows, Performance Insights, enhanced
 * monitoring, storage, ports, log exports and the derived identifiers.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
import type { FieldProblem } from "../../lib/ranges";
import { databaseNameProblem, masterUsernameProblem } from "./credentials";
import {
  DATABASE_ENGINES,
  DATABASE_SERVICES,
  GLOBAL_DATABASE_UNSUPPORTED_REGIONS,
  globalDatabaseVersionProblem,
  instanceClassVersionProblem,
  parseEngineVersion,
  parseInstanceClass,
  performanceInsightsSupported,
  rdsEngineName,
  type DatabaseEngine,
  type DatabaseService,
} from "./engines";
import { globalClusterIdentifier, MAX_AURORA_INSTANCES, MAX_IDENTIFIER_LENGTH, rdsNameProblem, regionalDatabaseNames, regionalNameProblems } from "./naming";
import { LOG_EXPORTS } from "./parameters";
import { parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from "./windows";

export type { FieldProblem } from "../../lib/ranges";
export { DATABASE_ENGINES, DATABASE_SERVICES, defaultPort, type DatabaseEngine, type DatabaseService } from "./engines";
export { masterPasswordRules, type MasterPasswordRules } from "./credentials";

/**
 * How the database spans the stack's regions.
 * - `aurora-global`: an Aurora global database, a writer cluster in the primary region and a
 *   read-only secondary cluster in every other region (storage-level replication, typically under
 *   a second of lag, managed switchover and failover).
 * - `rds-replicas`: a Multi-AZ RDS instance in the primary region and a cross-region read replica
 *   in every other region (engine replication; a promotion breaks replication for good).
 * - `single-region`: one Aurora cluster or RDS instance in the only region of the stack.
 */
export const DATABASE_MODES = ["aurora-global", "rds-replicas", "single-region"] as const;

/** One of `DATABASE_MODES`. */
export type DatabaseMode = (typeof DATABASE_MODES)[number];

/** Storage types of RDS instances (Aurora manages its own storage). */
export const STORAGE_TYPES = ["gp3"] as const;

/** One of `STORAGE_TYPES`. */
export type StorageType = (typeof STORAGE_TYPES)[number];

/** A region's part in the database: the writer's region or a replica region. */
export type DatabaseRole = "primary" | "secondary";

/** Alarm thresholds of the database. */
export interface DatabaseAlarmThresholds {
  /** Average CPU of an instance over 15 minutes, in percent, above which the alarm fires. */
  readonly cpuPercent: number;
  /** Replication lag of a secondary region, in seconds, above which the alarm fires. */
  readonly replicaLagSeconds: number;
}

/** Everything a region's database member needs, defaults applied. */
export interface DatabaseSettings {
  readonly mode: DatabaseMode;
  readonly service: DatabaseService;
  readonly engine: DatabaseEngine;
  /** Full engine version, e.g. `16.6` or `8.0.mysql_aurora.3.08.0`. */
  readonly engineVersion: string;
  /** e.g. `db.r7g.large`; the same class in every region. */
  readonly instanceClass: string;
  /** Aurora: instances of the primary (or only) cluster, writer included, spread over the AZs. RDS: ignored. */
  readonly instanceCount: number;
  /** aurora-global: instances of each secondary cluster (at least one, for the region's readers). */
  readonly secondaryInstanceCount: number;
  /** Database created on the writer. */
  readonly databaseName: string;
  readonly masterUsername: string;
  readonly port: number;
  /** RDS: initial storage (gp3), in GiB. */
  readonly allocatedStorageGiB: number;
  /** RDS: storage autoscaling ceiling in GiB; 0 turns autoscaling off. */
  readonly maxAllocatedStorageGiB: number;
  readonly storageType: StorageType;
  /** RDS: a synchronous standby in another AZ (Aurora spreads its instances instead). */
  readonly multiAz: boolean;
  /** Days of automated backups and point-in-time recovery. */
  readonly backupRetentionDays: number;
  /** Daily backup window, `hh24:mi-hh24:mi` UTC. */
  readonly preferredBackupWindow: string;
  /** Weekly maintenance window, `ddd:hh24:mi-ddd:hh24:mi` UTC. */
  readonly preferredMaintenanceWindow: string;
  readonly deletionProtection: boolean;
  /** False keeps a final snapshot when the cluster or instance is deleted. */
  readonly skipFinalSnapshot: boolean;
  /** 0 turns Performance Insights off; else 7, a multiple of 31 up to 713, or 731. */
  readonly performanceInsightsRetentionDays: number;
  /** Enhanced monitoring interval: 0 (off), 1, 5, 10, 15, 30 or 60 seconds. */
  readonly monitoringIntervalSeconds: number;
  /** IAM database authentication. */
  readonly iamAuthentication: boolean;
  /** Logs exported to CloudWatch Logs. */
  readonly logExports: readonly string[];
  readonly alarms: DatabaseAlarmThresholds;
}

/** What the rules need to know about the stack. */
export interface DatabaseContext {
  /** The stack's regions, primary included. */
  readonly regions: readonly string[];
  readonly primaryRegion: string;
  /** `<project>-<stack>`: the prefix of physical names. */
  readonly namePrefix: string;
}

/**
 * Most secondary regions of an Aurora global database: 10 (it was 5 until 2025). `[volatile]`
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html
 */
export const MAX_GLOBAL_SECONDARY_REGIONS = 10;

/**
 * Most read replicas of one RDS for PostgreSQL or MySQL source instance. `[volatile]`
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html
 */
export const MAX_RDS_READ_REPLICAS = 15;

/** Backup retention AWS accepts; 0 (no backups) only for a standalone RDS instance. */
export const BACKUP_RETENTION_DAYS = { min: 1, max: 35 } as const;

/** Enhanced monitoring intervals CloudWatch accepts, in seconds (0 = off). */
export const MONITORING_INTERVALS: readonly number[] = [0, 1, 5, 10, 15, 30, 60];

/** Ports RDS accepts for MySQL and PostgreSQL engines. */
export const PORT_RANGE = { min: 1150, max: 65535 } as const;

/** gp3 storage of RDS for PostgreSQL and MySQL, in GiB. `[volatile]` */
export const GP3_STORAGE_GIB = { min: 20, max: 65536 } as const;

/**
 * Storage autoscaling needs a ceiling at least 10% above the allocated storage ("The maximum
 * allocated storage must be increased by at least 10 percent").
 */
export const STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT = 10;

/**
 * Whether a Performance Insights retention is one AWS accepts: 7 days (free tier), a whole number
 * of months counted as 31 days (31 to 713), or 731 (two years). 0 means off in the blueprint.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export function isPerformanceInsightsRetention(days: number): boolean {
  return days === 0 || days === 7 || days === 731 || (Number.isInteger(days) && days % 31 === 0 && days >= 31 && days <= 713);
}

const isInteger = (value: number): boolean => Number.isInteger(value);

function rangeProblem(field: string, value: number, min: number, max: number, unit: string): FieldProblem | undefined {
  if (isInteger(value) && value >= min && value <= max) return undefined;
  return { field, message: `must be a whole number from ${min} to ${max}${unit ? ` ${unit}` : ""}; got ${value}` };
}

/** The number of instances a region's Aurora cluster gets. */
export function instancesInRegion(settings: Pick<DatabaseSettings, "instanceCount" | "secondaryInstanceCount">, role: DatabaseRole): number {
  return role === "primary" ? settings.instanceCount : settings.secondaryInstanceCount;
}

/**
 * Every problem of the settings, in key order; empty when AWS would accept them. Each message
 * says what was given and what is allowed.
 */
export function databaseSettingsProblems(settings: DatabaseSettings, ctx: DatabaseContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const push = (problem: FieldProblem | undefined) => {
    if (problem) problems.push(problem);
  };
  const { mode, service, engine } = settings;
  const secondaries = ctx.regions.filter((region) => region !== ctx.primaryRegion);

  const modeKnown = (DATABASE_MODES as readonly string[]).includes(mode);
  const serviceKnown = (DATABASE_SERVICES as readonly string[]).includes(service);
  const engineKnown = (DATABASE_ENGINES as readonly string[]).includes(engine);
  if (!modeKnown) push({ field: "mode", message: `must be one of ${DATABASE_MODES.join(", ")}; got ${JSON.stringify(mode)}` });
  if (!serviceKnown) push({ field: "service", message: `must be aurora or rds; got ${JSON.stringify(service)}` });
  if (!engineKnown) push({ field: "engine", message: `must be postgresql or mysql; got ${JSON.stringify(engine)}` });

  problems.push(...modeProblems(settings, ctx, secondaries, modeKnown, serviceKnown));
  if (!serviceKnown || !engineKnown || !modeKnown) return problems;

  const rdsEngine = rdsEngineName(service, engine);
  const version = parseEngineVersion(rdsEngine, settings.engineVersion);
  if ("problem" in version) {
    push({ field: "engineVersion", message: version.problem });
  } else if (mode === "aurora-global" && service === "aurora") {
    push(fieldOf("engineVersion", globalDatabaseVersionProblem(rdsEngine as "aurora-postgresql" | "aurora-mysql", version, settings.engineVersion, ctx.regions)));
  }

  const instanceClass = parseInstanceClass(settings.instanceClass, service);
  if ("problem" in instanceClass) {
    push({ field: "instanceClass", message: instanceClass.problem });
  } else {
    if (mode === "aurora-global" && instanceClass.kind !== "memory") {
      push({
        field: "instanceClass",
        message:
          `${settings.instanceClass} is a ${instanceClass.kind} class; an Aurora global database only runs memory-optimised classes ` +
          "(db.r5 and newer r classes, db.x2g), e.g. db.r7g.large; burstable classes are allowed in single-region mode only",
      });
    }
    if (!("problem" in version)) push(fieldOf("instanceClass", instanceClassVersionProblem(instanceClass, rdsEngine, version, settings.engineVersion)));
    if (settings.performanceInsightsRetentionDays > 0 && !performanceInsightsSupported(rdsEngine, instanceClass)) {
      push({
        field: "performanceInsightsRetentionDays",
        message: `is ${settings.performanceInsightsRetentionDays}, but ${rdsEngine} has no Performance Insights on ${settings.instanceClass}; set 0 or pick a larger class`,
      });
    }
  }

  if (service === "aurora") {
    const maxPrimary = mode === "aurora-global" ? MAX_AURORA_INSTANCES - secondaries.length : MAX_AURORA_INSTANCES;
    const reason = mode === "aurora-global" && secondaries.length > 0 ? ` (16 less one per secondary region: ${secondaries.length})` : "";
    const count = rangeProblem("instanceCount", settings.instanceCount, 1, maxPrimary, `instances${reason}`);
    push(count);
    if (mode === "aurora-global" && secondaries.length > 0) {
      if (isInteger(settings.secondaryInstanceCount) && settings.secondaryInstanceCount === 0) {
        push({
          field: "secondaryInstanceCount",
          message: "is 0, a headless secondary cluster: its region's tiers would have no local reader and a switchover to it would have no instance to promote; use 1 or more",
        });
      } else {
        push(rangeProblem("secondaryInstanceCount", settings.secondaryInstanceCount, 1, MAX_AURORA_INSTANCES, "instances"));
      }
    }
  } else {
    problems.push(...storageProblems(settings));
  }

  push(fieldOf("databaseName", databaseNameProblem(settings.databaseName, engine)));
  push(fieldOf("masterUsername", masterUsernameProblem(settings.masterUsername, engine, rdsEngine)));
  push(rangeProblem("port", settings.port, PORT_RANGE.min, PORT_RANGE.max, ""));

  const minRetention = service === "rds" && mode === "single-region" ? 0 : BACKUP_RETENTION_DAYS.min;
  const retention = rangeProblem("backupRetentionDays", settings.backupRetentionDays, minRetention, BACKUP_RETENTION_DAYS.max, "days");
  if (retention) {
    const note = settings.backupRetentionDays !== 0 ? "" : service === "aurora" ? " (Aurora always keeps backups)" : " (a read replica's source must keep backups)";
    push({ field: retention.field, message: `${retention.message}${note}` });
  }
  problems.push(...windowProblems(settings));

  if (!isPerformanceInsightsRetention(settings.performanceInsightsRetentionDays)) {
    push({
      field: "performanceInsightsRetentionDays",
      message: `must be 0 (off), 7, a multiple of 31 up to 713 (months) or 731; got ${settings.performanceInsightsRetentionDays}`,
    });
  }
  if (!MONITORING_INTERVALS.includes(settings.monitoringIntervalSeconds)) {
    push({ field: "monitoringIntervalSeconds", message: `must be one of ${MONITORING_INTERVALS.join(", ")} (0 = off); got ${settings.monitoringIntervalSeconds}` });
  }

  const allowedLogs = LOG_EXPORTS[rdsEngine];
  const seen = new Set<string>();
  settings.logExports.forEach((log, index) => {
    if (!allowedLogs.includes(log)) {
      const note = rdsEngine === "mysql" && log === "audit" ? " (RDS for MySQL's audit log needs an option group the blueprint does not create)" : "";
      push({ field: `logExports.${index}`, message: `${JSON.stringify(log)} is not a log ${rdsEngine} exports; allowed: ${allowedLogs.join(", ")}${note}` });
    } else if (seen.has(log)) {
      push({ field: `logExports.${index}`, message: `${JSON.stringify(log)} is listed twice` });
    }
    seen.add(log);
  });

  if (!(settings.alarms.cpuPercent > 0 && settings.alarms.cpuPercent <= 100)) {
    push({ field: "alarms.cpuPercent", message: `must be above 0 and at most 100 percent; got ${settings.alarms.cpuPercent}` });
  }
  push(rangeProblem("alarms.replicaLagSeconds", settings.alarms.replicaLagSeconds, 1, 86_400, "seconds"));

  problems.push(...nameProblems(settings, ctx, version));
  return problems;
}

const fieldOf = (field: string, message: string | undefined): FieldProblem | undefined => (message === undefined ? undefined : { field, message });

function modeProblems(settings: DatabaseSettings, ctx: DatabaseContext, secondaries: readonly string[], modeKnown: boolean, serviceKnown: boolean): FieldProblem[] {
  if (!modeKnown) return [];
  const problems: FieldProblem[] = [];
  const { mode, service } = settings;
  switch (mode) {
    case "single-region":
      if (ctx.regions.length > 1) {
        problems.push({
          field: "mode",
          message:
            `is single-region but the stack runs in ${ctx.regions.length} regions (${ctx.regions.join(", ")}); the other regions' tiers could not ` +
            "reach a database in one region: use aurora-global (Aurora) or rds-replicas (RDS)",
        });
      }
      break;
    case "aurora-global":
      if (serviceKnown && service !== "aurora") {
        problems.push({ field: "service", message: `is ${service}, but aurora-global is an Aurora global database; set service: aurora or mode: rds-replicas` });
      }
      if (secondaries.length > MAX_GLOBAL_SECONDARY_REGIONS) {
        problems.push({
          field: "mode",
          message: `is aurora-global with ${secondaries.length} secondary regions; an Aurora global database has at most ${MAX_GLOBAL_SECONDARY_REGIONS} (one primary and ${MAX_GLOBAL_SECONDARY_REGIONS} secondaries)`,
        });
      }
      for (const region of ctx.regions.filter((name) => GLOBAL_DATABASE_UNSUPPORTED_REGIONS.includes(name))) {
        problems.push({ field: "mode", message: `is aurora-global, but AWS offers no Aurora global database in ${region}; use rds-replicas or leave the region out` });
      }
      break;
    case "rds-replicas":
      if (serviceKnown && service !== "rds") {
        problems.push({ field: "service", message: `is ${service}, but rds-replicas replicates an RDS instance; set service: rds or mode: aurora-global` });
      }
      if (secondaries.length > MAX_RDS_READ_REPLICAS) {
        problems.push({
          field: "mode",
          message: `is rds-replicas with ${secondaries.length} replica regions; an RDS instance has at most ${MAX_RDS_READ_REPLICAS} read replicas`,
        });
      }
      break;
    default: {
      const unknown: never = mode;
      throw new Error(`Unknown database mode '${String(unknown)}'`);
    }
  }
  return problems;
}

function storageProblems(settings: DatabaseSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(STORAGE_TYPES as readonly string[]).includes(settings.storageType)) {
    problems.push({ field: "storageType", message: `must be ${STORAGE_TYPES.join(" or ")}; got ${JSON.stringify(settings.storageType)}` });
  }
  const allocated = rangeProblem("allocatedStorageGiB", settings.allocatedStorageGiB, GP3_STORAGE_GIB.min, GP3_STORAGE_GIB.max, "GiB (gp3)");
  if (allocated) problems.push(allocated);
  const max = settings.maxAllocatedStorageGiB;
  if (max !== 0) {
    // integer arithmetic: 100 * 1.1 is 110.00000000000001 in floating point
    const floor = Math.ceil((settings.allocatedStorageGiB * (100 + STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT)) / 100);
    if (!isInteger(max) || max > GP3_STORAGE_GIB.max) {
      problems.push({ field: "maxAllocatedStorageGiB", message: `must be 0 (no autoscaling) or a whole number up to ${GP3_STORAGE_GIB.max} GiB; got ${max}` });
    } else if (!allocated && max < floor) {
      problems.push({
        field: "maxAllocatedStorageGiB",
        message: `must be 0 (no autoscaling) or at least ${floor} GiB, ${STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT}% above allocatedStorageGiB (${settings.allocatedStorageGiB}), as RDS requires; got ${max}`,
      });
    }
  }
  return problems;
}

function windowProblems(settings: DatabaseSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const backup = parseBackupWindow(settings.preferredBackupWindow);
  const maintenance = parseMaintenanceWindow(settings.preferredMaintenanceWindow);
  if ("problem" in backup) problems.push({ field: "preferredBackupWindow", message: backup.problem });
  if ("problem" in maintenance) problems.push({ field: "preferredMaintenanceWindow", message: maintenance.problem });
  if (!("problem" in backup) && !("problem" in maintenance) && windowsOverlap(backup, maintenance)) {
    problems.push({
      field: "preferredBackupWindow",
      message: `${settings.preferredBackupWindow} overlaps the maintenance window ${settings.preferredMaintenanceWindow}; RDS requires the two windows apart`,
    });
  }
  return problems;
}

function nameProblems(settings: DatabaseSettings, ctx: DatabaseContext, version: ReturnType<typeof parseEngineVersion>): FieldProblem[] {
  if ("problem" in version) return [];
  const aurora = settings.service === "aurora";
  const messages = new Set<string>();
  for (const region of ctx.regions) {
    const role: DatabaseRole = region === ctx.primaryRegion ? "primary" : "secondary";
    const count = aurora ? Math.min(Math.max(instancesInRegion(settings, role), 0), MAX_AURORA_INSTANCES) : 0;
    const names = regionalDatabaseNames(ctx.namePrefix, region, version.family, aurora, Number.isInteger(count) ? count : 0);
    for (const problem of regionalNameProblems(names)) messages.add(problem);
  }
  if (settings.mode === "aurora-global") {
    const global = rdsNameProblem("global cluster identifier", globalClusterIdentifier(ctx.namePrefix), MAX_IDENTIFIER_LENGTH);
    if (global) messages.add(global);
  }
  return [...messages].map((message) => ({ field: "namePrefix", message: `${message} (derived from the project and stack names)` }));
}

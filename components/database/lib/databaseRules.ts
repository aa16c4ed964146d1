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
import { writeForwardingProblem } from "./writeForwarding";
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
} from "./engines";
import { globalClusterIdentifier, MAX_AURORA_INSTANCES, MAX_IDENTIFIER_LENGTH, rdsNameProblem, regionalDatabaseNames, regionalNameProblems } from "./naming";
import {
  AURORA_INSTANCES,
  BACKUP_RETENTION_DAYS,
  CPU_PERCENT,
  DATABASE_MODES,
  GP3_STORAGE_GIB,
  isPerformanceInsightsRetention,
  MAX_GLOBAL_SECONDARY_REGIONS,
  MAX_RDS_READ_REPLICAS,
  MONITORING_INTERVALS,
  PORT_RANGE,
  REPLICA_LAG_SECONDS,
  STANDALONE_RDS_BACKUP_RETENTION_DAYS,
  STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT,
  STORAGE_TYPES,
} from "./limits";
import { LOG_EXPORTS } from "./parameters";
import { parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from "./windows";
import type { DatabaseSettings } from "../settings";

export type { FieldProblem } from "../../lib/ranges";
export type { DatabaseAlarmThresholds, DatabaseSettings } from "../settings";
export {
  BACKUP_RETENTION_DAYS,
  DATABASE_MODES,
  GP3_STORAGE_GIB,
  isPerformanceInsightsRetention,
  MAX_GLOBAL_SECONDARY_REGIONS,
  MAX_RDS_READ_REPLICAS,
  MONITORING_INTERVALS,
  PORT_RANGE,
  STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT,
  STORAGE_TYPES,
  type DatabaseMode,
  type StorageType,
} from "./limits";
export { DATABASE_ENGINES, DATABASE_SERVICES, defaultPort, type DatabaseEngine, type DatabaseService } from "./engines";
export { masterPasswordRules, type MasterPasswordRules } from "./credentials";

/** A region's part in the database: the writer's region or a replica region. */
export type DatabaseRole = "primary" | "secondary";

/** What the rules need to know about the stack. */
export interface DatabaseContext {
  /** The stack's regions, primary included. */
  readonly regions: readonly string[];
  readonly primaryRegion: string;
  /** `<project>-<stack>`: the prefix of physical names. */
  readonly namePrefix: string;
}

const isInteger = (value: number): boolean => Number.isInteger(value);

function rangeProblem(field: string, value: number, min: number, max: number, unit: string): FieldProblem | undefined {
  if (isInteger(value) && value >= min && value <= max) return undefined;
  return { field, message: `must be a whole number from ${min} to ${max}${unit ? ` ${unit}` : ""}; got ${value}` };
}

/**
 * The part a region's member plays now: `primary` where the live writer is. In an Aurora global
 * database that is `writerRegion` (it moves with a switchover, and the clusters' role-dependent
 * settings follow it); in the other modes a promotion is not a switchover the stack follows, so it
 * stays the declared role.
 */
export function liveRole(mode: DatabaseSettings["mode"], region: string, role: DatabaseRole, writerRegion: string | undefined): DatabaseRole {
  if (mode !== "aurora-global" || writerRegion === undefined) return role;
  return region === writerRegion ? "primary" : "secondary";
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
    push(
      fieldOf("engineVersion", globalDatabaseVersionProblem(rdsEngine as "aurora-postgresql" | "aurora-mysql", version, settings.engineVersion, ctx.regions)),
    );
  }

  push(fieldOf("globalWriteForwarding", writeForwardingProblem(settings)));

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
    const count = rangeProblem("instanceCount", settings.instanceCount, AURORA_INSTANCES.min, maxPrimary, `instances${reason}`);
    push(count);
    if (mode === "aurora-global" && secondaries.length > 0) {
      if (isInteger(settings.secondaryInstanceCount) && settings.secondaryInstanceCount === 0) {
        push({
          field: "secondaryInstanceCount",
          message:
            "is 0, a headless secondary cluster: its region's tiers would have no local reader and a switchover to it would have no instance to promote; use 1 or more",
        });
      } else {
        push(rangeProblem("secondaryInstanceCount", settings.secondaryInstanceCount, AURORA_INSTANCES.min, AURORA_INSTANCES.max, "instances"));
      }
    }
  } else {
    problems.push(...storageProblems(settings));
  }

  push(fieldOf("databaseName", databaseNameProblem(settings.databaseName, engine)));
  push(fieldOf("masterUsername", masterUsernameProblem(settings.masterUsername, engine, rdsEngine)));
  push(rangeProblem("port", settings.port, PORT_RANGE.min, PORT_RANGE.max, ""));

  const minRetention = service === "rds" && mode === "single-region" ? STANDALONE_RDS_BACKUP_RETENTION_DAYS.min : BACKUP_RETENTION_DAYS.min;
  const retention = rangeProblem("backupRetentionDays", settings.backupRetentionDays, minRetention, BACKUP_RETENTION_DAYS.max, "days");
  if (retention) {
    const note =
      settings.backupRetentionDays !== 0 ? "" : service === "aurora" ? " (Aurora always keeps backups)" : " (a read replica's source must keep backups)";
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
    push({
      field: "monitoringIntervalSeconds",
      message: `must be one of ${MONITORING_INTERVALS.join(", ")} (0 = off); got ${settings.monitoringIntervalSeconds}`,
    });
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

  if (!(settings.alarms.cpuPercent > CPU_PERCENT.min && settings.alarms.cpuPercent <= CPU_PERCENT.max)) {
    push({ field: "alarms.cpuPercent", message: `must be above ${CPU_PERCENT.min} and at most ${CPU_PERCENT.max} percent; got ${settings.alarms.cpuPercent}` });
  }
  push(rangeProblem("alarms.replicaLagSeconds", settings.alarms.replicaLagSeconds, REPLICA_LAG_SECONDS.min, REPLICA_LAG_SECONDS.max, "seconds"));

  problems.push(...nameProblems(settings, ctx, version));
  return problems;
}

const fieldOf = (field: string, message: string | undefined): FieldProblem | undefined => (message === undefined ? undefined : { field, message });

function modeProblems(
  settings: DatabaseSettings,
  ctx: DatabaseContext,
  secondaries: readonly string[],
  modeKnown: boolean,
  serviceKnown: boolean,
): FieldProblem[] {
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
        problems.push({
          field: "service",
          message: `is ${service}, but aurora-global is an Aurora global database; set service: aurora or mode: rds-replicas`,
        });
      }
      if (secondaries.length > MAX_GLOBAL_SECONDARY_REGIONS) {
        problems.push({
          field: "mode",
          message: `is aurora-global with ${secondaries.length} secondary regions; an Aurora global database has at most ${MAX_GLOBAL_SECONDARY_REGIONS} (one primary and ${MAX_GLOBAL_SECONDARY_REGIONS} secondaries)`,
        });
      }
      for (const region of ctx.regions.filter((name) => GLOBAL_DATABASE_UNSUPPORTED_REGIONS.includes(name))) {
        problems.push({
          field: "mode",
          message: `is aurora-global, but AWS offers no Aurora global database in ${region}; use rds-replicas or leave the region out`,
        });
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
    // the writer-sized count in every region: a switchover can bring it to any of them
    const role: DatabaseRole = region === ctx.primaryRegion || settings.mode === "aurora-global" ? "primary" : "secondary";
    const count = aurora
      ? Math.min(
          Math.max(instancesInRegion(settings, role), settings.mode === "aurora-global" ? instancesInRegion(settings, "secondary") : 0, 0),
          MAX_AURORA_INSTANCES,
        )
      : 0;
    const names = regionalDatabaseNames(ctx.namePrefix, region, version.family, aurora, Number.isInteger(count) ? count : 0);
    for (const problem of regionalNameProblems(names)) messages.add(problem);
  }
  if (settings.mode === "aurora-global") {
    const global = rdsNameProblem("global cluster identifier", globalClusterIdentifier(ctx.namePrefix), MAX_IDENTIFIER_LENGTH);
    if (global) messages.add(global);
  }
  return [...messages].map((message) => ({ field: "namePrefix", message: `${message} (derived from the project and stack names)` }));
}

/**
 * The settings of `blueprint:database`, declared once: type, allowed values, default per environment
 * and description. The database components take exactly the resolved value (`DatabaseSettings`).
 */
import { byEnvironment, choice, decimal, derived, flag, group, integer, list, text, type DefaultScope, type GroupValue } from "../lib/settings";
import {
  DATABASE_ENGINES,
  DATABASE_SERVICES,
  defaultPort,
  DEFAULT_ENGINE_VERSIONS,
  rdsEngineName,
  type DatabaseEngine,
  type DatabaseService,
  type RdsEngineName,
} from "./lib/engines";
import {
  CERTIFICATE_AUTHORITIES,
  AURORA_INSTANCES,
  BACKUP_RETENTION_DAYS,
  CPU_PERCENT,
  DATABASE_MODES,
  GP3_STORAGE_GIB,
  MAX_ALLOCATED_STORAGE_GIB,
  MAX_GLOBAL_SECONDARY_REGIONS,
  MONITORING_INTERVALS,
  PERFORMANCE_INSIGHTS_RETENTION_DAYS,
  PORT_RANGE,
  REPLICA_LAG_SECONDS,
  STANDALONE_RDS_BACKUP_RETENTION_DAYS,
  STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT,
  STORAGE_TYPES,
  type DatabaseMode,
} from "./lib/limits";
import { DEFAULT_LOG_EXPORTS } from "./lib/parameters";
import { SHARD_COUNT } from "./lib/sharding";
import { MAX_AURORA_REPLICAS } from "./lib/readerScaling";
import { ROTATION_DAYS } from "./lib/rotation";

/** How the reference names each RDS engine. */
const ENGINE_LABELS: Readonly<Record<RdsEngineName, string>> = {
  "aurora-postgresql": "Aurora PostgreSQL",
  "aurora-mysql": "Aurora MySQL",
  postgres: "RDS PostgreSQL",
  mysql: "RDS MySQL",
};

const RDS_ENGINES = Object.keys(ENGINE_LABELS) as RdsEngineName[];

/** The RDS engine of the keys resolved so far (service and engine come first). */
const rdsEngineOf = ({ siblings }: DefaultScope): RdsEngineName => rdsEngineName(siblings.service as DatabaseService, siblings.engine as DatabaseEngine);

/** One value per RDS engine, in the reference's words. */
const perEngineText = (value: (engine: RdsEngineName) => string): string => RDS_ENGINES.map((engine) => `${ENGINE_LABELS[engine]} ${value(engine)}`).join(", ");

/**
 * The instance class of each mode in one environment, so that changing only the mode keeps a valid
 * class. The reference names the usual class and the modes that differ.
 */
function classPerMode(classes: Readonly<Record<DatabaseMode, string>>) {
  const modesOf = (instanceClass: string) => DATABASE_MODES.filter((mode) => classes[mode] === instanceClass);
  const usual = DATABASE_MODES.map((mode) => classes[mode]).reduce((best, candidate) => (modesOf(candidate).length > modesOf(best).length ? candidate : best));
  const others = DATABASE_MODES.filter((mode) => classes[mode] !== usual).map((mode) => `${classes[mode]} in ${mode} mode`);
  return derived(others.length > 0 ? `${usual} (${others.join(", ")})` : usual, ({ siblings }) => classes[siblings.mode as DatabaseMode]);
}

/** One instance per AZ of the primary region (the first region's when none is marked). */
const onePerPrimaryAz = derived("one per AZ of the primary region", ({ regions, primaryRegion }) => {
  const primary = regions.find((region) => region.name === primaryRegion) ?? regions[0];
  return primary?.azCount ?? 1;
});

/** The database's alarm thresholds. */
const alarms = group(
  {
    // sustained 80% leaves headroom for vacuum, backups and failover catch-up
    cpuPercent: decimal({
      description: "Alarm when an instance's average CPU stays above this for 15 minutes.",
      range: CPU_PERCENT,
      unit: "percent",
      default: 80,
    }),
    // Aurora global replication normally lags under a second and RDS replicas a few seconds; a
    // minute means replication is in trouble and the region's readers serve stale data
    replicaLagSeconds: integer({
      description: "Alarm when a secondary region lags for 5 minutes by more than this (AuroraGlobalDBReplicationLag or ReplicaLag).",
      range: REPLICA_LAG_SECONDS,
      unit: "seconds",
      default: 60,
    }),
  },
  { description: "Database alarm thresholds (instance CPU, replication lag of secondary regions); every region's alarms notify its alarm topic." },
);

/** The keys of `blueprint:database`. */
export const databaseKeys = {
  mode: choice(DATABASE_MODES, {
    description: `aurora-global: an Aurora global database (writer cluster in the primary region, a read-only cluster in each other region, at most ${MAX_GLOBAL_SECONDARY_REGIONS} secondary regions); rds-replicas: a Multi-AZ RDS instance in the primary region and a cross-region read replica in each other region; single-region: one cluster or instance, for one-region stacks only.`,
    // dev runs one region: one small cluster, no replication to pay for; staging rehearses prod's
    // global database and its switchover
    default: byEnvironment({ dev: "single-region", staging: "aurora-global", prod: "aurora-global" }),
  }),
  service: choice(DATABASE_SERVICES, {
    description: "aurora (a cluster) or rds (a DB instance). aurora-global needs aurora, rds-replicas needs rds.",
    default: derived("rds in rds-replicas mode, else aurora", ({ siblings }): DatabaseService => (siblings.mode === "rds-replicas" ? "rds" : "aurora")),
  }),
  engine: choice(DATABASE_ENGINES, { description: "postgresql or mysql.", default: "postgresql" }),
  engineVersion: text({
    description:
      "Full engine version: Aurora PostgreSQL 14-17, Aurora MySQL 3, RDS PostgreSQL 14-17, RDS MySQL 8.0/8.4. A global database needs Aurora PostgreSQL 14.3/15.2/16.1/17.4 or Aurora MySQL 3.01.0 and later.",
    default: derived(
      `the engine's current version (${perEngineText((engine) => DEFAULT_ENGINE_VERSIONS[engine])})`,
      (scope) => DEFAULT_ENGINE_VERSIONS[rdsEngineOf(scope)],
    ),
  }),
  instanceClass: text({
    description:
      "db.<family>.<size>, the same in every region. aurora-global allows memory-optimised classes only (db.r5 and newer r, db.x2g); Aurora runs burstable classes (db.t3/db.t4g medium or large) in single-region mode only.",
    default: byEnvironment({
      // burstable is enough for development (and Aurora allows it outside global databases)
      dev: classPerMode({ "single-region": "db.t4g.medium", "aurora-global": "db.r7g.large", "rds-replicas": "db.t4g.medium" }),
      staging: classPerMode({ "single-region": "db.r7g.large", "aurora-global": "db.r7g.large", "rds-replicas": "db.m7g.large" }),
      prod: classPerMode({ "single-region": "db.r7g.large", "aurora-global": "db.r7g.large", "rds-replicas": "db.m7g.large" }),
    }),
  }),
  instanceCount: integer({
    description:
      "Aurora: instances in the primary region's cluster (a writer and readers, spread over the AZs); an Aurora global database allows one less per secondary region.",
    range: AURORA_INSTANCES,
    unit: "instances",
    // staging: a writer and a reader, so that a failover inside the region can be rehearsed; prod:
    // one per AZ of the primary region, so losing an AZ leaves a writer or a promotable reader
    default: byEnvironment({ dev: 1, staging: 2, prod: onePerPrimaryAz }),
  }),
  secondaryInstanceCount: integer({
    description: "aurora-global: instances in each secondary region's cluster (the region's tiers read from them).",
    range: AURORA_INSTANCES,
    unit: "instances",
    // one reader per secondary region serves its tiers; prod's two give a promoted region a writer and a reader
    default: byEnvironment({ dev: 1, staging: 1, prod: 2 }),
  }),
  globalWriteForwarding: flag({
    description:
      "aurora-global: the secondary clusters forward writes to the primary (Aurora global write forwarding), so every region's tiers write through their own cluster's endpoint. Needs Aurora PostgreSQL 14.9, 15.4, 16 or later, or Aurora MySQL 3.",
    default: true,
  }),
  databaseName: text({
    description:
      "Database created on the writer: a letter, then letters, digits or _, up to 63 (PostgreSQL) or 64 (MySQL); not a reserved word or a system database.",
    default: "app",
  }),
  masterUsername: text({
    description:
      "Master user: a letter, then letters, digits or _, up to 16 (Aurora), 63 (RDS PostgreSQL) or 32 (RDS MySQL); not rdsadmin, not admin on PostgreSQL, not a reserved word.",
    // valid on every engine (letters only, at most 16), not reserved (admin is on PostgreSQL), and not
    // one of the well-known defaults (admin, postgres, root, dbadmin...) credential stuffing tries first
    default: "appowner",
  }),
  port: integer({
    description: "Database port.",
    range: PORT_RANGE,
    default: derived(`the engine's standard port (${defaultPort("postgresql")} for PostgreSQL, ${defaultPort("mysql")} for MySQL)`, ({ siblings }) =>
      defaultPort(siblings.engine as DatabaseEngine),
    ),
  }),
  allocatedStorageGiB: integer({
    description: "RDS: initial gp3 storage.",
    range: GP3_STORAGE_GIB,
    unit: "GiB",
    default: byEnvironment({ dev: 20, staging: 100, prod: 100 }),
  }),
  maxAllocatedStorageGiB: integer({
    description: `RDS: storage autoscaling ceiling, 0 (off) or at least ${STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT}% above allocatedStorageGiB.`,
    range: MAX_ALLOCATED_STORAGE_GIB,
    unit: "GiB",
    default: byEnvironment({ dev: 100, staging: 500, prod: 1000 }),
  }),
  storageType: choice(STORAGE_TYPES, { description: "RDS storage type.", default: "gp3" }),
  multiAz: flag({
    description: "RDS: a synchronous standby in another AZ, for every region's instance.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  backupRetentionDays: integer({
    description: `Days of automated backups and point-in-time recovery; 0 (no backups) only for a single-region RDS instance, else at least ${BACKUP_RETENTION_DAYS.min}.`,
    range: STANDALONE_RDS_BACKUP_RETENTION_DAYS,
    unit: "days",
    // dev: one day of point-in-time recovery (Aurora does not allow none); prod: the longest AWS offers
    default: byEnvironment({ dev: 1, staging: 7, prod: 35 }),
  }),
  // 03:00 UTC daily, maintenance on Sunday 05:00: quiet hours in Europe and the Americas, and apart
  // so that RDS accepts them (the windows must not overlap)
  preferredBackupWindow: text({
    description: "Daily backup window, hh24:mi-hh24:mi UTC, at least 30 minutes, apart from the maintenance window.",
    default: "03:00-04:00",
  }),
  preferredMaintenanceWindow: text({
    description: "Weekly maintenance window, ddd:hh24:mi-ddd:hh24:mi UTC, at least 30 minutes.",
    default: "sun:05:00-sun:06:00",
  }),
  deletionProtection: flag({
    description: "Deletion protection on the clusters, instances and global cluster.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  skipFinalSnapshot: flag({
    description: "Delete without a final snapshot (named <identifier>-final otherwise).",
    // dev databases are disposable; a final snapshot per teardown would pile up
    default: byEnvironment({ dev: true, staging: false, prod: false }),
  }),
  performanceInsightsRetentionDays: integer({
    description:
      "Performance Insights retention: 0 turns it off, 7 is free, longer retention counts months of 31 days (up to 713) or two years (731); MySQL engines have none on the smallest burstable classes.",
    values: PERFORMANCE_INSIGHTS_RETENTION_DAYS,
    unit: "days",
    // the free tier: 7 days of history at no cost
    default: 7,
  }),
  monitoringIntervalSeconds: integer({
    description: "Enhanced monitoring interval (0 = off).",
    values: MONITORING_INTERVALS,
    unit: "seconds",
    // enhanced monitoring bills CloudWatch Logs; dev does without
    default: byEnvironment({ dev: 0, staging: 60, prod: 30 }),
  }),
  iamAuthentication: flag({ description: "IAM database authentication.", default: true }),
  caCertificateIdentifier: choice(CERTIFICATE_AUTHORITIES, {
    description:
      "Certificate authority of every instance's server certificate, which clients verify TLS against: pin it so the trust store shipped with the application matches. Changing it rotates the certificate (the instances restart in their maintenance window).",
    optional: true,
    absentMeans: "RDS's default for new instances in the region (rds-ca-rsa2048-g1 today)",
  }),
  logExports: list(text({ description: "A log the engine writes.", required: true }), {
    description: "Logs exported to CloudWatch Logs: postgresql (and upgrade on RDS) for PostgreSQL; error, slowquery, general (and audit on Aurora) for MySQL.",
    unique: true,
    // the engine log, and MySQL's slow queries (the general and audit logs record every statement)
    default: derived(`the engine's own logs (${perEngineText((engine) => `[${DEFAULT_LOG_EXPORTS[engine].join(", ")}]`)})`, (scope) => [
      ...DEFAULT_LOG_EXPORTS[rdsEngineOf(scope)],
    ]),
  }),
  rotationDays: integer({
    description:
      "Days between automatic rotations of the master secret (0 = never): Secrets Manager rotates the primary region's secret with AWS's rotation function and replicates the new value to every region.",
    range: ROTATION_DAYS,
    unit: "days",
    // dev is disposable; staging and prod rotate monthly
    default: byEnvironment({ dev: 0, staging: 30, prod: 30 }),
  }),
  readerScaling: group(
    {
      enabled: flag({
        description:
          "Aurora: Application Auto Scaling adds readers to every region's cluster when their CPU stays above the target, and removes the ones it added.",
        // dev's one instance has no readers to scale; staging rehearses prod's scaling
        default: byEnvironment({ dev: false, staging: true, prod: true }),
      }),
      maxReaders: integer({
        description:
          "Most readers a region's cluster may scale to (its declared readers are the minimum); at most 15, less one per secondary region in an Aurora global database.",
        range: { min: 0, max: MAX_AURORA_REPLICAS },
        unit: "readers",
        default: byEnvironment({ dev: 1, staging: 3, prod: 6 }),
      }),
      targetCpuPercent: integer({
        description: "The readers' average CPU (RDSReaderAverageCPUUtilization) the scaling policy keeps.",
        range: { min: 10, max: 90 },
        unit: "percent",
        default: 70,
      }),
    },
    { description: "Aurora reader auto scaling in every region, within the profile's bounds." },
  ),
  shards: integer({
    description: `Horizontal shards: N independent databases (with aurora-global, N global clusters), each with its members in every region, its secret, alarms and proxy; a versioned shard map (hash ranges to each shard's endpoints) is written to every region for the tiers when N > 1. Shard 0 keeps the names of a one-shard stack, and adding a shard only adds resources.`,
    range: SHARD_COUNT,
    unit: "shards",
    default: 1,
  }),
  activeShards: integer({
    description:
      "Shards the shard map gives hash ranges to (the first activeShards); the others are listed with no range while their data is copied (docs/runbooks.md, Adding a database shard). Raising it publishes a new map version.",
    range: SHARD_COUNT,
    unit: "shards",
    optional: true,
    absentMeans: "every shard",
  }),
  alarms,
};

/** The database settings after defaults: exactly what the database components take. */
export type DatabaseSettings = GroupValue<typeof databaseKeys>;

/** Thresholds of the database alarms. */
export type DatabaseAlarmThresholds = DatabaseSettings["alarms"];

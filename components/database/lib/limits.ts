/**
 * RDS and Aurora limits the database settings are held to, as constants: a changed AWS limit
 * (`[volatile]`) is a one-line edit, and the settings' declarations, the config rules and the
 * component's own argument checks read the same value.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
import type { IntegerRange } from "../../lib/ranges";
import { MAX_AURORA_INSTANCES } from "./naming";

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

/**
 * The certificate authorities RDS signs its server certificates with (the client's trust store must
 * hold the chosen one): RSA 2048 (AWS's default for new instances), RSA 4096, or ECC 384.
 * rds-ca-2019 expired in August 2024 and is refused. `[volatile]`
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
 */
export const CERTIFICATE_AUTHORITIES = ["rds-ca-rsa2048-g1", "rds-ca-rsa4096-g1", "rds-ca-ecc384-g1"] as const;

/** Storage types of RDS instances (Aurora manages its own storage). */
export const STORAGE_TYPES = ["gp3"] as const;

/** One of `STORAGE_TYPES`. */
export type StorageType = (typeof STORAGE_TYPES)[number];

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

/** The retention of a standalone RDS instance, the only member that may keep no backups. */
export const STANDALONE_RDS_BACKUP_RETENTION_DAYS: IntegerRange = { min: 0, max: BACKUP_RETENTION_DAYS.max };

/** Enhanced monitoring intervals CloudWatch accepts, in seconds (0 = off). */
export const MONITORING_INTERVALS: readonly number[] = [0, 1, 5, 10, 15, 30, 60];

/** Ports RDS accepts for MySQL and PostgreSQL engines. */
export const PORT_RANGE = { min: 1150, max: 65535 } as const;

/** gp3 storage of RDS for PostgreSQL and MySQL, in GiB. `[volatile]` */
export const GP3_STORAGE_GIB = { min: 20, max: 65536 } as const;

/** The storage autoscaling ceiling, in GiB: 0 turns autoscaling off; gp3's maximum caps it. */
export const MAX_ALLOCATED_STORAGE_GIB: IntegerRange = { min: 0, max: GP3_STORAGE_GIB.max };

/**
 * Storage autoscaling needs a ceiling at least 10% above the allocated storage ("The maximum
 * allocated storage must be increased by at least 10 percent").
 */
export const STORAGE_AUTOSCALING_MIN_HEADROOM_PERCENT = 10;

/**
 * The Performance Insights retentions AWS accepts: 7 days (free tier), a whole number of months
 * counted as 31 days (31 to 713), or 731 (two years); 0 means off in the blueprint.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export const PERFORMANCE_INSIGHTS_RETENTION_DAYS: readonly number[] = [0, 7, ...Array.from({ length: 23 }, (_, month) => 31 * (month + 1)), 731];

/** Whether a Performance Insights retention is one AWS accepts (see `PERFORMANCE_INSIGHTS_RETENTION_DAYS`). */
export function isPerformanceInsightsRetention(days: number): boolean {
  return PERFORMANCE_INSIGHTS_RETENTION_DAYS.includes(days);
}

/** CPU alarm thresholds, in percent: above 0, at most 100. */
export const CPU_PERCENT = { min: 0, max: 100, exclusiveMin: true } as const;

/** Replication lag alarm thresholds: at most one day, the longest span an alarm can evaluate. */
export const REPLICA_LAG_SECONDS: IntegerRange = { min: 1, max: 86_400 };

/** Instances of one Aurora cluster, writer included. */
export const AURORA_INSTANCES: IntegerRange = { min: 1, max: MAX_AURORA_INSTANCES };

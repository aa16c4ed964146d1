/**
 * ElastiCache's limits the cache settings are held to, as constants: a changed AWS limit
 * (`[volatile]`) is a one-line edit, and the settings' declarations and rules read the same value.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html
 */
import type { IntegerRange } from "../../lib/ranges";
import type { CacheEngine } from "./engineVersions";

/**
 * How the stack runs its cache: one Global Datastore across the regions (`global`), an
 * independent replication group per region (`regional`), or no cache (`none`).
 */
export const CACHE_MODES = ["global", "regional", "none"] as const;

/** One of `CACHE_MODES`. */
export type CacheMode = (typeof CACHE_MODES)[number];

/** Replicas per node group (shard): a primary plus up to 5 read replicas. */
export const REPLICAS_PER_NODE_GROUP: IntegerRange = { min: 0, max: 5 };

/** Automatic snapshot retention: 0 turns snapshots off, at most 35 days. */
export const SNAPSHOT_RETENTION_DAYS: IntegerRange = { min: 0, max: 35 };

/** TCP ports. AWS documents no narrower range for ElastiCache nodes. */
export const PORT_RANGE: IntegerRange = { min: 1, max: 65_535 };

/** The port Valkey and Redis OSS listen on unless told otherwise. */
export const DEFAULT_PORT = 6379;

/** Longest replication lag threshold: one day, the longest span an alarm can evaluate. */
export const MAX_REPLICATION_LAG_SECONDS = 86_400;

/**
 * Regions a Global Datastore spans: its primary region and at most two secondary regions (the
 * China regions replicate only with each other). `[volatile]`
 */
export const GLOBAL_DATASTORE_MAX_SECONDARY_REGIONS = 2;
export const GLOBAL_DATASTORE_MAX_REGIONS = 1 + GLOBAL_DATASTORE_MAX_SECONDARY_REGIONS;

/** Oldest engine versions a Global Datastore accepts. `[volatile]` */
export const GLOBAL_DATASTORE_MIN_VERSIONS: Readonly<Record<CacheEngine, string>> = { valkey: "7.2", redis: "5.0.6" };

/**
 * Regions that offer Global Datastores (the commercial ones of the AWS list; GovCloud and China
 * are outside the blueprint's region table). `[volatile]`
 */
export const GLOBAL_DATASTORE_REGIONS: ReadonlySet<string> = new Set([
  "af-south-1",
  "ap-east-1",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-5",
  "ap-southeast-4",
  "ap-south-1",
  "ap-northeast-3",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-7",
  "ap-northeast-1",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-west-2",
  "eu-west-1",
  "eu-south-1",
  "eu-west-3",
  "eu-south-2",
  "eu-north-1",
  "eu-central-2",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "mx-central-1",
  "sa-east-1",
]);

/**
 * Days between AUTH token rotations: 0 turns rotation off; otherwise what Secrets Manager accepts
 * as `AutomaticallyAfterDays` (1 to 1000).
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_RotationRulesType.html
 */
export const AUTH_ROTATION_DAYS: IntegerRange = { min: 0, max: 1000 };

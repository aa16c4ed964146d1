/**
 * The cache engines and engine versions ElastiCache offers for node-based replication groups, and
 * how versions compare. Every list here is `[volatile]`: AWS adds versions (and retires old ones)
 * a few times a year, so this file is the one place to update.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/engine-versions.html
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/supported-engine-versions.html
 */

/** The engines of the blueprint's caches: Valkey (the default) or Redis OSS. Memcached has no replication. */
export const CACHE_ENGINES = ["valkey", "redis"] as const;

/** One of `CACHE_ENGINES`. */
export type CacheEngine = (typeof CACHE_ENGINES)[number];

/**
 * Engine versions a new node-based replication group may be created with, oldest first.
 *
 * Valkey: 7.2 to 9.1. Redis OSS: 4.0.10 to 7.1 (the last Redis OSS release on ElastiCache); `6.x`
 * is the provider's spelling of "the newest 6" and is accepted as 6.2. `[volatile]`
 */
export const ENGINE_VERSIONS: Readonly<Record<CacheEngine, readonly string[]>> = {
  valkey: ["7.2", "8.0", "8.1", "8.2", "9.0", "9.1"],
  redis: ["4.0.10", "5.0.6", "6.0", "6.2", "6.x", "7.0", "7.1"],
};

/**
 * The version a stack gets when it writes none: the newest of each engine. For Valkey that is also
 * the newest a Global Datastore accepts (Global Datastores take Valkey 7.2 and later), so the
 * default works in every mode. `[volatile]`
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Console.html
 */
export const DEFAULT_ENGINE_VERSIONS: Readonly<Record<CacheEngine, string>> = {
  valkey: "9.1",
  redis: "7.1",
};

/** The engine's name as AWS writes it in messages. */
export const ENGINE_LABELS: Readonly<Record<CacheEngine, string>> = { valkey: "Valkey", redis: "Redis OSS" };

/** True for a known engine. */
export const isCacheEngine = (value: unknown): value is CacheEngine => value === "valkey" || value === "redis";

/** The numeric parts of a version (`6.x` reads as 6.2, the newest 6). */
function versionParts(version: string): number[] {
  const normalised = version === "6.x" ? "6.2" : version;
  return normalised.split(".").map((part) => Number(part));
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b` (missing parts read as 0). */
export function compareVersions(a: string, b: string): number {
  const left = versionParts(a);
  const right = versionParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** True when `version` is `minimum` or newer. */
export const atLeast = (version: string, minimum: string): boolean => compareVersions(version, minimum) >= 0;

/**
 * Oldest engine versions that deliver the slow log to CloudWatch Logs, which every replication
 * group of the blueprint does: "Slow Log is supported for Valkey 7.x and above, and Redis OSS ...
 * using engine version 6.0 onward". An older Redis OSS group fails at CreateReplicationGroup.
 * `[volatile]`
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Log_Delivery.html
 */
export const SLOW_LOG_MIN_VERSIONS: Readonly<Record<CacheEngine, string>> = { valkey: "7.2", redis: "6.0" };

/**
 * Oldest engine versions that take `TransitEncryptionMode`. Redis OSS needs 7.0.5 ("Transit
 * encryption mode is not supported for engine version 6.2.6. Please use engine version 7.0.5 or
 * higher."); the blueprint's `7.0` creates the newest 7.0 patch, which is later than 7.0.5. Older
 * versions only know TLS as on or off, and on means every connection uses it. `[volatile]`
 *
 * @see https://github.com/cloudposse/terraform-aws-elasticache-redis/pull/231 (the error above)
 */
export const TRANSIT_ENCRYPTION_MODE_MIN_VERSIONS: Readonly<Record<CacheEngine, string>> = { valkey: "7.2", redis: "7.0" };

/** Whether CreateReplicationGroup accepts `TransitEncryptionMode` for this engine version. */
export const takesTransitEncryptionMode = (engine: CacheEngine, version: string): boolean => atLeast(version, TRANSIT_ENCRYPTION_MODE_MIN_VERSIONS[engine]);

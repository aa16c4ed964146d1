/**
 * Database sharding as plain data: the names of each shard (shard 0 keeps the names of a one-shard
 * stack, so going from 1 to N shards, or N to N+1, only adds resources), the hash ranges of the
 * active shards, and the versioned shard map each region's tiers read.
 */

/** Shards a stack may declare (each is a global cluster or a set of instances, and a proxy per region). */
export const SHARD_COUNT = { min: 1, max: 16 } as const;

/** The hash space the shard map divides: keys are hashed to an unsigned 32-bit integer. */
export const HASH_SPACE = 2 ** 32;

/** The shard map's format, for readers that check it. */
export const SHARD_MAP_FORMAT = "blueprint-shard-map/1";

/** The physical name prefix of a shard's resources: the stack's own for shard 0, `<prefix>-s<n>` after. */
export function shardNamePrefix(namePrefix: string, shard: number): string {
  return shard === 0 ? namePrefix : `${namePrefix}-s${shard}`;
}

/** The Pulumi resource name of a shard's resource: the name itself for shard 0, `<name>-s<n>` after. */
export function shardResourceName(name: string, shard: number): string {
  return shard === 0 ? name : `${name}-s${shard}`;
}

/** The SSM parameter each region's shard map is written to. */
export function shardMapParameterName(namePrefix: string): string {
  return `/${namePrefix}/database/shard-map`;
}

/** The inclusive hash range `[first, last]` of shard `index` among `active` shards (even split). */
export function hashRange(index: number, active: number): readonly [number, number] {
  const first = Math.floor((index * HASH_SPACE) / active);
  const last = Math.floor(((index + 1) * HASH_SPACE) / active) - 1;
  return [first, last];
}

/** One shard's entry as a region's tiers see it. */
export interface ShardEndpoints {
  readonly writerEndpoint: string;
  readonly readerEndpoint: string;
  /** The region's copy of the shard's credentials secret. */
  readonly secretArn: string;
  /** The region's proxy endpoints, when the stack has proxies. @default none */
  readonly proxyEndpoint?: string;
  readonly proxyReaderEndpoint?: string;
}

/** The shard map of one region. */
export interface ShardMap {
  readonly format: string;
  /** Increases whenever the ranges change: the number of active shards (shards are only ever added). */
  readonly version: number;
  readonly region: string;
  readonly hash: { readonly space: number; readonly function: string };
  readonly shards: readonly (ShardEndpoints & { readonly shard: number; readonly range?: readonly [number, number] })[];
}

/** The shard map of one region: the active shards get even hash ranges, the others none yet. */
export function shardMap(region: string, shards: readonly ShardEndpoints[], active: number): ShardMap {
  return {
    format: SHARD_MAP_FORMAT,
    version: active,
    region,
    // the tiers hash the shard key (UTF-8) with xxHash32, seed 0; any change of function is a new format
    hash: { space: HASH_SPACE, function: "xxhash32" },
    shards: shards.map((endpoints, shard) => ({ shard, ...(shard < active ? { range: hashRange(shard, active) } : {}), ...endpoints })),
  };
}

/** Every problem of the shard settings. */
export function shardProblems(settings: { readonly shards: number; readonly activeShards?: number }): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (settings.activeShards !== undefined && settings.activeShards > settings.shards) {
    problems.push({
      field: "activeShards",
      message: `must be at most shards (${settings.shards}): a range cannot point at a shard that does not exist, got ${settings.activeShards}`,
    });
  }
  return problems;
}

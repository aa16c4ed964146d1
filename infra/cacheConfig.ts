/**
 * The `cache` section of the stack config: its shape, the per-environment defaults, how they fill
 * in a stack file's values, and the rules the effective values must satisfy (ElastiCache and
 * Global Datastore limits), reported per key path.
 */
import { z } from "zod";
import {
  CACHE_ENGINES,
  CACHE_MODES,
  partialCacheSettingsProblems,
  type CacheAlarmThresholds,
  type CacheEngine,
  type CacheMode,
  type CacheSettings,
  type PartialCacheSettings,
} from "../components/cache/lib/cacheRules";
import { DEFAULT_ENGINE_VERSIONS, isCacheEngine } from "../components/cache/lib/engineVersions";
import type { ConfigIssue } from "./configIssues";
import { PROFILES, type Environment } from "./profiles";
import type { SectionContext } from "./sectionContext";

/** The cache settings after defaults: exactly what the cache components take. */
export type CacheConfig = CacheSettings;

const int = (description: string) => z.number().int().optional().describe(description);

/** Alarm thresholds of the cache. */
const cacheAlarmsSchema = z
  .strictObject({
    cpuPercent: z.number().optional().describe("Alarm when a node's engine CPU (EngineCPUUtilization) exceeds this, above 0 to 100 percent. Default 80."),
    memoryPercent: z
      .number()
      .optional()
      .describe("Alarm when a node's memory use (DatabaseMemoryUsagePercentage) exceeds this, above 0 to 100 percent. Default 80."),
    replicationLagSeconds: int(
      "Alarm when a replica, or a Global Datastore secondary, lags by more than this, 1 to 86400 seconds. Default 10.",
    ),
  })
  .describe("Cache alarm thresholds; every region's alarms notify its alarm topic.");

/** The `cache` section. */
export const cacheSchema = z
  .strictObject({
    mode: z
      .enum(CACHE_MODES)
      .optional()
      .describe(
        "global: one ElastiCache Global Datastore (primary region plus at most 2 secondary regions); regional: an independent replication group per region; none: no cache. Default: dev regional, staging and prod global.",
      ),
    engine: z.enum(CACHE_ENGINES).optional().describe("valkey or redis (Redis OSS). Default valkey."),
    engineVersion: z
      .string()
      .optional()
      .describe("Valkey 7.2, 8.0, 8.1, 8.2, 9.0 or 9.1; Redis OSS 6.0, 6.2, 6.x, 7.0 or 7.1 (4.0.10 and 5.0.6 exist but cannot deliver the slow log every group sends to CloudWatch Logs). Default: the newest (Valkey 9.1, Redis OSS 7.1)."),
    nodeType: z
      .string()
      .optional()
      .describe(
        "cache.<family>.<size>, e.g. cache.r7g.large. A Global Datastore needs a current-generation, non-burstable family at size large or above. Default: dev cache.t4g.micro, staging cache.m7g.large, prod cache.r7g.large.",
      ),
    replicasPerNodeGroup: int("Read replicas besides the primary node, 0 to 5; failover and Multi-AZ need at least 1. Default: dev 0, staging 1, prod 2."),
    automaticFailover: z.boolean().optional().describe("Promote a replica when the primary node fails (needs a replica). Default: dev false, staging and prod true."),
    multiAz: z.boolean().optional().describe("Keep replicas in other AZs than the primary (needs automaticFailover). Default: dev false, staging and prod true."),
    port: int("TCP port of the nodes, 1 to 65535. Default 6379."),
    snapshotRetentionDays: int("Days automatic snapshots are kept, 0 (off) to 35. Default: dev 1, staging 3, prod 7."),
    snapshotWindow: z.string().optional().describe('Daily snapshot window, hh24:mi-hh24:mi UTC, at least 60 minutes, not overlapping the maintenance window. Default "03:00-04:00".'),
    maintenanceWindow: z
      .string()
      .optional()
      .describe('Weekly maintenance window, ddd:hh24:mi-ddd:hh24:mi UTC, at least 60 minutes. Default "sun:05:00-sun:06:00".'),
    slowLogRetentionDays: int("Days the slow-log group keeps entries, one of CloudWatch Logs' periods (1, 3, 5, 7, 14, 30, ...). Default from the profile's log retention (7/30/365)."),
    alarms: cacheAlarmsSchema.optional().describe("Cache alarm thresholds (engine CPU, memory, replication lag); every region's alarms notify its alarm topic."),
  })
  .describe("The ElastiCache (Valkey/Redis OSS) cache of every region: TLS, AUTH, encryption with the region's key, snapshots and slow logs always on.");

/** Allowed keys per sub-path of the section ("" is the top level). */
export const CACHE_NESTED_KEYS: Readonly<Record<string, string[]>> = {
  "": Object.keys(cacheSchema.shape),
  alarms: Object.keys(cacheAlarmsSchema.shape),
};

/** The cache defaults of one environment. */
export interface CacheProfile {
  readonly mode: CacheMode;
  readonly nodeType: string;
  readonly replicasPerNodeGroup: number;
  readonly automaticFailover: boolean;
  readonly multiAz: boolean;
  readonly snapshotRetentionDays: number;
  readonly slowLogRetentionDays: number;
  readonly alarms: CacheAlarmThresholds;
}

/** Alarm thresholds shared by every environment. */
const ALARMS: CacheAlarmThresholds = {
  // the engine runs on one thread; sustained 80% leaves headroom for snapshots and bursts
  cpuPercent: 80,
  // past 100% of maxmemory keys are evicted; 80% gives time to scale up
  memoryPercent: 80,
  // Global Datastore replication normally lags under a second; 10 s means replication is in trouble
  replicationLagSeconds: 10,
};

/** Defaults of the settings that do not depend on the environment. */
export const CACHE_DEFAULTS = {
  engine: "valkey" as CacheEngine,
  port: 6379,
  // 03:00 UTC, then maintenance on Sunday 05:00: quiet hours in Europe and the Americas, and apart
  // so that ElastiCache accepts them (the windows must not overlap)
  snapshotWindow: "03:00-04:00",
  maintenanceWindow: "sun:05:00-sun:06:00",
} as const;

/** The cache defaults of each environment. */
export const CACHE_PROFILES: Readonly<Record<Environment, CacheProfile>> = {
  dev: {
    // one small group per region; dev runs one region, and a Global Datastore needs large nodes
    mode: "regional",
    nodeType: "cache.t4g.micro",
    // a single node: no failover, no Multi-AZ (both need a replica); cost over availability
    replicasPerNodeGroup: 0,
    automaticFailover: false,
    multiAz: false,
    // one daily snapshot, so a restore can be practised
    snapshotRetentionDays: 1,
    slowLogRetentionDays: PROFILES.dev.logRetentionDays,
    alarms: ALARMS,
  },
  staging: {
    // exercises the same Global Datastore as prod, at the smallest node type it accepts
    mode: "global",
    nodeType: "cache.m7g.large",
    // one replica per region: the least that allows failover and Multi-AZ
    replicasPerNodeGroup: 1,
    automaticFailover: true,
    multiAz: true,
    snapshotRetentionDays: 3,
    slowLogRetentionDays: PROFILES.staging.logRetentionDays,
    alarms: ALARMS,
  },
  prod: {
    mode: "global",
    // memory-optimised: a cache is bound by memory, not CPU
    nodeType: "cache.r7g.large",
    // two replicas: an AZ can fail while another replica still serves reads and can be promoted
    replicasPerNodeGroup: 2,
    automaticFailover: true,
    multiAz: true,
    snapshotRetentionDays: 7,
    slowLogRetentionDays: PROFILES.prod.logRetentionDays,
    alarms: ALARMS,
  },
};

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === "number";
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const pick = <T>(value: unknown, guard: (v: unknown) => v is T, fallback: T): T => (guard(value) ? value : fallback);

/**
 * The section's values that the stack file writes with the right type, with the defaults that do
 * not depend on the environment (engine, version, port, windows): what is known without a profile.
 * A value of the wrong type is left out (zod reports it).
 */
function knownSettings(raw: unknown): PartialCacheSettings {
  const cache = isObject(raw) ? raw : {};
  const alarms = isObject(cache.alarms) ? cache.alarms : {};
  const engine = pick(cache.engine, isString, CACHE_DEFAULTS.engine) as CacheEngine;
  const written = <T>(value: unknown, guard: (v: unknown) => v is T): T | undefined => (guard(value) ? value : undefined);
  const settings: Record<string, unknown> = {
    mode: written(cache.mode, isString),
    engine,
    engineVersion: pick(cache.engineVersion, isString, isCacheEngine(engine) ? DEFAULT_ENGINE_VERSIONS[engine] : ""),
    nodeType: written(cache.nodeType, isString),
    replicasPerNodeGroup: written(cache.replicasPerNodeGroup, isNumber),
    automaticFailover: written(cache.automaticFailover, isBoolean),
    multiAz: written(cache.multiAz, isBoolean),
    port: pick(cache.port, isNumber, CACHE_DEFAULTS.port),
    snapshotRetentionDays: written(cache.snapshotRetentionDays, isNumber),
    snapshotWindow: pick(cache.snapshotWindow, isString, CACHE_DEFAULTS.snapshotWindow),
    maintenanceWindow: pick(cache.maintenanceWindow, isString, CACHE_DEFAULTS.maintenanceWindow),
    slowLogRetentionDays: written(cache.slowLogRetentionDays, isNumber),
    alarms: Object.fromEntries(
      (["cpuPercent", "memoryPercent", "replicationLagSeconds"] as const)
        .filter((key) => isNumber(alarms[key]))
        .map((key) => [key, alarms[key]]),
    ),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as PartialCacheSettings;
}

/**
 * The cache settings of a stack: the section's values over the environment's profile. Tolerant of
 * wrong types (they fall back to the default; the schema reports them).
 */
export function resolveCache(raw: unknown, ctx: SectionContext & { readonly environment: Environment }): CacheConfig {
  const profile = CACHE_PROFILES[ctx.environment];
  const known = knownSettings(raw);
  return {
    mode: known.mode ?? profile.mode,
    engine: known.engine ?? CACHE_DEFAULTS.engine,
    engineVersion: known.engineVersion ?? DEFAULT_ENGINE_VERSIONS[CACHE_DEFAULTS.engine],
    nodeType: known.nodeType ?? profile.nodeType,
    replicasPerNodeGroup: known.replicasPerNodeGroup ?? profile.replicasPerNodeGroup,
    automaticFailover: known.automaticFailover ?? profile.automaticFailover,
    multiAz: known.multiAz ?? profile.multiAz,
    port: known.port ?? CACHE_DEFAULTS.port,
    snapshotRetentionDays: known.snapshotRetentionDays ?? profile.snapshotRetentionDays,
    snapshotWindow: known.snapshotWindow ?? CACHE_DEFAULTS.snapshotWindow,
    maintenanceWindow: known.maintenanceWindow ?? CACHE_DEFAULTS.maintenanceWindow,
    slowLogRetentionDays: known.slowLogRetentionDays ?? profile.slowLogRetentionDays,
    alarms: { ...profile.alarms, ...known.alarms },
  };
}

/**
 * Every problem of the section, on the effective values: a default that clashes with a written
 * value is reported (at the key the rule is about, naming the value). Without a known environment
 * only what needs no profile is checked. Paths start with `cache`; the message names the value.
 */
export function checkCache(raw: unknown, ctx: SectionContext): ConfigIssue[] {
  if (raw !== undefined && !isObject(raw)) return [];
  const settings: PartialCacheSettings = ctx.environment ? resolveCache(raw, { ...ctx, environment: ctx.environment }) : knownSettings(raw);
  const problems = partialCacheSettingsProblems(settings, {
    regions: ctx.regions.map((region) => region.name),
    primaryRegion: ctx.primaryRegion ?? "",
    namePrefix: ctx.namePrefix,
  });
  return problems.map((problem) => ({
    path: ["cache", ...(problem.field === "" ? [] : problem.field.split("."))],
    message: problem.message,
    // every message names the value it is about (which may be a default the file does not show)
    showValue: false,
  }));
}

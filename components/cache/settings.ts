/**
 * The settings of `blueprint:cache`, declared once: type, allowed values, default per environment
 * and description. The cache components take exactly the resolved value (`CacheSettings`).
 */
import { LOG_RETENTION_DAYS } from "../lib/logRetention";
import { byEnvironment, choice, decimal, derived, flag, fromEnvironment, group, integer, text, type GroupValue } from "../lib/settings";
import { CACHE_ENGINES, DEFAULT_ENGINE_VERSIONS, ENGINE_VERSIONS, isCacheEngine } from "./lib/engineVersions";
import {
  AUTH_ROTATION_DAYS,
  CACHE_MODES,
  GLOBAL_DATASTORE_MAX_SECONDARY_REGIONS,
  MAX_REPLICATION_LAG_SECONDS,
  PORT_RANGE,
  REPLICAS_PER_NODE_GROUP,
  SNAPSHOT_RETENTION_DAYS,
  DEFAULT_PORT,
} from "./lib/limits";

/** 30 days, or 0 without a cache (nothing to rotate). */
const monthlyWithCache = derived("30 (0 with mode none)", ({ siblings }) => (siblings.mode === "none" ? 0 : 30));

const percent = { min: 0, max: 100, exclusiveMin: true } as const;

/** The cache's alarm thresholds. */
const alarms = group(
  {
    // the engine runs on one thread; sustained 80% leaves headroom for snapshots and bursts
    cpuPercent: decimal({ description: "Alarm when a node's engine CPU (EngineCPUUtilization) exceeds this.", range: percent, unit: "percent", default: 80 }),
    // past 100% of maxmemory keys are evicted; 80% gives time to scale up
    memoryPercent: decimal({
      description: "Alarm when a node's memory use (DatabaseMemoryUsagePercentage) exceeds this.",
      range: percent,
      unit: "percent",
      default: 80,
    }),
    // Global Datastore replication normally lags under a second; 10 s means replication is in trouble
    replicationLagSeconds: integer({
      description: "Alarm when a replica, or a Global Datastore secondary, lags by more than this.",
      range: { min: 1, max: MAX_REPLICATION_LAG_SECONDS },
      unit: "seconds",
      default: 10,
    }),
  },
  { description: "Cache alarm thresholds (engine CPU, memory, replication lag); every region's alarms notify its alarm topic." },
);

/** The keys of `blueprint:cache`. */
export const cacheKeys = {
  mode: choice(CACHE_MODES, {
    description: `global: one ElastiCache Global Datastore (primary region plus at most ${GLOBAL_DATASTORE_MAX_SECONDARY_REGIONS} secondary regions); regional: an independent replication group per region; none: no cache.`,
    // dev runs one small group per region (a Global Datastore needs large nodes); staging rehearses prod's datastore
    default: byEnvironment({ dev: "regional", staging: "global", prod: "global" }),
  }),
  engine: choice(CACHE_ENGINES, { description: "valkey or redis (Redis OSS).", default: "valkey" }),
  engineVersion: text({
    description: `Valkey ${ENGINE_VERSIONS.valkey.join(", ")}; Redis OSS ${ENGINE_VERSIONS.redis.filter((version) => !["4.0.10", "5.0.6"].includes(version)).join(", ")} (4.0.10 and 5.0.6 exist but cannot deliver the slow log every group sends to CloudWatch Logs).`,
    default: derived(`the newest of the engine (Valkey ${DEFAULT_ENGINE_VERSIONS.valkey}, Redis OSS ${DEFAULT_ENGINE_VERSIONS.redis})`, ({ siblings }) =>
      isCacheEngine(siblings.engine) ? DEFAULT_ENGINE_VERSIONS[siblings.engine] : "",
    ),
  }),
  nodeType: text({
    description:
      "cache.<family>.<size>, e.g. cache.r7g.large. A Global Datastore needs a current-generation, non-burstable family at size large or above. Cost: billed per node-hour, times 1 + replicas, per region.",
    // staging runs the smallest node type a Global Datastore accepts; prod is memory-optimised (a cache is bound by memory, not CPU)
    default: byEnvironment({ dev: "cache.t4g.micro", staging: "cache.m7g.large", prod: "cache.r7g.large" }),
  }),
  replicasPerNodeGroup: integer({
    description: "Read replicas besides the primary node (the group has 1 + replicas nodes); failover and Multi-AZ need at least 1.",
    range: REPLICAS_PER_NODE_GROUP,
    // dev: a single node, cost over availability; staging: the least that allows failover; prod: an AZ can fail while another replica still serves
    default: byEnvironment({ dev: 0, staging: 1, prod: 2 }),
  }),
  automaticFailover: flag({
    description: "Promote a replica when the primary node fails (needs a replica).",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  multiAz: flag({
    description: "Keep replicas in other AZs than the primary (needs automaticFailover).",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  port: integer({ description: "TCP port of the nodes.", range: PORT_RANGE, default: DEFAULT_PORT }),
  snapshotRetentionDays: integer({
    description: "Days automatic snapshots are kept (0 turns them off).",
    range: SNAPSHOT_RETENTION_DAYS,
    unit: "days",
    // dev keeps one daily snapshot, so a restore can be practised
    default: byEnvironment({ dev: 1, staging: 3, prod: 7 }),
  }),
  // 03:00 UTC, then maintenance on Sunday 05:00: quiet hours in Europe and the Americas, and apart
  // so that ElastiCache accepts them (the windows must not overlap)
  snapshotWindow: text({
    description: "Daily snapshot window, hh24:mi-hh24:mi UTC, at least 60 minutes, not overlapping the maintenance window.",
    default: "03:00-04:00",
  }),
  maintenanceWindow: text({ description: "Weekly maintenance window, ddd:hh24:mi-ddd:hh24:mi UTC, at least 60 minutes.", default: "sun:05:00-sun:06:00" }),
  slowLogRetentionDays: integer({
    description: "Days the slow-log group keeps entries.",
    values: LOG_RETENTION_DAYS,
    default: fromEnvironment("logRetentionDays", "the environment's log retention"),
  }),
  authRotationDays: integer({
    description:
      "Days between automatic rotations of the AUTH token (0 = never): Secrets Manager rotates the primary region's secret with the blueprint's rotation function, which ROTATEs the new token onto the Global Datastore's primary (or every standalone group), so the token before it stays valid until the next rotation, and replicates the secret to every region. Needs a cache (mode other than none).",
    range: AUTH_ROTATION_DAYS,
    unit: "days",
    // dev is disposable; staging rehearses prod's monthly rotation
    default: byEnvironment({ dev: 0, staging: monthlyWithCache, prod: monthlyWithCache }),
  }),
  alarms,
};

/** The cache settings after defaults: exactly what the cache components take. */
export type CacheSettings = GroupValue<typeof cacheKeys>;

/** Thresholds of the cache alarms. */
export type CacheAlarmThresholds = CacheSettings["alarms"];

/**
 * Settings shared by the component tests and the rules tests: the prod profile's database, cache
 * and CDN settings, written out so that a changed default shows up as a test change.
 */
import type { CacheSettings } from "../../components/cache/lib/cacheRules";
import type { DistributionSettings } from "../../components/cdn/lib/cdnRules";
import type { DatabaseSettings } from "../../components/database/lib/databaseRules";
import type { TelemetrySettings } from "../../components/telemetry/settings";

/** An aurora-global database as prod runs it. */
export const GLOBAL_DATABASE_SETTINGS: DatabaseSettings = {
  mode: "aurora-global",
  service: "aurora",
  engine: "postgresql",
  engineVersion: "16.6",
  instanceClass: "db.r7g.large",
  instanceCount: 3,
  secondaryInstanceCount: 2,
  globalWriteForwarding: true,
  databaseName: "app",
  masterUsername: "appowner",
  port: 5432,
  allocatedStorageGiB: 100,
  maxAllocatedStorageGiB: 1000,
  storageType: "gp3",
  multiAz: true,
  backupRetentionDays: 35,
  preferredBackupWindow: "03:00-04:00",
  preferredMaintenanceWindow: "sun:05:00-sun:06:00",
  deletionProtection: true,
  skipFinalSnapshot: false,
  performanceInsightsRetentionDays: 7,
  monitoringIntervalSeconds: 30,
  iamAuthentication: true,
  logExports: ["postgresql"],
  alarms: { cpuPercent: 80, replicaLagSeconds: 60 },
  readerScaling: { enabled: true, maxReaders: 6, targetCpuPercent: 70 },
  rotationDays: 30,
  shards: 1,
};

/** A global cache as prod runs it. */
export const PROD_CACHE_SETTINGS: CacheSettings = {
  mode: "global",
  engine: "valkey",
  engineVersion: "9.1",
  nodeType: "cache.r7g.large",
  replicasPerNodeGroup: 2,
  automaticFailover: true,
  multiAz: true,
  port: 6379,
  snapshotRetentionDays: 7,
  snapshotWindow: "03:00-04:00",
  maintenanceWindow: "sun:05:00-sun:06:00",
  slowLogRetentionDays: 365,
  authRotationDays: 30,
  alarms: { cpuPercent: 80, memoryPercent: 80, replicationLagSeconds: 10 },
};

/** The CDN distribution as prod runs it (its static replica region depends on the stack's regions). */
export const PROD_CDN_SETTINGS: DistributionSettings = {
  priceClass: "PriceClass_All",
  geoRestriction: { type: "block", countries: ["CU", "IR", "KP", "SY"] },
  waf: {
    enabled: true,
    rateLimit: 2000,
    rateLimitWindowSeconds: 300,
    action: "block",
    bodySizeLimits: { readAny: 8192, readYourWrites: 8192, cacheable: 8192, static: 8192 },
  },
  logRetentionDays: 365,
  privateOrigins: true,
  standbyRegions: [],
  readYourWritesSeconds: 10,
  cache: { minTtlSeconds: 0, defaultTtlSeconds: 60, maxTtlSeconds: 86_400, queryStrings: [], headers: [] },
  failoverStatusCodes: [500, 502, 503, 504],
  originReadTimeoutSeconds: 30,
  originConnectionAttempts: 2,
  originConnectionTimeoutSeconds: 5,
  hstsMaxAgeSeconds: 31_536_000,
};

/** Prod's telemetry settings as the section resolves them without Grafana (tests/infra/config.test.ts pins the real defaults). */
export const PROD_TELEMETRY_SETTINGS: TelemetrySettings = {
  agents: true,
  logRetentionDays: 365,
  prometheus: true,
  grafana: false,
  grafanaTokenRotation: 1,
  canaries: true,
  canaryIntervalMinutes: 5,
  availabilityObjectivePercent: 99.9,
  latencyThresholdSeconds: 0.5,
  latencyObjectivePercent: 99,
  classObjectives: {
    write: { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 1 },
    "read-your-writes": { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.5 },
    "read-any": { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.25 },
    cacheable: { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.25 },
  },
};

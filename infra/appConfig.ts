/**
 * The application tier's typed config and how the environment profile fills it in. Pure: the same
 * resolution serves `parseConfig` (typed result) and the rules (which check the effective values,
 * so that a `minSize` above the profile's `maxSize` is caught even when `maxSize` is not written).
 */
import type { Architecture, OperatingSystem } from "../components/compute/lib/images";
import type { HealthCheckSettings, LoadBalancerSettings } from "../components/loadbalancer/lib/listenerRules";
import type { QueueSpec } from "../components/queue/lib/queueRules";
import {
  ALARM_DEFAULTS,
  DEFAULT_QUEUE_NAME,
  DOMAIN_DEFAULTS,
  LOAD_BALANCER_DEFAULTS,
  QUEUE_DEFAULTS,
  TIER_DEFAULTS,
  WEB_DEFAULTS,
  WORKER_DEFAULT_BACKLOG_PER_INSTANCE,
} from "./appDefaults";
import type { EnvironmentProfile, TierProfile } from "./profiles";

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const pick = <T>(value: unknown, guard: (v: unknown) => v is T, fallback: T): T => (guard(value) ? value : fallback);
const isNumber = (value: unknown): value is number => typeof value === "number";
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/** The stack's domain after defaults. */
export interface DomainConfig {
  /** The domain, e.g. `example.com`. */
  readonly name: string;
  /** Route 53 hosted zone of the domain, when the stack manages DNS and validates certificates. */
  readonly hostedZoneId?: string;
  /** The name the regional load balancers serve (latency-routed), e.g. `api.example.com`. */
  readonly apiName: string;
  /** The name CloudFront serves, e.g. `www.example.com`. */
  readonly appName: string;
  /** Existing regional certificates for the load balancers, by region. */
  readonly certificateArns: Readonly<Record<string, string>>;
}

/** The load balancers' settings after defaults: exactly what each region's stamp takes. */
export type LoadBalancerConfig = LoadBalancerSettings;

/** Instance counts of a tier in one region. */
export interface TierCapacity {
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity: number;
}

/** Settings shared by the web and worker tiers, after defaults. */
export interface TierConfig {
  readonly instanceTypes: readonly string[];
  readonly architecture: Architecture;
  readonly os: OperatingSystem;
  /** Counts per region (prod's web minimum depends on the region's AZ count). */
  readonly capacityByRegion: Readonly<Record<string, TierCapacity>>;
  readonly rootVolumeGiB: number;
  readonly onDemandBaseCapacity: number;
  readonly spotPercentage: number;
  readonly instanceRefreshMinHealthyPercent: number;
  /** The stack's own boot script, run after the bootstrap. */
  readonly userData?: string;
}

/** The web tier after defaults. */
export interface WebConfig extends TierConfig {
  readonly healthCheck: HealthCheckSettings;
  readonly healthCheckGracePeriodSeconds: number;
  readonly targetRequestsPerInstance: number;
  readonly targetCpuPercent: number;
}

/** The worker tier after defaults. */
export interface WorkerConfig extends TierConfig {
  readonly targetBacklogPerInstance: number;
}

/** One queue after defaults: exactly what the queue component takes. */
export type QueueConfig = QueueSpec;

/** Alarm settings after defaults. */
export interface AlarmsConfig {
  readonly email?: string;
  readonly alb5xxPercent: number;
  readonly targetResponseP99Seconds: number;
  readonly queueOldestMessageAgeSeconds: number;
}

/** The application tier's part of the config. */
export interface AppConfig {
  readonly domain?: DomainConfig;
  readonly loadBalancer: LoadBalancerConfig;
  readonly web: WebConfig;
  readonly worker: WorkerConfig;
  readonly queues: readonly QueueConfig[];
  readonly alarms: AlarmsConfig;
}

/** A region as the resolution needs it. */
export interface RegionShape {
  readonly name: string;
  readonly azCount: number;
}

/** The domain after defaults, or undefined without one. */
export function resolveDomain(raw: unknown): DomainConfig | undefined {
  if (!isObject(raw) || !isString(raw.name)) return undefined;
  const api = pick(raw.apiSubdomain, isString, DOMAIN_DEFAULTS.apiSubdomain);
  const app = pick(raw.appSubdomain, isString, DOMAIN_DEFAULTS.appSubdomain);
  const arns = isObject(raw.certificateArns) ? raw.certificateArns : {};
  return {
    name: raw.name,
    ...(isString(raw.hostedZoneId) ? { hostedZoneId: raw.hostedZoneId } : {}),
    apiName: `${api}.${raw.name}`,
    appName: `${app}.${raw.name}`,
    certificateArns: Object.fromEntries(Object.entries(arns).filter((entry): entry is [string, string] => isString(entry[1]))),
  };
}

/** The load balancer settings after defaults. */
export function resolveLoadBalancer(raw: unknown, profile: EnvironmentProfile): LoadBalancerConfig {
  const lb = isObject(raw) ? raw : {};
  return {
    idleTimeoutSeconds: pick(lb.idleTimeoutSeconds, isNumber, LOAD_BALANCER_DEFAULTS.idleTimeoutSeconds),
    deletionProtection: pick(lb.deletionProtection, isBoolean, profile.loadBalancerDeletionProtection),
    sslPolicy: pick(lb.sslPolicy, isString, LOAD_BALANCER_DEFAULTS.sslPolicy) as LoadBalancerSettings["sslPolicy"],
    desyncMitigationMode: pick(lb.desyncMitigationMode, isString, LOAD_BALANCER_DEFAULTS.desyncMitigationMode) as LoadBalancerSettings["desyncMitigationMode"],
    accessLogRetentionDays: pick(lb.accessLogRetentionDays, isNumber, profile.logRetentionDays),
    deregistrationDelaySeconds: pick(lb.deregistrationDelaySeconds, isNumber, LOAD_BALANCER_DEFAULTS.deregistrationDelaySeconds),
  };
}

/** A tier's counts in a region after defaults (prod's web minimum is the region's AZ count). */
export function resolveCapacity(raw: Raw, profile: TierProfile, azCount: number): TierCapacity {
  const profileMin = profile.minSize === "azCount" ? azCount : profile.minSize;
  const minSize = pick(raw.minSize, isNumber, profileMin);
  // a minimum written above the profile's maximum lifts the default maximum with it
  const maxSize = pick(raw.maxSize, isNumber, isNumber(raw.minSize) ? Math.max(profile.maxSize, raw.minSize) : profile.maxSize);
  return { minSize, maxSize, desiredCapacity: pick(raw.desiredCapacity, isNumber, minSize) };
}

function resolveTier(raw: unknown, profile: TierProfile, regions: readonly RegionShape[]): TierConfig {
  const tier = isObject(raw) ? raw : {};
  const spot = isObject(tier.spot) ? tier.spot : {};
  return {
    instanceTypes: pick(tier.instanceTypes, isStringArray, [...profile.instanceTypes]),
    architecture: pick(tier.architecture, isString, TIER_DEFAULTS.architecture) as Architecture,
    os: pick(tier.os, isString, TIER_DEFAULTS.os) as OperatingSystem,
    capacityByRegion: Object.fromEntries(regions.map((region) => [region.name, resolveCapacity(tier, profile, region.azCount)])),
    rootVolumeGiB: pick(tier.rootVolumeGiB, isNumber, TIER_DEFAULTS.rootVolumeGiB),
    onDemandBaseCapacity: pick(spot.onDemandBaseCapacity, isNumber, TIER_DEFAULTS.onDemandBaseCapacity),
    spotPercentage: pick(spot.spotPercentage, isNumber, profile.spotPercentage),
    instanceRefreshMinHealthyPercent: pick(tier.instanceRefreshMinHealthyPercent, isNumber, TIER_DEFAULTS.instanceRefreshMinHealthyPercent),
    ...(isString(tier.userData) ? { userData: tier.userData } : {}),
  };
}

/** The web tier after defaults. */
export function resolveWeb(raw: unknown, profile: EnvironmentProfile, regions: readonly RegionShape[]): WebConfig {
  const web = isObject(raw) ? raw : {};
  const check = isObject(web.healthCheck) ? web.healthCheck : {};
  const defaults = WEB_DEFAULTS.healthCheck;
  return {
    ...resolveTier(web, profile.web, regions),
    healthCheck: {
      path: pick(check.path, isString, defaults.path),
      matcher: pick(check.matcher, isString, defaults.matcher),
      intervalSeconds: pick(check.intervalSeconds, isNumber, defaults.intervalSeconds),
      timeoutSeconds: pick(check.timeoutSeconds, isNumber, defaults.timeoutSeconds),
      healthyThreshold: pick(check.healthyThreshold, isNumber, defaults.healthyThreshold),
      unhealthyThreshold: pick(check.unhealthyThreshold, isNumber, defaults.unhealthyThreshold),
    },
    healthCheckGracePeriodSeconds: pick(web.healthCheckGracePeriodSeconds, isNumber, WEB_DEFAULTS.healthCheckGracePeriodSeconds),
    targetRequestsPerInstance: pick(web.targetRequestsPerInstance, isNumber, WEB_DEFAULTS.targetRequestsPerInstance),
    targetCpuPercent: pick(web.targetCpuPercent, isNumber, WEB_DEFAULTS.targetCpuPercent),
  };
}

/** The worker tier after defaults. */
export function resolveWorker(raw: unknown, profile: EnvironmentProfile, regions: readonly RegionShape[]): WorkerConfig {
  const worker = isObject(raw) ? raw : {};
  return {
    ...resolveTier(worker, profile.worker, regions),
    targetBacklogPerInstance: pick(worker.targetBacklogPerInstance, isNumber, WORKER_DEFAULT_BACKLOG_PER_INSTANCE),
  };
}

/** One queue after defaults. */
export function resolveQueue(raw: unknown): QueueConfig {
  const queue = isObject(raw) ? raw : {};
  const type = pick(queue.type, isString, QUEUE_DEFAULTS.type) as QueueConfig["type"];
  const deadLetter = isObject(queue.deadLetter) ? queue.deadLetter : {};
  return {
    name: pick(queue.name, isString, ""),
    type,
    visibilityTimeoutSeconds: pick(queue.visibilityTimeoutSeconds, isNumber, QUEUE_DEFAULTS.visibilityTimeoutSeconds),
    messageRetentionSeconds: pick(queue.messageRetentionSeconds, isNumber, QUEUE_DEFAULTS.messageRetentionSeconds),
    delaySeconds: pick(queue.delaySeconds, isNumber, QUEUE_DEFAULTS.delaySeconds),
    receiveWaitTimeSeconds: pick(queue.receiveWaitTimeSeconds, isNumber, QUEUE_DEFAULTS.receiveWaitTimeSeconds),
    maxMessageSizeBytes: pick(queue.maxMessageSizeBytes, isNumber, QUEUE_DEFAULTS.maxMessageSizeBytes),
    maxReceiveCount: pick(queue.maxReceiveCount, isNumber, QUEUE_DEFAULTS.maxReceiveCount),
    contentBasedDeduplication: pick(queue.contentBasedDeduplication, isBoolean, QUEUE_DEFAULTS.contentBasedDeduplication),
    deadLetter: {
      type: pick(deadLetter.type, isString, type) as QueueConfig["type"],
      messageRetentionSeconds: pick(deadLetter.messageRetentionSeconds, isNumber, QUEUE_DEFAULTS.deadLetterRetentionSeconds),
    },
  };
}

/** The queues after defaults: the stack file's, or the default queue. */
export function resolveQueues(raw: unknown): QueueConfig[] {
  return Array.isArray(raw) ? raw.map(resolveQueue) : [resolveQueue({ name: DEFAULT_QUEUE_NAME })];
}

/** Alarm settings after defaults. */
export function resolveAlarms(raw: unknown): AlarmsConfig {
  const alarms = isObject(raw) ? raw : {};
  return {
    ...(isString(alarms.email) ? { email: alarms.email } : {}),
    alb5xxPercent: pick(alarms.alb5xxPercent, isNumber, ALARM_DEFAULTS.alb5xxPercent),
    targetResponseP99Seconds: pick(alarms.targetResponseP99Seconds, isNumber, ALARM_DEFAULTS.targetResponseP99Seconds),
    queueOldestMessageAgeSeconds: pick(alarms.queueOldestMessageAgeSeconds, isNumber, ALARM_DEFAULTS.queueOldestMessageAgeSeconds),
  };
}

/** The whole application tier after defaults. */
export function resolveApp(raw: Raw, profile: EnvironmentProfile, regions: readonly RegionShape[]): AppConfig {
  const domain = resolveDomain(raw.domain);
  return {
    ...(domain ? { domain } : {}),
    loadBalancer: resolveLoadBalancer(raw.loadBalancer, profile),
    web: resolveWeb(raw.web, profile, regions),
    worker: resolveWorker(raw.worker, profile, regions),
    queues: resolveQueues(raw.queues),
    alarms: resolveAlarms(raw.alarms),
  };
}

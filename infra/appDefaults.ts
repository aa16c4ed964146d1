/**
 * Defaults of the application tier that do not depend on the environment: queues, alarms, load
 * balancer and tier settings. The environment-dependent ones are in `profiles.ts`.
 */
import type { HealthCheckSettings } from "../components/loadbalancer/lib/listenerRules";
import { DEFAULT_HEALTH_CHECK } from "../components/loadbalancer/lib/listenerRules";

/** Longest retention SQS allows (14 days); dead letters are kept that long by default. */
export const MAX_MESSAGE_RETENTION_SECONDS = 1_209_600;

/** Defaults of a queue from the stack file. */
export const QUEUE_DEFAULTS = {
  type: "standard",
  visibilityTimeoutSeconds: 60,
  messageRetentionSeconds: 345_600,
  delaySeconds: 0,
  // long polling: fewer empty receives, lower cost
  receiveWaitTimeSeconds: 20,
  maxMessageSizeBytes: 262_144,
  maxReceiveCount: 5,
  contentBasedDeduplication: false,
  deadLetterRetentionSeconds: MAX_MESSAGE_RETENTION_SECONDS,
} as const;

/** The queue every stack gets when its file lists none. */
export const DEFAULT_QUEUE_NAME = "jobs";

/** Defaults of the alarm thresholds. */
export const ALARM_DEFAULTS = {
  alb5xxPercent: 5,
  targetResponseP99Seconds: 2,
  queueOldestMessageAgeSeconds: 900,
} as const;

/** Defaults of the load balancer that are the same in every environment. */
export const LOAD_BALANCER_DEFAULTS = {
  idleTimeoutSeconds: 60,
  sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
  desyncMitigationMode: "defensive",
  deregistrationDelaySeconds: 30,
} as const;

/** Defaults of both tiers that are the same in every environment. */
export const TIER_DEFAULTS = {
  architecture: "arm64",
  os: "al2023",
  rootVolumeGiB: 20,
  instanceRefreshMinHealthyPercent: 90,
  onDemandBaseCapacity: 0,
} as const;

/** Defaults of the web tier's health and scaling that are the same in every environment. */
export const WEB_DEFAULTS: {
  readonly healthCheck: HealthCheckSettings;
  readonly healthCheckGracePeriodSeconds: number;
  readonly targetRequestsPerInstance: number;
  readonly targetCpuPercent: number;
} = {
  healthCheck: DEFAULT_HEALTH_CHECK,
  healthCheckGracePeriodSeconds: 300,
  targetRequestsPerInstance: 1000,
  targetCpuPercent: 60,
};

/** Default backlog per worker instance. */
export const WORKER_DEFAULT_BACKLOG_PER_INSTANCE = 100;

/** Default labels of the names under the stack's domain. */
export const DOMAIN_DEFAULTS = { apiSubdomain: "api", appSubdomain: "www" } as const;

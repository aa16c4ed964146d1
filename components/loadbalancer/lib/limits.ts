/**
 * The Elastic Load Balancing API's limits on the settings the blueprint exposes, as constants that
 * the settings' declarations, the config rules and the component's own argument checks all read.
 * `[volatile]`: a changed AWS limit is a one-line edit here.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html
 */
import type { IntegerRange } from "../../lib/ranges";

/**
 * TLS policies the HTTPS listeners may use: TLS 1.2 and 1.3 only, forward secrecy. The first is
 * AWS's recommended default.
 */
export const TLS_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-2-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
] as const;
/** One of `TLS_POLICIES`. */
export type TlsPolicy = (typeof TLS_POLICIES)[number];

/** Desync mitigation modes that block requests a back end may parse differently. */
export const DESYNC_MITIGATION_MODES = ["defensive", "strictest"] as const;
/** One of `DESYNC_MITIGATION_MODES`. */
export type DesyncMitigationMode = (typeof DESYNC_MITIGATION_MODES)[number];

/** `idle_timeout.timeout_seconds`. */
export const IDLE_TIMEOUT_SECONDS: IntegerRange = { min: 1, max: 4000 };
/** Days the access-log bucket keeps logs (an S3 lifecycle expiration; the blueprint caps it at ten years). */
export const ACCESS_LOG_RETENTION_DAYS: IntegerRange = { min: 1, max: 3650 };
/** `deregistration_delay.timeout_seconds`. */
export const DEREGISTRATION_DELAY_SECONDS: IntegerRange = { min: 0, max: 3600 };
/** TCP ports a target group may forward to. */
export const TARGET_PORT: IntegerRange = { min: 1, max: 65_535 };

/** Seconds between health checks. */
export const HEALTH_CHECK_INTERVAL_SECONDS: IntegerRange = { min: 5, max: 300 };
/** Seconds before a health check fails (and below the interval). */
export const HEALTH_CHECK_TIMEOUT_SECONDS: IntegerRange = { min: 2, max: 120 };
/** Consecutive results that flip a target's health. */
export const HEALTH_CHECK_THRESHOLD: IntegerRange = { min: 2, max: 10 };
/** Longest health-check path. */
export const MAX_HEALTH_CHECK_PATH_LENGTH = 1024;

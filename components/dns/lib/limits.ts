/**
 * Route 53's and CloudWatch's limits the DNS settings are held to, as constants: the settings'
 * declarations, the config rules and the component's own argument checks read the same value.
 *
 * @see https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html
 */
import type { IntegerRange } from "../../lib/ranges";

/** Seconds between two checks from one checker: standard (30) or fast (10, billed extra). */
export const HEALTH_CHECK_INTERVALS = [10, 30] as const;
/** Consecutive results that flip a health check's status. */
export const FAILURE_THRESHOLD_RANGE = { min: 1, max: 10 } as const satisfies IntegerRange;
/** Alarm evaluation periods on the one-minute `HealthCheckStatus` metric. */
export const ALARM_EVALUATION_PERIODS_RANGE = { min: 1, max: 60 } as const satisfies IntegerRange;

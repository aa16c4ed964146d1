/**
 * CloudFront's and AWS WAF's limits the CDN settings are held to, as constants: a changed AWS
 * limit (`[volatile]`) is a one-line edit, and the settings' declarations, the config rules and the
 * component's own argument checks read the same value.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html
 */
import type { IntegerRange } from "../../lib/ranges";

/**
 * CloudFront price classes: which edge locations serve the distribution.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/PriceClass.html
 */
export const PRICE_CLASSES = ["PriceClass_100", "PriceClass_200", "PriceClass_All"] as const;
/** One of `PRICE_CLASSES`. */
export type PriceClass = (typeof PRICE_CLASSES)[number];

/**
 * The only status codes an origin group may fail over on (`[volatile]`: the CloudFront API rejects
 * any other code, 429 included).
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html
 */
export const FAILOVER_STATUS_CODES: readonly number[] = [400, 403, 404, 416, 500, 502, 503, 504];

/**
 * Ranges CloudFront accepts for a custom origin (`[volatile]`: the read timeout goes above 60 s
 * only after a quota increase).
 */
export const ORIGIN_RANGES = {
  readTimeoutSeconds: { min: 1, max: 60 },
  connectionAttempts: { min: 1, max: 3 },
  connectionTimeoutSeconds: { min: 1, max: 10 },
} as const satisfies Readonly<Record<string, IntegerRange>>;

/** HSTS `max-age` values the response headers policy accepts, in seconds (a signed 32-bit integer). */
export const HSTS_MAX_AGE_SECONDS: IntegerRange = { min: 0, max: 2_147_483_647 };

/**
 * HSTS `max-age` the response headers policy sends; a year is the floor browsers' preload lists
 * accept, and the default.
 */
export const DEFAULT_HSTS_MAX_AGE_SECONDS = 31_536_000;

/** What the WAF does with a request a rule matches. */
export const WAF_ACTIONS = ["block", "count"] as const;
/** One of `WAF_ACTIONS`: `count` only records matches, to tune rules before blocking. */
export type WafAction = (typeof WAF_ACTIONS)[number];

/** Rate-based rule limits (`[volatile]`: the floor was lowered from 100 to 10 in 2024). */
export const RATE_LIMIT_RANGE = { min: 10, max: 2_000_000_000 } as const satisfies IntegerRange;
/** Evaluation windows a rate-based rule accepts, in seconds. */
export const RATE_LIMIT_WINDOWS = [60, 120, 300, 600] as const;

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

/**
 * Regions where CloudFront offers VPC origins (`[volatile]`: AWS adds regions). Some exclude one
 * AZ (us-east-1's use1-az3, us-west-1's usw1-az2, ap-northeast-1's apne1-az3, ca-central-1's
 * cac1-az3); AZ IDs differ per account, so the plan cannot check those.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html#vpc-origins-supported-regions
 */
export const VPC_ORIGIN_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-1",
  "ap-south-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-south-1",
  "eu-south-2",
  "eu-north-1",
  "il-central-1",
  "me-south-1",
  "me-central-1",
  "sa-east-1",
  "mx-central-1",
];

/**
 * Regions where CloudFront offers Origin Shield, and for an origin elsewhere the Origin Shield
 * region AWS recommends (`[volatile]`). A region in neither list gets the nearest Origin Shield
 * region (`originShieldRegionFor`).
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-shield.html#choose-origin-shield-region
 */
export const ORIGIN_SHIELD_REGIONS: readonly string[] = [
  "us-east-2",
  "us-east-1",
  "us-west-2",
  "ap-south-1",
  "ap-northeast-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "sa-east-1",
];

/** AWS's recommended Origin Shield region for origins in regions that have none. */
export const RECOMMENDED_ORIGIN_SHIELD: Readonly<Record<string, string>> = {
  "us-west-1": "us-west-2",
  "af-south-1": "eu-west-1",
  "ap-east-1": "ap-southeast-1",
  "ca-central-1": "us-east-1",
  "eu-south-1": "eu-central-1",
  "eu-west-3": "eu-west-2",
  "eu-north-1": "eu-west-2",
  "me-south-1": "ap-south-1",
};

/**
 * Cache policy limits (`[volatile]` quotas): TTLs in seconds, and the names each part of the cache
 * key may list.
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-policies
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html
 */
export const CACHE_POLICY_LIMITS = { ttlSeconds: { min: 0, max: 31_536_000 }, headers: 10, queryStrings: 10, cookies: 10 } as const;

/** Seconds a viewer who wrote is sent to the primary region, as a setting's range. */
export const READ_YOUR_WRITES_SECONDS: IntegerRange = { min: 1, max: 3600 };

/**
 * How much of a request body AWS WAF inspects in front of CloudFront by default (16 KB; more only
 * for an extra fee, which the blueprint does not configure). A body-size limit above it could never
 * be measured.
 * @see https://docs.aws.amazon.com/waf/latest/APIReference/API_Body.html
 */
export const WAF_BODY_INSPECTION_BYTES = 16_384;

/** The body-size limits a route class may have at the edge, in bytes. */
export const BODY_SIZE_LIMIT_BYTES: IntegerRange = { min: 1, max: WAF_BODY_INSPECTION_BYTES };

/** How the distribution restricts viewers by country (the stack's names; CloudFront's are blacklist, whitelist and none). */
export const GEO_RESTRICTION_TYPES = ["block", "allow", "none"] as const;

/** CloudFront's restriction type for each of `GEO_RESTRICTION_TYPES`. */
export const CLOUDFRONT_GEO_RESTRICTION: Readonly<Record<(typeof GEO_RESTRICTION_TYPES)[number], "blacklist" | "whitelist" | "none">> = {
  block: "blacklist",
  allow: "whitelist",
  none: "none",
};

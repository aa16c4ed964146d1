/**
 * The settings of `blueprint:cdn`, declared once: type, allowed values, default per environment
 * and description. The Cdn component takes the resolved value: the distribution's own settings
 * (`DistributionSettings`) as they are, the certificate and the static replica region through its
 * `certificate` and `staticAssets` arguments (`section.ts`).
 */
import { LOG_RETENTION_DAYS } from "../lib/logRetention";
import { REGION_NAMES } from "../lib/regions";
import { byEnvironment, choice, derived, flag, fromEnvironment, group, integer, list, text, type GroupValue } from "../lib/settings";
import {
  DEFAULT_HSTS_MAX_AGE_SECONDS,
  FAILOVER_STATUS_CODES,
  HSTS_MAX_AGE_SECONDS,
  ORIGIN_RANGES,
  PRICE_CLASSES,
  RATE_LIMIT_RANGE,
  RATE_LIMIT_WINDOWS,
  WAF_ACTIONS,
} from "./lib/limits";
import { defaultReplicaRegion } from "./lib/replicaRegion";

/** The web ACL in front of the distribution. */
const waf = group(
  {
    // dev skips the WAF's monthly ACL and rule charges; staging runs it so rules are tuned before prod
    enabled: flag({
      description: "Attach a WAF web ACL (scope CLOUDFRONT, created in us-east-1) to the distribution.",
      default: byEnvironment({ dev: false, staging: true, prod: true }),
    }),
    // about 7 requests per second per IP, sustained over five minutes
    rateLimit: integer({
      description: "Requests one IP may send per rateLimitWindowSeconds before the rate rule acts.",
      range: RATE_LIMIT_RANGE,
      unit: "requests per window",
      default: 2000,
    }),
    rateLimitWindowSeconds: integer({ description: "Evaluation window of the rate limit.", values: RATE_LIMIT_WINDOWS, unit: "seconds", default: 300 }),
    action: choice(WAF_ACTIONS, { description: "block matching requests, or only count them (to tune the rules first).", default: "block" }),
  },
  {
    description:
      "The WAF web ACL in front of the distribution (scope CLOUDFRONT, us-east-1): AWS managed rule groups (IP reputation, common rule set, known bad inputs) and a per-IP rate limit, logged to aws-waf-logs-<project>-<stack> in us-east-1.",
  },
);

/** The keys of `blueprint:cdn`. */
export const cdnKeys = {
  priceClass: choice(PRICE_CLASSES, {
    description: "Edge locations that serve the distribution: PriceClass_100 (North America, Europe, Israel), PriceClass_200 or PriceClass_All.",
    // dev and staging serve their testers from the cheapest edge locations; prod serves users
    // everywhere at the lowest latency
    default: byEnvironment({ dev: "PriceClass_100", staging: "PriceClass_100", prod: "PriceClass_All" }),
  }),
  certificateArn: text({
    description:
      "An existing ACM certificate for the app name, in us-east-1 (CloudFront only uses certificates from there). Required when domain has no hostedZoneId. Needs certificateNames.",
    optional: true,
    absentMeans: "none (with domain.hostedZoneId the stack validates its own)",
  }),
  certificateNames: list(text({ description: "A name the certificate covers, e.g. www.example.com or *.example.com.", required: true }), {
    description:
      "The names certificateArn covers (its domain name and subject alternative names, wildcards as *.example.com), so that coverage of the app name is checked offline.",
    optional: true,
  }),
  staticReplicaRegion: text({
    description: "Region the static bucket is replicated to (the static origin group's failover), not the primary region.",
    jsonSchema: { enum: [...REGION_NAMES] },
    default: derived("the stack's second region, else a region of the primary's continent", ({ primaryRegion, regions }) =>
      defaultReplicaRegion(
        primaryRegion ?? regions[0]?.name ?? "us-east-1",
        regions.map((region) => region.name),
      ),
    ),
  }),
  staticPathPattern: text({ description: "Path pattern served from the static bucket, cached (CachingOptimized).", default: "/static/*" }),
  failoverPathPatterns: list(text({ description: "A CloudFront path pattern, e.g. /read/*.", required: true }), {
    description:
      "Read-only path patterns served through the load balancers' origin group (primary region, failing over to the next region). They allow only GET, HEAD and OPTIONS; every other path goes to the primary region with all methods.",
    default: ["/read/*"],
  }),
  failoverStatusCodes: list(integer({ description: "An HTTP status code of the primary load balancer.", values: FAILOVER_STATUS_CODES, required: true }), {
    description: "Status codes of the primary load balancer that make CloudFront retry the next region.",
    length: { min: 1 },
    // the load balancer's own failures; 4xx are the application's answers, not outages
    default: [500, 502, 503, 504],
  }),
  logRetentionDays: integer({
    description: "Days the access logs (S3, us-east-1) and WAF logs are kept, a CloudWatch Logs retention.",
    values: LOG_RETENTION_DAYS,
    unit: "days",
    default: fromEnvironment("logRetentionDays", "the environment's log retention"),
  }),
  originReadTimeoutSeconds: integer({
    description: "Seconds CloudFront waits for a load balancer's response.",
    range: ORIGIN_RANGES.readTimeoutSeconds,
    unit: "seconds",
    default: 30,
  }),
  // two 5-second attempts: a dead region fails over after 10 s instead of CloudFront's 30 s
  originConnectionAttempts: integer({
    description: "Connection attempts per load balancer before failing over.",
    range: ORIGIN_RANGES.connectionAttempts,
    default: 2,
  }),
  originConnectionTimeoutSeconds: integer({
    description: "Seconds per connection attempt: a dead region fails over after originConnectionAttempts times this.",
    range: ORIGIN_RANGES.connectionTimeoutSeconds,
    unit: "seconds",
    default: 5,
  }),
  // a year, the floor browsers' preload lists accept
  hstsMaxAgeSeconds: integer({
    description: "HSTS max-age sent with every response.",
    range: HSTS_MAX_AGE_SECONDS,
    unit: "seconds",
    default: DEFAULT_HSTS_MAX_AGE_SECONDS,
  }),
  waf,
};

/** The CDN settings after defaults. */
export type CdnSettings = GroupValue<typeof cdnKeys>;

/**
 * The distribution's own settings, what the Cdn component takes as `settings`: the certificate and
 * the static replica region reach it as its `certificate` and `staticAssets` arguments.
 */
export type DistributionSettings = Omit<CdnSettings, "certificateArn" | "certificateNames" | "staticReplicaRegion">;

/** The distribution's web ACL settings. */
export type WafSettings = CdnSettings["waf"];

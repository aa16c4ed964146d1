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
  BODY_SIZE_LIMIT_BYTES,
  CACHE_POLICY_LIMITS,
  DEFAULT_HSTS_MAX_AGE_SECONDS,
  FAILOVER_STATUS_CODES,
  GEO_RESTRICTION_TYPES,
  HSTS_MAX_AGE_SECONDS,
  ORIGIN_RANGES,
  PRICE_CLASSES,
  RATE_LIMIT_RANGE,
  RATE_LIMIT_WINDOWS,
  READ_YOUR_WRITES_SECONDS,
  WAF_ACTIONS,
} from "./lib/limits";
import { defaultReplicaRegion } from "./lib/replicaRegion";

/** A route class's request-body limit at the edge, absent by default. */
const unlimitedBody = (what: string) =>
  integer({
    description: `Largest request body the web ACL lets through on ${what}.`,
    range: BODY_SIZE_LIMIT_BYTES,
    unit: "bytes",
    optional: true,
    absentMeans: "no limit at the edge: the application enforces its own",
  });

/** A route class's request-body limit at the edge. */
const bodyLimit = (what: string, defaultBytes: number) =>
  integer({ description: `Largest request body the web ACL lets through on ${what}.`, range: BODY_SIZE_LIMIT_BYTES, unit: "bytes", default: defaultBytes });

/**
 * Body-size limits per route class. The managed common rule set blocks every body over 8 KB
 * (SizeRestrictions_BODY); the web ACL counts that rule instead and applies these limits, so API
 * writes and uploads reach their region.
 */
const bodySizeLimits = group(
  {
    write: unlimitedBody("write routes"),
    // reads carry no body; 8 KB is what the managed rule set enforced
    readAny: bodyLimit("read-any routes", 8192),
    readYourWrites: bodyLimit("read-your-writes routes", 8192),
    cacheable: bodyLimit("cacheable routes", 8192),
    static: bodyLimit("static routes", 8192),
  },
  {
    description:
      "Request-body limits per route class, enforced by the web ACL instead of the common rule set's fixed 8 KB SizeRestrictions_BODY rule (counted, not blocking). WAF inspects 16 KB of a body in front of CloudFront, so a limit is at most 16384.",
  },
);

/** The cache policy of the cacheable routes. */
const cache = group(
  {
    minTtlSeconds: integer({
      description: "Shortest time a cacheable response stays cached, whatever the origin's Cache-Control says.",
      range: CACHE_POLICY_LIMITS.ttlSeconds,
      unit: "seconds",
      default: 0,
    }),
    // a minute: fresh enough for a catalogue, and the origin's Cache-Control overrides it
    defaultTtlSeconds: integer({
      description: "How long a cacheable response stays cached when the origin sends no Cache-Control max-age or Expires.",
      range: CACHE_POLICY_LIMITS.ttlSeconds,
      unit: "seconds",
      default: 60,
    }),
    maxTtlSeconds: integer({
      description: "Longest time a cacheable response stays cached, whatever the origin's Cache-Control says.",
      range: CACHE_POLICY_LIMITS.ttlSeconds,
      unit: "seconds",
      default: 86_400,
    }),
    queryStrings: list(text({ description: "A query string name.", required: true }), {
      description: `Query strings in the cache key (and forwarded), at most ${CACHE_POLICY_LIMITS.queryStrings}; empty: none.`,
      unique: true,
      default: [],
    }),
    headers: list(text({ description: "A header name.", required: true }), {
      description: `Headers in the cache key (and forwarded), at most ${CACHE_POLICY_LIMITS.headers}; empty: none.`,
      unique: true,
      default: [],
    }),
  },
  {
    description:
      "The cache policy of the cacheable routes: TTL bounds around the origin's Cache-Control, and the cache key (no cookies; gzip and brotli variants).",
  },
);

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
    bodySizeLimits,
  },
  {
    description:
      "The WAF web ACL in front of the distribution (scope CLOUDFRONT, us-east-1): AWS managed rule groups (IP reputation, common rule set, known bad inputs) and a per-IP rate limit, logged to aws-waf-logs-<project>-<stack> in us-east-1.",
  },
);

/**
 * The countries the distribution refuses by default: those under comprehensive US and EU embargoes
 * (Cuba, Iran, North Korea, Syria). A service with other legal constraints sets its own list.
 */
export const DEFAULT_BLOCKED_COUNTRIES: readonly string[] = ["CU", "IR", "KP", "SY"];

/** Who CloudFront serves, by the viewer's country. */
const geoRestriction = group(
  {
    type: choice(GEO_RESTRICTION_TYPES, {
      description:
        "block: every country but those listed; allow: only the listed countries; none: every country (state why in reason, the policy pack flags it).",
      default: "block",
    }),
    countries: list(text({ description: "An ISO 3166-1 alpha-2 country code, e.g. IR.", required: true }), {
      description: "The countries the type blocks or allows (CloudFront's restriction list).",
      default: DEFAULT_BLOCKED_COUNTRIES,
    }),
  },
  {
    description:
      "Geo restriction of the distribution: CloudFront answers 403 to viewers of a blocked country (or of a country not allowed). The default blocks the countries under comprehensive US and EU embargoes.",
  },
);

/** The keys of `blueprint:cdn`. */
export const cdnKeys = {
  geoRestriction,
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
  privateOrigins: flag({
    description:
      "Reach each region's load balancer privately: an internal load balancer in the private subnets behind a CloudFront VPC origin, in every region where AWS offers VPC origins. Elsewhere (or when false) the load balancer stays internet-facing, admits only CloudFront and needs the secret origin header, over HTTPS only.",
    default: true,
  }),
  standbyRegions: list(text({ description: "A region of the stack, not the primary.", required: true }), {
    description:
      "Regions that serve no viewer first: they take another region's traffic only on failover (and the write routes on a switchover), so their tiers may run at lower minimums. Every other region must be the nearest region of some viewers.",
    default: [],
  }),
  // Aurora global replication usually lags below a second; ten seconds covers a slow moment
  readYourWritesSeconds: integer({
    description: "How long a viewer who wrote is served by the primary region on read-your-writes routes (a cookie set on write responses).",
    range: READ_YOUR_WRITES_SECONDS,
    unit: "seconds",
    default: 10,
  }),
  cache,
  failoverStatusCodes: list(integer({ description: "An HTTP status code of a region's load balancer.", values: FAILOVER_STATUS_CODES, required: true }), {
    description: "Status codes of a region's load balancer that make CloudFront retry the next region on the read routes.",
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

/**
 * CloudFront's rules as data: price classes, origin-group failover codes, timeouts, aliases and
 * certificates, path patterns and physical names, checked offline so that a value CloudFront,
 * ACM, WAF or S3 would reject at deploy time fails before anything is created.
 *
 * Values marked `[volatile]` are AWS limits or quotas that have changed over time; keep each in
 * one place: here, or in `limits.ts` when a setting's declaration reads it too.
 */
import { COUNTRY_COORDINATES } from "../../lib/countries";
import { certificateNameCovers, dnsNameProblem, parseAcmCertificateArn } from "../../lib/dns";
import { isLogRetention } from "../../lib/logRetention";
import { bucketName } from "../../lib/naming";
import { rangeProblem, type FieldProblem } from "../../lib/ranges";
import type { DistributionSettings } from "../settings";
import {
  BODY_SIZE_LIMIT_BYTES,
  CACHE_POLICY_LIMITS,
  FAILOVER_STATUS_CODES,
  HSTS_MAX_AGE_SECONDS,
  ORIGIN_RANGES,
  PRICE_CLASSES,
  RATE_LIMIT_RANGE,
  RATE_LIMIT_WINDOWS,
  READ_YOUR_WRITES_SECONDS,
  WAF_ACTIONS,
} from "./limits";

export {
  DEFAULT_HSTS_MAX_AGE_SECONDS,
  FAILOVER_STATUS_CODES,
  HSTS_MAX_AGE_SECONDS,
  ORIGIN_RANGES,
  PRICE_CLASSES,
  RATE_LIMIT_RANGE,
  RATE_LIMIT_WINDOWS,
  WAF_ACTIONS,
  type PriceClass,
  type WafAction,
} from "./limits";
export { defaultReplicaRegion, replicaRegionProblem } from "./replicaRegion";
export type { CdnSettings, DistributionSettings, WafSettings } from "../settings";

/** The region CloudFront takes its ACM certificates and its (scope CLOUDFRONT) web ACLs from. */
export const CLOUDFRONT_CONTROL_REGION = "us-east-1";

/** Route 53 hosted zone of every `*.cloudfront.net` name, for alias records. */
export const CLOUDFRONT_HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";

/** The viewer TLS policy: TLS 1.2 with modern ciphers only (needs SNI, hence `sni-only`). */
export const MINIMUM_VIEWER_TLS = "TLSv1.2_2021";

/**
 * CloudFront quotas per distribution (`[volatile]`; defaults of adjustable quotas; the behaviour
 * quota has been raised over time, the lowest published value is used).
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
export const DISTRIBUTION_QUOTAS = {
  aliases: 100,
  origins: 25,
  originGroups: 10,
  cacheBehaviors: 25,
} as const;

/** Longest cache-behavior path pattern. */
export const MAX_PATH_PATTERN_LENGTH = 255;
/** Characters CloudFront accepts in a path pattern (`*` and `?` are wildcards). */
const PATH_PATTERN = /^\/[A-Za-z0-9_\-.*$/~"'@:+&?]*$/;

/**
 * Longest origin access control name (unique per account).
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html
 */
export const MAX_OAC_NAME_LENGTH = 64;
/**
 * CloudFront Function names: 1 to 64 letters, digits, `-` and `_`.
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CreateFunction.html
 */
export const MAX_FUNCTION_NAME_LENGTH = 64;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
/**
 * CloudWatch Logs delivery source and destination names: 1 to 60 word characters or `-`.
 * @see https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutDeliverySource.html
 */
export const DELIVERY_NAME = { pattern: /^[\w-]{1,60}$/, maxLength: 60 } as const;

/** Requests CloudFront may only send through an origin group (failover is for reads). */
export const READ_METHODS = ["GET", "HEAD", "OPTIONS"] as const;
/** Every method, for the behaviours that reach the primary region only. */
export const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"] as const;

/** Why a path pattern is invalid for a cache behavior, or undefined. */
export function pathPatternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATH_PATTERN_LENGTH) return `must be at most ${MAX_PATH_PATTERN_LENGTH} characters`;
  if (!PATH_PATTERN.test(pattern)) {
    return "must start with / and use only letters, digits and _ - . * $ / ~ \" ' @ : + & ? (CloudFront's path-pattern characters)";
  }
  if (pattern === "/*" || pattern === "*") return "must not match every path: that is the default behaviour";
  return undefined;
}

/** Every problem of the distribution's settings; fields are key paths inside the settings. */
export function cdnSettingsProblems(settings: DistributionSettings): FieldProblem[] {
  const problems: FieldProblem[] = [...geoRestrictionProblems(settings.geoRestriction)];
  if (!(PRICE_CLASSES as readonly string[]).includes(settings.priceClass)) {
    problems.push({ field: "priceClass", message: `must be one of ${PRICE_CLASSES.join(", ")}` });
  }
  const waf = settings.waf;
  const rate = rangeProblem("waf.rateLimit", waf.rateLimit, RATE_LIMIT_RANGE, "requests per window");
  if (rate) problems.push(rate);
  if (!(RATE_LIMIT_WINDOWS as readonly number[]).includes(waf.rateLimitWindowSeconds)) {
    problems.push({ field: "waf.rateLimitWindowSeconds", message: `must be one of ${RATE_LIMIT_WINDOWS.join(", ")} seconds (WAF's evaluation windows)` });
  }
  if (!(WAF_ACTIONS as readonly string[]).includes(waf.action)) {
    problems.push({ field: "waf.action", message: `must be one of ${WAF_ACTIONS.join(", ")}` });
  }
  if (!isLogRetention(settings.logRetentionDays)) {
    problems.push({
      field: "logRetentionDays",
      message:
        "must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days",
    });
  }
  for (const problem of [
    rangeProblem("originReadTimeoutSeconds", settings.originReadTimeoutSeconds, ORIGIN_RANGES.readTimeoutSeconds, "seconds"),
    rangeProblem("originConnectionAttempts", settings.originConnectionAttempts, ORIGIN_RANGES.connectionAttempts),
    rangeProblem("originConnectionTimeoutSeconds", settings.originConnectionTimeoutSeconds, ORIGIN_RANGES.connectionTimeoutSeconds, "seconds"),
    rangeProblem("hstsMaxAgeSeconds", settings.hstsMaxAgeSeconds, HSTS_MAX_AGE_SECONDS, "seconds"),
  ]) {
    if (problem) problems.push(problem);
  }
  problems.push(...failoverCodeProblems(settings.failoverStatusCodes));
  const ryw = rangeProblem("readYourWritesSeconds", settings.readYourWritesSeconds, READ_YOUR_WRITES_SECONDS, "seconds");
  if (ryw) problems.push(ryw);
  problems.push(...cachePolicyProblems(settings.cache));
  for (const [routeClass, limit] of Object.entries(waf.bodySizeLimits)) {
    const problem = limit === undefined ? undefined : rangeProblem(`waf.bodySizeLimits.${routeClass}`, limit, BODY_SIZE_LIMIT_BYTES, "bytes");
    if (problem)
      problems.push({
        ...problem,
        message: `${problem.message}: WAF inspects the first 16 KB of a body in front of CloudFront, so a larger limit cannot be measured`,
      });
  }
  return problems;
}

/** A header or query string name CloudFront takes in a cache key: an HTTP token. */
const KEY_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}$/;

/** Problems of the cacheable routes' cache policy: TTL order and range, cache-key quotas and names. */
export function cachePolicyProblems(cache: DistributionSettings["cache"]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const key of ["minTtlSeconds", "defaultTtlSeconds", "maxTtlSeconds"] as const) {
    const problem = rangeProblem(`cache.${key}`, cache[key], CACHE_POLICY_LIMITS.ttlSeconds, "seconds");
    if (problem) problems.push(problem);
  }
  if (cache.minTtlSeconds > cache.defaultTtlSeconds) {
    problems.push({
      field: "cache.defaultTtlSeconds",
      message: `must be at least cache.minTtlSeconds (${cache.minTtlSeconds}); CloudFront rejects a default TTL below the minimum`,
    });
  }
  if (cache.defaultTtlSeconds > cache.maxTtlSeconds) {
    problems.push({
      field: "cache.maxTtlSeconds",
      message: `must be at least cache.defaultTtlSeconds (${cache.defaultTtlSeconds}); CloudFront rejects a maximum TTL below the default`,
    });
  }
  if (cache.maxTtlSeconds === 0 && (cache.queryStrings.length > 0 || cache.headers.length > 0)) {
    problems.push({
      field: "cache",
      message: "caches nothing (maxTtlSeconds 0) but lists cache-key names; CloudFront refuses a cache key on a policy that does not cache",
    });
  }
  for (const [key, names, limit] of [
    ["queryStrings", cache.queryStrings, CACHE_POLICY_LIMITS.queryStrings],
    ["headers", cache.headers, CACHE_POLICY_LIMITS.headers],
  ] as const) {
    if (names.length > limit) problems.push({ field: `cache.${key}`, message: `lists ${names.length}; a CloudFront cache policy takes at most ${limit}` });
    names.forEach((name, index) => {
      if (!KEY_NAME.test(name))
        problems.push({ field: `cache.${key}.${index}`, message: "must be an HTTP token: letters, digits and ! # $ % & ' * + . ^ _ ` | ~ -" });
    });
  }
  return problems;
}

/** Problems of the failover status codes: a non-empty set of codes AWS allows. */
export function failoverCodeProblems(codes: readonly number[]): FieldProblem[] {
  if (codes.length === 0) {
    return [{ field: "failoverStatusCodes", message: `must list at least one code; origin groups fail over on some of ${FAILOVER_STATUS_CODES.join(", ")}` }];
  }
  const problems: FieldProblem[] = [];
  const bad = codes.filter((code) => !FAILOVER_STATUS_CODES.includes(code));
  if (bad.length > 0) {
    problems.push({
      field: "failoverStatusCodes",
      message: `may only contain ${FAILOVER_STATUS_CODES.join(", ")} (CloudFront rejects other failover codes); ${bad.join(", ")} ${bad.length === 1 ? "is" : "are"} not allowed`,
    });
  }
  if (new Set(codes).size !== codes.length) problems.push({ field: "failoverStatusCodes", message: "must not repeat a code" });
  return problems;
}

/** Problems of the distribution's aliases: DNS names under the stack's domain, unique, within the quota. */
export function aliasProblems(aliases: readonly string[], domain?: string): string[] {
  const problems: string[] = [];
  if (aliases.length > DISTRIBUTION_QUOTAS.aliases) {
    problems.push(`aliases lists ${aliases.length} names; CloudFront allows ${DISTRIBUTION_QUOTAS.aliases} per distribution by default`);
  }
  const seen = new Set<string>();
  for (const alias of aliases) {
    const problem = dnsNameProblem(alias);
    if (problem) problems.push(`alias ${JSON.stringify(alias)} ${problem}`);
    else if (domain !== undefined && alias !== domain && !alias.endsWith(`.${domain}`)) {
      problems.push(`alias ${alias} is not under the stack's domain ${domain}`);
    }
    if (seen.has(alias)) problems.push(`alias ${alias} is listed twice`);
    seen.add(alias);
  }
  return problems;
}

/**
 * Problems of an existing certificate for CloudFront: its ARN must be an ACM certificate of
 * us-east-1, and, when the names it covers are declared, they must cover every alias.
 */
export function existingCertificateProblems(arn: string, aliases: readonly string[], coveredNames?: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = parseAcmCertificateArn(arn);
  if (typeof parsed === "string") {
    problems.push({ field: "certificateArn", message: parsed });
  } else if (parsed.region !== CLOUDFRONT_CONTROL_REGION) {
    problems.push({
      field: "certificateArn",
      message: `is a certificate in ${parsed.region}; CloudFront only uses ACM certificates from ${CLOUDFRONT_CONTROL_REGION}`,
    });
  }
  if (coveredNames === undefined) return problems;
  coveredNames.forEach((name, index) => {
    const problem = dnsNameProblem(name.startsWith("*.") ? name.slice(2) : name);
    if (problem) problems.push({ field: `certificateNames.${index}`, message: problem });
  });
  const uncovered = aliases.filter((alias) => !coveredNames.some((name) => certificateNameCovers(name, alias)));
  if (uncovered.length > 0) {
    problems.push({
      field: "certificateNames",
      message: `do not cover the alias${uncovered.length === 1 ? "" : "es"} ${uncovered.join(", ")}; CloudFront rejects a certificate that does not cover every alias (covered: ${coveredNames.join(", ") || "none"})`,
    });
  }
  return problems;
}

/** The physical names of the edge's account-unique resources. */
export interface CdnNames {
  /** Origin access control of the static buckets. */
  readonly originAccessControl: string;
  /** The response headers policy. */
  readonly securityHeadersPolicy: string;
  /** The cacheable routes' cache policy. */
  readonly cachePolicy: string;
  /** The origin request policy that adds the viewer-location headers. */
  readonly viewerLocationPolicy: string;
  /** CloudFront Functions: the router of a class, and the write marker. */
  readonly router: (routeClass: string) => string;
  readonly writeMarker: string;
  /** A region's VPC origin. */
  readonly vpcOrigin: (region: string) => string;
  /** The web ACL and its metric. */
  readonly webAcl: string;
  /** WAF's log group: WAF only logs to groups named `aws-waf-logs-...`. */
  readonly wafLogGroup: string;
  /** CloudWatch Logs delivery source and destination of the access logs. */
  readonly logDelivery: string;
}

/** The names derived from `<project>-<stack>`. */
export function cdnNames(namePrefix: string): CdnNames {
  return {
    originAccessControl: `${namePrefix}-static`,
    securityHeadersPolicy: `${namePrefix}-security-headers`,
    cachePolicy: `${namePrefix}-cacheable`,
    viewerLocationPolicy: `${namePrefix}-viewer-location`,
    router: (routeClass) => `${namePrefix}-route-${routeClass}`,
    writeMarker: `${namePrefix}-mark-writes`,
    vpcOrigin: (region) => `${namePrefix}-${region}`,
    webAcl: `${namePrefix}-edge`,
    wafLogGroup: `aws-waf-logs-${namePrefix}`,
    logDelivery: `${namePrefix}-cdn-access`,
  };
}

/** Bucket purposes of the edge (see `bucketName`). */
export const EDGE_BUCKET_PURPOSES = { static: "static", logs: "cdn-logs" } as const;

/** A stand-in account for checking bucket-name lengths offline (every account ID has 12 digits). */
const STAND_IN_ACCOUNT = "000000000000";

/** Problems of the names the prefix produces: lengths and characters of every account-unique name. */
export function cdnNameProblems(namePrefix: string, bucketRegions: readonly string[]): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(namePrefix)) {
    problems.push(`namePrefix must be lowercase letters, digits and -, not starting or ending with -, got ${JSON.stringify(namePrefix)}`);
    return problems;
  }
  const names = cdnNames(namePrefix);
  if (names.originAccessControl.length > MAX_OAC_NAME_LENGTH) {
    problems.push(
      `the origin access control name ${names.originAccessControl} is ${names.originAccessControl.length} characters; CloudFront allows ${MAX_OAC_NAME_LENGTH} (shorten namePrefix)`,
    );
  }
  const longestFunction = names.router("read-your-writes");
  if (!FUNCTION_NAME.test(longestFunction)) {
    problems.push(
      `the CloudFront function name ${longestFunction} is ${longestFunction.length} characters; CloudFront allows ${MAX_FUNCTION_NAME_LENGTH} letters, digits, - and _ (shorten namePrefix)`,
    );
  }
  if (!DELIVERY_NAME.pattern.test(names.logDelivery)) {
    problems.push(
      `the log delivery name ${names.logDelivery} is ${names.logDelivery.length} characters; CloudWatch Logs allows ${DELIVERY_NAME.maxLength} (shorten namePrefix)`,
    );
  }
  const buckets: Array<[string, string]> = [
    ...bucketRegions.map((region): [string, string] => [EDGE_BUCKET_PURPOSES.static, region]),
    [EDGE_BUCKET_PURPOSES.logs, CLOUDFRONT_CONTROL_REGION],
  ];
  for (const [purpose, region] of buckets) {
    try {
      bucketName(namePrefix, purpose, region, STAND_IN_ACCOUNT);
    } catch (error) {
      problems.push(`the ${purpose} bucket of ${region} has no valid S3 name: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * Why CloudFront would refuse the geo restriction: a country code it does not know, one listed
 * twice, a block or allow list without a country, or countries with `none` (CloudFront takes no
 * list then).
 */
export function geoRestrictionProblems(geo: DistributionSettings["geoRestriction"]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  geo.countries.forEach((code, index) => {
    if (!COUNTRY_COORDINATES.has(code)) {
      problems.push({
        field: `geoRestriction.countries[${index}]`,
        message: `${JSON.stringify(code)} is not an ISO 3166-1 alpha-2 country code CloudFront knows (two capital letters, e.g. IR)`,
      });
    } else if (geo.countries.indexOf(code) !== index) {
      problems.push({ field: `geoRestriction.countries[${index}]`, message: `${JSON.stringify(code)} repeats an earlier country` });
    }
  });
  if (geo.type === "none" && geo.countries.length > 0) {
    problems.push({
      field: "geoRestriction.countries",
      message: "must be [] with geoRestriction.type none (CloudFront takes no list then; the default list blocks CU, IR, KP, SY)",
    });
  }
  if (geo.type !== "none" && geo.countries.length === 0) {
    problems.push({ field: "geoRestriction.countries", message: `must list at least one country with geoRestriction.type ${geo.type}` });
  }
  return problems;
}

/**
 * The `cdn` section of the stack config: its shape, the per-environment defaults,
 * how they fill in a stack file's values, and the rules the effective values must satisfy
 * (CloudFront, ACM, WAF and S3 limits), reported per key path.
 *
 * Some rules span sections: CloudFront's alias is the domain's app name and its certificate must
 * cover it; without a hosted zone the stack cannot validate a certificate, so it needs an existing
 * one. Those checks take the stack's resolved domain through `EdgeContext`.
 */
import { z } from "zod";
import {
  cdnNameProblems,
  cdnNames,
  cdnSettingsProblems,
  DEFAULT_HSTS_MAX_AGE_SECONDS,
  defaultReplicaRegion,
  existingCertificateProblems,
  PRICE_CLASSES,
  RATE_LIMIT_WINDOWS,
  replicaRegionProblem,
  WAF_ACTIONS,
  type CdnSettings,
  type PriceClass,
  type WafAction,
} from "../components/cdn/lib/cdnRules";
import { distributionLayout, layoutProblems } from "../components/cdn/lib/layout";
import type { CdnCertificate } from "../components/cdn/lib/validate";
import { wafProblems, wafRules } from "../components/cdn/lib/waf";
import { LOG_RETENTION_DAYS } from "../components/lib/logRetention";
import { REGION_NAMES } from "../components/lib/regions";
import type { FieldProblem } from "../components/lib/ranges";
import type { DomainConfig } from "../components/dns/domainSettings";
import type { ConfigIssue, ConfigPath } from "./configIssues";
import { PROFILES, type Environment } from "./profiles";
import type { SectionContext } from "./sectionContext";

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const pick = <T>(value: unknown, guard: (v: unknown) => v is T, fallback: T): T => (guard(value) ? value : fallback);
const isNumber = (value: unknown): value is number => typeof value === "number";
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isNumberArray = (value: unknown): value is number[] => Array.isArray(value) && value.every(isNumber);
const int = (description: string) => z.number().int().optional().describe(description);

// ---------------------------------------------------------------------------------------------
// Shape

/** The web ACL in front of the distribution. */
const wafSchema = z
  .strictObject({
    enabled: z.boolean().optional().describe("Attach a WAF web ACL (scope CLOUDFRONT, created in us-east-1) to the distribution. Default: dev false, staging and prod true."),
    rateLimit: int("Requests one IP may send per rateLimitWindowSeconds before the rate rule acts, 10 to 2000000000. Default 2000."),
    rateLimitWindowSeconds: z
      .number()
      .int()
      .optional()
      .meta({ description: "Evaluation window of the rate limit: 60, 120, 300 or 600 seconds. Default 300.", enum: [...RATE_LIMIT_WINDOWS] }),
    action: z.enum(WAF_ACTIONS).optional().describe("block matching requests, or only count them (to tune the rules first). Default block."),
  })
  .describe("The WAF web ACL: AWS managed rule groups (IP reputation, common rule set, known bad inputs) and a per-IP rate limit, logged to aws-waf-logs-<project>-<stack> in us-east-1.");

/** The `cdn` section. */
export const cdnSchema = z
  .strictObject({
    priceClass: z
      .enum(PRICE_CLASSES)
      .optional()
      .describe("Edge locations that serve the distribution: PriceClass_100 (North America, Europe, Israel), PriceClass_200 or PriceClass_All. Default: dev and staging PriceClass_100, prod PriceClass_All."),
    certificateArn: z
      .string()
      .optional()
      .describe("An existing ACM certificate for the app name, in us-east-1 (CloudFront only uses certificates from there). Required when domain has no hostedZoneId; with a hosted zone the stack validates its own. Needs certificateNames."),
    certificateNames: z
      .array(z.string())
      .optional()
      .describe("The names certificateArn covers (its domain name and subject alternative names, wildcards as *.example.com), so that coverage of the app name is checked offline."),
    staticReplicaRegion: z
      .string()
      .meta({ enum: [...REGION_NAMES] })
      .optional()
      .describe("Region the static bucket is replicated to (the static origin group's failover), not the primary region. Default: the stack's second region, else a region of the primary's continent."),
    staticPathPattern: z.string().optional().describe("Path pattern served from the static bucket, cached (CachingOptimized). Default /static/*."),
    failoverPathPatterns: z
      .array(z.string())
      .optional()
      .describe(
        "Read-only path patterns served through the load balancers' origin group (primary region, failing over to the next region). They allow only GET, HEAD and OPTIONS; every other path goes to the primary region with all methods. Default [/read/*].",
      ),
    failoverStatusCodes: z
      .array(z.number().int())
      .optional()
      .describe("Status codes of the primary load balancer that make CloudFront retry the next region: some of 400, 403, 404, 416, 500, 502, 503, 504. Default [500, 502, 503, 504]."),
    logRetentionDays: z
      .number()
      .int()
      .optional()
      .meta({ description: "Days the access logs (S3, us-east-1) and WAF logs are kept, a CloudWatch Logs retention. Default from the profile (7/30/365).", enum: [...LOG_RETENTION_DAYS] }),
    originReadTimeoutSeconds: int("Seconds CloudFront waits for a load balancer's response, 1 to 60. Default 30."),
    originConnectionAttempts: int("Connection attempts per load balancer before failing over, 1 to 3. Default 2."),
    originConnectionTimeoutSeconds: int("Seconds per connection attempt, 1 to 10. Default 5 (with 2 attempts, failover after 10 s)."),
    hstsMaxAgeSeconds: int("HSTS max-age sent with every response, 0 or more seconds. Default 31536000 (one year)."),
    waf: wafSchema.optional().describe("The WAF web ACL in front of the distribution (scope CLOUDFRONT, us-east-1): managed rule groups and a per-IP rate limit."),
  })
  .describe("The CloudFront distribution in front of every region's load balancer and the static bucket: failover, certificate, security headers, access logs and WAF.");

/** Allowed keys per sub-path of the `cdn` section ("" is the top level). */
export const CDN_NESTED_KEYS: Readonly<Record<string, string[]>> = {
  "": Object.keys(cdnSchema.shape),
  waf: Object.keys(wafSchema.shape),
};

// ---------------------------------------------------------------------------------------------
// Defaults

/** The CDN defaults that depend on the environment. */
export interface CdnProfile {
  readonly priceClass: PriceClass;
  readonly wafEnabled: boolean;
}

/** Per-environment CDN defaults. */
export const CDN_PROFILES: Readonly<Record<Environment, CdnProfile>> = {
  // dev and staging serve their testers from the cheapest edge locations; dev skips the WAF's
  // monthly ACL and rule charges, staging runs it so rules are tuned before prod
  dev: { priceClass: "PriceClass_100", wafEnabled: false },
  staging: { priceClass: "PriceClass_100", wafEnabled: true },
  // prod serves users everywhere at the lowest latency
  prod: { priceClass: "PriceClass_All", wafEnabled: true },
};

/** CDN defaults that are the same in every environment. */
export const CDN_DEFAULTS = {
  // about 7 requests per second per IP, sustained over five minutes
  rateLimit: 2000,
  rateLimitWindowSeconds: 300,
  action: "block" as WafAction,
  staticPathPattern: "/static/*",
  failoverPathPatterns: ["/read/*"] as readonly string[],
  // the load balancer's own failures; 4xx are the application's answers, not outages
  failoverStatusCodes: [500, 502, 503, 504] as readonly number[],
  originReadTimeoutSeconds: 30,
  // two 5-second attempts: a dead region fails over after 10 s instead of CloudFront's 30 s
  originConnectionAttempts: 2,
  originConnectionTimeoutSeconds: 5,
  hstsMaxAgeSeconds: DEFAULT_HSTS_MAX_AGE_SECONDS,
} as const;

// ---------------------------------------------------------------------------------------------
// Resolution

/** The `cdn` section after defaults. */
export interface CdnConfig extends CdnSettings {
  /** An existing us-east-1 certificate for the app name. */
  readonly certificateArn?: string;
  /** The names `certificateArn` covers. */
  readonly certificateNames?: readonly string[];
  /** Region of the static bucket's replica. */
  readonly staticReplicaRegion: string;
}

/** The rest of the stack the edge's rules look at. */
export interface EdgeContext {
  /** The resolved domain (`resolveDomain(raw.domain)`), when the stack has one. */
  readonly domain?: DomainConfig;
}

/** The primary region of the context, or its first region. */
function primaryOf(ctx: SectionContext): string | undefined {
  return ctx.primaryRegion ?? ctx.regions[0]?.name;
}

/** The `cdn` section after defaults. */
export function resolveCdn(raw: unknown, ctx: SectionContext & { readonly environment: Environment }): CdnConfig {
  const cdn = isObject(raw) ? raw : {};
  const waf = isObject(cdn.waf) ? cdn.waf : {};
  const profile = CDN_PROFILES[ctx.environment];
  const primary = primaryOf(ctx) ?? "us-east-1";
  return {
    priceClass: pick(cdn.priceClass, isString, profile.priceClass) as PriceClass,
    waf: {
      enabled: pick(waf.enabled, isBoolean, profile.wafEnabled),
      rateLimit: pick(waf.rateLimit, isNumber, CDN_DEFAULTS.rateLimit),
      rateLimitWindowSeconds: pick(waf.rateLimitWindowSeconds, isNumber, CDN_DEFAULTS.rateLimitWindowSeconds),
      action: pick(waf.action, isString, CDN_DEFAULTS.action) as WafAction,
    },
    logRetentionDays: pick(cdn.logRetentionDays, isNumber, PROFILES[ctx.environment].logRetentionDays),
    staticPathPattern: pick(cdn.staticPathPattern, isString, CDN_DEFAULTS.staticPathPattern),
    failoverPathPatterns: pick(cdn.failoverPathPatterns, isStringArray, [...CDN_DEFAULTS.failoverPathPatterns]),
    failoverStatusCodes: pick(cdn.failoverStatusCodes, isNumberArray, [...CDN_DEFAULTS.failoverStatusCodes]),
    originReadTimeoutSeconds: pick(cdn.originReadTimeoutSeconds, isNumber, CDN_DEFAULTS.originReadTimeoutSeconds),
    originConnectionAttempts: pick(cdn.originConnectionAttempts, isNumber, CDN_DEFAULTS.originConnectionAttempts),
    originConnectionTimeoutSeconds: pick(cdn.originConnectionTimeoutSeconds, isNumber, CDN_DEFAULTS.originConnectionTimeoutSeconds),
    hstsMaxAgeSeconds: pick(cdn.hstsMaxAgeSeconds, isNumber, CDN_DEFAULTS.hstsMaxAgeSeconds),
    ...(isString(cdn.certificateArn) ? { certificateArn: cdn.certificateArn } : {}),
    ...(isStringArray(cdn.certificateNames) ? { certificateNames: [...cdn.certificateNames] } : {}),
    staticReplicaRegion: pick(
      cdn.staticReplicaRegion,
      isString,
      defaultReplicaRegion(
        primary,
        ctx.regions.map((region) => region.name),
      ),
    ),
  };
}

/** CloudFront's aliases for the stack's domain: the app name, or none without a domain. */
export function cdnAliases(domain: DomainConfig | undefined): string[] {
  return domain ? [domain.appName] : [];
}

/**
 * The distribution's certificate: the configured ARN (with its declared names), else one the
 * stack validates in its hosted zone, else none (no domain: CloudFront's default certificate).
 */
export function cdnCertificate(cdn: CdnConfig, domain: DomainConfig | undefined): CdnCertificate | undefined {
  if (!domain) return undefined;
  if (cdn.certificateArn !== undefined) {
    return { arn: cdn.certificateArn, ...(cdn.certificateNames ? { names: cdn.certificateNames } : {}) };
  }
  return domain.hostedZoneId !== undefined ? { hostedZoneId: domain.hostedZoneId } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Rules

/** Issues at `base` from field problems whose fields are dotted paths (numbers become indexes). */
function at(base: ConfigPath, problems: readonly FieldProblem[]): ConfigIssue[] {
  return problems.map((problem) => ({
    path: [...base, ...problem.field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))],
    message: problem.message,
  }));
}

/** The stand-in environment for rules that do not depend on the profile (its defaults are valid). */
const STAND_IN_ENVIRONMENT: Environment = "dev";

/** Every rule of the `cdn` section, on the effective values; `raw` is the section's value. */
export function checkCdn(raw: unknown, ctx: SectionContext, edge: EdgeContext = {}): ConfigIssue[] {
  const cdn = resolveCdn(raw, { ...ctx, environment: ctx.environment ?? STAND_IN_ENVIRONMENT });
  const written = isObject(raw) ? raw : {};
  const issues: ConfigIssue[] = at(["cdn"], cdnSettingsProblems(cdn));
  issues.push(...checkCertificate(written, cdn, edge.domain));

  const primary = primaryOf(ctx);
  if (primary !== undefined) {
    const replica = replicaRegionProblem(primary, cdn.staticReplicaRegion);
    if (replica) issues.push({ path: ["cdn", "staticReplicaRegion"], message: replica });
  }
  const bucketRegions = [primary, cdn.staticReplicaRegion].filter((region): region is string => region !== undefined);
  for (const message of cdnNameProblems(ctx.namePrefix, bucketRegions)) {
    issues.push({ path: ["cdn"], message: `cannot be named for this stack: ${message}`, showValue: false });
  }
  if (issues.length > 0) return issues;

  // The whole distribution as it would be created: origin groups, behaviours, quotas, WAF.
  if (primary !== undefined) {
    const regions = [primary, ...ctx.regions.map((region) => region.name).filter((name) => name !== primary)];
    const layout = distributionLayout({
      loadBalancerRegions: regions,
      staticRegions: { primary, replica: cdn.staticReplicaRegion },
      staticPathPattern: cdn.staticPathPattern,
      failoverPathPatterns: cdn.failoverPathPatterns,
      failoverStatusCodes: cdn.failoverStatusCodes,
    });
    for (const message of layoutProblems(layout)) issues.push({ path: ["cdn"], message: `would make an invalid distribution: ${message}`, showValue: false });
  }
  if (cdn.waf.enabled) {
    const aclName = cdnNames(ctx.namePrefix).webAcl;
    for (const message of wafProblems(aclName, wafRules(aclName, cdn.waf))) issues.push({ path: ["cdn", "waf"], message, showValue: false });
  }
  return issues;
}

/** The certificate's rules: an existing ARN must be in us-east-1 and cover the app name; without a hosted zone one is required. */
function checkCertificate(written: Raw, cdn: CdnConfig, domain: DomainConfig | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!domain) {
    if (cdn.certificateArn !== undefined) {
      issues.push({ path: ["cdn", "certificateArn"], message: "applies only with blueprint:domain; without a domain CloudFront has no alias and serves its default certificate" });
    }
    return issues;
  }
  if (cdn.certificateArn === undefined) {
    if (cdn.certificateNames !== undefined) {
      issues.push({ path: ["cdn", "certificateNames"], message: "applies only with cdn.certificateArn (they are the names that certificate covers)" });
    }
    if (domain.hostedZoneId === undefined) {
      issues.push({
        path: ["cdn", "certificateArn"],
        message: `is required: domain has no hostedZoneId, so the stack cannot validate CloudFront's certificate for ${domain.appName}; give an ACM certificate of us-east-1 covering it, with cdn.certificateNames`,
        showValue: false,
      });
    }
    return issues;
  }
  if (written.certificateNames === undefined) {
    issues.push({
      path: ["cdn", "certificateNames"],
      message: `is required with cdn.certificateArn: list the names the certificate covers (domain name and subject alternative names) so that coverage of ${domain.appName} is checked before deploying`,
      showValue: false,
    });
  }
  issues.push(...at(["cdn"], existingCertificateProblems(cdn.certificateArn, cdnAliases(domain), cdn.certificateNames)));
  return issues;
}


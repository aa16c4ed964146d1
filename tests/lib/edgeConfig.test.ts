import * as assert from "node:assert/strict";
import type { DomainConfig } from "../../components/dns/domainSettings";
import { formatIssue, type ConfigIssue } from "../../infra/configIssues";
import {
  CDN_NESTED_KEYS,
  CDN_PROFILES,
  cdnAliases,
  cdnCertificate,
  cdnSchema,
  checkCdn,
  resolveCdn,
} from "../../infra/edgeConfig";
import type { Environment } from "../../infra/profiles";
import type { SectionContext } from "../../infra/sectionContext";
import { PROD_CDN_SETTINGS } from "../support/settings";

const THREE_REGIONS: SectionContext = {
  environment: "prod",
  regions: [
    { name: "us-east-1", azCount: 3, primary: true },
    { name: "eu-west-1", azCount: 3, primary: false },
    { name: "ap-southeast-2", azCount: 3, primary: false },
  ],
  primaryRegion: "us-east-1",
  namePrefix: "blueprint-prod",
};
const ONE_REGION: SectionContext = { environment: "dev", regions: [{ name: "eu-west-1", azCount: 2, primary: true }], primaryRegion: "eu-west-1", namePrefix: "blueprint-dev" };
const WITH_ZONE: DomainConfig = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ", apiName: "api.example.com", appName: "www.example.com", certificateArns: {} };
const WITHOUT_ZONE: DomainConfig = { name: "staging.example.com", apiName: "api.staging.example.com", appName: "www.staging.example.com", certificateArns: {} };
const US_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";
const EU_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/6b7c8d9e-0a1b-4c2d-8e3f-4a5b6c7d8e9f";

/** The printed lines of issues, as parseConfig would print them for the section. */
const lines = (issues: ConfigIssue[], raw: Record<string, unknown>) => issues.map((issue) => formatIssue(issue, raw));
const withEnv = (ctx: SectionContext, environment: Environment) => ({ ...ctx, environment });

describe("cdn schema", () => {
  it("list their keys for unknown-key errors", () => {
    assert.deepEqual(CDN_NESTED_KEYS, {
      "": [
        "priceClass",
        "certificateArn",
        "certificateNames",
        "staticReplicaRegion",
        "staticPathPattern",
        "failoverPathPatterns",
        "failoverStatusCodes",
        "logRetentionDays",
        "originReadTimeoutSeconds",
        "originConnectionAttempts",
        "originConnectionTimeoutSeconds",
        "hstsMaxAgeSeconds",
        "waf",
      ],
      waf: ["enabled", "rateLimit", "rateLimitWindowSeconds", "action"],
    });
  });

  it("reject unknown keys and wrong types", () => {
    assert.equal(cdnSchema.safeParse({ priceClass: "PriceClass_All", waf: { enabled: true } }).success, true);
    assert.equal(cdnSchema.safeParse({ prizeClass: "PriceClass_All" }).success, false);
    assert.equal(cdnSchema.safeParse({ priceClass: "PriceClass_50" }).success, false);
    assert.equal(cdnSchema.safeParse({ waf: { rateLimit: 1.5 } }).success, false);
  });

  it("describe every key", () => {
    for (const [key, value] of Object.entries(cdnSchema.shape)) assert.ok((value as { description?: string }).description, key);
  });
});

describe("resolveCdn", () => {
  it("applies the profile: WAF off in dev, on in staging and prod; PriceClass_All only in prod", () => {
    assert.deepEqual(
      (["dev", "staging", "prod"] as const).map((environment) => {
        const cdn = resolveCdn(undefined, withEnv(THREE_REGIONS, environment));
        return [environment, cdn.priceClass, cdn.waf.enabled, cdn.logRetentionDays];
      }),
      [
        ["dev", "PriceClass_100", false, 7],
        ["staging", "PriceClass_100", true, 30],
        ["prod", "PriceClass_All", true, 365],
      ],
    );
    assert.deepEqual(CDN_PROFILES.prod, { priceClass: "PriceClass_All", wafEnabled: true });
  });

  it("fills every default and replicates the static bucket to the stack's second region", () => {
    // the prod profile's settings, written out once in tests/support/settings.ts
    assert.deepEqual(resolveCdn(undefined, withEnv(THREE_REGIONS, "prod")), { ...PROD_CDN_SETTINGS, staticReplicaRegion: "eu-west-1" });
    assert.equal(resolveCdn(undefined, withEnv(ONE_REGION, "dev")).staticReplicaRegion, "eu-west-2");
  });

  it("keeps written values and falls back on wrong types", () => {
    const cdn = resolveCdn(
      { priceClass: "PriceClass_200", waf: { enabled: false, rateLimit: "many" }, certificateArn: US_CERT, certificateNames: ["www.example.com"], staticReplicaRegion: "us-west-2" },
      withEnv(THREE_REGIONS, "prod"),
    );
    assert.equal(cdn.priceClass, "PriceClass_200");
    assert.deepEqual(cdn.waf, { enabled: false, rateLimit: 2000, rateLimitWindowSeconds: 300, action: "block" });
    assert.equal(cdn.certificateArn, US_CERT);
    assert.deepEqual(cdn.certificateNames, ["www.example.com"]);
    assert.equal(cdn.staticReplicaRegion, "us-west-2");
  });

  it("gives the component its aliases and certificate", () => {
    const cdn = resolveCdn({ certificateArn: US_CERT, certificateNames: ["*.example.com"] }, withEnv(THREE_REGIONS, "prod"));
    assert.deepEqual(cdnAliases(WITH_ZONE), ["www.example.com"]);
    assert.deepEqual(cdnAliases(undefined), []);
    assert.deepEqual(cdnCertificate(cdn, WITH_ZONE), { arn: US_CERT, names: ["*.example.com"] });
    assert.deepEqual(cdnCertificate(resolveCdn(undefined, withEnv(THREE_REGIONS, "prod")), WITH_ZONE), { hostedZoneId: "Z0123456789ABCDEFGHIJ" });
    assert.equal(cdnCertificate(cdn, undefined), undefined);
  });
});

describe("checkCdn", () => {
  it("accepts the defaults with and without a domain", () => {
    assert.deepEqual(checkCdn(undefined, THREE_REGIONS, { domain: WITH_ZONE }), []);
    assert.deepEqual(checkCdn(undefined, ONE_REGION), []);
    assert.deepEqual(checkCdn({ certificateArn: US_CERT, certificateNames: ["www.staging.example.com"] }, THREE_REGIONS, { domain: WITHOUT_ZONE }), []);
  });

  it("names both a certificate outside us-east-1 and the alias it does not cover", () => {
    const raw = { cdn: { certificateArn: EU_CERT, certificateNames: ["api.staging.example.com", "*.api.staging.example.com"] } };
    assert.deepEqual(lines(checkCdn(raw.cdn, THREE_REGIONS, { domain: WITHOUT_ZONE }), raw), [
      `blueprint:cdn.certificateArn: is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1 (got "${EU_CERT}")`,
      'blueprint:cdn.certificateNames: do not cover the alias www.staging.example.com; CloudFront rejects a certificate that does not cover every alias (covered: api.staging.example.com, *.api.staging.example.com) (got ["api.staging.example.com","*.api.staging.example.com"])',
    ]);
  });

  it("requires a certificate when the domain has no hosted zone, and the names it covers with an ARN", () => {
    assert.deepEqual(lines(checkCdn(undefined, THREE_REGIONS, { domain: WITHOUT_ZONE }), {}), [
      "blueprint:cdn.certificateArn: is required: domain has no hostedZoneId, so the stack cannot validate CloudFront's certificate for www.staging.example.com; give an ACM certificate of us-east-1 covering it, with cdn.certificateNames",
    ]);
    const raw = { cdn: { certificateArn: US_CERT } };
    assert.deepEqual(lines(checkCdn(raw.cdn, THREE_REGIONS, { domain: WITH_ZONE }), raw), [
      "blueprint:cdn.certificateNames: is required with cdn.certificateArn: list the names the certificate covers (domain name and subject alternative names) so that coverage of www.example.com is checked before deploying",
    ]);
  });

  it("rejects a certificate without a domain, and names without a certificate", () => {
    const raw = { cdn: { certificateArn: US_CERT, certificateNames: ["www.example.com"] } };
    assert.deepEqual(lines(checkCdn(raw.cdn, THREE_REGIONS), raw), [
      `blueprint:cdn.certificateArn: applies only with blueprint:domain; without a domain CloudFront has no alias and serves its default certificate (got "${US_CERT}")`,
    ]);
    const names = { cdn: { certificateNames: ["www.example.com"] } };
    assert.deepEqual(lines(checkCdn(names.cdn, THREE_REGIONS, { domain: WITH_ZONE }), names), [
      'blueprint:cdn.certificateNames: applies only with cdn.certificateArn (they are the names that certificate covers) (got ["www.example.com"])',
    ]);
  });

  it("reports every written range problem with its key path and value", () => {
    const raw = {
      cdn: {
        priceClass: "PriceClass_50",
        waf: { rateLimit: 5, rateLimitWindowSeconds: 30 },
        failoverStatusCodes: [429],
        failoverPathPatterns: ["read/*"],
        originConnectionAttempts: 5,
        logRetentionDays: 10,
        staticReplicaRegion: "us-east-1",
      },
    };
    assert.deepEqual(lines(checkCdn(raw.cdn, THREE_REGIONS, { domain: WITH_ZONE }), raw), [
      'blueprint:cdn.priceClass: must be one of PriceClass_100, PriceClass_200, PriceClass_All (got "PriceClass_50")',
      "blueprint:cdn.waf.rateLimit: must be a whole number from 10 to 2000000000 requests per window (got 5)",
      "blueprint:cdn.waf.rateLimitWindowSeconds: must be one of 60, 120, 300, 600 seconds (WAF's evaluation windows) (got 30)",
      "blueprint:cdn.logRetentionDays: must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days (got 10)",
      "blueprint:cdn.originConnectionAttempts: must be a whole number from 1 to 3 (got 5)",
      "blueprint:cdn.failoverStatusCodes: may only contain 400, 403, 404, 416, 500, 502, 503, 504 (CloudFront rejects other failover codes); 429 is not allowed (got [429])",
      `blueprint:cdn.failoverPathPatterns[0]: must start with / and use only letters, digits and _ - . * $ / ~ " ' @ : + & ? (CloudFront's path-pattern characters) (got "read/*")`,
      'blueprint:cdn.staticReplicaRegion: must differ from the primary region us-east-1: the replica is the static assets\' failover origin (got "us-east-1")',
    ]);
  });

  it("checks what does not need the profile when the environment is unknown", () => {
    const { environment: _environment, ...unknown } = THREE_REGIONS;
    const raw = { cdn: { waf: { rateLimit: 1 } } };
    assert.deepEqual(lines(checkCdn(raw.cdn, unknown), raw), ["blueprint:cdn.waf.rateLimit: must be a whole number from 10 to 2000000000 requests per window (got 1)"]);
  });

  it("rejects a stack name too long for the edge's names", () => {
    const ctx = { ...THREE_REGIONS, namePrefix: "a".repeat(58) };
    assert.deepEqual(
      checkCdn(undefined, ctx).map((issue) => issue.message),
      [
        `cannot be named for this stack: the origin access control name ${"a".repeat(58)}-static is 65 characters; CloudFront allows 64 (shorten namePrefix)`,
        `cannot be named for this stack: the log delivery name ${"a".repeat(58)}-cdn-access is 69 characters; CloudWatch Logs allows 60 (shorten namePrefix)`,
      ],
    );
  });
});

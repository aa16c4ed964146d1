import * as assert from "node:assert/strict";
import { cdnAliases, cdnCertificate, cdnSection } from "../../../components/cdn/section";
import { cdnKeys } from "../../../components/cdn/settings";
import { domainSection } from "../../../components/dns/domainSection";
import { ENVIRONMENTS, type Environment } from "../../../components/lib/settings";
import { defaultsByEnvironment } from "../../../components/lib/settings/describe";
import { allowedKeysAt } from "../../../components/lib/settings/keys";
import { settingSchema } from "../../../components/lib/settings/schema";
import type { AnySetting } from "../../../components/lib/settings/setting";
import { ConfigError, parseConfig } from "../../../infra/config";
import { ENVIRONMENT_FACTS } from "../../../infra/environments";
import { frame, resolveSection, sectionIssues, sectionLines } from "../../support/sections";
import { PROD_CDN_SETTINGS } from "../../support/settings";

const THREE = ["us-east-1", "eu-west-1", "ap-southeast-2"];
const THREE_REGIONS = frame("prod", THREE, { namePrefix: "blueprint-prod" });
const ONE_REGION = frame("dev", ["eu-west-1"], { azCount: 2, namePrefix: "blueprint-dev" });
const WITH_ZONE = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" };
const WITHOUT_ZONE = { name: "staging.example.com" };
const US_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";
const EU_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/6b7c8d9e-0a1b-4c2d-8e3f-4a5b6c7d8e9f";
const schema = settingSchema(cdnSection.setting, ENVIRONMENT_FACTS);

/** The domain as the domain section resolves it from a stack file's value. */
const domainOf = (raw: unknown) => resolveSection(domainSection, raw, THREE_REGIONS);

/** The stack config error's lines about `blueprint:cdn` for a prod stack file in THREE regions with `cdn` (schema and rules together). */
function stackLines(cdn: unknown): string[] {
  const stack = {
    environment: "prod",
    owner: "platform-team",
    costCenter: "CC-1",
    regions: THREE.map((name, index) => ({
      name,
      ...(index === 0 ? { primary: true } : {}),
      vpcCidr: `10.${index}.0.0/16`,
      availabilityZones: ["a", "b", "c"].map((letter) => `${name}${letter}`),
    })),
    domain: WITH_ZONE,
    cdn,
  };
  try {
    parseConfig(stack, { namePrefix: "blueprint-prod" });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.lines.filter((line) => line.startsWith("blueprint:cdn"));
  }
  return [];
}

describe("cdn config: schema", () => {
  it("lists its keys for unknown-key errors", () => {
    assert.deepEqual(allowedKeysAt(cdnSection.setting, []), [
      "geoRestriction",
      "priceClass",
      "certificateArn",
      "certificateNames",
      "staticReplicaRegion",
      "privateOrigins",
      "standbyRegions",
      "readYourWritesSeconds",
      "cache",
      "failoverStatusCodes",
      "logRetentionDays",
      "originReadTimeoutSeconds",
      "originConnectionAttempts",
      "originConnectionTimeoutSeconds",
      "hstsMaxAgeSeconds",
      "waf",
    ]);
    assert.deepEqual(allowedKeysAt(cdnSection.setting, ["waf"]), ["enabled", "rateLimit", "rateLimitWindowSeconds", "action", "bodySizeLimits"]);
  });

  it("rejects unknown keys and wrong types", () => {
    assert.equal(schema.safeParse({ priceClass: "PriceClass_All", waf: { enabled: true } }).success, true);
    assert.equal(schema.safeParse({}).success, true);
    assert.equal(schema.safeParse({ prizeClass: "PriceClass_All" }).success, false);
    assert.equal(schema.safeParse({ priceClass: "PriceClass_50" }).success, false);
    assert.equal(schema.safeParse({ waf: { rateLimit: 1.5 } }).success, false);
    assert.equal(schema.safeParse({ waf: { action: "allow" } }).success, false);
  });

  it("describes every key", () => {
    for (const [key, setting] of Object.entries(cdnSection.setting.keys!)) assert.ok(setting.description, key);
    for (const [key, setting] of Object.entries((cdnKeys.waf as AnySetting).keys!)) assert.ok(setting.description, `waf.${key}`);
  });
});

describe("cdn config: defaults and resolution", () => {
  it("applies the environment: WAF off in dev, on in staging and prod; PriceClass_All only in prod", () => {
    assert.deepEqual(
      ENVIRONMENTS.map((environment) => {
        const cdn = resolveSection(cdnSection, undefined, frame(environment, THREE, { namePrefix: "blueprint-prod" }));
        return [environment, cdn.priceClass, cdn.waf.enabled, cdn.logRetentionDays];
      }),
      [
        ["dev", "PriceClass_100", false, 7],
        ["staging", "PriceClass_100", true, 365],
        ["prod", "PriceClass_All", true, 365],
      ],
    );
    assert.deepEqual(defaultsByEnvironment(cdnKeys.priceClass, ENVIRONMENT_FACTS), {
      dev: "PriceClass_100",
      staging: "PriceClass_100",
      prod: "PriceClass_All",
    });
    assert.deepEqual(defaultsByEnvironment(cdnKeys.waf.keys.enabled, ENVIRONMENT_FACTS), { dev: "false", staging: "true", prod: "true" });
  });

  it("fills every default and replicates the static bucket to the stack's second region", () => {
    // the prod distribution's settings, written out once in tests/support/settings.ts
    assert.deepEqual(resolveSection(cdnSection, undefined, THREE_REGIONS), { ...PROD_CDN_SETTINGS, staticReplicaRegion: "eu-west-1" });
    assert.equal(resolveSection(cdnSection, undefined, ONE_REGION).staticReplicaRegion, "eu-west-2");
  });

  it("keeps written values and falls back on wrong types", () => {
    const cdn = resolveSection(
      cdnSection,
      {
        priceClass: "PriceClass_200",
        waf: { enabled: false, rateLimit: "many" },
        certificateArn: US_CERT,
        certificateNames: ["www.example.com"],
        staticReplicaRegion: "us-west-2",
      },
      THREE_REGIONS,
    );
    assert.equal(cdn.priceClass, "PriceClass_200");
    assert.deepEqual(cdn.waf, {
      enabled: false,
      rateLimit: 2000,
      rateLimitWindowSeconds: 300,
      action: "block",
      bodySizeLimits: { readAny: 8192, readYourWrites: 8192, cacheable: 8192, static: 8192 },
    });
    assert.equal(cdn.certificateArn, US_CERT);
    assert.deepEqual(cdn.certificateNames, ["www.example.com"]);
    assert.equal(cdn.staticReplicaRegion, "us-west-2");
    // a choice the schema rejects takes the default, and an optional key of the wrong type stays absent
    const fallback = resolveSection(cdnSection, { priceClass: "PriceClass_50", certificateNames: "www.example.com" }, THREE_REGIONS);
    assert.equal(fallback.priceClass, "PriceClass_All");
    assert.equal(fallback.certificateNames, undefined);
  });

  it("gives the component its aliases and certificate", () => {
    const cdn = resolveSection(cdnSection, { certificateArn: US_CERT, certificateNames: ["*.example.com"] }, THREE_REGIONS);
    assert.deepEqual(cdnAliases(domainOf(WITH_ZONE)), ["www.example.com"]);
    assert.deepEqual(cdnAliases(undefined), []);
    assert.deepEqual(cdnCertificate(cdn, domainOf(WITH_ZONE)), { arn: US_CERT, names: ["*.example.com"] });
    assert.deepEqual(cdnCertificate(resolveSection(cdnSection, undefined, THREE_REGIONS), domainOf(WITH_ZONE)), { hostedZoneId: "Z0123456789ABCDEFGHIJ" });
    assert.equal(cdnCertificate(cdn, undefined), undefined);
  });

  it("passes every rule with each environment's defaults on its usual regions", () => {
    const regionsOf: Record<Environment, string[]> = { dev: ["eu-west-1"], staging: THREE.slice(0, 2), prod: THREE };
    for (const environment of ENVIRONMENTS) {
      assert.deepEqual(sectionIssues(cdnSection, undefined, frame(environment, regionsOf[environment])), [], environment);
      assert.deepEqual(
        sectionIssues(cdnSection, undefined, frame(environment, regionsOf[environment]), { domain: WITH_ZONE }),
        [],
        `${environment} with a domain`,
      );
    }
  });
});

describe("cdn config: rules on the effective values", () => {
  it("accepts the defaults with and without a domain", () => {
    assert.deepEqual(sectionIssues(cdnSection, undefined, THREE_REGIONS, { domain: WITH_ZONE }), []);
    assert.deepEqual(sectionIssues(cdnSection, undefined, ONE_REGION), []);
    assert.deepEqual(
      sectionIssues(cdnSection, { certificateArn: US_CERT, certificateNames: ["www.staging.example.com"] }, THREE_REGIONS, { domain: WITHOUT_ZONE }),
      [],
    );
  });

  it("names both a certificate outside us-east-1 and the alias it does not cover", () => {
    const cdn = { certificateArn: EU_CERT, certificateNames: ["api.staging.example.com", "*.api.staging.example.com"] };
    assert.deepEqual(sectionLines(cdnSection, cdn, THREE_REGIONS, { domain: WITHOUT_ZONE }), [
      `blueprint:cdn.certificateArn: is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1 (got "${EU_CERT}")`,
      'blueprint:cdn.certificateNames: do not cover the alias www.staging.example.com; CloudFront rejects a certificate that does not cover every alias (covered: api.staging.example.com, *.api.staging.example.com) (got ["api.staging.example.com","*.api.staging.example.com"])',
    ]);
  });

  it("requires a certificate when the domain has no hosted zone, and the names it covers with an ARN", () => {
    assert.deepEqual(sectionLines(cdnSection, undefined, THREE_REGIONS, { domain: WITHOUT_ZONE }), [
      "blueprint:cdn.certificateArn: is required: domain has no hostedZoneId, so the stack cannot validate CloudFront's certificate for www.staging.example.com; give an ACM certificate of us-east-1 covering it, with cdn.certificateNames",
    ]);
    assert.deepEqual(sectionLines(cdnSection, { certificateArn: US_CERT }, THREE_REGIONS, { domain: WITH_ZONE }), [
      "blueprint:cdn.certificateNames: is required with cdn.certificateArn: list the names the certificate covers (domain name and subject alternative names) so that coverage of www.example.com is checked before deploying",
    ]);
  });

  it("rejects a certificate without a domain, and names without a certificate", () => {
    assert.deepEqual(sectionLines(cdnSection, { certificateArn: US_CERT, certificateNames: ["www.example.com"] }, THREE_REGIONS), [
      `blueprint:cdn.certificateArn: applies only with blueprint:domain; without a domain CloudFront has no alias and serves its default certificate (got "${US_CERT}")`,
    ]);
    assert.deepEqual(sectionLines(cdnSection, { certificateNames: ["www.example.com"] }, THREE_REGIONS, { domain: WITH_ZONE }), [
      'blueprint:cdn.certificateNames: applies only with cdn.certificateArn (they are the names that certificate covers) (got ["www.example.com"])',
    ]);
  });

  it("reports every written range problem with its key path and value", () => {
    const cdn = {
      priceClass: "PriceClass_50",
      waf: { rateLimit: 5, rateLimitWindowSeconds: 30 },
      failoverStatusCodes: [429],
      cache: { defaultTtlSeconds: 120, maxTtlSeconds: 60 },
      originConnectionAttempts: 5,
      logRetentionDays: 10,
      staticReplicaRegion: "us-east-1",
    };
    const ruleLines = [
      "blueprint:cdn.waf.rateLimit: must be a whole number from 10 to 2000000000 requests per window (got 5)",
      "blueprint:cdn.waf.rateLimitWindowSeconds: must be one of 60, 120, 300, 600 seconds (WAF's evaluation windows) (got 30)",
      "blueprint:cdn.logRetentionDays: must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days (got 10)",
      "blueprint:cdn.originConnectionAttempts: must be a whole number from 1 to 3 (got 5)",
      "blueprint:cdn.failoverStatusCodes: may only contain 400, 403, 404, 416, 500, 502, 503, 504 (CloudFront rejects other failover codes); 429 is not allowed (got [429])",
      "blueprint:cdn.cache.maxTtlSeconds: must be at least cache.defaultTtlSeconds (120); CloudFront rejects a maximum TTL below the default (got 60)",
      'blueprint:cdn.staticReplicaRegion: must differ from the primary region us-east-1: the replica is the static assets\' failover origin (got "us-east-1")',
    ];
    // an unknown price class is the schema's to report: the rules see the default in its place
    assert.deepEqual(stackLines(cdn), [
      'blueprint:cdn.priceClass: must be one of PriceClass_100, PriceClass_200, PriceClass_All (got "PriceClass_50")',
      ...ruleLines,
    ]);
    assert.deepEqual(sectionLines(cdnSection, cdn, THREE_REGIONS, { domain: WITH_ZONE }), ruleLines);
  });

  it("blocks the embargoed countries by default, and refuses a geo restriction CloudFront would not take", () => {
    for (const environment of ENVIRONMENTS) {
      const cdn = resolveSection(cdnSection, undefined, frame(environment, THREE, { namePrefix: "blueprint-prod" }));
      assert.deepEqual(cdn.geoRestriction, { type: "block", countries: ["CU", "IR", "KP", "SY"] }, environment);
    }
    assert.deepEqual(stackLines({ geoRestriction: { type: "allow", countries: ["DE", "XX", "de", "DE"] } }), [
      'blueprint:cdn.geoRestriction.countries[1]: "XX" is not an ISO 3166-1 alpha-2 country code CloudFront knows (two capital letters, e.g. IR)',
      'blueprint:cdn.geoRestriction.countries[2]: "de" is not an ISO 3166-1 alpha-2 country code CloudFront knows (two capital letters, e.g. IR)',
      'blueprint:cdn.geoRestriction.countries[3]: "DE" repeats an earlier country',
    ]);
    assert.deepEqual(stackLines({ geoRestriction: { type: "none" } }), [
      "blueprint:cdn.geoRestriction.countries: must be [] with geoRestriction.type none (CloudFront takes no list then; the default list blocks CU, IR, KP, SY)",
    ]);
    assert.deepEqual(stackLines({ geoRestriction: { type: "none", countries: [] } }), []);
    assert.deepEqual(stackLines({ geoRestriction: { countries: [] } }), [
      "blueprint:cdn.geoRestriction.countries: must list at least one country with geoRestriction.type block (got [])",
    ]);
    assert.deepEqual(stackLines({ geoRestriction: { type: "deny" } }), ['blueprint:cdn.geoRestriction.type: must be one of block, allow, none (got "deny")']);
  });

  it("without an environment, reports only problems at the keys the file writes", () => {
    const unknown = frame(undefined, THREE, { namePrefix: "blueprint-prod" });
    assert.deepEqual(sectionLines(cdnSection, { waf: { rateLimit: 1 } }, unknown), [
      "blueprint:cdn.waf.rateLimit: must be a whole number from 10 to 2000000000 requests per window (got 1)",
    ]);
    // the missing certificate and the stack's name are not keys the file writes
    assert.deepEqual(sectionLines(cdnSection, undefined, unknown, { domain: WITHOUT_ZONE }), []);
    assert.deepEqual(sectionLines(cdnSection, undefined, frame(undefined, THREE, { namePrefix: "a".repeat(58) })), []);
    assert.deepEqual(sectionLines(cdnSection, { certificateArn: EU_CERT, certificateNames: ["www.staging.example.com"] }, unknown, { domain: WITHOUT_ZONE }), [
      `blueprint:cdn.certificateArn: is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1 (got "${EU_CERT}")`,
    ]);
  });

  it("rejects a stack name too long for the edge's names", () => {
    assert.deepEqual(
      sectionIssues(cdnSection, undefined, frame("prod", THREE, { namePrefix: "a".repeat(58) })).map((issue) => issue.message),
      [
        `cannot be named for this stack: the origin access control name ${"a".repeat(58)}-static is 65 characters; CloudFront allows 64 (shorten namePrefix)`,
        `cannot be named for this stack: the CloudFront function name ${"a".repeat(58)}-route-read-your-writes is 81 characters; CloudFront allows 64 letters, digits, - and _ (shorten namePrefix)`,
        `cannot be named for this stack: the log delivery name ${"a".repeat(58)}-cdn-access is 69 characters; CloudWatch Logs allows 60 (shorten namePrefix)`,
      ],
    );
  });

  it("leaves a section of the wrong shape to the schema", () => {
    assert.deepEqual(sectionIssues(cdnSection, "PriceClass_All", THREE_REGIONS, { domain: WITH_ZONE }), []);
  });
});

import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  aliasProblems,
  cdnNameProblems,
  cdnNames,
  cdnSettingsProblems,
  existingCertificateProblems,
  FAILOVER_STATUS_CODES,
  pathPatternProblem,
  type DistributionSettings,
} from "../../../../components/cdn/lib/cdnRules";
import { PROD_CDN_SETTINGS } from "../../../support/settings";

const SETTINGS: DistributionSettings = PROD_CDN_SETTINGS;
const US_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";
const EU_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";

describe("CDN settings rules", () => {
  it("accepts the defaults and every range's edges", () => {
    assert.deepEqual(cdnSettingsProblems(SETTINGS), []);
    const low = {
      ...SETTINGS,
      waf: { ...SETTINGS.waf, rateLimit: 10, rateLimitWindowSeconds: 60 },
      originReadTimeoutSeconds: 1,
      originConnectionAttempts: 1,
      originConnectionTimeoutSeconds: 1,
      hstsMaxAgeSeconds: 0,
      logRetentionDays: 1,
    };
    const high = {
      ...SETTINGS,
      waf: { ...SETTINGS.waf, rateLimit: 2_000_000_000, rateLimitWindowSeconds: 600, action: "count" as const },
      originReadTimeoutSeconds: 60,
      originConnectionAttempts: 3,
      originConnectionTimeoutSeconds: 10,
    };
    assert.deepEqual(cdnSettingsProblems(low), []);
    assert.deepEqual(cdnSettingsProblems(high), []);
  });

  const cases: Array<{ name: string; settings: Partial<DistributionSettings>; expected: Array<[string, string]> }> = [
    {
      name: "an unknown price class",
      settings: { priceClass: "PriceClass_50" as never },
      expected: [["priceClass", "must be one of PriceClass_100, PriceClass_200, PriceClass_All"]],
    },
    {
      name: "a rate limit below WAF's floor",
      settings: { waf: { ...SETTINGS.waf, rateLimit: 9 } },
      expected: [["waf.rateLimit", "must be a whole number from 10 to 2000000000 requests per window"]],
    },
    {
      name: "a rate limit above WAF's ceiling",
      settings: { waf: { ...SETTINGS.waf, rateLimit: 2_000_000_001 } },
      expected: [["waf.rateLimit", "must be a whole number from 10 to 2000000000 requests per window"]],
    },
    {
      name: "an evaluation window WAF lacks",
      settings: { waf: { ...SETTINGS.waf, rateLimitWindowSeconds: 180 } },
      expected: [["waf.rateLimitWindowSeconds", "must be one of 60, 120, 300, 600 seconds (WAF's evaluation windows)"]],
    },
    {
      name: "a WAF action other than block or count",
      settings: { waf: { ...SETTINGS.waf, action: "allow" as never } },
      expected: [["waf.action", "must be one of block, count"]],
    },
    {
      name: "a retention CloudWatch Logs lacks",
      settings: { logRetentionDays: 10 },
      expected: [
        [
          "logRetentionDays",
          "must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days",
        ],
      ],
    },
    {
      name: "origin timeouts and attempts out of range",
      settings: { originReadTimeoutSeconds: 61, originConnectionAttempts: 4, originConnectionTimeoutSeconds: 0, hstsMaxAgeSeconds: -1 },
      expected: [
        ["originReadTimeoutSeconds", "must be a whole number from 1 to 60 seconds"],
        ["originConnectionAttempts", "must be a whole number from 1 to 3"],
        ["originConnectionTimeoutSeconds", "must be a whole number from 1 to 10 seconds"],
        ["hstsMaxAgeSeconds", "must be a whole number from 0 to 2147483647 seconds"],
      ],
    },
    {
      name: "failover codes CloudFront rejects, and a repeat",
      settings: { failoverStatusCodes: [429, 500, 500, 501] },
      expected: [
        ["failoverStatusCodes", "may only contain 400, 403, 404, 416, 500, 502, 503, 504 (CloudFront rejects other failover codes); 429, 501 are not allowed"],
        ["failoverStatusCodes", "must not repeat a code"],
      ],
    },
    {
      name: "no failover code",
      settings: { failoverStatusCodes: [] },
      expected: [["failoverStatusCodes", "must list at least one code; origin groups fail over on some of 400, 403, 404, 416, 500, 502, 503, 504"]],
    },
    {
      name: "cache TTLs out of order, a cache key on a policy that does not cache, and too many key names",
      settings: {
        cache: {
          minTtlSeconds: 10,
          defaultTtlSeconds: 5,
          maxTtlSeconds: 0,
          queryStrings: Array.from({ length: 11 }, (_, i) => `q${i}`),
          headers: ["bad header"],
        },
      },
      expected: [
        ["cache.defaultTtlSeconds", "must be at least cache.minTtlSeconds (10); CloudFront rejects a default TTL below the minimum"],
        ["cache.maxTtlSeconds", "must be at least cache.defaultTtlSeconds (5); CloudFront rejects a maximum TTL below the default"],
        ["cache", "caches nothing (maxTtlSeconds 0) but lists cache-key names; CloudFront refuses a cache key on a policy that does not cache"],
        ["cache.queryStrings", "lists 11; a CloudFront cache policy takes at most 10"],
        ["cache.headers.0", "must be an HTTP token: letters, digits and ! # $ % & ' * + . ^ _ ` | ~ -"],
      ],
    },
    {
      name: "a body-size limit WAF cannot measure and a read-your-writes window out of range",
      settings: { readYourWritesSeconds: 0, waf: { ...SETTINGS.waf, bodySizeLimits: { ...SETTINGS.waf.bodySizeLimits, write: 65_536 } } },
      expected: [
        ["readYourWritesSeconds", "must be a whole number from 1 to 3600 seconds"],
        [
          "waf.bodySizeLimits.write",
          "must be a whole number from 1 to 16384 bytes: WAF inspects the first 16 KB of a body in front of CloudFront, so a larger limit cannot be measured",
        ],
      ],
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      assert.deepEqual(
        cdnSettingsProblems({ ...SETTINGS, ...c.settings }).map((p) => [p.field, p.message]),
        c.expected,
      );
    });
  }

  it("limits path patterns to 255 characters", () => {
    assert.equal(pathPatternProblem(`/${"a".repeat(254)}`), undefined);
    assert.equal(pathPatternProblem(`/${"a".repeat(255)}`), "must be at most 255 characters");
  });

  it("accepts exactly the failover codes AWS allows, each alone", () => {
    for (const code of FAILOVER_STATUS_CODES) assert.deepEqual(cdnSettingsProblems({ ...SETTINGS, failoverStatusCodes: [code] }), []);
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 599 }), (code) => {
        const problems = cdnSettingsProblems({ ...SETTINGS, failoverStatusCodes: [code] });
        return FAILOVER_STATUS_CODES.includes(code) === (problems.length === 0);
      }),
    );
  });
});

describe("CloudFront aliases and certificates", () => {
  it("accepts names under the domain, or the domain itself", () => {
    assert.deepEqual(aliasProblems(["www.example.com", "example.com"], "example.com"), []);
  });

  it("rejects invalid, foreign and repeated aliases", () => {
    assert.deepEqual(aliasProblems(["WWW.example.com", "www.example.org", "www.example.org"], "example.com"), [
      'alias "WWW.example.com" must be a lowercase DNS name: labels of 1 to 63 letters, digits or -, separated by dots',
      "alias www.example.org is not under the stack's domain example.com",
      "alias www.example.org is not under the stack's domain example.com",
      "alias www.example.org is listed twice",
    ]);
  });

  it("rejects more aliases than the quota", () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `a${i}.example.com`);
    assert.deepEqual(aliasProblems(aliases, "example.com"), ["aliases lists 101 names; CloudFront allows 100 per distribution by default"]);
  });

  it("accepts a us-east-1 certificate whose names cover every alias, wildcards included", () => {
    assert.deepEqual(existingCertificateProblems(US_CERT, ["www.example.com"], ["example.com", "*.example.com"]), []);
    assert.deepEqual(existingCertificateProblems(US_CERT, ["www.example.com"]), []);
  });

  it("names both the certificate's region and the uncovered alias", () => {
    assert.deepEqual(existingCertificateProblems(EU_CERT, ["www.example.com", "shop.example.com"], ["www.example.com", "*.shop.example.com"]), [
      { field: "certificateArn", message: "is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1" },
      {
        field: "certificateNames",
        message:
          "do not cover the alias shop.example.com; CloudFront rejects a certificate that does not cover every alias (covered: www.example.com, *.shop.example.com)",
      },
    ]);
  });

  it("rejects a malformed ARN and malformed names", () => {
    assert.deepEqual(existingCertificateProblems("arn:aws:acm:us-east-1:1:certificate/x", ["www.example.com"], ["www.example..com", "*.example.com"]), [
      { field: "certificateArn", message: "must be an ACM certificate ARN: arn:aws:acm:<region>:<12-digit account>:certificate/<id>" },
      { field: "certificateNames.0", message: "must be a lowercase DNS name: labels of 1 to 63 letters, digits or -, separated by dots" },
    ]);
  });
});

describe("edge names", () => {
  it("derives every account-unique name from the prefix", () => {
    const { router, vpcOrigin, ...names } = cdnNames("blueprint-prod");
    assert.deepEqual(names, {
      originAccessControl: "blueprint-prod-static",
      securityHeadersPolicy: "blueprint-prod-security-headers",
      cachePolicy: "blueprint-prod-cacheable",
      viewerLocationPolicy: "blueprint-prod-viewer-location",
      writeMarker: "blueprint-prod-mark-writes",
      webAcl: "blueprint-prod-edge",
      wafLogGroup: "aws-waf-logs-blueprint-prod",
      logDelivery: "blueprint-prod-cdn-access",
    });
    assert.equal(router("read-any"), "blueprint-prod-route-read-any");
    assert.equal(vpcOrigin("eu-west-1"), "blueprint-prod-eu-west-1");
    assert.deepEqual(cdnNameProblems("blueprint-prod", ["us-east-1", "ap-southeast-2"]), []);
  });

  it("rejects a prefix that makes the OAC, delivery and bucket names too long", () => {
    const prefix = "a".repeat(58);
    assert.deepEqual(cdnNameProblems(prefix, ["ap-southeast-2"]), [
      `the origin access control name ${prefix}-static is 65 characters; CloudFront allows 64 (shorten namePrefix)`,
      `the CloudFront function name ${prefix}-route-read-your-writes is 81 characters; CloudFront allows 64 letters, digits, - and _ (shorten namePrefix)`,
      `the log delivery name ${prefix}-cdn-access is 69 characters; CloudWatch Logs allows 60 (shorten namePrefix)`,
    ]);
    assert.deepEqual(cdnNameProblems("Blueprint_Prod", []), [
      'namePrefix must be lowercase letters, digits and -, not starting or ending with -, got "Blueprint_Prod"',
    ]);
  });
});

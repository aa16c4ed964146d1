import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  ALL_METHODS,
  aliasProblems,
  cdnNameProblems,
  cdnNames,
  cdnSettingsProblems,
  defaultReplicaRegion,
  existingCertificateProblems,
  FAILOVER_STATUS_CODES,
  pathPatternProblem,
  replicaRegionProblem,
  type DistributionSettings,
} from "../../../../components/cdn/lib/cdnRules";
import {
  distributionLayout,
  layoutProblems,
  LOAD_BALANCER_GROUP_ID,
  MANAGED_POLICIES,
  STATIC_GROUP_ID,
  type DistributionLayout,
  type LayoutInput,
} from "../../../../components/cdn/lib/layout";
import { accessLogBucketPolicy, replicationRolePolicy, replicationTrustPolicy, staticBucketPolicy, wafLogGroupPolicy } from "../../../../components/cdn/lib/policies";
import { cdnArgProblems } from "../../../../components/cdn/lib/validate";
import { MANAGED_RULE_GROUPS, wafCapacity, wafProblems, wafRules } from "../../../../components/cdn/lib/waf";
import { dnsArgProblems, dnsSettingsProblems, healthAlarmSpec, resourcePathProblem, type DnsSettings } from "../../../../components/dns/lib/dnsRules";
import { REGION_NAMES } from "../../../../components/lib/regions";
import { PROD_CDN_SETTINGS } from "../../../support/settings";

const SETTINGS: DistributionSettings = PROD_CDN_SETTINGS;
const US_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";
const EU_CERT = "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";

describe("CDN settings rules", () => {
  it("accepts the defaults and every range's edges", () => {
    assert.deepEqual(cdnSettingsProblems(SETTINGS), []);
    const low = { ...SETTINGS, waf: { ...SETTINGS.waf, rateLimit: 10, rateLimitWindowSeconds: 60 }, originReadTimeoutSeconds: 1, originConnectionAttempts: 1, originConnectionTimeoutSeconds: 1, hstsMaxAgeSeconds: 0, logRetentionDays: 1 };
    const high = { ...SETTINGS, waf: { ...SETTINGS.waf, rateLimit: 2_000_000_000, rateLimitWindowSeconds: 600, action: "count" as const }, originReadTimeoutSeconds: 60, originConnectionAttempts: 3, originConnectionTimeoutSeconds: 10 };
    assert.deepEqual(cdnSettingsProblems(low), []);
    assert.deepEqual(cdnSettingsProblems(high), []);
  });

  const cases: Array<{ name: string; settings: Partial<DistributionSettings>; expected: Array<[string, string]> }> = [
    { name: "an unknown price class", settings: { priceClass: "PriceClass_50" as never }, expected: [["priceClass", "must be one of PriceClass_100, PriceClass_200, PriceClass_All"]] },
    { name: "a rate limit below WAF's floor", settings: { waf: { ...SETTINGS.waf, rateLimit: 9 } }, expected: [["waf.rateLimit", "must be a whole number from 10 to 2000000000 requests per window"]] },
    { name: "a rate limit above WAF's ceiling", settings: { waf: { ...SETTINGS.waf, rateLimit: 2_000_000_001 } }, expected: [["waf.rateLimit", "must be a whole number from 10 to 2000000000 requests per window"]] },
    { name: "an evaluation window WAF lacks", settings: { waf: { ...SETTINGS.waf, rateLimitWindowSeconds: 180 } }, expected: [["waf.rateLimitWindowSeconds", "must be one of 60, 120, 300, 600 seconds (WAF's evaluation windows)"]] },
    { name: "a WAF action other than block or count", settings: { waf: { ...SETTINGS.waf, action: "allow" as never } }, expected: [["waf.action", "must be one of block, count"]] },
    {
      name: "a retention CloudWatch Logs lacks",
      settings: { logRetentionDays: 10 },
      expected: [["logRetentionDays", "must be a CloudWatch Logs retention: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653 days"]],
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
      name: "bad, repeated and catch-all path patterns",
      settings: { staticPathPattern: "static/*", failoverPathPatterns: ["/read/*", "/read/*", "/*", "/a b"] },
      expected: [
        ["staticPathPattern", "must start with / and use only letters, digits and _ - . * $ / ~ \" ' @ : + & ? (CloudFront's path-pattern characters)"],
        ["failoverPathPatterns.1", "repeats an earlier pattern; a path can have only one behaviour"],
        ["failoverPathPatterns.2", "must not match every path: that is the default behaviour"],
        ["failoverPathPatterns.3", "must start with / and use only letters, digits and _ - . * $ / ~ \" ' @ : + & ? (CloudFront's path-pattern characters)"],
      ],
    },
    {
      name: "a failover path that is the static path",
      settings: { failoverPathPatterns: ["/static/*"] },
      expected: [["failoverPathPatterns.0", "is also the staticPathPattern; a path can have only one behaviour"]],
    },
    {
      name: "more behaviours than CloudFront's quota",
      settings: { failoverPathPatterns: Array.from({ length: 25 }, (_, i) => `/read${i}/*`) },
      expected: [["failoverPathPatterns", "makes 26 cache behaviours with the static one; CloudFront allows 25 per distribution by default"]],
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

describe("static replica region", () => {
  it("defaults to the stack's next region, else a neighbour without opt-in", () => {
    assert.equal(defaultReplicaRegion("us-east-1", ["us-east-1", "eu-west-1"]), "eu-west-1");
    assert.equal(defaultReplicaRegion("eu-west-1", ["us-east-1", "eu-west-1"]), "us-east-1");
    assert.equal(defaultReplicaRegion("us-east-1", ["us-east-1"]), "us-east-2");
    assert.equal(defaultReplicaRegion("eu-west-1", ["eu-west-1"]), "eu-west-2");
    assert.equal(defaultReplicaRegion("ap-southeast-2", ["ap-southeast-2"]), "ap-northeast-1");
  });

  it("never defaults to the primary itself", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGION_NAMES), (primary) => {
        const replica = defaultReplicaRegion(primary, [primary]);
        return replica !== primary && replicaRegionProblem(primary, replica) === undefined;
      }),
    );
  });

  it("rejects the primary and unknown regions", () => {
    assert.equal(replicaRegionProblem("eu-west-1", "eu-west-1"), "must differ from the primary region eu-west-1: the replica is the static assets' failover origin");
    assert.equal(replicaRegionProblem("eu-west-1", "eu-west-9"), "must be a known AWS region (us-east-1, us-east-2, us-west-1, us-west-2, ...)");
  });
});

describe("edge names", () => {
  it("derives every account-unique name from the prefix", () => {
    assert.deepEqual(cdnNames("blueprint-prod"), {
      originAccessControl: "blueprint-prod-static",
      securityHeadersPolicy: "blueprint-prod-security-headers",
      webAcl: "blueprint-prod-edge",
      wafLogGroup: "aws-waf-logs-blueprint-prod",
      logDelivery: "blueprint-prod-cdn-access",
    });
    assert.deepEqual(cdnNameProblems("blueprint-prod", ["us-east-1", "ap-southeast-2"]), []);
  });

  it("rejects a prefix that makes the OAC, delivery and bucket names too long", () => {
    const prefix = "a".repeat(58);
    assert.deepEqual(cdnNameProblems(prefix, ["ap-southeast-2"]), [
      `the origin access control name ${prefix}-static is 65 characters; CloudFront allows 64 (shorten namePrefix)`,
      `the log delivery name ${prefix}-cdn-access is 69 characters; CloudWatch Logs allows 60 (shorten namePrefix)`,
    ]);
    assert.deepEqual(cdnNameProblems("Blueprint_Prod", []), ['namePrefix must be lowercase letters, digits and -, not starting or ending with -, got "Blueprint_Prod"']);
  });
});

const layoutFor = (regions: string[], extra: Partial<LayoutInput> = {}): DistributionLayout =>
  distributionLayout({
    loadBalancerRegions: regions,
    staticRegions: { primary: regions[0]!, replica: regions[1] ?? "us-east-2" },
    staticPathPattern: "/static/*",
    failoverPathPatterns: ["/read/*"],
    failoverStatusCodes: [500, 502, 503, 504],
    ...extra,
  });

describe("distribution layout", () => {
  it("with one region: one load balancer origin, no load balancer group, reads go to the primary", () => {
    const layout = layoutFor(["eu-west-1"]);
    assert.deepEqual(
      layout.origins.map((o) => o.id),
      ["alb-eu-west-1", "static-eu-west-1", "static-us-east-2"],
    );
    assert.deepEqual(
      layout.originGroups.map((g) => [g.id, g.members]),
      [[STATIC_GROUP_ID, ["static-eu-west-1", "static-us-east-2"]]],
    );
    assert.equal(layout.orderedBehaviours[1]!.target, "alb-eu-west-1");
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("with two regions: the primary fails over to the second", () => {
    const layout = layoutFor(["eu-west-1", "ap-southeast-2"]);
    assert.deepEqual(
      layout.originGroups.map((g) => [g.id, g.members, g.statusCodes]),
      [
        [LOAD_BALANCER_GROUP_ID, ["alb-eu-west-1", "alb-ap-southeast-2"], [500, 502, 503, 504]],
        [STATIC_GROUP_ID, ["static-eu-west-1", "static-ap-southeast-2"], [500, 502, 503, 504]],
      ],
    );
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("with three regions: every load balancer is an origin, the group pairs the first two", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1", "ap-southeast-2"]);
    assert.deepEqual(
      layout.origins.filter((o) => o.kind === "loadBalancer").map((o) => o.id),
      ["alb-us-east-1", "alb-eu-west-1", "alb-ap-southeast-2"],
    );
    assert.deepEqual(layout.originGroups[0]!.members, ["alb-us-east-1", "alb-eu-west-1"]);
    assert.deepEqual(layoutProblems(layout), []);
  });

  it("sends every method to the primary by default, reads-only to groups, statics cached", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1"]);
    assert.deepEqual(layout.defaultBehaviour, {
      target: "alb-us-east-1",
      allowedMethods: [...ALL_METHODS],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: MANAGED_POLICIES.cachingDisabled,
      originRequestPolicyId: MANAGED_POLICIES.allViewerExceptHostHeader,
    });
    assert.deepEqual(
      layout.orderedBehaviours.map((b) => [b.pathPattern, b.target, b.allowedMethods.join(","), b.cachePolicyId, b.originRequestPolicyId]),
      [
        ["/static/*", STATIC_GROUP_ID, "GET,HEAD", MANAGED_POLICIES.cachingOptimized, undefined],
        ["/read/*", LOAD_BALANCER_GROUP_ID, "GET,HEAD,OPTIONS", MANAGED_POLICIES.cachingDisabled, MANAGED_POLICIES.allViewerExceptHostHeader],
      ],
    );
  });

  it("rejects writes on an origin group, bad method sets, bad groups and unknown targets", () => {
    const layout = layoutFor(["us-east-1", "eu-west-1"]);
    const broken: DistributionLayout = {
      ...layout,
      originGroups: [
        { id: LOAD_BALANCER_GROUP_ID, members: ["alb-us-east-1", "alb-us-east-1"], statusCodes: [429] },
        { id: STATIC_GROUP_ID, members: ["static-us-east-1", "static-nowhere"], statusCodes: [500] },
      ],
      orderedBehaviours: [
        { ...layout.orderedBehaviours[1]!, allowedMethods: [...ALL_METHODS] },
        { ...layout.orderedBehaviours[1]!, pathPattern: "/x/*", target: "nowhere", allowedMethods: ["GET", "POST"], cachedMethods: ["GET", "HEAD", "OPTIONS"] },
      ],
    };
    assert.deepEqual(layoutProblems(broken), [
      "origin group alb-failover must have exactly two different members, got alb-us-east-1, alb-us-east-1",
      "origin group alb-failover may only fail over on 400, 403, 404, 416, 500, 502, 503, 504 (at least one), got 429",
      "origin group static-failover names origins that do not exist: static-nowhere",
      "the behaviour for /read/* targets origin group alb-failover but allows PUT, POST, PATCH, DELETE; CloudFront only allows GET, HEAD and OPTIONS on an origin group",
      "the behaviour for /x/* targets nowhere, which is neither an origin nor an origin group",
      "the behaviour for /x/* allows GET, POST; CloudFront accepts only GET+HEAD, GET+HEAD+OPTIONS or all seven methods",
      "the behaviour for /x/* caches GET, HEAD, OPTIONS; CloudFront caches GET+HEAD or GET+HEAD+OPTIONS, and only methods the behaviour allows",
    ]);
  });

  it("rejects more origins than CloudFront's quota", () => {
    const regions = REGION_NAMES.slice(0, 24);
    assert.deepEqual(layoutProblems(layoutFor([...regions])), ["the distribution has 26 origins; CloudFront allows 25 by default"]);
  });

  it("never puts a write method on an origin group, for any region count and paths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.uniqueArray(fc.stringMatching(/^\/[a-z]{1,8}\/\*$/), { maxLength: 5 }), (count, paths) => {
        const layout = layoutFor(REGION_NAMES.slice(0, count) as string[], { failoverPathPatterns: paths.filter((p) => p !== "/static/*") });
        return layoutProblems(layout).length === 0;
      }),
    );
  });
});

describe("edge policies", () => {
  it("lets only this distribution read a static bucket, and nobody without TLS", () => {
    const policy = JSON.parse(staticBucketPolicy({ bucketArn: "arn:aws:s3:::b", distributionArn: "arn:aws:cloudfront::123456789012:distribution/E1" }));
    assert.deepEqual(policy.Statement, [
      {
        Sid: "AllowThisDistributionToRead",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Resource: "arn:aws:s3:::b/*",
        Condition: { StringEquals: { "AWS:SourceArn": "arn:aws:cloudfront::123456789012:distribution/E1" } },
      },
      { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } },
    ]);
  });

  it("gives replication exactly what it needs, for this account only", () => {
    assert.deepEqual(JSON.parse(replicationTrustPolicy({ accountId: "123456789012" })).Statement, [
      { Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } } },
    ]);
    const statements = JSON.parse(replicationRolePolicy({ sourceBucketArn: "arn:aws:s3:::src", replicaBucketArn: "arn:aws:s3:::dst" })).Statement;
    assert.deepEqual(
      statements.map((s: { Action: string[]; Resource: string }) => [s.Resource, s.Action]),
      [
        ["arn:aws:s3:::src", ["s3:GetReplicationConfiguration", "s3:ListBucket"]],
        ["arn:aws:s3:::src/*", ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"]],
        ["arn:aws:s3:::dst/*", ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"]],
      ],
    );
  });

  it("lets log delivery write access logs for this account's us-east-1 delivery sources only", () => {
    const policy = JSON.parse(accessLogBucketPolicy({ bucketArn: "arn:aws:s3:::logs", accountId: "123456789012", partition: "aws", region: "us-east-1" }));
    assert.deepEqual(policy.Statement[0], {
      Sid: "AWSLogDeliveryWrite",
      Effect: "Allow",
      Principal: { Service: "delivery.logs.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: "arn:aws:s3:::logs/*",
      Condition: {
        StringEquals: { "aws:SourceAccount": "123456789012", "s3:x-amz-acl": "bucket-owner-full-control" },
        ArnLike: { "aws:SourceArn": "arn:aws:logs:us-east-1:123456789012:delivery-source:*" },
      },
    });
    assert.deepEqual(policy.Statement[1].Action, ["s3:GetBucketAcl", "s3:ListBucket"]);
    assert.equal(policy.Statement[2].Sid, "DenyInsecureTransport");
  });

  it("lets log delivery write WAF logs into the one log group", () => {
    const policy = JSON.parse(wafLogGroupPolicy({ logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x", accountId: "123456789012", partition: "aws", region: "us-east-1" }));
    assert.deepEqual(policy.Statement[0].Resource, "arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-x:*");
    assert.deepEqual(policy.Statement[0].Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
  });
});

describe("WAF rules", () => {
  it("runs IP reputation, the common rule set, known bad inputs, then a per-IP rate limit", () => {
    const rules = wafRules("blueprint-prod-edge", SETTINGS.waf);
    assert.deepEqual(
      rules.map((r) => [r.priority, r.name, JSON.stringify(r.overrideAction ?? r.action)]),
      [
        [0, "AWSManagedRulesAmazonIpReputationList", '{"none":{}}'],
        [1, "AWSManagedRulesCommonRuleSet", '{"none":{}}'],
        [2, "AWSManagedRulesKnownBadInputsRuleSet", '{"none":{}}'],
        [3, "rate-limit-per-ip", '{"block":{}}'],
      ],
    );
    assert.deepEqual(rules[3]!.statement, { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP", evaluationWindowSec: 300 } });
    assert.equal(wafCapacity(rules), 927);
    assert.deepEqual(wafProblems("blueprint-prod-edge", rules), []);
  });

  it("only counts in count mode", () => {
    const rules = wafRules("acl", { ...SETTINGS.waf, action: "count" });
    assert.deepEqual(
      rules.map((r) => JSON.stringify(r.overrideAction ?? r.action)),
      ['{"count":{}}', '{"count":{}}', '{"count":{}}', '{"count":{}}'],
    );
  });

  it("rejects bad names, reserved metric names, repeated priorities and too much capacity", () => {
    const rules = wafRules("acl", SETTINGS.waf);
    const broken = [...rules, { ...rules[1]!, visibilityConfig: { ...rules[1]!.visibilityConfig, metricName: "All" } }, ...Array.from({ length: 7 }, () => rules[1]!)];
    assert.deepEqual(wafProblems("my acl", broken), [
      'the web ACL name "my acl" must be 1 to 128 letters, digits, _ or -',
      'the WAF metric name "my acl" must be 1 to 255 characters without spaces, and not All or Default_Action',
      'the WAF metric name "All" must be 1 to 255 characters without spaces, and not All or Default_Action',
      "WAF rule priorities must be unique",
      "WAF rule names must be unique",
      `the web ACL needs ${927 + 8 * 700} capacity units; a CloudFront web ACL allows 5000`,
    ]);
    assert.equal(MANAGED_RULE_GROUPS.length, 3);
  });
});

describe("Cdn argument rules", () => {
  const args = {
    namePrefix: "blueprint-prod",
    originRegions: ["eu-west-1", "ap-southeast-2"],
    originProtocol: "https",
    aliases: ["www.example.com"],
    certificate: { arn: US_CERT, names: ["www.example.com"] },
    staticAssets: { primaryRegion: "eu-west-1", replicaRegion: "ap-southeast-2" },
    settings: SETTINGS,
  };

  it("accepts a consistent set", () => {
    assert.deepEqual(cdnArgProblems(args), []);
  });

  it("lists every problem at once", () => {
    assert.deepEqual(
      cdnArgProblems({
        ...args,
        originRegions: ["eu-west-1", "eu-west-1", "mars-1"],
        originProtocol: "ftp",
        certificate: { arn: EU_CERT, names: ["api.example.com"] },
        staticAssets: { primaryRegion: "eu-west-1", replicaRegion: "eu-west-1" },
        settings: { ...SETTINGS, waf: { ...SETTINGS.waf, rateLimit: 1 } },
      }),
      [
        'origins: "mars-1" is not a known AWS region',
        "origins must have one load balancer per region; repeated: eu-west-1",
        'originProtocol must be https or http, got "ftp"',
        "certificate.arn is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1",
        "certificate.names do not cover the alias www.example.com; CloudFront rejects a certificate that does not cover every alias (covered: api.example.com)",
        "staticAssets.replicaRegion must differ from the primary region eu-west-1: the replica is the static assets' failover origin",
        "settings.waf.rateLimit must be a whole number from 10 to 2000000000 requests per window",
      ],
    );
  });

  it("requires a certificate with aliases and aliases with a certificate", () => {
    const { certificate: _certificate, ...withoutCertificate } = args;
    assert.deepEqual(cdnArgProblems(withoutCertificate), ["aliases need a certificate: pass certificate.arn (us-east-1) or certificate.hostedZoneId to validate one"]);
    assert.deepEqual(cdnArgProblems({ ...args, aliases: [] }), ["certificate is set but aliases is empty; without aliases CloudFront serves its default certificate"]);
    assert.deepEqual(cdnArgProblems({ ...args, certificate: { hostedZoneId: "/hostedzone/Z1" } }), [
      "certificate.hostedZoneId must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)",
    ]);
  });
});

const DNS: DnsSettings = { healthCheck: { intervalSeconds: 30, failureThreshold: 3 }, alarmEvaluationPeriods: 2 };

describe("DNS rules", () => {
  it("accepts Route 53's intervals and the threshold range's edges", () => {
    for (const intervalSeconds of [10, 30]) {
      for (const failureThreshold of [1, 10]) assert.deepEqual(dnsSettingsProblems({ healthCheck: { intervalSeconds, failureThreshold }, alarmEvaluationPeriods: 1 }), []);
    }
  });

  it("rejects other intervals, thresholds and alarm periods", () => {
    assert.deepEqual(
      dnsSettingsProblems({ healthCheck: { intervalSeconds: 20, failureThreshold: 11 }, alarmEvaluationPeriods: 0 }).map((p) => [p.field, p.message]),
      [
        ["healthCheck.intervalSeconds", "must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval"],
        ["healthCheck.failureThreshold", "must be a whole number from 1 to 10"],
        ["alarmEvaluationPeriods", "must be a whole number from 1 to 60 minutes"],
      ],
    );
  });

  it("checks health-check paths against Route 53's limits", () => {
    assert.equal(resourcePathProblem("/health"), undefined);
    assert.equal(resourcePathProblem("health"), "must start with /");
    assert.equal(resourcePathProblem(`/${"a".repeat(255)}`), "must be at most 255 characters (Route 53's limit)");
    assert.equal(resourcePathProblem("/a b"), "must not contain whitespace");
  });

  it("alarms on the minimum HealthCheckStatus, treating missing data as unhealthy", () => {
    assert.deepEqual(healthAlarmSpec({ namePrefix: "blueprint-prod", region: "eu-west-1", apiName: "api.example.com", healthCheckId: "hc", evaluationPeriods: 2 }), {
      name: "blueprint-prod-eu-west-1-api-health",
      description: "Route 53 sees eu-west-1.api.example.com (the eu-west-1 load balancer) as unhealthy; latency routing sends api.example.com elsewhere",
      namespace: "AWS/Route53",
      metricName: "HealthCheckStatus",
      dimensions: { HealthCheckId: "hc" },
      statistic: "Minimum",
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      threshold: 1,
      comparisonOperator: "LessThanThreshold",
      treatMissingData: "breaching",
    });
  });

  it("lists every argument problem at once", () => {
    assert.deepEqual(
      dnsArgProblems({
        hostedZoneId: "zone",
        apiName: "www.example.com",
        appName: "www.example.com",
        namePrefix: "a.b",
        regions: [
          { region: "eu-west-1", healthCheckPath: "health", protocol: "HTTPS" },
          { region: "eu-west-1", healthCheckPath: "/health", protocol: "TCP" },
        ],
        settings: { ...DNS, healthCheck: { intervalSeconds: 5, failureThreshold: 3 } },
      }),
      [
        "hostedZoneId must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/)",
        "apiName and appName must differ, both are www.example.com",
        'namePrefix may only contain letters, digits, hyphens and underscores (at least one), got "a.b"',
        'regions[eu-west-1].healthCheckPath "health" must start with /',
        "regions lists eu-west-1 twice; a latency record set has one record per region",
        'regions[eu-west-1].protocol must be HTTPS or HTTP, got "TCP"',
        "settings.healthCheck.intervalSeconds must be 10 (fast, billed extra) or 30 (standard) seconds; Route 53 accepts no other interval",
      ],
    );
  });
});

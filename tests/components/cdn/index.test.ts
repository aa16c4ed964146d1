import * as assert from "node:assert/strict";
import { Cdn, type CdnArgs } from "../../../components/cdn";
import type { DistributionSettings } from "../../../components/cdn/lib/cdnRules";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";
import { DEFAULT_ROUTES } from "../../../components/cdn/routesSettings";
import { PROD_CDN_SETTINGS } from "../../support/settings";

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };
const SECRET = "s3cr3t-origin-verify-value";
const SETTINGS: DistributionSettings = PROD_CDN_SETTINGS;
const US_CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a";

const origin = (region: string, access: "vpc-origin" | "public" = "vpc-origin") => ({
  region,
  access,
  loadBalancerArn: `arn:aws:elasticloadbalancing:${region}:123456789012:loadbalancer/app/${region}-alb/0123456789abcdef`,
  domainName: `${region}.api.example.com`,
});
// the primary listed last, one region reached privately and one over the internet
const BASE: CdnArgs = {
  namePrefix: "blueprint-prod",
  origins: [origin("ap-southeast-2", "public"), origin("eu-west-1")],
  primaryRegion: "eu-west-1",
  routes: DEFAULT_ROUTES,
  originProtocol: "https",
  originVerifySecret: SECRET,
  aliases: ["www.example.com"],
  certificate: { hostedZoneId: "Z0123456789ABCDEFGHIJ" },
  staticAssets: { replicaRegion: "ap-southeast-2" },
  settings: SETTINGS,
  protect: true,
  tags: TAGS,
};

async function record(extra: Partial<CdnArgs> = {}): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      new Cdn("edge", { ...BASE, ...extra });
      return {};
    },
    { stack: "prod", config: { "aws:region": "eu-west-1" } },
  );
  return resources;
}

const distributionOf = (resources: PlannedResource[]) => one(resources, "aws:cloudfront/distribution:Distribution").inputs as Record<string, any>;

/** Resources every distribution has: the static buckets, replication, OAC, headers, access logs. */
const ALWAYS = {
  "pulumi:pulumi:Stack": 1,
  "blueprint:cdn:Cdn": 1,
  "aws:cloudfront/distribution:Distribution": 1,
  "aws:cloudfront/originAccessControl:OriginAccessControl": 1,
  "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": 1,
  // static, its replica, access logs
  "aws:s3/bucket:Bucket": 3,
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 3,
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 3,
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 3,
  "aws:s3/bucketVersioning:BucketVersioning": 3,
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 3,
  "aws:s3/bucketPolicy:BucketPolicy": 3,
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": 1,
  "aws:iam/role:Role": 1,
  "aws:iam/rolePolicy:RolePolicy": 1,
  "aws:cloudwatch/logDeliverySource:LogDeliverySource": 1,
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": 1,
  "aws:cloudwatch/logDelivery:LogDelivery": 1,
  // a key (and alias) per static bucket
  "aws:kms/key:Key": 2,
  "aws:kms/alias:Alias": 2,
};
const CERTIFICATE = { "aws:acm/certificate:Certificate": 1, "aws:acm/certificateValidation:CertificateValidation": 1, "aws:route53/record:Record": 1 };
/** The edge of the default routes: a VPC origin per private region, three routers and the write marker, the cacheable policy and the viewer-location policy. */
const EDGE = (vpcOrigins: number) => ({
  ...(vpcOrigins > 0 ? { "aws:cloudfront/vpcOrigin:VpcOrigin": vpcOrigins } : {}),
  "aws:cloudfront/function:Function": 4,
  "aws:cloudfront/cachePolicy:CachePolicy": 1,
  "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": 1,
});
/**
 * The WAF and its log group, on a us-east-1 log key of the component's own when no stamp's key is
 * given (its key and alias are counted with the static buckets' in WAF_KEYS).
 */
const WAF = {
  "blueprint:telemetry:RegionalLogKey": 1,
  "aws:wafv2/webAcl:WebAcl": 1,
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": 1,
  "aws:cloudwatch/logGroup:LogGroup": 1,
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": 1,
};

describe("Cdn component", () => {
  describe("with origins in eu-west-1 and ap-southeast-2 only, a hosted zone and the WAF", () => {
    let resources: PlannedResource[];
    before(async () => {
      resources = await record();
    });

    it("declares exactly these resources", () => {
      // a key and alias per static bucket, and the WAF log key
      assert.deepEqual(countTypes(resources), { ...ALWAYS, ...EDGE(1), ...CERTIFICATE, ...WAF, "aws:kms/key:Key": 3, "aws:kms/alias:Alias": 3 });
    });

    it("puts the certificate, web ACL, WAF logs and access logs in us-east-1, the buckets in their regions, CloudFront global", () => {
      const placed = resources
        .filter((r) => r.custom)
        .map((r) => `${r.region ?? "global"} ${r.type.split(":")[1]} ${r.name}`)
        .sort();
      assert.deepEqual(placed, [
        "ap-southeast-2 kms/alias edge-static-key-ap-southeast-2",
        "ap-southeast-2 kms/key edge-static-key-ap-southeast-2",
        "ap-southeast-2 s3/bucket edge-static-replica",
        "ap-southeast-2 s3/bucketLifecycleConfiguration edge-static-replica",
        "ap-southeast-2 s3/bucketOwnershipControls edge-static-replica",
        "ap-southeast-2 s3/bucketPolicy edge-static-replica",
        "ap-southeast-2 s3/bucketPublicAccessBlock edge-static-replica",
        "ap-southeast-2 s3/bucketServerSideEncryptionConfiguration edge-static-replica",
        "ap-southeast-2 s3/bucketVersioning edge-static-replica",
        "eu-west-1 kms/alias edge-static-key-eu-west-1",
        "eu-west-1 kms/key edge-static-key-eu-west-1",
        "eu-west-1 s3/bucket edge-static",
        "eu-west-1 s3/bucketLifecycleConfiguration edge-static",
        "eu-west-1 s3/bucketOwnershipControls edge-static",
        "eu-west-1 s3/bucketPolicy edge-static",
        "eu-west-1 s3/bucketPublicAccessBlock edge-static",
        "eu-west-1 s3/bucketReplicationConfig edge-static",
        "eu-west-1 s3/bucketServerSideEncryptionConfiguration edge-static",
        "eu-west-1 s3/bucketVersioning edge-static",
        "global cloudfront/cachePolicy edge-cacheable",
        "global cloudfront/distribution edge",
        "global cloudfront/function edge-mark-writes",
        "global cloudfront/function edge-route-cacheable",
        "global cloudfront/function edge-route-read-any",
        "global cloudfront/function edge-route-read-your-writes",
        "global cloudfront/originAccessControl edge-static",
        "global cloudfront/originRequestPolicy edge-viewer-location",
        "global cloudfront/responseHeadersPolicy edge-security-headers",
        "global cloudfront/vpcOrigin edge-eu-west-1",
        "global iam/role edge-static-replication",
        "global iam/rolePolicy edge-static-replication",
        "global route53/record edge-certificate-validation-www.example.com",
        "us-east-1 acm/certificate edge-certificate",
        "us-east-1 acm/certificateValidation edge-certificate",
        "us-east-1 cloudwatch/logDelivery edge-access-logs",
        "us-east-1 cloudwatch/logDeliveryDestination edge-access-logs",
        "us-east-1 cloudwatch/logDeliverySource edge-access-logs",
        "us-east-1 cloudwatch/logGroup edge-waf-logs",
        "us-east-1 cloudwatch/logResourcePolicy edge-waf-logs",
        "us-east-1 kms/alias edge-waf-logs",
        "us-east-1 kms/key edge-waf-logs",
        "us-east-1 s3/bucket edge-logs",
        "us-east-1 s3/bucketLifecycleConfiguration edge-logs",
        "us-east-1 s3/bucketOwnershipControls edge-logs",
        "us-east-1 s3/bucketPolicy edge-logs",
        "us-east-1 s3/bucketPublicAccessBlock edge-logs",
        "us-east-1 s3/bucketServerSideEncryptionConfiguration edge-logs",
        "us-east-1 s3/bucketVersioning edge-logs",
        "us-east-1 wafv2/webAcl edge-waf",
        "us-east-1 wafv2/webAclLoggingConfiguration edge-waf",
      ]);
    });

    it("tags every taggable resource, with Region only on regional ones", () => {
      for (const r of resources.filter((r) => r.custom && r.inputs.tags !== undefined)) {
        const tags = r.inputs.tags as Record<string, string>;
        for (const [key, value] of Object.entries(TAGS)) assert.equal(tags[key], value, `${r.urn} ${key}`);
        assert.equal(tags.Region, r.region ?? undefined, r.urn);
      }
      assert.equal(distributionOf(resources).tags.Region, undefined);
    });

    it("sends the secret origin header to every load balancer, never in plain text", () => {
      const origins = distributionOf(resources).origins as Array<Record<string, any>>;
      for (const alb of origins.filter((o) => o.originId.startsWith("alb-"))) {
        assert.deepEqual(alb.customHeaders, [{ name: "X-Origin-Verify", value: "[secret]" }]);
      }
      assert.ok(!JSON.stringify(resources).includes(SECRET), "the header value never reaches the plan");
    });

    it("reaches each load balancer over HTTPS by its regional name: privately through its VPC origin, else over the internet, TLS 1.2", () => {
      const origins = distributionOf(resources).origins as Array<Record<string, any>>;
      assert.deepEqual(
        origins.map((o) => [o.originId, o.domainName, o.originShield?.originShieldRegion]),
        [
          ["alb-ap-southeast-2", "ap-southeast-2.api.example.com", undefined],
          ["alb-eu-west-1", "eu-west-1.api.example.com", undefined],
          ["alb-ap-southeast-2-cached", "ap-southeast-2.api.example.com", "eu-west-1"],
          ["alb-eu-west-1-cached", "eu-west-1.api.example.com", "eu-west-1"],
          ["static-eu-west-1", "blueprint-prod-static-eu-west-1-123456789012.s3.eu-west-1.amazonaws.com", undefined],
          ["static-ap-southeast-2", "blueprint-prod-static-ap-southeast-2-123456789012.s3.ap-southeast-2.amazonaws.com", undefined],
        ],
      );
      // the internet-facing region: HTTPS only
      assert.deepEqual(origins[0].customOriginConfig, {
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: "https-only",
        originSslProtocols: ["TLSv1.2"],
        originReadTimeout: 30,
        originKeepaliveTimeout: 5,
      });
      // the private region: the VPC origin of its internal load balancer, HTTPS with TLS 1.2
      const vpcOrigin = one(resources, "aws:cloudfront/vpcOrigin:VpcOrigin");
      assert.equal(origins[1].customOriginConfig, undefined);
      assert.deepEqual(origins[1].vpcOriginConfig, { vpcOriginId: vpcOrigin.outputs.id, originReadTimeout: 30, originKeepaliveTimeout: 5 });
      assert.deepEqual(vpcOrigin.inputs.vpcOriginEndpointConfig, {
        name: "blueprint-prod-eu-west-1",
        arn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/eu-west-1-alb/0123456789abcdef",
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: "https-only",
        originSslProtocols: { items: ["TLSv1.2"], quantity: 1 },
      });
      assert.deepEqual([origins[0].connectionAttempts, origins[0].connectionTimeout], [2, 5]);
      const oac = one(resources, "aws:cloudfront/originAccessControl:OriginAccessControl");
      assert.deepEqual(
        origins.slice(4).map((o) => [o.originAccessControlId, o.customOriginConfig, o.customHeaders]),
        [
          [oac.outputs.id, undefined, undefined],
          [oac.outputs.id, undefined, undefined],
        ],
      );
      assert.deepEqual(
        [oac.inputs.originAccessControlOriginType, oac.inputs.signingBehavior, oac.inputs.signingProtocol, oac.inputs.name],
        ["s3", "always", "sigv4", "blueprint-prod-static"],
      );
    });

    it("fails over on the allowed codes: load balancers from the primary to the region nearest it, static bucket to its replica", () => {
      assert.deepEqual(distributionOf(resources).originGroups, [
        {
          originId: "alb-failover",
          failoverCriteria: { statusCodes: [500, 502, 503, 504] },
          members: [{ originId: "alb-eu-west-1" }, { originId: "alb-ap-southeast-2" }],
        },
        {
          originId: "alb-cached-failover",
          failoverCriteria: { statusCodes: [500, 502, 503, 504] },
          members: [{ originId: "alb-eu-west-1-cached" }, { originId: "alb-ap-southeast-2-cached" }],
        },
        {
          originId: "static-failover",
          failoverCriteria: { statusCodes: [500, 502, 503, 504] },
          members: [{ originId: "static-eu-west-1" }, { originId: "static-ap-southeast-2" }],
        },
      ]);
    });

    it("sends writes to the primary, reads through their routers, caches the cacheable and static routes", () => {
      const distribution = distributionOf(resources);
      const headers = one(resources, "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy").outputs.id;
      const policy = (type: string) => one(resources, type).outputs.id as string;
      const cacheable = policy("aws:cloudfront/cachePolicy:CachePolicy");
      const location = policy("aws:cloudfront/originRequestPolicy:OriginRequestPolicy");
      const fn = (name: string) => ofType(resources, "aws:cloudfront/function:Function").find((f) => f.name === name)!.outputs.arn;
      const describe = (b: Record<string, any>) => [
        b.pathPattern ?? "default",
        b.targetOriginId,
        b.allowedMethods.join(","),
        b.cachePolicyId,
        b.originRequestPolicyId ?? "-",
        (b.functionAssociations ?? []).map((f: { eventType: string; functionArn: string }) => `${f.eventType} ${f.functionArn}`).join(),
      ];
      const disabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
      const exceptHost = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
      const all = "GET,HEAD,OPTIONS,PUT,POST,PATCH,DELETE";
      assert.deepEqual([distribution.defaultCacheBehavior, ...distribution.orderedCacheBehaviors].map(describe), [
        ["default", "alb-eu-west-1", all, disabled, exceptHost, `viewer-response ${fn("edge-mark-writes")}`],
        ["/static/*", "static-failover", "GET,HEAD", "658327ea-f89d-4fab-a63d-7e88639e58f6", "-", ""],
        ["/api/*", "alb-eu-west-1", all, disabled, exceptHost, `viewer-response ${fn("edge-mark-writes")}`],
        ["/account/*", "alb-failover", "GET,HEAD,OPTIONS", disabled, location, `viewer-request ${fn("edge-route-read-your-writes")}`],
        ["/catalog/*", "alb-cached-failover", "GET,HEAD,OPTIONS", cacheable, location, `viewer-request ${fn("edge-route-cacheable")}`],
        ["/read/*", "alb-failover", "GET,HEAD,OPTIONS", disabled, location, `viewer-request ${fn("edge-route-read-any")}`],
      ]);
      for (const b of [distribution.defaultCacheBehavior, ...distribution.orderedCacheBehaviors]) {
        assert.deepEqual([b.viewerProtocolPolicy, b.compress, b.responseHeadersPolicyId], ["redirect-to-https", true, headers]);
      }
    });

    it("caches the cacheable routes by an explicit key within the configured TTLs, and adds the viewer-location headers for the routers", () => {
      const cache = one(resources, "aws:cloudfront/cachePolicy:CachePolicy").inputs;
      assert.deepEqual([cache.name, cache.minTtl, cache.defaultTtl, cache.maxTtl], ["blueprint-prod-cacheable", 0, 60, 86_400]);
      assert.deepEqual(cache.parametersInCacheKeyAndForwardedToOrigin, {
        cookiesConfig: { cookieBehavior: "none" },
        headersConfig: { headerBehavior: "none" },
        queryStringsConfig: { queryStringBehavior: "none" },
        enableAcceptEncodingBrotli: true,
        enableAcceptEncodingGzip: true,
      });
      const location = one(resources, "aws:cloudfront/originRequestPolicy:OriginRequestPolicy").inputs;
      assert.deepEqual(location.headersConfig, {
        headerBehavior: "allViewerAndWhitelistCloudFront",
        headers: { items: ["CloudFront-Viewer-Country", "CloudFront-Viewer-Latitude", "CloudFront-Viewer-Longitude"] },
      });
      for (const fn of ofType(resources, "aws:cloudfront/function:Function")) {
        assert.deepEqual([fn.inputs.runtime, fn.inputs.publish], ["cloudfront-js-2.0", true], fn.name);
        assert.ok(Buffer.byteLength(fn.inputs.code as string) <= 10_240, fn.name);
      }
    });

    it("serves the aliases over HTTP/2 and HTTP/3 with the validated us-east-1 certificate and TLS 1.2 (2021)", () => {
      const distribution = distributionOf(resources);
      const validation = one(resources, "aws:acm/certificateValidation:CertificateValidation");
      assert.deepEqual(distribution.aliases, ["www.example.com"]);
      assert.equal(distribution.httpVersion, "http2and3");
      assert.equal(distribution.isIpv6Enabled, true);
      assert.equal(distribution.priceClass, "PriceClass_All");
      assert.deepEqual(distribution.viewerCertificate, {
        acmCertificateArn: validation.outputs.certificateArn,
        sslSupportMethod: "sni-only",
        minimumProtocolVersion: "TLSv1.2_2021",
      });
      const certificate = one(resources, "aws:acm/certificate:Certificate").inputs;
      assert.deepEqual(
        [certificate.region, certificate.domainName, certificate.validationMethod, certificate.keyAlgorithm],
        ["us-east-1", "www.example.com", "DNS", "RSA_2048"],
      );
      const record = one(resources, "aws:route53/record:Record").inputs;
      assert.equal(record.zoneId, "Z0123456789ABCDEFGHIJ");
      assert.deepEqual(validation.inputs.validationRecordFqdns, [one(resources, "aws:route53/record:Record").outputs.fqdn]);
    });

    it("sends HSTS and the usual security headers", () => {
      assert.deepEqual(one(resources, "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy").inputs.securityHeadersConfig, {
        strictTransportSecurity: { accessControlMaxAgeSec: 31_536_000, includeSubdomains: true, preload: false, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: "DENY", override: true },
        referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      });
    });

    it("attaches a CLOUDFRONT web ACL with the managed groups and a rate limit, logged to aws-waf-logs-", () => {
      const acl = one(resources, "aws:wafv2/webAcl:WebAcl");
      assert.equal(distributionOf(resources).webAclId, acl.outputs.arn);
      assert.match(String(acl.outputs.arn), /^arn:aws:wafv2:us-east-1:123456789012:global\/webacl\/blueprint-prod-edge\/[0-9a-f-]{36}$/);
      assert.deepEqual([acl.inputs.scope, acl.inputs.defaultAction, acl.outputs.capacity], ["CLOUDFRONT", { allow: {} }, 956]);
      const rules = acl.inputs.rules as Array<Record<string, any>>;
      assert.deepEqual(
        rules.map((r) => [r.priority, r.name]),
        [
          [0, "AWSManagedRulesAmazonIpReputationList"],
          [1, "route-0-static"],
          [2, "route-1-write"],
          [3, "route-2-read-your-writes"],
          [4, "route-3-cacheable"],
          [5, "route-4-read-any"],
          [6, "route-default-write"],
          [7, "AWSManagedRulesCommonRuleSet"],
          [8, "body-size-static"],
          [9, "body-size-read-your-writes"],
          [10, "body-size-cacheable"],
          [11, "body-size-read-any"],
          [12, "AWSManagedRulesKnownBadInputsRuleSet"],
          [13, "rate-limit-per-ip"],
        ],
      );
      // the common rule set's fixed 8 KB body rule only counts; the body-size rules replace it per route class
      assert.deepEqual(rules[7].statement.managedRuleGroupStatement.ruleActionOverrides, [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]);
      const logGroup = one(resources, "aws:cloudwatch/logGroup:LogGroup");
      assert.deepEqual([logGroup.inputs.name, logGroup.inputs.retentionInDays], ["aws-waf-logs-blueprint-prod", 365]);
      const logging = one(resources, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
      assert.deepEqual([logging.inputs.resourceArn, logging.inputs.logDestinationConfigs], [acl.outputs.arn, [logGroup.outputs.arn]]);
      assert.deepEqual(logging.inputs.redactedFields, [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
      const policy = one(resources, "aws:cloudwatch/logResourcePolicy:LogResourcePolicy");
      assert.equal(policy.inputs.resourceArn, logGroup.outputs.arn);
      assert.ok(logging.dependencies.includes(policy.urn));
    });

    it("keeps every bucket private, owner-enforced, encrypted, versioned and protected", () => {
      for (const bucket of ofType(resources, "aws:s3/bucket:Bucket")) {
        assert.equal(bucket.inputs.forceDestroy, false, bucket.name);
        assert.equal(bucket.protect, true, bucket.name);
      }
      for (const block of ofType(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")) {
        assert.deepEqual(
          [block.inputs.blockPublicAcls, block.inputs.blockPublicPolicy, block.inputs.ignorePublicAcls, block.inputs.restrictPublicBuckets],
          [true, true, true, true],
        );
      }
      for (const ownership of ofType(resources, "aws:s3/bucketOwnershipControls:BucketOwnershipControls")) {
        assert.deepEqual(ownership.inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
      }
      // the static buckets under their region's key (S3 Bucket Key on); log delivery writes the access logs under SSE-S3
      const keyOf = (region: string) => one(resources, "aws:kms/key:Key", `edge-static-key-${region}`).outputs.arn;
      const sse = (name: string) => one(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name).inputs.rules;
      assert.deepEqual(sse("edge-static"), [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyOf("eu-west-1") }, bucketKeyEnabled: true },
      ]);
      assert.deepEqual(sse("edge-static-replica"), [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: keyOf("ap-southeast-2") }, bucketKeyEnabled: true },
      ]);
      assert.deepEqual(sse("edge-logs"), [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
      for (const versioning of ofType(resources, "aws:s3/bucketVersioning:BucketVersioning")) {
        assert.deepEqual(versioning.inputs.versioningConfiguration, { status: "Enabled" });
      }
    });

    it("lets only this distribution read the static buckets, over TLS", () => {
      const distributionArn = one(resources, "aws:cloudfront/distribution:Distribution").outputs.arn;
      for (const name of ["edge-static", "edge-static-replica"]) {
        const policy = JSON.parse(one(resources, "aws:s3/bucketPolicy:BucketPolicy", name).inputs.policy as string);
        assert.deepEqual(policy.Statement[0].Condition, { StringEquals: { "AWS:SourceArn": distributionArn } });
        assert.deepEqual(policy.Statement[0].Principal, { Service: "cloudfront.amazonaws.com" });
        assert.equal(policy.Statement[1].Condition.Bool["aws:SecureTransport"], "false");
      }
    });

    it("replicates the static bucket to its replica through a least-privilege role, after both are versioned", () => {
      const replication = one(resources, "aws:s3/bucketReplicationConfig:BucketReplicationConfig");
      const role = one(resources, "aws:iam/role:Role");
      const replica = one(resources, "aws:s3/bucket:Bucket", "edge-static-replica");
      assert.equal(replication.inputs.role, role.outputs.arn);
      assert.deepEqual(replication.inputs.rules, [
        {
          id: "static-to-replica",
          status: "Enabled",
          priority: 1,
          filter: { prefix: "" },
          deleteMarkerReplication: { status: "Enabled" },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
          destination: {
            bucket: replica.outputs.arn,
            storageClass: "STANDARD",
            encryptionConfiguration: { replicaKmsKeyId: one(resources, "aws:kms/key:Key", "edge-static-key-ap-southeast-2").outputs.arn },
          },
        },
      ]);
      for (const versioning of ofType(resources, "aws:s3/bucketVersioning:BucketVersioning").filter((v) => v.name !== "edge-logs")) {
        assert.ok(replication.dependencies.includes(versioning.urn), versioning.name);
      }
      const permissions = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy as string).Statement;
      assert.deepEqual(permissions[4].Resource, `${replica.outputs.arn}/*`);
      assert.deepEqual(
        permissions.slice(0, 2).map((s: { Action: unknown; Condition: unknown }) => [s.Action, s.Condition]),
        [
          ["kms:Decrypt", { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } }],
          [["kms:Encrypt", "kms:GenerateDataKey"], { StringEquals: { "kms:ViaService": "s3.ap-southeast-2.amazonaws.com" } }],
        ],
      );
    });

    it("lets only this distribution decrypt the static assets through CloudFront", () => {
      const distributionArn = one(resources, "aws:cloudfront/distribution:Distribution").outputs.arn;
      for (const region of ["eu-west-1", "ap-southeast-2"]) {
        const key = one(resources, "aws:kms/key:Key", `edge-static-key-${region}`);
        assert.deepEqual([key.region, key.inputs.enableKeyRotation, key.inputs.deletionWindowInDays], [region, true, 30]);
        assert.deepEqual(JSON.parse(key.inputs.policy as string).Statement[1], {
          Sid: "DistributionReadsStaticAssets",
          Effect: "Allow",
          Principal: { Service: "cloudfront.amazonaws.com" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
        });
      }
    });

    it("delivers access logs (standard logging v2) from us-east-1 to the log bucket once its policy exists", () => {
      const distribution = one(resources, "aws:cloudfront/distribution:Distribution");
      const source = one(resources, "aws:cloudwatch/logDeliverySource:LogDeliverySource");
      const destination = one(resources, "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination");
      const delivery = one(resources, "aws:cloudwatch/logDelivery:LogDelivery");
      const bucket = one(resources, "aws:s3/bucket:Bucket", "edge-logs");
      assert.deepEqual(
        [source.inputs.logType, source.inputs.resourceArn, source.inputs.name],
        ["ACCESS_LOGS", distribution.outputs.arn, "blueprint-prod-cdn-access"],
      );
      assert.deepEqual(destination.inputs.deliveryDestinationConfiguration, { destinationResourceArn: bucket.outputs.arn });
      assert.deepEqual([delivery.inputs.deliverySourceName, delivery.inputs.deliveryDestinationArn], [source.outputs.name, destination.outputs.arn]);
      assert.ok(delivery.dependencies.includes(one(resources, "aws:s3/bucketPolicy:BucketPolicy", "edge-logs").urn));
      assert.equal(bucket.inputs.bucket, "blueprint-prod-cdn-logs-us-east-1-123456789012");
      const lifecycle = one(resources, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "edge-logs").inputs.rules as Array<
        Record<string, any>
      >;
      assert.equal(lifecycle[0].expiration.days, 365);
    });
  });

  describe("origins and origin groups per number of regions", () => {
    const layouts: Array<[string[], string[]]> = [
      [["eu-west-1"], ["static-failover"]],
      [
        ["eu-west-1", "ap-southeast-2"],
        ["alb-failover", "alb-cached-failover", "static-failover"],
      ],
      [
        ["us-east-1", "ap-southeast-2", "eu-west-1"],
        ["alb-failover", "alb-cached-failover", "static-failover"],
      ],
    ];
    for (const [regions, groups] of layouts) {
      it(`${regions.length} region(s): ${2 * regions.length + 2} origins, groups ${groups.join(", ")}`, async () => {
        const resources = await record({
          origins: regions.map((region) => origin(region)),
          aliases: [],
          certificate: undefined as never,
          settings: { ...SETTINGS, waf: { ...SETTINGS.waf, enabled: false } },
        });
        const distribution = distributionOf(resources);
        assert.deepEqual(
          (distribution.origins as Array<{ originId: string }>).map((o) => o.originId),
          [...regions.map((r) => `alb-${r}`), ...regions.map((r) => `alb-${r}-cached`), "static-eu-west-1", "static-ap-southeast-2"],
        );
        assert.deepEqual(
          (distribution.originGroups as Array<{ originId: string }>).map((g) => g.originId),
          groups,
        );
        const read = (distribution.orderedCacheBehaviors as Array<Record<string, any>>).find((b) => b.pathPattern === "/read/*")!;
        assert.deepEqual([read.targetOriginId, read.allowedMethods], [regions.length > 1 ? "alb-failover" : "alb-eu-west-1", ["GET", "HEAD", "OPTIONS"]]);
        assert.equal(ofType(resources, "aws:cloudfront/vpcOrigin:VpcOrigin").length, regions.length);
      });
    }
  });

  describe("without a domain (dev)", () => {
    let resources: PlannedResource[];
    before(async () => {
      resources = await record({
        origins: [{ ...origin("us-east-1"), domainName: "internal-alb-123.us-east-1.elb.amazonaws.com" }],
        primaryRegion: "us-east-1",
        originProtocol: "http",
        aliases: [],
        certificate: undefined as never,
        staticAssets: { replicaRegion: "us-east-2" },
        settings: { ...SETTINGS, priceClass: "PriceClass_100", waf: { ...SETTINGS.waf, enabled: false }, logRetentionDays: 7 },
        protect: false,
      });
    });

    it("has no certificate, no web ACL and no aliases, and uses CloudFront's certificate", () => {
      assert.deepEqual(countTypes(resources), { ...ALWAYS, ...EDGE(1) });
      const distribution = distributionOf(resources);
      assert.deepEqual(distribution.aliases, []);
      assert.deepEqual(distribution.viewerCertificate, { cloudfrontDefaultCertificate: true });
      assert.equal(distribution.webAclId, undefined);
      assert.equal(distribution.priceClass, "PriceClass_100");
    });

    it("reaches the internal load balancer over HTTP through its VPC origin, and lets destroy empty the buckets", () => {
      const endpoint = one(resources, "aws:cloudfront/vpcOrigin:VpcOrigin").inputs.vpcOriginEndpointConfig as { originProtocolPolicy: string };
      assert.equal(endpoint.originProtocolPolicy, "http-only");
      for (const bucket of ofType(resources, "aws:s3/bucket:Bucket"))
        assert.deepEqual([bucket.inputs.forceDestroy, bucket.protect], [true, false], bucket.name);
    });
  });

  it("uses an existing us-east-1 certificate as given, creating none", async () => {
    const resources = await record({
      certificate: { arn: US_CERT, names: ["*.example.com"] },
      settings: { ...SETTINGS, waf: { ...SETTINGS.waf, enabled: false } },
    });
    assert.deepEqual(countTypes(resources), { ...ALWAYS, ...EDGE(1) });
    assert.equal(distributionOf(resources).viewerCertificate.acmCertificateArn, US_CERT);
  });

  it("rejects invalid arguments before declaring anything, listing every problem", async () => {
    await assert.rejects(
      record({
        certificate: { arn: US_CERT.replace("us-east-1", "eu-west-1"), names: ["api.example.com"] },
        staticAssets: { replicaRegion: "eu-west-1" },
        settings: { ...SETTINGS, failoverStatusCodes: [429] },
      }),
      (error: Error) => {
        assert.match(error.message, /Cdn edge has invalid arguments:\n/);
        assert.match(error.message, /certificate\.arn is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1/);
        assert.match(error.message, /certificate\.names do not cover the alias www\.example\.com/);
        assert.match(error.message, /staticAssets\.replicaRegion must differ from the primary region eu-west-1/);
        assert.match(error.message, /settings\.failoverStatusCodes may only contain 400, 403, 404, 416, 500, 502, 503, 504/);
        return true;
      },
    );
  });
});

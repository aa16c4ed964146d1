import * as aws from "@pulumi/aws";
import {
  distributionConfigureDefaultRootObject,
  distributionConfigureGeoRestriction,
  distributionConfigureSecureTls,
  distributionConfigureWaf,
  distributionEnableAccessLogs,
  distributionRequireOriginAccessControl,
  distributionRequireOriginHttps,
  distributionRequireViewerHttps,
  webAclConfigureManagedRules,
  webAclConfigureRateLimit,
  webAclEnableLogging,
} from "../../policies/cdn";
import { distributionProps, edgeStack } from "../support/policies/fixtures";
import {
  assertNotApplicable,
  assertPasses,
  assertUnknown,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const distribution = distributionProps();

const managed = (name: string) => ({
  name,
  priority: 1,
  overrideAction: { none: {} },
  statement: { managedRuleGroupStatement: { name, vendorName: "AWS" } },
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
});
const rateLimit = {
  name: "rate-limit-per-ip",
  priority: 3,
  action: { block: {} },
  statement: { rateBasedStatement: { aggregateKeyType: "IP", limit: 2000 } },
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "rate", sampledRequestsEnabled: true },
};

/** The CDN's web ACL as components/cdn declares it. */
const webAcl = {
  region: "us-east-1",
  name: "blueprint-prod-edge",
  scope: "CLOUDFRONT",
  defaultAction: { allow: {} },
  rules: [
    managed("AWSManagedRulesAmazonIpReputationList"),
    managed("AWSManagedRulesCommonRuleSet"),
    managed("AWSManagedRulesKnownBadInputsRuleSet"),
    rateLimit,
  ],
  visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "blueprint-prod-edge", sampledRequestsEnabled: true },
};

/** The same rules in the API's JSON shape, as `ruleJson` takes them. */
const ruleJson = JSON.stringify([
  {
    Name: "common",
    Priority: 1,
    OverrideAction: { None: {} },
    Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesCommonRuleSet" } },
  },
  {
    Name: "bad-inputs",
    Priority: 2,
    OverrideAction: { None: {} },
    Statement: { ManagedRuleGroupStatement: { VendorName: "AWS", Name: "AWSManagedRulesKnownBadInputsRuleSet" } },
  },
  { Name: "rate", Priority: 3, Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: "IP" } } },
]);

describe("CDN policies", () => {
  describeResourcePolicy({
    policy: distributionRequireViewerHttps,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    alsoCompliant: [{ name: "HTTPS only", mutate: (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "https-only") }],
    violations: [
      {
        name: "the default behavior allows HTTP",
        mutate: (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = "allow-all"),
        expect: [/The default cache behavior lets viewers use plain HTTP \(viewerProtocolPolicy allow-all\)/],
      },
      {
        name: "an ordered behavior allows HTTP",
        mutate: (p) => (p.orderedCacheBehaviors[0].viewerProtocolPolicy = "allow-all"),
        expect: [/The cache behavior \/static\/\* lets viewers use plain HTTP/],
      },
    ],
    unknown: (p) => (p.defaultCacheBehavior.viewerProtocolPolicy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: distributionConfigureSecureTls,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    alsoCompliant: [{ name: "TLS 1.3 only", mutate: (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.3_2025") }],
    violations: [
      {
        name: "the default certificate (no domain, as in dev)",
        mutate: (p) => (p.viewerCertificate = { cloudfrontDefaultCertificate: true }),
        expect: [/serves the default \*\.cloudfront\.net certificate, which CloudFront only offers with TLSv1/],
      },
      {
        name: "an IAM certificate",
        mutate: (p) => (p.viewerCertificate = { iamCertificateId: "ASCA1", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" }),
        expect: [/names no ACM certificate/],
      },
      {
        name: "TLS 1.1 allowed",
        mutate: (p) => (p.viewerCertificate.minimumProtocolVersion = "TLSv1.1_2016"),
        expect: [/minimum viewer protocol is TLSv1\.1_2016; use one of TLSv1\.2_2021, TLSv1\.2_2025, TLSv1\.3_2025/],
      },
      { name: "no minimum protocol", mutate: (p) => delete p.viewerCertificate.minimumProtocolVersion, expect: [/minimum viewer protocol is unset \(TLSv1\)/] },
      { name: "a dedicated IP", mutate: (p) => (p.viewerCertificate.sslSupportMethod = "vip"), expect: [/sslSupportMethod is vip; use sni-only/] },
    ],
    unknown: (p) => (p.viewerCertificate.acmCertificateArn = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: distributionConfigureWaf,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    violations: [
      { name: "no web ACL (WAF off, as in dev)", mutate: (p) => delete p.webAclId, expect: [/The distribution has no WAF web ACL \(webAclId is unset\)/] },
    ],
    unknown: (p) => (p.webAclId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: distributionRequireOriginHttps,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    alsoCompliant: [
      {
        name: "HTTP to the origin without a domain (no certificates anywhere, the dev exception)",
        mutate: (p) => {
          p.viewerCertificate = { cloudfrontDefaultCertificate: true };
          p.origins[0].customOriginConfig.originProtocolPolicy = "http-only";
        },
      },
    ],
    violations: [
      {
        name: "HTTP to an origin that has a certificate",
        mutate: (p) => (p.origins[1].customOriginConfig.originProtocolPolicy = "http-only"),
        expect: [/Origin alb-eu-west-1 is reached with http-only; the stack has certificates, so use https-only/],
      },
      {
        name: "match-viewer",
        mutate: (p) => (p.origins[0].customOriginConfig.originProtocolPolicy = "match-viewer"),
        expect: [/Origin alb-us-east-1 is reached with match-viewer/],
      },
      {
        name: "TLS 1.0 to the origin, even without a domain",
        mutate: (p) => {
          p.viewerCertificate = { cloudfrontDefaultCertificate: true };
          p.origins[0].customOriginConfig.originSslProtocols = ["TLSv1", "TLSv1.2"];
        },
        expect: [/Origin alb-us-east-1 accepts TLSv1; allow TLSv1\.2 only/],
      },
    ],
    unknown: (p) => (p.origins[0].customOriginConfig.originProtocolPolicy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: distributionRequireOriginAccessControl,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    alsoCompliant: [
      { name: "an S3 origin declared with an empty s3OriginConfig and an OAC", mutate: (p) => (p.origins[3].s3OriginConfig = { originAccessIdentity: "" }) },
    ],
    violations: [
      {
        name: "an S3 origin without OAC",
        mutate: (p) => delete p.origins[2].originAccessControlId,
        expect: [/S3 origin static-us-east-1 has no origin access control, so the bucket must be public/],
      },
      {
        name: "a legacy OAI",
        mutate: (p) =>
          Object.assign(p.origins[3], { originAccessControlId: undefined, s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E1" } }),
        expect: [/Origin static-eu-west-1 uses a legacy origin access identity/, /S3 origin static-eu-west-1 has no origin access control/],
      },
      {
        name: "a website endpoint",
        mutate: (p) => (p.origins[2].domainName = "blueprint-prod-static.s3-website-us-east-1.amazonaws.com"),
        expect: [/Origin static-us-east-1 is an S3 website endpoint \(blueprint-prod-static\.s3-website-us-east-1\.amazonaws\.com\)/],
      },
    ],
    unknown: (p) => (p.origins[2].domainName = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: distributionConfigureDefaultRootObject,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    alsoCompliant: [
      {
        name: "an S3 default behavior with index.html",
        mutate: (p) =>
          Object.assign(p, { defaultRootObject: "index.html", defaultCacheBehavior: { ...p.defaultCacheBehavior, targetOriginId: "static-failover" } }),
      },
    ],
    violations: [
      {
        name: "an S3 origin group as the default behavior without a root object",
        mutate: (p) => (p.defaultCacheBehavior.targetOriginId = "static-failover"),
        expect: [/The default cache behavior serves S3 but the distribution names no defaultRootObject/],
      },
      {
        name: "one S3 origin as the default behavior",
        mutate: (p) => (p.defaultCacheBehavior.targetOriginId = "static-us-east-1"),
        expect: [/serves S3 but the distribution names no defaultRootObject/],
      },
    ],
    unknown: (p) => (p.defaultCacheBehavior.targetOriginId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: distributionConfigureGeoRestriction,
    resourceClass: aws.cloudfront.Distribution,
    compliant: distribution,
    alsoCompliant: [{ name: "an allow list", mutate: (p) => (p.restrictions.geoRestriction = { restrictionType: "whitelist", locations: ["US", "CA"] }) }],
    violations: [
      {
        name: "none (as components/cdn declares it)",
        mutate: (p) => (p.restrictions.geoRestriction = { restrictionType: "none" }),
        expect: [/The distribution serves every country \(geo restriction none\)/],
      },
      {
        name: "a block list without countries",
        mutate: (p) => (p.restrictions.geoRestriction.locations = []),
        expect: [/The distribution's blacklist geo restriction lists no country/],
      },
    ],
    unknown: (p) => (p.restrictions.geoRestriction.restrictionType = UNKNOWN_SENTINELS.string),
  });

  describe(distributionEnableAccessLogs.name, () => {
    const withLogs = () => {
      const stack = edgeStack();
      const source = stack.graph.add(
        "aws:cloudwatch/logDeliverySource:LogDeliverySource",
        "edge-access-logs",
        {
          region: "us-east-1",
          name: "blueprint-prod-cdn-access",
          logType: "ACCESS_LOGS",
          resourceArn: "arn:aws:cloudfront::123456789012:distribution/EB91A43DA5FCDD",
        },
        { parent: stack.component, propertyDependencies: { resourceArn: [stack.distribution] } },
      );
      const delivery = stack.graph.add(
        "aws:cloudwatch/logDelivery:LogDelivery",
        "edge-access-logs",
        {
          region: "us-east-1",
          deliverySourceName: "blueprint-prod-cdn-access",
          deliveryDestinationArn: "arn:aws:logs:us-east-1:123456789012:delivery-destination:cdn",
        },
        { parent: stack.component, propertyDependencies: { deliverySourceName: [source] } },
      );
      return { ...stack, source, delivery };
    };
    it("passes standard logging v2 (a delivery source with a delivery), matched by dependency or by value", async () => {
      assertPasses(await checkStack(distributionEnableAccessLogs, withLogs().graph.resources));
      const { graph, source, delivery } = withLogs();
      graph.get(source).propertyDependencies = {};
      graph.get(delivery).propertyDependencies = {};
      assertPasses(await checkStack(distributionEnableAccessLogs, graph.resources));
    });
    it("passes legacy logging to a bucket", async () => {
      const { graph, distribution: urn } = edgeStack();
      graph.get(urn).props.loggingConfig = { bucket: "blueprint-prod-cdn-logs.s3.amazonaws.com", prefix: "cdn/" };
      assertPasses(await checkStack(distributionEnableAccessLogs, graph.resources));
    });
    it("reports a distribution without logs, and a delivery source nothing delivers", async () => {
      const { graph, distribution: urn } = edgeStack();
      const outcome = await checkStack(distributionEnableAccessLogs, graph.resources);
      assertViolations(outcome, [/Distribution edge writes no access logs \(no loggingConfig bucket, no log delivery source\)/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === urn) }, [/edge/]);
      const partial = withLogs();
      partial.graph.remove(partial.delivery);
      assertViolations(await checkStack(distributionEnableAccessLogs, partial.graph.resources), [
        /Distribution edge has a log delivery source but no log delivery sends it anywhere/,
      ]);
    });
    it("does not apply without a distribution", async () => {
      assertNotApplicable(await checkStack(distributionEnableAccessLogs, new StackGraph().resources), /no CloudFront distribution/);
    });
    it("cannot run while the logging bucket is unknown", async () => {
      const { graph, distribution: urn } = edgeStack();
      graph.get(urn).props.loggingConfig = { bucket: UNKNOWN_SENTINELS.string };
      assertUnknown(await checkStack(distributionEnableAccessLogs, graph.resources));
    });
  });

  describeResourcePolicy({
    policy: webAclConfigureManagedRules,
    resourceClass: aws.wafv2.WebAcl,
    compliant: webAcl,
    alsoCompliant: [
      { name: "the rules as ruleJson", mutate: (p) => Object.assign(p, { rules: undefined, ruleJson }) },
      {
        name: "only the groups the config asks for",
        config: { requiredManagedRuleGroups: ["AWSManagedRulesAmazonIpReputationList"] },
        mutate: (p) => p.rules.splice(1, 2),
      },
    ],
    violations: [
      { name: "no rules", mutate: (p) => (p.rules = []), expect: [/The web ACL has no rules, so its default action decides every request/] },
      {
        name: "no known-bad-inputs (Log4j) group",
        mutate: (p) => p.rules.splice(2, 1),
        expect: [/does not run the AWS managed rule group AWSManagedRulesKnownBadInputsRuleSet/],
      },
      {
        name: "a group that only counts",
        mutate: (p) => (p.rules[1].overrideAction = { count: {} }),
        expect: [/rule AWSManagedRulesCommonRuleSet \(AWSManagedRulesCommonRuleSet\) only counts matches/],
      },
      {
        name: "a ruleJson that is not JSON",
        mutate: (p) => Object.assign(p, { rules: undefined, ruleJson: "[" }),
        expect: [/The web ACL's ruleJson is not valid JSON/],
      },
    ],
    foreignClass: aws.wafv2.WebAclLoggingConfiguration,
    unknown: (p) => (p.rules = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: webAclConfigureRateLimit,
    resourceClass: aws.wafv2.WebAcl,
    compliant: webAcl,
    alsoCompliant: [
      { name: "the rules as ruleJson", mutate: (p) => Object.assign(p, { rules: undefined, ruleJson }) },
      { name: "a challenge instead of a block", mutate: (p) => (p.rules[3].action = { challenge: {} }) },
    ],
    violations: [
      { name: "no rate-based rule", mutate: (p) => p.rules.pop(), expect: [/The web ACL has no rate-based rule/] },
      {
        name: "a rate-based rule that only counts",
        mutate: (p) => (p.rules[3].action = { count: {} }),
        expect: [/rate-based rule\(s\) rate-limit-per-ip only count; block clients over the limit/],
      },
    ],
    unknown: (p) => (p.rules[3].action = UNKNOWN_SENTINELS.object),
  });

  describe(webAclEnableLogging.name, () => {
    const withLogging = () => {
      const stack = edgeStack();
      const config = stack.graph.add(
        "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
        "edge-waf",
        {
          region: "us-east-1",
          resourceArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/blueprint-prod-edge/b68ef138-8bbf-4984-87a8-a944ef325376",
          logDestinationConfigs: ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-blueprint-prod"],
        },
        { parent: stack.component, propertyDependencies: { resourceArn: [stack.acl] } },
      );
      return { ...stack, config };
    };
    it("passes a web ACL with a logging configuration (by dependency or by ARN)", async () => {
      assertPasses(await checkStack(webAclEnableLogging, withLogging().graph.resources));
      const { graph, config } = withLogging();
      graph.get(config).propertyDependencies = {};
      assertPasses(await checkStack(webAclEnableLogging, graph.resources));
    });
    it("reports a web ACL without one", async () => {
      const { graph, acl } = edgeStack();
      const outcome = await checkStack(webAclEnableLogging, graph.resources);
      assertViolations(outcome, [/Web ACL edge-waf \(CLOUDFRONT\) has no logging configuration/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === acl) }, [/edge-waf/]);
    });
    it("does not apply without web ACLs", async () => {
      assertNotApplicable(await checkStack(webAclEnableLogging, []), /no WAF web ACL/);
    });
    it("matches through dependencies while the ARN is unknown", async () => {
      const { graph, config, acl } = withLogging();
      graph.get(config).props.resourceArn = UNKNOWN_SENTINELS.string;
      graph.get(acl).props.arn = UNKNOWN_SENTINELS.string;
      assertPasses(await checkStack(webAclEnableLogging, graph.resources));
      graph.get(config).propertyDependencies = {};
      assertViolations(await checkStack(webAclEnableLogging, graph.resources), [/has no logging configuration/]);
    });
  });
});

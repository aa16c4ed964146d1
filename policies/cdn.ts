/**
 * CDN policies: the CloudFront distribution (viewer HTTPS and TLS, web ACL, access logs, origin
 * TLS, origin access control for S3, default root object, geo restriction) and its WAF web ACL
 * (managed rule groups, a rate-based rule, logging). Where the certificate and web ACL live and
 * origin failover are multi-region checks in stack.ts.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { validateResourceOfType, type PolicyResource } from "@pulumi/policy";
import { behaviors, isS3Origin, isS3WebsiteDomain, targetOrigins, DISTRIBUTION_TYPE, type DistributionProps } from "./lib/cloudfront";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { matchableStringProp, ofType, refersTo } from "./lib/graph";

type WebAclProps = pulumi.Unwrap<aws.wafv2.WebAclArgs>;

/** Viewer protocol policies that never serve plain HTTP. */
const HTTPS_VIEWER_POLICIES = ["redirect-to-https", "https-only"];
/** Origin SSL protocols older than TLS 1.2. */
const WEAK_ORIGIN_PROTOCOLS = ["SSLv3", "TLSv1", "TLSv1.1"];

/** True for a set, non-empty string. */
function given(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** Viewers are served over HTTPS only. */
export const distributionRequireViewerHttps = resourcePolicy({
  name: "aws-cloudfront-distribution-require-viewer-https",
  description: "Checks that every cache behavior of a CloudFront distribution redirects HTTP viewers to HTTPS or serves HTTPS only.",
  severity: "high",
  service: "cdn",
  remediationSteps: 'Set `viewerProtocolPolicy: "redirect-to-https"` on the default and every ordered cache behavior.',
  ids: {
    checkov: ["CKV_AWS_34"],
    trivy: ["AVD-AWS-0012"],
    compliancePolicies: ["aws-cloudfront-distribution-disallow-unencrypted-traffic"],
    wellArchitected: ["SEC09-BP02"],
  },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, _args, reportViolation) => {
    for (const behavior of behaviors(distribution)) {
      if (!HTTPS_VIEWER_POLICIES.includes(behavior.viewerProtocolPolicy ?? "")) {
        reportViolation(
          `The ${behavior.pathPattern === undefined ? "default cache behavior" : `cache behavior ${behavior.pathPattern}`} lets viewers use plain HTTP (viewerProtocolPolicy ${behavior.viewerProtocolPolicy ?? "unset"}).`,
        );
      }
    }
  }),
});

/** Viewers negotiate TLS 1.2 or later with the stack's own certificate. */
export const distributionConfigureSecureTls = resourcePolicy({
  name: "aws-cloudfront-distribution-configure-secure-tls",
  description:
    "Checks that a CloudFront distribution serves its own ACM certificate with SNI and a minimum viewer protocol from the allowed list (TLSv1.2_2021 or later), not the default *.cloudfront.net certificate, which keeps TLS 1.0.",
  severity: "high",
  service: "cdn",
  remediationSteps:
    'Give the stack a domain (blueprint:domain) so the CDN gets a us-east-1 ACM certificate, and set `viewerCertificate: { acmCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }`.',
  ids: {
    checkov: ["CKV_AWS_174", "CKV2_AWS_54", "CKV2_AWS_42"],
    trivy: ["AVD-AWS-0013"],
    cdkNag: ["AwsSolutions-CFR4"],
    compliancePolicies: ["aws-cloudfront-distribution-configure-secure-tls"],
    wellArchitected: ["SEC09-BP02"],
  },
  configSchema: {
    properties: {
      allowedMinimumProtocolVersions: {
        type: "array",
        items: { type: "string" },
        default: ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"],
        description: "Security policies (minimumProtocolVersion) a distribution may use.",
      },
    },
  },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, args, reportViolation) => {
    const { allowedMinimumProtocolVersions } = args.getConfig<{ allowedMinimumProtocolVersions: string[] }>();
    const certificate = distribution.viewerCertificate;
    if (certificate?.cloudfrontDefaultCertificate === true || !given(certificate?.acmCertificateArn)) {
      reportViolation(
        certificate?.cloudfrontDefaultCertificate === true
          ? "The distribution serves the default *.cloudfront.net certificate, which CloudFront only offers with TLSv1 as the minimum protocol."
          : "The distribution names no ACM certificate (viewerCertificate.acmCertificateArn).",
      );
      return;
    }
    if (!allowedMinimumProtocolVersions.includes(certificate?.minimumProtocolVersion ?? "")) {
      reportViolation(
        `The distribution's minimum viewer protocol is ${certificate?.minimumProtocolVersion ?? "unset (TLSv1)"}; use one of ${allowedMinimumProtocolVersions.join(", ")}.`,
      );
    }
    if (certificate?.sslSupportMethod !== "sni-only") {
      reportViolation(
        `The distribution's sslSupportMethod is ${certificate?.sslSupportMethod ?? "unset"}; use sni-only (vip costs a dedicated IP per edge location).`,
      );
    }
  }),
});

/** A WAF web ACL filters every request. */
export const distributionConfigureWaf = resourcePolicy({
  name: "aws-cloudfront-distribution-configure-waf",
  description: "Checks that a CloudFront distribution is associated with a WAF web ACL.",
  severity: "high",
  service: "cdn",
  remediationSteps:
    'Create an aws.wafv2.WebAcl with `scope: "CLOUDFRONT"` in us-east-1 and set the distribution\'s `webAclId` to its ARN (the edge profile turns WAF on in staging and prod).',
  ids: {
    checkov: ["CKV_AWS_68"],
    trivy: ["AVD-AWS-0011"],
    cdkNag: ["AwsSolutions-CFR2"],
    compliancePolicies: ["aws-cloudfront-distribution-configure-waf"],
    wellArchitected: ["SEC05-BP02", "SEC06-BP01"],
  },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, _args, reportViolation) => {
    if (!given(distribution.webAclId)) reportViolation("The distribution has no WAF web ACL (webAclId is unset).");
  }),
});

/** Custom origins are reached over TLS 1.2, and over HTTPS only when the stack has certificates. */
export const distributionRequireOriginHttps = resourcePolicy({
  name: "aws-cloudfront-distribution-require-origin-https",
  description:
    "Checks that a CloudFront distribution's custom origins accept nothing older than TLS 1.2 and, when the distribution serves a custom domain with an ACM certificate (so the origins have certificates too), are reached over HTTPS only.",
  severity: "high",
  service: "cdn",
  remediationSteps:
    'Set each custom origin\'s `customOriginConfig` to `originProtocolPolicy: "https-only"` and `originSslProtocols: ["TLSv1.2"]`, with a domain name its load balancer\'s certificate covers.',
  ids: {
    checkov: ["CKV2_AWS_72"],
    cdkNag: ["AwsSolutions-CFR5"],
    compliancePolicies: ["aws-cloudfront-distribution-configure-secure-tls-to-origin", "aws-cloudfront-distribution-enable-tls-to-origin"],
    wellArchitected: ["SEC09-BP02"],
  },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, _args, reportViolation) => {
    const certified = given(distribution.viewerCertificate?.acmCertificateArn) && distribution.viewerCertificate?.cloudfrontDefaultCertificate !== true;
    for (const origin of distribution.origins ?? []) {
      const custom = origin.customOriginConfig;
      if (custom === undefined) continue;
      const weak = (custom.originSslProtocols ?? []).filter((protocol) => WEAK_ORIGIN_PROTOCOLS.includes(protocol));
      if (weak.length > 0) reportViolation(`Origin ${origin.originId} accepts ${weak.join(", ")}; allow TLSv1.2 only.`);
      if (certified && custom.originProtocolPolicy !== "https-only") {
        reportViolation(`Origin ${origin.originId} is reached with ${custom.originProtocolPolicy}; the stack has certificates, so use https-only.`);
      }
    }
  }),
});

/** S3 origins are private and reached through origin access control. */
export const distributionRequireOriginAccessControl = resourcePolicy({
  name: "aws-cloudfront-distribution-require-origin-access-control",
  description:
    "Checks that every S3 origin of a CloudFront distribution is reached through an origin access control (not the legacy origin access identity), and that no origin is an S3 static-website endpoint, which needs a public bucket.",
  severity: "high",
  service: "cdn",
  remediationSteps:
    "Use the bucket's regional REST domain name (`bucketRegionalDomainName`) with `originAccessControlId` set to an aws.cloudfront.OriginAccessControl (signingBehavior always, sigv4), and a bucket policy that allows cloudfront.amazonaws.com with an aws:SourceArn condition.",
  ids: { checkov: ["CKV2_AWS_46"], cdkNag: ["AwsSolutions-CFR7", "AwsSolutions-CFR6"], wellArchitected: ["SEC03-BP02"] },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, _args, reportViolation) => {
    for (const origin of distribution.origins ?? []) {
      if (isS3WebsiteDomain(origin.domainName)) {
        reportViolation(`Origin ${origin.originId} is an S3 website endpoint (${origin.domainName}), which only serves public buckets over HTTP.`);
        continue;
      }
      if (!isS3Origin(origin)) continue;
      if (given(origin.s3OriginConfig?.originAccessIdentity))
        reportViolation(`Origin ${origin.originId} uses a legacy origin access identity; use an origin access control.`);
      if (!given(origin.originAccessControlId))
        reportViolation(`S3 origin ${origin.originId} has no origin access control, so the bucket must be public to serve it.`);
    }
  }),
});

/** A request for "/" served from S3 returns the index page. */
export const distributionConfigureDefaultRootObject = resourcePolicy({
  name: "aws-cloudfront-distribution-configure-default-root-object",
  description:
    "Checks that a CloudFront distribution whose default cache behavior serves an S3 origin names a default root object, so a request for / returns the index page instead of an S3 error.",
  severity: "low",
  service: "cdn",
  remediationSteps: 'Set `defaultRootObject: "index.html"` (or the site\'s entry page).',
  ids: { checkov: ["CKV_AWS_305"], wellArchitected: ["REL05-BP01"] },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, _args, reportViolation) => {
    const props = distribution as DistributionProps;
    const served = targetOrigins(props, props.defaultCacheBehavior?.targetOriginId);
    if (served.length > 0 && served.every(isS3Origin) && !given(props.defaultRootObject)) {
      reportViolation("The default cache behavior serves S3 but the distribution names no defaultRootObject.");
    }
  }),
});

/** Viewers from blocked countries are refused. */
export const distributionConfigureGeoRestriction = resourcePolicy({
  name: "aws-cloudfront-distribution-configure-geo-restriction",
  description: "Checks that a CloudFront distribution declares a geo restriction (an allow list or a block list of countries) rather than none.",
  severity: "low",
  service: "cdn",
  remediationSteps:
    'Set `restrictions.geoRestriction` to `{ restrictionType: "blacklist", locations: [...] }` with the countries the service must not serve (sanctions, markets it does not operate in), or an allow list.',
  ids: { checkov: ["CKV_AWS_374"], cdkNag: ["AwsSolutions-CFR1"], wellArchitected: ["SEC05-BP02"] },
  validateResource: validateResourceOfType(aws.cloudfront.Distribution, (distribution, _args, reportViolation) => {
    const geo = distribution.restrictions?.geoRestriction;
    const type = geo?.restrictionType ?? "none";
    if (type === "none") reportViolation("The distribution serves every country (geo restriction none).");
    else if ((geo?.locations ?? []).length === 0) reportViolation(`The distribution's ${type} geo restriction lists no country.`);
  }),
});

/** Access logs are written, legacy or v2. */
export const distributionEnableAccessLogs = stackPolicy({
  name: "aws-cloudfront-distribution-enable-access-logs",
  description:
    "Checks that every CloudFront distribution writes access logs: legacy standard logging to an S3 bucket (loggingConfig), or standard logging v2 (a CloudWatch Logs delivery source for the distribution with a delivery).",
  severity: "medium",
  service: "cdn",
  remediationSteps:
    'Declare aws.cloudwatch.LogDeliverySource (region us-east-1, logType "ACCESS_LOGS", resourceArn the distribution\'s ARN), a LogDeliveryDestination (S3 or CloudWatch Logs) and a LogDelivery between them; legacy loggingConfig needs a bucket with ACLs enabled, which the storage policies refuse.',
  ids: {
    checkov: ["CKV_AWS_86"],
    trivy: ["AVD-AWS-0010"],
    cdkNag: ["AwsSolutions-CFR3"],
    compliancePolicies: ["aws-cloudfront-distribution-enable-access-logging"],
    wellArchitected: ["SEC04-BP01"],
  },
  validateStack: (args, reportViolation) => {
    const distributions = ofType(args.resources, DISTRIBUTION_TYPE);
    if (distributions.length === 0) args.notApplicable("The stack has no CloudFront distribution.");
    const sources = ofType(args.resources, "aws:cloudwatch/logDeliverySource:LogDeliverySource");
    const deliveries = ofType(args.resources, "aws:cloudwatch/logDelivery:LogDelivery");
    for (const distribution of distributions) {
      const legacy = (distribution.props.loggingConfig as { bucket?: unknown } | undefined)?.bucket;
      if (given(legacy)) continue;
      const mine = sources.filter((source) => refersTo(source, "resourceArn", distribution, ["arn"]));
      if (mine.length === 0) {
        reportViolation(`Distribution ${distribution.name} writes no access logs (no loggingConfig bucket, no log delivery source).`, distribution.urn);
        continue;
      }
      const delivered = mine.some((source) => deliveries.some((delivery) => refersTo(delivery, "deliverySourceName", source, ["name", "id"])));
      if (!delivered) reportViolation(`Distribution ${distribution.name} has a log delivery source but no log delivery sends it anywhere.`, distribution.urn);
    }
  },
});

/** A web ACL statement, normalised from the typed `rules` or from `ruleJson`. */
interface WafRule {
  readonly name: string;
  readonly managedGroup?: { readonly vendorName?: string; readonly name?: string };
  readonly rateBased: boolean;
  readonly action?: string;
  readonly overrideAction?: string;
}

/** A web ACL rule as the provider takes it (the parts the policies read). */
interface WebAclRuleProps {
  readonly name?: unknown;
  readonly statement?: { readonly managedRuleGroupStatement?: WafRule["managedGroup"]; readonly rateBasedStatement?: unknown };
  readonly action?: unknown;
  readonly overrideAction?: unknown;
}

/** The first key of an action block (`{ block: {} }` → `block`). */
function actionName(block: unknown): string | undefined {
  if (block === null || typeof block !== "object") return undefined;
  const [key] = Object.keys(block).filter((k) => (block as Record<string, unknown>)[k] !== undefined);
  return key?.toLowerCase();
}

/** Lower-cases the first letter of every key, so `ruleJson`'s API shape reads like the typed one. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), camelKeys(inner)]),
  );
}

function wafRules(acl: WebAclProps): WafRule[] | { error: string } {
  let raw: unknown = acl.rules;
  if (raw === undefined && given(acl.ruleJson)) {
    try {
      raw = camelKeys(JSON.parse(acl.ruleJson));
    } catch (err) {
      return { error: `ruleJson is not valid JSON (${(err as Error).message})` };
    }
  }
  if (!Array.isArray(raw)) return [];
  return (raw as WebAclRuleProps[]).map((rule, index) => ({
    name: typeof rule.name === "string" ? rule.name : `rules[${index}]`,
    ...(rule.statement?.managedRuleGroupStatement ? { managedGroup: rule.statement.managedRuleGroupStatement } : {}),
    rateBased: rule.statement?.rateBasedStatement !== undefined,
    ...(actionName(rule.action) ? { action: actionName(rule.action) } : {}),
    ...(actionName(rule.overrideAction) ? { overrideAction: actionName(rule.overrideAction) } : {}),
  }));
}

/** AWS's managed rule groups are in force. */
export const webAclConfigureManagedRules = resourcePolicy({
  name: "aws-wafv2-webacl-configure-managed-rules",
  description:
    "Checks that a WAF web ACL has rules, including the configured AWS managed rule groups (common rule set, known bad inputs such as Log4j), none of them overridden to count only.",
  severity: "high",
  service: "cdn",
  remediationSteps:
    'Add a rule per managed group with `statement: { managedRuleGroupStatement: { vendorName: "AWS", name } }` and `overrideAction: { none: {} }` (count only logs).',
  ids: { checkov: ["CKV_AWS_175", "CKV_AWS_192", "CKV_AWS_342", "CKV2_AWS_47"], wellArchitected: ["SEC05-BP02", "SEC06-BP01"] },
  configSchema: {
    properties: {
      requiredManagedRuleGroups: {
        type: "array",
        items: { type: "string" },
        default: ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"],
        description: "AWS managed rule groups every web ACL must run.",
      },
    },
  },
  validateResource: validateResourceOfType(aws.wafv2.WebAcl, (acl, args, reportViolation) => {
    const { requiredManagedRuleGroups } = args.getConfig<{ requiredManagedRuleGroups: string[] }>();
    const rules = wafRules(acl);
    if ("error" in rules) {
      reportViolation(`The web ACL's ${rules.error}.`);
      return;
    }
    if (rules.length === 0) {
      reportViolation("The web ACL has no rules, so its default action decides every request.");
      return;
    }
    for (const group of requiredManagedRuleGroups) {
      const rule = rules.find((candidate) => candidate.managedGroup?.vendorName === "AWS" && candidate.managedGroup.name === group);
      if (rule === undefined) reportViolation(`The web ACL does not run the AWS managed rule group ${group}.`);
      else if (rule.overrideAction === "count") reportViolation(`The web ACL's rule ${rule.name} (${group}) only counts matches (overrideAction count).`);
    }
  }),
});

/** Floods from one client are throttled. */
export const webAclConfigureRateLimit = resourcePolicy({
  name: "aws-wafv2-webacl-configure-rate-limit",
  description: "Checks that a WAF web ACL has a rate-based rule that blocks (or challenges) clients sending more requests than its limit.",
  severity: "medium",
  service: "cdn",
  remediationSteps: 'Add a rule with `statement: { rateBasedStatement: { limit, aggregateKeyType: "IP" } }` and `action: { block: {} }`.',
  ids: { wellArchitected: ["REL05-BP02", "SEC05-BP02"] },
  validateResource: validateResourceOfType(aws.wafv2.WebAcl, (acl, _args, reportViolation) => {
    const rules = wafRules(acl);
    if ("error" in rules) {
      reportViolation(`The web ACL's ${rules.error}.`);
      return;
    }
    const rateRules = rules.filter((rule) => rule.rateBased);
    if (rateRules.length === 0) reportViolation("The web ACL has no rate-based rule.");
    else if (!rateRules.some((rule) => ["block", "captcha", "challenge"].includes(rule.action ?? ""))) {
      reportViolation(
        `The web ACL's rate-based rule(s) ${rateRules.map((rule) => rule.name).join(", ")} only ${rateRules[0].action ?? "have no action"}; block clients over the limit.`,
      );
    }
  }),
});

/** Every web ACL logs what it sees. */
export const webAclEnableLogging = stackPolicy({
  name: "aws-wafv2-webacl-enable-logging",
  description: "Checks that every WAF web ACL of the stack has a logging configuration.",
  severity: "medium",
  service: "cdn",
  remediationSteps:
    "Declare aws.wafv2.WebAclLoggingConfiguration for the web ACL (same region) with a destination whose name starts with aws-waf-logs- (a CloudWatch log group, S3 bucket or Firehose stream).",
  ids: { checkov: ["CKV2_AWS_31"], cdkNag: ["WAFv2LoggingEnabled"], wellArchitected: ["SEC04-BP01"] },
  validateStack: (args, reportViolation) => {
    const acls = ofType(args.resources, "aws:wafv2/webAcl:WebAcl");
    if (acls.length === 0) args.notApplicable("The stack has no WAF web ACL.");
    const configs = ofType(args.resources, "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
    for (const acl of acls) {
      if (!configs.some((config: PolicyResource) => refersTo(config, "resourceArn", acl, ["arn"]))) {
        reportViolation(`Web ACL ${acl.name}${describeScope(acl)} has no logging configuration.`, acl.urn);
      }
    }
  },
});

function describeScope(acl: PolicyResource): string {
  const scope = matchableStringProp(acl, "scope");
  return scope ? ` (${scope})` : "";
}

/** The cdn policies, in pack order. */
export const CDN_POLICIES: readonly BlueprintPolicy[] = [
  distributionRequireViewerHttps,
  distributionConfigureSecureTls,
  distributionConfigureWaf,
  distributionRequireOriginHttps,
  distributionRequireOriginAccessControl,
  distributionConfigureDefaultRootObject,
  distributionConfigureGeoRestriction,
  distributionEnableAccessLogs,
  webAclConfigureManagedRules,
  webAclConfigureRateLimit,
  webAclEnableLogging,
];

/**
 * The stack's global edge: one CloudFront distribution in front of every region's load balancer
 * and a replicated static-asset bucket, with origin failover, security headers, access logs and
 * (per profile) a WAF web ACL. The certificate and the web ACL live in us-east-1 whatever the
 * stack's regions, because CloudFront only takes them from there.
 *
 * Behaviours (see lib/layout.ts): the default behaviour sends every method to the primary
 * region; the static path is served from the bucket group; the read-only failover paths go to
 * the load balancers' origin group (primary, then the next region).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ORIGIN_VERIFY_HEADER } from "../loadbalancer/lib/listenerRules";
import { createAccessLogs } from "./accessLogs";
import { createPrivateBucket, type PrivateBucket } from "./buckets";
import { createCdnCertificate } from "./certificate";
import { cdnNames, EDGE_BUCKET_PURPOSES, MINIMUM_VIEWER_TLS } from "./lib/cdnRules";
import { distributionLayout, type BehaviourSpec, type OriginSpec } from "./lib/layout";
import { staticBucketPolicy } from "./lib/policies";
import { cdnArgProblems, type CdnCertificate } from "./lib/validate";
import { createStaticReplication } from "./replication";
import type { DistributionSettings } from "./settings";
import { createWebAcl } from "./webAcl";

export { CLOUDFRONT_CONTROL_REGION, type PriceClass } from "./lib/cdnRules";
export type { CdnSettings, DistributionSettings, WafSettings } from "./settings";
export type { CdnCertificate } from "./lib/validate";

/** One region's load balancer as an origin. */
export interface CdnOrigin {
  /** The load balancer's region. */
  readonly region: string;
  /**
   * The name CloudFront connects to: `<region>.<apiName>` with HTTPS (the load balancer's
   * certificate covers it, and CloudFront checks the certificate against this name), else the
   * load balancer's DNS name.
   */
  readonly domainName: pulumi.Input<string>;
}

/** Arguments of the Cdn component. */
export interface CdnArgs {
  /** Prefix of physical names, `<project>-<stack>` (lowercase letters, digits and -). */
  readonly namePrefix: string;
  /** Every region's load balancer, in failover order: the primary region first. */
  readonly origins: readonly CdnOrigin[];
  /** `https` when the load balancers listen on 443 (the stack has a domain), else `http`. */
  readonly originProtocol: "https" | "http";
  /** The secret header value the load balancers require (sent as `X-Origin-Verify`); kept secret. */
  readonly originVerifySecret: pulumi.Input<string>;
  /** Names the distribution serves, e.g. `["www.example.com"]`; empty without a domain. */
  readonly aliases: readonly string[];
  /**
   * The aliases' certificate: an existing ACM certificate of us-east-1 (with `names`, the names it
   * covers, checked against the aliases), or a hosted zone to validate a new one in.
   * @default - none: CloudFront's default certificate, only valid without aliases
   */
  readonly certificate?: CdnCertificate;
  /** Where the static bucket lives and where it is replicated to (another region). */
  readonly staticAssets: { readonly primaryRegion: string; readonly replicaRegion: string };
  /**
   * Price class, WAF, log retention, paths, failover codes, timeouts, HSTS: the resolved
   * `blueprint:cdn` (its certificate and replica region arrive as `certificate` and `staticAssets`).
   */
  readonly settings: DistributionSettings;
  /** Pulumi `protect` on the buckets; `pulumi destroy` may empty them only when false. */
  readonly protect: boolean;
  /** Tags without `Region`; regional children add their own. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A CloudFront distribution with its origins, static buckets, certificate, logs and web ACL.
 *
 * Cost: the distribution's requests and transfer (by price class), two buckets and replication
 * traffic, vended-log delivery, and with the WAF a web ACL, four rules and per-request charges.
 */
export class Cdn extends pulumi.ComponentResource {
  public readonly distributionId: pulumi.Output<string>;
  public readonly distributionArn: pulumi.Output<string>;
  /** `d….cloudfront.net`. */
  public readonly domainName: pulumi.Output<string>;
  /** Route 53 zone of the domain name, for alias records. */
  public readonly hostedZoneId: pulumi.Output<string>;
  /** The static assets' bucket (upload here; the replica follows). */
  public readonly staticBucketName: pulumi.Output<string>;
  public readonly staticReplicaBucketName: pulumi.Output<string>;
  public readonly accessLogBucketName: pulumi.Output<string>;
  /** The web ACL, when the WAF is enabled. */
  public readonly webAclArn?: pulumi.Output<string>;

  constructor(name: string, args: CdnArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:cdn:Cdn", name, {}, opts);
    const problems = cdnArgProblems({
      namePrefix: args.namePrefix,
      originRegions: args.origins.map((origin) => origin.region),
      originProtocol: args.originProtocol,
      aliases: args.aliases,
      ...(args.certificate !== undefined ? { certificate: args.certificate } : {}),
      staticAssets: args.staticAssets,
      settings: args.settings,
    });
    if (problems.length > 0) {
      throw new Error(`Cdn ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const settings = args.settings;
    const tags = { ...args.tags };
    const names = cdnNames(args.namePrefix);
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const account = pulumi.all([identity.accountId, partition.partition]).apply(([accountId, partitionName]) => ({ accountId, partition: partitionName }));
    const { primaryRegion, replicaRegion } = args.staticAssets;

    const staticBucket = (region: string, suffix: string): PrivateBucket =>
      createPrivateBucket(
        `${name}-${suffix}`,
        {
          region,
          namePrefix: args.namePrefix,
          purpose: EDGE_BUCKET_PURPOSES.static,
          accountId: account.accountId,
          noncurrentVersionDays: 30,
          protect: args.protect,
          tags: { ...tags, Region: region },
        },
        this,
      );
    const primaryBucket = staticBucket(primaryRegion, "static");
    const replicaBucket = staticBucket(replicaRegion, "static-replica");
    createStaticReplication(name, { primary: { region: primaryRegion, ...primaryBucket }, replica: replicaBucket, account, tags }, this);

    const oac = new aws.cloudfront.OriginAccessControl(
      `${name}-static`,
      {
        name: names.originAccessControl,
        description: `Signs CloudFront's requests to the static buckets of ${args.namePrefix}`,
        originAccessControlOriginType: "s3",
        signingBehavior: "always",
        signingProtocol: "sigv4",
      },
      opt,
    );

    const securityHeaders = new aws.cloudfront.ResponseHeadersPolicy(
      `${name}-security-headers`,
      {
        name: names.securityHeadersPolicy,
        comment: "HSTS and the usual security headers on every response",
        securityHeadersConfig: {
          strictTransportSecurity: { accessControlMaxAgeSec: settings.hstsMaxAgeSeconds, includeSubdomains: true, preload: false, override: true },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: "DENY", override: true },
          referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
          xssProtection: { protection: true, modeBlock: true, override: true },
        },
      },
      opt,
    );

    const layout = distributionLayout({
      loadBalancerRegions: args.origins.map((origin) => origin.region),
      staticRegions: { primary: primaryRegion, replica: replicaRegion },
      staticPathPattern: settings.staticPathPattern,
      failoverPathPatterns: settings.failoverPathPatterns,
      failoverStatusCodes: settings.failoverStatusCodes,
    });
    const domainOf = new Map(args.origins.map((origin) => [origin.region, origin.domainName] as const));
    const buckets = new Map([
      [primaryRegion, primaryBucket],
      [replicaRegion, replicaBucket],
    ]);
    const secretHeader = pulumi.secret(args.originVerifySecret);
    const origin = (spec: OriginSpec): aws.types.input.cloudfront.DistributionOrigin => {
      switch (spec.kind) {
        case "loadBalancer":
          return {
            originId: spec.id,
            domainName: domainOf.get(spec.region)!,
            connectionAttempts: settings.originConnectionAttempts,
            connectionTimeout: settings.originConnectionTimeoutSeconds,
            customOriginConfig: {
              httpPort: 80,
              httpsPort: 443,
              originProtocolPolicy: args.originProtocol === "https" ? "https-only" : "http-only",
              originSslProtocols: ["TLSv1.2"],
              originReadTimeout: settings.originReadTimeoutSeconds,
              originKeepaliveTimeout: 5,
            },
            customHeaders: [{ name: ORIGIN_VERIFY_HEADER, value: secretHeader }],
          };
        case "static":
          return {
            originId: spec.id,
            domainName: buckets.get(spec.region)!.bucket.bucketRegionalDomainName,
            originAccessControlId: oac.id,
          };
        default:
          throw new Error(`Unknown origin kind '${String((spec as { kind: unknown }).kind)}'`);
      }
    };
    const behaviour = (spec: BehaviourSpec) => ({
      targetOriginId: spec.target,
      allowedMethods: [...spec.allowedMethods],
      cachedMethods: [...spec.cachedMethods],
      cachePolicyId: spec.cachePolicyId,
      ...(spec.originRequestPolicyId !== undefined ? { originRequestPolicyId: spec.originRequestPolicyId } : {}),
      responseHeadersPolicyId: securityHeaders.id,
      viewerProtocolPolicy: "redirect-to-https",
      compress: true,
    });

    const certificateArn = (() => {
      const certificate = args.certificate;
      if (certificate === undefined) return undefined;
      if ("arn" in certificate) return pulumi.output(certificate.arn);
      return createCdnCertificate(`${name}-certificate`, { aliases: args.aliases, hostedZoneId: certificate.hostedZoneId, tags }, this);
    })();

    const webAcl = settings.waf.enabled
      ? createWebAcl(
          `${name}-waf`,
          { aclName: names.webAcl, logGroupName: names.wafLogGroup, logRetentionDays: settings.logRetentionDays, settings: settings.waf, account, tags },
          this,
        )
      : undefined;

    const distribution = new aws.cloudfront.Distribution(
      name,
      {
        enabled: true,
        comment: `${args.namePrefix}: application and static assets`,
        aliases: [...args.aliases],
        httpVersion: "http2and3",
        isIpv6Enabled: true,
        priceClass: settings.priceClass,
        origins: layout.origins.map(origin),
        originGroups: layout.originGroups.map((group) => ({
          originId: group.id,
          failoverCriteria: { statusCodes: [...group.statusCodes] },
          members: group.members.map((originId) => ({ originId })),
        })),
        defaultCacheBehavior: behaviour(layout.defaultBehaviour),
        orderedCacheBehaviors: layout.orderedBehaviours.map((spec) => ({ pathPattern: spec.pathPattern!, ...behaviour(spec) })),
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate:
          certificateArn === undefined
            ? // CloudFront's own certificate for d….cloudfront.net; it ignores a minimum protocol here
              { cloudfrontDefaultCertificate: true }
            : { acmCertificateArn: certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: MINIMUM_VIEWER_TLS },
        ...(webAcl ? { webAclId: webAcl.arn } : {}),
        tags,
      },
      opt,
    );

    for (const [suffix, bucket, region] of [
      ["static", primaryBucket, primaryRegion],
      ["static-replica", replicaBucket, replicaRegion],
    ] as const) {
      new aws.s3.BucketPolicy(
        `${name}-${suffix}`,
        {
          region,
          bucket: bucket.bucket.id,
          policy: pulumi.all([bucket.bucket.arn, distribution.arn]).apply(([bucketArn, distributionArn]) => staticBucketPolicy({ bucketArn, distributionArn })),
        },
        // S3 rejects a policy while the public-access block is still being applied
        { parent: this, dependsOn: [bucket.publicAccessBlock] },
      );
    }

    const accessLogBucket = createAccessLogs(
      name,
      {
        namePrefix: args.namePrefix,
        deliveryName: names.logDelivery,
        distributionArn: distribution.arn,
        retentionDays: settings.logRetentionDays,
        account,
        protect: args.protect,
        tags,
      },
      this,
    );

    this.distributionId = distribution.id;
    this.distributionArn = distribution.arn;
    this.domainName = distribution.domainName;
    this.hostedZoneId = distribution.hostedZoneId;
    this.staticBucketName = primaryBucket.bucket.bucket;
    this.staticReplicaBucketName = replicaBucket.bucket.bucket;
    this.accessLogBucketName = accessLogBucket;
    if (webAcl) this.webAclArn = webAcl.arn;
    this.registerOutputs({
      distributionId: this.distributionId,
      distributionArn: this.distributionArn,
      domainName: this.domainName,
      staticBucketName: this.staticBucketName,
      accessLogBucketName: this.accessLogBucketName,
      ...(this.webAclArn ? { webAclArn: this.webAclArn } : {}),
    });
  }
}

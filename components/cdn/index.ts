/**
 * The stack's global edge: one CloudFront distribution in front of every region's load balancer
 * and a replicated static-asset bucket, with origin failover, security headers, access logs and
 * (per profile) a WAF web ACL. The certificate and the web ACL live in us-east-1 whatever the
 * stack's regions, because CloudFront only takes them from there.
 *
 * Behaviours (see lib/layout.ts): one per route (`blueprint:routes`). Write routes go to the
 * primary region; the read routes' CloudFront Functions send each viewer to the nearest serving
 * region with failover to the next; static routes go to the bucket group. Each region's load
 * balancer is reached through a CloudFront VPC origin where it is internal.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { ORIGIN_VERIFY_HEADER } from "../loadbalancer/lib/listenerRules";
import { createAccessLogs } from "./accessLogs";
import { createPrivateBucket, type PrivateBucket } from "./buckets";
import { createStaticAssetKey } from "./staticKey";
import { createCdnCertificate } from "./certificate";
import { RegionalLogKey } from "../telemetry/logKey";
import { cdnNames, CLOUDFRONT_CONTROL_REGION, EDGE_BUCKET_PURPOSES, MINIMUM_VIEWER_TLS } from "./lib/cdnRules";
import { edgeLayout, routerSpec, WRITE_COOKIE, type EdgeInput, type OriginAccess } from "./lib/edgePlan";
import { hasClass, MANAGED_POLICIES, type BehaviourSpec, type CachePolicyRef, type OriginRequestPolicyRef, type OriginSpec } from "./lib/layout";
import { FUNCTION_RUNTIME, routerCode, writeMarkerCode } from "./lib/routes/edgeFunction";
import { NEAREST_CLASSES, type Route } from "./lib/routes/model";
import { staticBucketPolicy } from "./lib/policies";
import { cdnArgProblems, type CdnCertificate } from "./lib/validate";
import { createStaticReplication } from "./replication";
import type { DistributionSettings } from "./settings";
import { CLOUDFRONT_GEO_RESTRICTION } from "./lib/limits";
import { createWebAcl } from "./webAcl";

export { CLOUDFRONT_CONTROL_REGION, type PriceClass } from "./lib/cdnRules";
export type { CdnSettings, DistributionSettings, WafSettings } from "./settings";
export type { CdnCertificate } from "./lib/validate";
export { originAccessFor, type OriginAccess } from "./lib/edgePlan";

/** CloudFront's viewer-location headers the routers read (added only when a policy names them). */
export const VIEWER_LOCATION_HEADERS = ["CloudFront-Viewer-Country", "CloudFront-Viewer-Latitude", "CloudFront-Viewer-Longitude"] as const;

/** One region's load balancer as an origin. */
export interface CdnOrigin {
  /** The load balancer's region. */
  readonly region: string;
  /** Private (a VPC origin of the internal load balancer) or public (internet-facing, HTTPS only). */
  readonly access: OriginAccess;
  /** The load balancer, which a VPC origin points at. */
  readonly loadBalancerArn: pulumi.Input<string>;
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
  /** Every region's load balancer, in stack-file order (the order decides nothing: routes name regions). */
  readonly origins: readonly CdnOrigin[];
  /** The primary region: the static bucket's (and the write routes' until a switchover). */
  readonly primaryRegion: string;
  /** The database writer's region, where the write routes go. @default primaryRegion */
  readonly writerRegion?: string;
  /** The routes, in matching order; exactly one is `*`. */
  readonly routes: readonly Route[];
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
  /** Where the static bucket is replicated to (another region than the primary). */
  readonly staticAssets: { readonly replicaRegion: string };
  /**
   * Price class, WAF, log retention, paths, failover codes, timeouts, HSTS: the resolved
   * `blueprint:cdn` (its certificate and replica region arrive as `certificate` and `staticAssets`).
   */
  readonly settings: DistributionSettings;
  /** Pulumi `protect` on the buckets; `pulumi destroy` may empty them only when false. */
  readonly protect: boolean;
  /**
   * The us-east-1 log key, for the WAF log group (a stamp's key when the stack has a us-east-1 region).
   * @default a log key of the component's own in us-east-1
   */
  readonly logKmsKeyArn?: pulumi.Input<string>;
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
      originAccess: args.origins.map((origin) => origin.access),
      primaryRegion: args.primaryRegion,
      routes: args.routes,
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
    const primaryRegion = args.primaryRegion;
    const { replicaRegion } = args.staticAssets;

    // Each static bucket's key names the distribution in its policy, and the distribution needs the
    // buckets: the keys are declared after it, and their ARNs reach the buckets' encryption through
    // deferred outputs (the distribution never waits for the encryption settings).
    const [primaryKeyArn, resolvePrimaryKeyArn] = pulumi.deferredOutput<string>();
    const [replicaKeyArn, resolveReplicaKeyArn] = pulumi.deferredOutput<string>();
    const staticBucket = (region: string, suffix: string, kmsKeyArn: pulumi.Output<string>): PrivateBucket =>
      createPrivateBucket(
        `${name}-${suffix}`,
        {
          region,
          namePrefix: args.namePrefix,
          purpose: EDGE_BUCKET_PURPOSES.static,
          accountId: account.accountId,
          kmsKeyArn,
          noncurrentVersionDays: 30,
          protect: args.protect,
          tags: { ...tags, Region: region },
        },
        this,
      );
    const primaryBucket = staticBucket(primaryRegion, "static", primaryKeyArn);
    const replicaBucket = staticBucket(replicaRegion, "static-replica", replicaKeyArn);
    createStaticReplication(
      name,
      {
        primary: { region: primaryRegion, ...primaryBucket, kmsKeyArn: primaryKeyArn },
        replica: { ...replicaBucket, kmsKeyArn: replicaKeyArn },
        account,
        tags,
      },
      this,
    );

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

    const https = args.originProtocol === "https";
    const originNames = https ? Object.fromEntries(args.origins.map((origin) => [origin.region, origin.domainName])) : undefined;
    const edgeInput: EdgeInput = {
      regions: args.origins.map((origin) => origin.region),
      primaryRegion,
      ...(args.writerRegion !== undefined ? { writerRegion: args.writerRegion } : {}),
      staticReplicaRegion: replicaRegion,
      routes: args.routes,
      settings,
    };
    const layout = edgeLayout(edgeInput);
    const originOf = new Map(args.origins.map((origin) => [origin.region, origin] as const));
    const buckets = new Map([
      [primaryRegion, primaryBucket],
      [replicaRegion, replicaBucket],
    ]);
    const secretHeader = pulumi.secret(args.originVerifySecret);

    // A VPC origin per privately reached load balancer (a global CloudFront resource).
    const vpcOrigins = new Map(
      args.origins
        .filter((origin) => origin.access === "vpc-origin")
        .map((origin) => [
          origin.region,
          new aws.cloudfront.VpcOrigin(
            `${name}-${origin.region}`,
            {
              vpcOriginEndpointConfig: {
                name: names.vpcOrigin(origin.region),
                arn: origin.loadBalancerArn,
                httpPort: 80,
                httpsPort: 443,
                originProtocolPolicy: https ? "https-only" : "http-only",
                originSslProtocols: { items: ["TLSv1.2"], quantity: 1 },
              },
              tags,
            },
            opt,
          ),
        ]),
    );

    const origin = (spec: OriginSpec): aws.types.input.cloudfront.DistributionOrigin => {
      switch (spec.kind) {
        case "loadBalancer": {
          const target = originOf.get(spec.region)!;
          const vpcOrigin = vpcOrigins.get(spec.region);
          const common = {
            originId: spec.id,
            domainName: target.domainName,
            connectionAttempts: settings.originConnectionAttempts,
            connectionTimeout: settings.originConnectionTimeoutSeconds,
            customHeaders: [{ name: ORIGIN_VERIFY_HEADER, value: secretHeader }],
            ...(spec.originShieldRegion !== undefined ? { originShield: { enabled: true, originShieldRegion: spec.originShieldRegion } } : {}),
          };
          return vpcOrigin
            ? { ...common, vpcOriginConfig: { vpcOriginId: vpcOrigin.id, originReadTimeout: settings.originReadTimeoutSeconds, originKeepaliveTimeout: 5 } }
            : {
                ...common,
                customOriginConfig: {
                  httpPort: 80,
                  httpsPort: 443,
                  // internet-facing load balancers are reached over HTTPS only (the config refuses it otherwise)
                  originProtocolPolicy: "https-only",
                  originSslProtocols: ["TLSv1.2"],
                  originReadTimeout: settings.originReadTimeoutSeconds,
                  originKeepaliveTimeout: 5,
                },
              };
        }
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

    // The routers (viewer request) of the classes the routes use, and the write marker (viewer response).
    const edgeFunction = (key: string, functionName: string, comment: string, code: string) =>
      new aws.cloudfront.Function(`${name}-${key}`, { name: functionName, runtime: FUNCTION_RUNTIME, comment, code, publish: true, tags }, opt);
    const routers = new Map(
      NEAREST_CLASSES.filter((routeClass) => hasClass(args.routes, routeClass)).map((routeClass) => {
        const spec = routerSpec({ ...edgeInput, ...(originNames ? { originNames: originNames as Record<string, string> } : {}) }, routeClass as "read-any");
        return [
          routeClass,
          edgeFunction(
            `route-${routeClass}`,
            names.router(routeClass),
            `blueprint route class ${routeClass}: nearest serving region, failing over to the next`,
            routerCode(spec),
          ),
        ] as const;
      }),
    );
    const writeMarker = hasClass(args.routes, "read-your-writes")
      ? edgeFunction(
          "mark-writes",
          names.writeMarker,
          "blueprint: marks viewers who wrote, so read-your-writes routes serve them from the primary",
          writeMarkerCode({ cookie: WRITE_COOKIE, windowSeconds: settings.readYourWritesSeconds }),
        )
      : undefined;

    const cachePolicy = hasClass(args.routes, "cacheable")
      ? new aws.cloudfront.CachePolicy(
          `${name}-cacheable`,
          {
            name: names.cachePolicy,
            comment: "Cacheable routes: the origin's Cache-Control within these TTLs, an explicit cache key",
            minTtl: settings.cache.minTtlSeconds,
            defaultTtl: settings.cache.defaultTtlSeconds,
            maxTtl: settings.cache.maxTtlSeconds,
            parametersInCacheKeyAndForwardedToOrigin: {
              cookiesConfig: { cookieBehavior: "none" },
              headersConfig:
                settings.cache.headers.length > 0
                  ? { headerBehavior: "whitelist", headers: { items: [...settings.cache.headers] } }
                  : { headerBehavior: "none" },
              queryStringsConfig:
                settings.cache.queryStrings.length > 0
                  ? { queryStringBehavior: "whitelist", queryStrings: { items: [...settings.cache.queryStrings] } }
                  : { queryStringBehavior: "none" },
              enableAcceptEncodingBrotli: true,
              enableAcceptEncodingGzip: true,
            },
          },
          opt,
        )
      : undefined;
    const viewerLocation =
      routers.size > 0
        ? new aws.cloudfront.OriginRequestPolicy(
            `${name}-viewer-location`,
            {
              name: names.viewerLocationPolicy,
              comment: "Every viewer header, cookie and query string, plus CloudFront's viewer-location headers for the routers",
              headersConfig: { headerBehavior: "allViewerAndWhitelistCloudFront", headers: { items: [...VIEWER_LOCATION_HEADERS] } },
              cookiesConfig: { cookieBehavior: "all" },
              queryStringsConfig: { queryStringBehavior: "all" },
            },
            opt,
          )
        : undefined;
    const cachePolicyId = (ref: CachePolicyRef): pulumi.Input<string> =>
      ref === "cacheable" ? cachePolicy!.id : ref === "caching-optimized" ? MANAGED_POLICIES.cachingOptimized : MANAGED_POLICIES.cachingDisabled;
    const originRequestPolicyId = (ref: OriginRequestPolicyRef): pulumi.Input<string> =>
      ref === "viewer-location" ? viewerLocation!.id : MANAGED_POLICIES.allViewerExceptHostHeader;

    const behaviour = (spec: BehaviourSpec) => {
      const functions = [
        ...(spec.functions.viewerRequest !== undefined ? [{ eventType: "viewer-request", functionArn: routers.get(spec.functions.viewerRequest)!.arn }] : []),
        ...(spec.functions.viewerResponse !== undefined && writeMarker ? [{ eventType: "viewer-response", functionArn: writeMarker.arn }] : []),
      ];
      return {
        targetOriginId: spec.target,
        allowedMethods: [...spec.allowedMethods],
        cachedMethods: [...spec.cachedMethods],
        cachePolicyId: cachePolicyId(spec.cachePolicy),
        ...(spec.originRequestPolicy !== undefined ? { originRequestPolicyId: originRequestPolicyId(spec.originRequestPolicy) } : {}),
        responseHeadersPolicyId: securityHeaders.id,
        viewerProtocolPolicy: "redirect-to-https",
        compress: true,
        ...(functions.length > 0 ? { functionAssociations: functions } : {}),
      };
    };

    const certificateArn = (() => {
      const certificate = args.certificate;
      if (certificate === undefined) return undefined;
      if ("arn" in certificate) return pulumi.output(certificate.arn);
      return createCdnCertificate(`${name}-certificate`, { aliases: args.aliases, hostedZoneId: certificate.hostedZoneId, tags }, this);
    })();

    const webAcl = settings.waf.enabled
      ? createWebAcl(
          `${name}-waf`,
          {
            aclName: names.webAcl,
            logGroupName: names.wafLogGroup,
            logRetentionDays: settings.logRetentionDays,
            // WAF's scope puts its logs in us-east-1: a region's key must be of that region
            logKmsKeyArn:
              args.logKmsKeyArn ??
              new RegionalLogKey(
                `${name}-waf`,
                {
                  region: CLOUDFRONT_CONTROL_REGION,
                  aliasName: `alias/${args.namePrefix}/edge-logs`,
                  protect: args.protect,
                  tags: { ...tags, Region: CLOUDFRONT_CONTROL_REGION },
                },
                { parent: this },
              ).keyArn,
            settings: settings.waf,
            routes: args.routes,
            account,
            tags,
          },
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
        restrictions: {
          geoRestriction:
            settings.geoRestriction.type === "none"
              ? { restrictionType: "none" }
              : { restrictionType: CLOUDFRONT_GEO_RESTRICTION[settings.geoRestriction.type], locations: [...settings.geoRestriction.countries] },
        },
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

    for (const [region, resolve] of [
      [primaryRegion, resolvePrimaryKeyArn],
      [replicaRegion, resolveReplicaKeyArn],
    ] as const) {
      const key = createStaticAssetKey(
        `${name}-static-key-${region}`,
        { region, namePrefix: args.namePrefix, account, distributionArn: distribution.arn, protect: args.protect, tags: { ...tags, Region: region } },
        this,
      );
      resolve(key.arn);
    }

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

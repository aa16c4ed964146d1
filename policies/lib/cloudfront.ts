/**
 * CloudFront distributions as policies read them: origins (S3 or custom, and the region each one
 * lives in), origin groups and the cache behaviors that use them. The functions take the plain
 * distribution props, so resource policies (inputs) and stack policies (outputs) share them.
 */
import type { PolicyResource } from "@pulumi/policy";
import { known, matchableStringProp, ofTypes } from "./graph";
import { regionOf } from "./region";
import { LOAD_BALANCER_TYPES } from "./loadBalancers";

/** Type token of a distribution. */
export const DISTRIBUTION_TYPE = "aws:cloudfront/distribution:Distribution";

/** S3 bucket type tokens (v7 `Bucket`, legacy `BucketV2`). */
export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;

/** An origin as the distribution declares it. */
export interface OriginProps {
  readonly originId?: string;
  readonly domainName?: string;
  readonly originAccessControlId?: string;
  readonly s3OriginConfig?: { readonly originAccessIdentity?: string };
  readonly customOriginConfig?: { readonly originProtocolPolicy?: string; readonly originSslProtocols?: readonly string[] };
}

/** An origin group as the distribution declares it. */
export interface OriginGroupProps {
  readonly originId?: string;
  readonly members?: ReadonlyArray<{ readonly originId?: string }>;
  readonly failoverCriteria?: { readonly statusCodes?: readonly number[] };
}

/** A cache behavior's target and viewer protocol. */
export interface BehaviorProps {
  readonly targetOriginId?: string;
  readonly viewerProtocolPolicy?: string;
  readonly pathPattern?: string;
}

/** What the policies read of a distribution. */
export interface DistributionProps {
  readonly origins?: readonly OriginProps[];
  readonly originGroups?: readonly OriginGroupProps[];
  readonly defaultCacheBehavior?: BehaviorProps;
  readonly orderedCacheBehaviors?: readonly BehaviorProps[];
  readonly defaultRootObject?: string;
}

const S3_REST_DOMAIN = /\.s3(?:[.-]([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?$/;
const S3_WEBSITE_DOMAIN = /\.s3-website[.-]([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
const ELB_DOMAIN = /\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.elb\.amazonaws\.com(?:\.cn)?$/;

/** True for an S3 static-website endpoint (served over HTTP, and the bucket must be public). */
export function isS3WebsiteDomain(domain: string | undefined): boolean {
  return domain !== undefined && S3_WEBSITE_DOMAIN.test(domain);
}

/** True for an origin that is an S3 bucket's REST endpoint (or declares an S3 origin config). */
export function isS3Origin(origin: OriginProps): boolean {
  if (origin.s3OriginConfig !== undefined) return true;
  const domain = origin.domainName;
  return domain !== undefined && S3_REST_DOMAIN.test(domain) && !isS3WebsiteDomain(domain);
}

/** Every cache behavior: the default one first, then the ordered ones. */
export function behaviors(distribution: DistributionProps): BehaviorProps[] {
  return [...(distribution.defaultCacheBehavior ? [distribution.defaultCacheBehavior] : []), ...(distribution.orderedCacheBehaviors ?? [])];
}

/** The origins a behavior's target stands for: the origin itself, or an origin group's members. */
export function targetOrigins(distribution: DistributionProps, targetOriginId: string | undefined): OriginProps[] {
  const origins = distribution.origins ?? [];
  const group = (distribution.originGroups ?? []).find((candidate) => candidate.originId === targetOriginId);
  const ids = group ? (group.members ?? []).map((member) => member.originId) : [targetOriginId];
  return origins.filter((origin) => ids.includes(origin.originId));
}

/**
 * The region an origin lives in: read from an S3 or ELB domain name, else from the stack's bucket
 * or load balancer with that domain name; undefined when neither tells (a custom domain, an
 * unknown value).
 */
export function originRegion(origin: OriginProps, resources: readonly PolicyResource[]): string | undefined {
  const domain = known(() => origin.domainName);
  if (domain === undefined) return undefined;
  const fromName = S3_WEBSITE_DOMAIN.exec(domain)?.[1] ?? ELB_DOMAIN.exec(domain)?.[1] ?? S3_REST_DOMAIN.exec(domain)?.[1];
  if (fromName !== undefined) return fromName;
  const owner = [...ofTypes(resources, LOAD_BALANCER_TYPES), ...ofTypes(resources, BUCKET_TYPES)].find((resource) =>
    ["dnsName", "bucketRegionalDomainName", "bucketDomainName"].some((prop) => matchableStringProp(resource, prop) === domain),
  );
  return owner ? regionOf(owner) : undefined;
}

/** The stack's buckets an origin reads: by domain name, else (while the name is unknown) by the distribution's dependencies. */
export function originBuckets(distribution: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
  const buckets = ofTypes(resources, BUCKET_TYPES);
  const props = distribution.props as DistributionProps;
  // while a domain name is unknown, an origin access control (S3's way in) marks an S3 origin
  const s3Origins = (props.origins ?? []).filter(
    (origin) =>
      known((): unknown => isS3Origin(origin)) ?? (origin.s3OriginConfig !== undefined || known((): unknown => origin.originAccessControlId) !== undefined),
  );
  const found = new Set<PolicyResource>();
  for (const origin of s3Origins) {
    const domain = known((): unknown => origin.domainName);
    const match =
      domain === undefined
        ? undefined
        : buckets.find((bucket) => ["bucketRegionalDomainName", "bucketDomainName"].some((prop) => matchableStringProp(bucket, prop) === domain));
    if (match) found.add(match);
    else if (domain === undefined) {
      for (const dep of distribution.propertyDependencies.origins ?? []) if (buckets.some((bucket) => bucket.urn === dep.urn)) found.add(dep);
    }
  }
  return [...found];
}

/** Type token of a CloudFront VPC origin. */
export const VPC_ORIGIN_TYPE = "aws:cloudfront/vpcOrigin:VpcOrigin";

/**
 * The load balancers a CloudFront VPC origin points at (by its endpoint ARN, or while that is
 * unknown by the VPC origin's dependency on the load balancer).
 */
export function vpcOriginLoadBalancers(resources: readonly PolicyResource[]): PolicyResource[] {
  const loadBalancers = ofTypes(resources, LOAD_BALANCER_TYPES);
  const found = new Set<PolicyResource>();
  for (const vpcOrigin of resources.filter((resource) => resource.type === VPC_ORIGIN_TYPE)) {
    const arn = known(() => (vpcOrigin.props.vpcOriginEndpointConfig as { arn?: unknown } | undefined)?.arn);
    for (const loadBalancer of loadBalancers) {
      const byArn = typeof arn === "string" && matchableStringProp(loadBalancer, "arn") === arn;
      const byDependency = (vpcOrigin.propertyDependencies.vpcOriginEndpointConfig ?? []).some((dep) => dep.urn === loadBalancer.urn);
      if (byArn || byDependency) found.add(loadBalancer);
    }
  }
  return [...found];
}

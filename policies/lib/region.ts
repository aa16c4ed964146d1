/**
 * The region a resource lives in, as a policy sees it: the resource's own `region` (aws v7
 * per-resource region), else its provider's `region` (an explicit `aws.Provider`, or the default
 * provider, whose region is the stack's `aws:region`). Global services have none.
 */
import type { PolicyProviderResource } from "@pulumi/policy";

/** AWS modules whose resources are global (no region). */
const GLOBAL_MODULES = new Set(["iam", "cloudfront", "route53", "organizations", "globalaccelerator", "budgets", "shield", "s3control"]);

/** Route 53 modules that are regional despite the module name. */
const REGIONAL_ROUTE53 = /^aws:route53\/resolver/;

/** True for a type whose resources have no region (IAM, CloudFront, Route 53, …). */
export function isGlobalType(type: string): boolean {
  const match = /^aws:([a-z0-9]+)\//.exec(type);
  if (!match) return false;
  return GLOBAL_MODULES.has(match[1]) && !REGIONAL_ROUTE53.test(type);
}

/** What `regionOf` reads. */
export interface RegionalResource {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly provider?: PolicyProviderResource;
}

/**
 * The resource's region: `props.region` → `provider.props.region` → undefined. Undefined for
 * global types too. Reading an unknown `region` during preview throws the SDK's UnknownValueError,
 * which the engine reports as "can't run during preview".
 */
export function regionOf(resource: RegionalResource): string | undefined {
  if (isGlobalType(resource.type)) return undefined;
  const own = resource.props.region;
  if (typeof own === "string" && own.length > 0) return own;
  const fromProvider: unknown = resource.provider?.props.region;
  if (typeof fromProvider === "string" && fromProvider.length > 0) return fromProvider;
  return undefined;
}

/** Types whose presence in a region means the workload runs there (a VPC, a load balancer, an auto-scaling group). */
export const WORKLOAD_ANCHOR_TYPES: ReadonlySet<string> = new Set([
  "awsx:ec2:Vpc",
  "aws:ec2/vpc:Vpc",
  "aws:lb/loadBalancer:LoadBalancer",
  "aws:alb/loadBalancer:LoadBalancer",
  "aws:autoscaling/group:Group",
]);

/** The regions the workload runs in, sorted: the regions of its VPCs, load balancers and auto-scaling groups. */
export function workloadRegions(resources: readonly RegionalResource[]): string[] {
  const regions = new Set(
    resources
      .filter((resource) => WORKLOAD_ANCHOR_TYPES.has(resource.type))
      .map((resource) => regionOf(resource))
      .filter((region): region is string => region !== undefined),
  );
  return [...regions].sort();
}

/**
 * The region an ARN names (`arn:aws:kms:eu-west-1:…` → `eu-west-1`); undefined for anything that
 * is not an ARN and for ARNs of global resources (an empty region field).
 */
export function arnRegion(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^arn:aws[a-z-]*:[a-z0-9-]+:([a-z0-9-]*):/.exec(value);
  return match && match[1] !== "" ? match[1] : undefined;
}

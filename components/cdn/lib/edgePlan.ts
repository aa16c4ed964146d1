/**
 * The edge as the stack's settings make it, computed once for the config rules, the component and
 * the report: the route topology (regions, primary, standbys, static buckets), how CloudFront
 * reaches each region's load balancer, Origin Shield's region, the distribution layout and the
 * routers' specifications. Pure: no Pulumi.
 */
import { distanceKm, regionCoordinates } from "../../lib/regions";
import type { DistributionSettings } from "../settings";
import { distributionLayout, loadBalancerOriginId, cachedOriginId, type DistributionLayout } from "./layout";
import { ORIGIN_SHIELD_REGIONS, RECOMMENDED_ORIGIN_SHIELD, VPC_ORIGIN_REGIONS } from "./limits";
import type { RouterSpec } from "./routes/edgeFunction";
import type { Route, RouteTopology } from "./routes/model";

/** The cookie the write marker sets and the read-your-writes router reads (`__Host-`: Secure, Path=/, no Domain). */
export const WRITE_COOKIE = "__Host-blueprint-wrote";

/**
 * How CloudFront reaches a region's load balancer: `vpc-origin` (an internal load balancer in the
 * private subnets, through a CloudFront VPC origin) or `public` (internet-facing, admitting only
 * CloudFront's origin-facing servers and requests carrying the secret header, HTTPS only).
 */
export type OriginAccess = "vpc-origin" | "public";

/** The access of a region: private wherever the stack asks for it and AWS offers VPC origins there. */
export function originAccessFor(region: string, privateOrigins: boolean): OriginAccess {
  return privateOrigins && VPC_ORIGIN_REGIONS.includes(region) ? "vpc-origin" : "public";
}

/**
 * Origin Shield's region for an origin in `region`: the region itself where CloudFront offers
 * Origin Shield, AWS's recommended one for the regions it lists, else the nearest that offers it.
 */
export function originShieldRegionFor(region: string): string {
  if (ORIGIN_SHIELD_REGIONS.includes(region)) return region;
  const recommended = RECOMMENDED_ORIGIN_SHIELD[region];
  if (recommended !== undefined) return recommended;
  const at = regionCoordinates(region);
  return [...ORIGIN_SHIELD_REGIONS].sort((a, b) => distanceKm(at, regionCoordinates(a)) - distanceKm(at, regionCoordinates(b)))[0];
}

/** What the edge is computed from. */
export interface EdgeInput {
  /** Every region of the stack, in stack-file order. */
  readonly regions: readonly string[];
  /** The primary region: the static bucket's home. */
  readonly primaryRegion: string;
  /** The database writer's region, where the write routes go (after a switchover it differs from the primary). @default primaryRegion */
  readonly writerRegion?: string;
  readonly staticReplicaRegion: string;
  readonly routes: readonly Route[];
  readonly settings: Pick<DistributionSettings, "standbyRegions" | "failoverStatusCodes">;
  /** With HTTPS to the load balancers: the name each region's load balancer answers to. @default plain HTTP */
  readonly originNames?: Readonly<Record<string, string>>;
}

/** The route topology of the stack. */
export function edgeTopology(input: Pick<EdgeInput, "regions" | "primaryRegion" | "writerRegion" | "staticReplicaRegion" | "settings">): RouteTopology {
  return {
    regions: [...input.regions],
    primaryRegion: input.writerRegion ?? input.primaryRegion,
    standbyRegions: [...input.settings.standbyRegions],
    staticRegions: { primary: input.primaryRegion, replica: input.staticReplicaRegion },
  };
}

/** The distribution's layout. */
export function edgeLayout(input: EdgeInput): DistributionLayout {
  return distributionLayout({
    topology: edgeTopology(input),
    routes: input.routes,
    failoverStatusCodes: input.settings.failoverStatusCodes,
    originShieldRegion: originShieldRegionFor(input.primaryRegion),
  });
}

/** The router of one class. */
export function routerSpec(input: EdgeInput, routeClass: RouterSpec["routeClass"]): RouterSpec {
  const originId = routeClass === "cacheable" ? cachedOriginId : loadBalancerOriginId;
  return {
    routeClass,
    topology: edgeTopology(input),
    originIds: Object.fromEntries(input.regions.map((region) => [region, originId(region)])),
    failoverStatusCodes: input.settings.failoverStatusCodes,
    ...(routeClass === "read-your-writes" ? { writeCookie: WRITE_COOKIE } : {}),
    ...(input.originNames ? { originNames: input.originNames } : {}),
  };
}

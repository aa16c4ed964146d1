/**
 * Survivability: for every failure domain of a planned stack (each AZ of each region, each region,
 * the primary database writer, the primary cache node, and us-east-1 for edge changes), what still
 * works. Pure: it reasons over the topology read from the plan (./topology.ts) and the planned
 * routes (which region serves each route for each viewer, and where it fails over, as the deployed
 * edge answers), so the report and the diff state the same thing.
 *
 * Each outcome says which routes still serve and with which method, the web capacity left against
 * the profile's requirement (the sum of the regions' minimum sizes), which data turns read-only,
 * the RPO bound (the replication-lag alarms' thresholds: the lag the stack is watched at), and the
 * recovery action.
 */
import type { RegionTopology, Topology } from "./topology";

/** The region whose control planes serve CloudFront, its ACM certificates, the global WAF and Route 53. */
export const EDGE_CONTROL_REGION = "us-east-1";

/** A failure domain. */
export type FailureDomain =
  | { readonly kind: "az"; readonly region: string; readonly az: string }
  | { readonly kind: "region"; readonly region: string }
  | { readonly kind: "writer"; readonly region: string }
  | { readonly kind: "cache-primary"; readonly region: string }
  | { readonly kind: "edge-control"; readonly region: string };

/** What a route does while the domain is down, from the worst viewer's point of view. */
export type RouteStatus = "serves" | "interrupted" | "fails over" | "partly down" | "down";

/** Worse statuses rank higher. */
export const ROUTE_STATUS_RANK: Readonly<Record<RouteStatus, number>> = { serves: 0, interrupted: 1, "fails over": 1, "partly down": 2, down: 3 };

/** A planned route as the analysis needs it: per viewer, the serving region and its failover. */
export interface RouteServing {
  readonly pathPattern: string;
  readonly method: string;
  readonly servings: readonly { readonly region?: string; readonly failoverRegion?: string }[];
}

/** One route's outcome. */
export interface RouteOutcome {
  readonly pathPattern: string;
  readonly method: string;
  readonly status: RouteStatus;
}

/** One data store that stops taking writes. */
export interface ReadOnlyData {
  readonly store: "database" | "cache";
  /** Until what. */
  readonly until: string;
}

/** What survives one failure domain. */
export interface DomainOutcome {
  /** Stable key across plans, e.g. `az:us-east-1a`, `region:eu-west-1`, `writer`. */
  readonly key: string;
  readonly domain: FailureDomain;
  /** What a reviewer calls the domain. */
  readonly label: string;
  readonly routes: readonly RouteOutcome[];
  /** Regions whose web tier still serves. */
  readonly regionsServing: number;
  /** Web instances: the profile's requirement (sum of minimum sizes), running right after the failure, and reachable by scaling. */
  readonly capacity: { readonly required: number; readonly immediate: number; readonly reachable: number };
  readonly readOnly: readonly ReadOnlyData[];
  /**
   * Seconds of writes that may be lost, per store: 0 none, a number the lag alarm's threshold,
   * null everything since the last backup (no copy). Absent: the store is not affected.
   */
  readonly rpo: { readonly database?: number | null; readonly cache?: number | null };
  /** Regions that could take the database writer after this failure (switchover targets). */
  readonly promotionTargets: number;
  readonly recovery: string;
}

/** The domains of a topology, in report order. */
export function failureDomains(topology: Topology): FailureDomain[] {
  const domains: FailureDomain[] = topology.regions.flatMap((region) => region.azs.map((az) => ({ kind: "az" as const, region: region.region, az })));
  domains.push(...topology.regions.map((region) => ({ kind: "region" as const, region: region.region })));
  const primary = topology.regions.find((region) => region.region === topology.primaryRegion);
  if (primary?.database) domains.push({ kind: "writer", region: primary.region });
  if (primary?.cache) domains.push({ kind: "cache-primary", region: primary.region });
  if (topology.edge) domains.push({ kind: "edge-control", region: EDGE_CONTROL_REGION });
  return domains;
}

/** The key of a domain (stable across plans of one stack). */
export function domainKey(domain: FailureDomain): string {
  switch (domain.kind) {
    case "az":
      return `az:${domain.az}`;
    case "region":
      return `region:${domain.region}`;
    case "writer":
      return "writer";
    case "cache-primary":
      return "cache-primary";
    case "edge-control":
      return `edge:${domain.region}`;
  }
}

function domainLabel(domain: FailureDomain): string {
  switch (domain.kind) {
    case "az":
      return `AZ ${domain.az}`;
    case "region":
      return `region ${domain.region}`;
    case "writer":
      return `database writer (${domain.region})`;
    case "cache-primary":
      return `primary cache node (${domain.region})`;
    case "edge-control":
      return `${domain.region} control planes (edge changes)`;
  }
}

/** The routes' outcome when `down` regions serve nothing; `interrupted` routes (writes) pause and resume by themselves. */
function routeOutcomes(routes: readonly RouteServing[], down: ReadonlySet<string>, writesInterrupted: boolean): RouteOutcome[] {
  return routes.map((route) => {
    let failedOver = 0;
    let lost = 0;
    for (const serving of route.servings) {
      if (serving.region === undefined || !down.has(serving.region)) continue;
      if (serving.failoverRegion !== undefined && !down.has(serving.failoverRegion)) failedOver += 1;
      else lost += 1;
    }
    const total = route.servings.length;
    const status: RouteStatus =
      lost > 0 && lost === total
        ? "down"
        : lost > 0
          ? "partly down"
          : failedOver > 0
            ? "fails over"
            : writesInterrupted && route.method !== "GET"
              ? "interrupted"
              : "serves";
    return { pathPattern: route.pathPattern, method: route.method, status };
  });
}

/** Instances of a region's web tier lost with one of its AZs (the group spreads evenly over its subnets). */
function lostWithAz(region: RegionTopology): number {
  const web = region.web;
  if (!web || web.subnets === 0) return 0;
  return Math.ceil(web.minSize / web.subnets);
}

/** The writer's AZ and the primary cache node's AZ: the first of each (the promotion-tier-0 instance, the first preferred AZ). */
const firstAz = (azs: readonly string[] | undefined): string | undefined => azs?.[0];

/** What a failure of the primary's database writer costs, when in-region standbys may take over. */
function writerLoss(member: NonNullable<RegionTopology["database"]>): { readOnly: ReadOnlyData[]; rpo: number | null; recovery: string } {
  if (member.inRegionStandbys > 0)
    return {
      readOnly: [],
      rpo: 0,
      recovery:
        member.kind === "aurora"
          ? "automatic: Aurora promotes a reader in another AZ (shared cluster volume, nothing lost; writes refused while it fails over)"
          : "automatic: RDS fails over to its Multi-AZ standby (synchronous, nothing lost)",
    };
  return {
    readOnly: [{ store: "database", until: "the instance is replaced or restored from a backup" }],
    // RDS: the latest restorable time trails by about five minutes; Aurora without readers: same from the cluster's backups
    rpo: 300,
    recovery: "manual: restore the latest restorable time from backups (AWS Backup vault or automated backups)",
  };
}

/** What a failure of the primary cache node costs. */
function cachePrimaryLoss(region: RegionTopology): { readOnly: ReadOnlyData[]; rpo: number | null; recovery: string } {
  const cache = region.cache!;
  if (cache.automaticFailover && cache.nodes > 1)
    return {
      readOnly: [],
      rpo: region.lagAlarmSeconds.cacheReplica ?? null,
      recovery: "automatic: ElastiCache promotes a replica in another AZ (Multi-AZ)",
    };
  return { readOnly: [{ store: "cache", until: "the node is replaced (empty)" }], rpo: null, recovery: "automatic: ElastiCache replaces the node, empty" };
}

/** What survives one domain. */
export function outcomeOf(topology: Topology, routes: readonly RouteServing[], domain: FailureDomain): DomainOutcome {
  const regions = topology.regions;
  const required = regions.reduce((sum, region) => sum + (region.web?.minSize ?? 0), 0);
  const allMin = required;
  const allMax = regions.reduce((sum, region) => sum + (region.web?.maxSize ?? 0), 0);
  const servingRegions = regions.filter((region) => region.web !== undefined);
  const primary = regions.find((region) => region.region === topology.primaryRegion);
  const readers = regions.filter((region) => region.database?.role === "reader").length;
  const base = { key: domainKey(domain), domain, label: domainLabel(domain) };
  switch (domain.kind) {
    case "az": {
      const region = regions.find((candidate) => candidate.region === domain.region)!;
      const single = (region.web?.subnets ?? 0) <= 1 || region.balancerAzs <= 1;
      const readOnly: ReadOnlyData[] = [];
      const rpo: { database?: number | null; cache?: number | null } = {};
      const actions = [
        single
          ? `the region serves nothing until the AZ recovers (its tier is in one AZ); the edge fails its viewers over`
          : "zonal shift moves the load balancer off the AZ (autoshift where enabled); the web tier relaunches in the other AZs",
      ];
      if (region.database?.role === "writer" && firstAz(region.database.azs) === domain.az) {
        const loss = writerLoss(region.database);
        readOnly.push(...loss.readOnly);
        rpo.database = loss.rpo;
        actions.push(loss.recovery);
      }
      if (region.cache && region.cache.role !== "secondary" && firstAz(region.cache.azs) === domain.az) {
        const loss = cachePrimaryLoss(region);
        readOnly.push(...loss.readOnly);
        rpo.cache = loss.rpo;
        actions.push(loss.recovery);
      }
      const lost = single ? (region.web?.minSize ?? 0) : lostWithAz(region);
      return {
        ...base,
        routes: routeOutcomes(routes, single ? new Set([region.region]) : new Set(), rpo.database === 0),
        regionsServing: servingRegions.length - (single && region.web ? 1 : 0),
        capacity: { required, immediate: allMin - lost, reachable: single ? allMax - (region.web?.maxSize ?? 0) : allMax },
        readOnly,
        rpo,
        promotionTargets: readers,
        recovery: actions.join("; "),
      };
    }
    case "region": {
      const region = regions.find((candidate) => candidate.region === domain.region)!;
      const isPrimary = region.region === topology.primaryRegion;
      const survivors = regions.filter((candidate) => candidate.region !== region.region);
      const readOnly: ReadOnlyData[] = [];
      const rpo: { database?: number | null; cache?: number | null } = {};
      const targets = survivors.filter((candidate) => candidate.database?.role === "reader");
      let recovery: string;
      if (isPrimary) {
        if (region.database) {
          if (targets.length > 0) {
            readOnly.push({ store: "database", until: `a switchover to ${targets[0].region}` });
            // the promoted region's copy trails by at most its lag alarm's threshold while the alarm is quiet
            rpo.database = Math.max(...targets.map((target) => target.lagAlarmSeconds.database ?? Number.NaN));
            if (Number.isNaN(rpo.database)) rpo.database = null;
          } else {
            readOnly.push({ store: "database", until: "a restore from a backup copy in another region" });
            rpo.database = null;
          }
        }
        if (region.cache) {
          const secondaries = survivors.filter((candidate) => candidate.cache?.role === "secondary");
          if (secondaries.length > 0) {
            readOnly.push({ store: "cache", until: "the Global Datastore fails over" });
            rpo.cache = Math.max(...secondaries.map((secondary) => secondary.lagAlarmSeconds.cache ?? Number.NaN));
            if (Number.isNaN(rpo.cache)) rpo.cache = null;
          } else {
            rpo.cache = null;
          }
        }
        const target = targets[0]?.region ?? survivors[0]?.region;
        recovery =
          target === undefined
            ? "none in the stack: restore in another region from a backup copy"
            : `switchover: \`npm run switchover -- <stack> --to ${target}\`` +
              (topology.switchPlanRegions.includes(target) ? " (or execute the ARC Region switch plan)" : "") +
              "; reads keep serving from the other regions meanwhile";
      } else {
        recovery = "none needed: the edge fails the region's viewers over and Route 53 health checks drop its records";
      }
      const promotionTargets = isPrimary ? targets.length : survivors.filter((candidate) => candidate.database?.role === "reader").length;
      return {
        ...base,
        routes: routeOutcomes(routes, new Set([region.region]), false),
        regionsServing: survivors.filter((candidate) => candidate.web !== undefined).length,
        capacity: {
          required,
          immediate: survivors.reduce((sum, candidate) => sum + (candidate.web?.minSize ?? 0), 0),
          reachable: survivors.reduce((sum, candidate) => sum + (candidate.web?.maxSize ?? 0), 0),
        },
        readOnly,
        rpo,
        promotionTargets,
        recovery,
      };
    }
    case "writer": {
      const loss = writerLoss(primary!.database!);
      return {
        ...base,
        routes: routeOutcomes(routes, new Set(), loss.rpo === 0),
        regionsServing: servingRegions.length,
        capacity: { required, immediate: allMin, reachable: allMax },
        readOnly: loss.readOnly,
        rpo: { database: loss.rpo },
        promotionTargets: readers,
        recovery: loss.recovery,
      };
    }
    case "cache-primary": {
      const loss = cachePrimaryLoss(primary!);
      return {
        ...base,
        routes: routeOutcomes(routes, new Set(), false),
        regionsServing: servingRegions.length,
        capacity: { required, immediate: allMin, reachable: allMax },
        readOnly: loss.readOnly,
        rpo: { cache: loss.rpo },
        promotionTargets: readers,
        recovery: loss.recovery,
      };
    }
    case "edge-control":
      return {
        ...base,
        routes: routeOutcomes(routes, new Set(), false),
        regionsServing: servingRegions.length,
        capacity: { required, immediate: allMin, reachable: allMax },
        readOnly: [],
        rpo: {},
        promotionTargets: readers,
        recovery:
          "freeze edge changes: CloudFront, Route 53 and the global WAF keep serving (data planes), but distribution, certificate (ACM), web ACL and record changes wait for the control planes",
      };
  }
}

/** Every domain's outcome. */
export function survivability(topology: Topology, routes: readonly RouteServing[]): DomainOutcome[] {
  return failureDomains(topology).map((domain) => outcomeOf(topology, routes, domain));
}

/**
 * The route model: which region serves each route for a viewer, and where it fails over, as pure
 * data and functions with their own types (no Pulumi, no CloudFront shapes). The edge function is
 * generated from it, the report's route matrix is drawn from it, and an analysis of the stack's
 * survivability can reuse it: every answer here is what the deployed edge does.
 *
 * A route is a CloudFront path pattern and a consistency class:
 * - `write`: every method, served by the primary region; it moves only with a switchover (the
 *   database writer moves), so its failover region is the switchover target;
 * - `read-any`: GET, HEAD and OPTIONS, served by the viewer's nearest serving region, failing over
 *   to the next nearest;
 * - `read-your-writes`: like `read-any`, except that a viewer who wrote within the replication-lag
 *   window (the write responses set a cookie) is served by the primary, failing over to the
 *   viewer's nearest other region;
 * - `cacheable`: like `read-any`, cached at the edge (behind Origin Shield);
 * - `static`: the static bucket, failing over to its replica.
 *
 * Standby regions never come first for a viewer: they take a region's traffic only as a failover
 * target (or, for `write`, through a switchover).
 */
import { countryCoordinates } from "../../../lib/countries";
import { distanceKm, regionCoordinates, type Coordinates } from "../../../lib/regions";

/** The consistency classes a route can have, in the order the reference lists them. */
export const ROUTE_CLASSES = ["write", "read-any", "read-your-writes", "cacheable", "static"] as const;

/** One of `ROUTE_CLASSES`. */
export type RouteClass = (typeof ROUTE_CLASSES)[number];

/** The path pattern of the default route: every path no other route matches. */
export const DEFAULT_ROUTE_PATTERN = "*";

/** One route: a CloudFront path pattern (or `*`, the default) and its class. */
export interface Route {
  readonly pathPattern: string;
  readonly class: RouteClass;
}

/** Where the stack serves from. */
export interface RouteTopology {
  /** Every region of the stack. */
  readonly regions: readonly string[];
  /** The database writer's region. */
  readonly primaryRegion: string;
  /** Regions that only take failover traffic (never the primary). @default [] */
  readonly standbyRegions?: readonly string[];
  /** The static bucket's region and its replica's. */
  readonly staticRegions: { readonly primary: string; readonly replica: string };
}

/** What the edge knows about a viewer: CloudFront's country and latitude/longitude headers, when sent. */
export interface Viewer {
  /** `CloudFront-Viewer-Country`, ISO 3166-1 alpha-2. */
  readonly country?: string;
  /** `CloudFront-Viewer-Latitude` and `-Longitude`. */
  readonly coordinates?: Coordinates;
  /** The viewer carries the recent-write cookie (read-your-writes). @default false */
  readonly wroteRecently?: boolean;
}

/** How a route's requests leave their serving region when it fails. */
export type FailoverMechanism =
  /** CloudFront retries the failover origin on the origin group's status codes or a connection failure. */
  | "origin-failover"
  /** An operator moves the primary (database switchover), then the edge follows the stack file. */
  | "switchover";

/** Who serves one route for one viewer. */
export interface RouteServing {
  /** `load-balancer` (a region's web tier) or `static-bucket`. */
  readonly origin: "load-balancer" | "static-bucket";
  /** The region that serves the request. */
  readonly region: string;
  /** Where it goes when that region fails; undefined when nothing can take over (one region). */
  readonly failoverRegion?: string;
  readonly failover: FailoverMechanism;
}

/** The HTTP methods a route of each class accepts (CloudFront's allowed-method sets). */
export const CLASS_METHODS: Readonly<Record<RouteClass, readonly string[]>> = {
  write: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
  "read-any": ["GET", "HEAD", "OPTIONS"],
  "read-your-writes": ["GET", "HEAD", "OPTIONS"],
  cacheable: ["GET", "HEAD", "OPTIONS"],
  static: ["GET", "HEAD"],
};

/** Classes whose region the edge function chooses per viewer. */
export const NEAREST_CLASSES: readonly RouteClass[] = ["read-any", "read-your-writes", "cacheable"];

/** True for a class whose region depends on the viewer. */
export function choosesNearest(routeClass: RouteClass): boolean {
  return NEAREST_CLASSES.includes(routeClass);
}

/** The regions that serve viewers first: every region but the standbys, the primary included. */
export function servingRegions(topology: RouteTopology): string[] {
  const standby = new Set(topology.standbyRegions ?? []);
  return topology.regions.filter((region) => region === topology.primaryRegion || !standby.has(region));
}

/**
 * The regions in the order a viewer at `location` tries them: serving regions by distance, then
 * standby regions by distance. Ties keep stack-file order. Without a location: the primary, then
 * the others in stack-file order (serving ones first).
 */
export function regionRanking(topology: RouteTopology, location: Coordinates | undefined): string[] {
  const serving = servingRegions(topology);
  const standby = topology.regions.filter((region) => !serving.includes(region));
  if (location === undefined) {
    return [topology.primaryRegion, ...serving.filter((region) => region !== topology.primaryRegion), ...standby];
  }
  const byDistance = (regions: readonly string[]) =>
    regions
      .map((region, index) => ({ region, index, km: distanceKm(location, regionCoordinates(region)) }))
      .sort((a, b) => a.km - b.km || a.index - b.index)
      .map((entry) => entry.region);
  return [...byDistance(serving), ...byDistance(standby)];
}

/** The viewer's location: the latitude/longitude headers, else the country's, else unknown. */
export function viewerLocation(viewer: Viewer): Coordinates | undefined {
  if (viewer.coordinates !== undefined) return viewer.coordinates;
  return viewer.country !== undefined ? countryCoordinates(viewer.country) : undefined;
}

/**
 * The region a switchover would move the primary to: the serving secondary nearest the primary
 * (a standby only when no other region serves). Undefined in a one-region stack.
 */
export function switchoverTarget(topology: RouteTopology): string | undefined {
  return regionRanking(topology, regionCoordinates(topology.primaryRegion)).find((region) => region !== topology.primaryRegion);
}

/** Who serves `route` for `viewer`. */
export function serveRoute(route: Route, topology: RouteTopology, viewer: Viewer = {}): RouteServing {
  switch (route.class) {
    case "write": {
      const target = switchoverTarget(topology);
      return { origin: "load-balancer", region: topology.primaryRegion, ...(target !== undefined ? { failoverRegion: target } : {}), failover: "switchover" };
    }
    case "static":
      return { origin: "static-bucket", region: topology.staticRegions.primary, failoverRegion: topology.staticRegions.replica, failover: "origin-failover" };
    case "read-any":
    case "cacheable":
    case "read-your-writes": {
      const ranking = regionRanking(topology, viewerLocation(viewer));
      if (route.class === "read-your-writes" && viewer.wroteRecently === true) {
        const next = ranking.find((region) => region !== topology.primaryRegion);
        return {
          origin: "load-balancer",
          region: topology.primaryRegion,
          ...(next !== undefined ? { failoverRegion: next } : {}),
          failover: "origin-failover",
        };
      }
      const [first, second] = ranking;
      return { origin: "load-balancer", region: first, ...(second !== undefined ? { failoverRegion: second } : {}), failover: "origin-failover" };
    }
    default:
      throw new Error(`Unknown route class '${String((route as { class: unknown }).class)}'`);
  }
}

/** What a region does for the routes: the routes it serves first for some viewers, and those it only backs up. */
export interface RegionDuty {
  readonly region: string;
  readonly standby: boolean;
  /** Path patterns this region serves first for some viewer (of the viewers given). */
  readonly serves: readonly string[];
  /** Path patterns it takes only on failover (or switchover). */
  readonly backsUp: readonly string[];
}

/**
 * Every region's duty over the routes, for the given viewers (e.g. `REPRESENTATIVE_VIEWERS`, or
 * every country). A region with no `serves` serves no route: idle unless it is a standby.
 */
export function regionDuties(routes: readonly Route[], topology: RouteTopology, viewers: readonly Viewer[]): RegionDuty[] {
  const standby = new Set(topology.standbyRegions ?? []);
  return topology.regions.map((region) => {
    const serves: string[] = [];
    const backsUp: string[] = [];
    for (const route of routes) {
      if (route.class === "static") continue;
      const servings = viewers.length > 0 ? viewers.map((viewer) => serveRoute(route, topology, viewer)) : [serveRoute(route, topology)];
      if (servings.some((serving) => serving.region === region)) serves.push(route.pathPattern);
      else if (servings.some((serving) => serving.failoverRegion === region)) backsUp.push(route.pathPattern);
    }
    return { region, standby: standby.has(region), serves, backsUp };
  });
}

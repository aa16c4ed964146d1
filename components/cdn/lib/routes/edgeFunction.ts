/**
 * The CloudFront Functions the edge runs, generated from the route model and the stack's regions:
 *
 * - the **router** (viewer request, one per class that chooses by viewer: `read-any`,
 *   `read-your-writes`, `cacheable`) ranks the regions for the viewer, by the
 *   `CloudFront-Viewer-Latitude`/`-Longitude` headers when CloudFront sends them, else by the
 *   country in `CloudFront-Viewer-Country` (a table computed here from the country coordinates),
 *   else primary first; it then sends the request to the nearest serving region with an origin
 *   group failing over to the next (`cf.createRequestOriginGroup`), or to the only region
 *   (`cf.selectRequestOriginById`). The `read-your-writes` router sends a viewer carrying the
 *   recent-write cookie to the primary first.
 * - the **write marker** (viewer response, on the `write` routes when a `read-your-writes` route
 *   exists) sets that cookie on successful responses to writes, for the replication-lag window.
 *
 * The code keeps to CloudFront Functions' JavaScript runtime 2.0: `import cf from 'cloudfront'` on
 * the first line (the origin helpers live in that module), no network, no timers, no dynamic code,
 * at most 10 KB. VPC origins cannot be changed with `updateRequestOrigin`, so the router only
 * selects origins the distribution defines. The routing data sits in one JSON line
 * (`var ROUTING = …;`), which the policy pack reads to tell which regions serve a route.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/helper-functions-origin-modification.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
import { COUNTRY_COORDINATES } from "../../../lib/countries";
import { regionCoordinates } from "../../../lib/regions";
import { regionRanking, servingRegions, type RouteClass, type RouteTopology } from "./model";

/** The runtime every generated function uses (the origin helpers need 2.0). */
export const FUNCTION_RUNTIME = "cloudfront-js-2.0";

/** The statement CloudFront requires on a function's first line to use the origin helpers. */
export const CLOUDFRONT_IMPORT = "import cf from 'cloudfront';";

/** The line that carries the routing data (the policy pack parses it). */
export const ROUTING_LINE_PREFIX = "var ROUTING = ";

/** What the router of one class needs. */
export interface RouterSpec {
  readonly routeClass: Extract<RouteClass, "read-any" | "read-your-writes" | "cacheable">;
  readonly topology: RouteTopology;
  /** The distribution's origin ID of each region's load balancer for this class. */
  readonly originIds: Readonly<Record<string, string>>;
  /** Status codes that fail over to the second region. */
  readonly failoverStatusCodes: readonly number[];
  /** read-your-writes: the recent-write cookie's name. */
  readonly writeCookie?: string;
  /**
   * The name each region's load balancer answers to over TLS, sent as the Host and SNI of the
   * request (the origin request policy forwards the viewer's Host, which the load balancer's
   * certificate does not cover). @default none: plain HTTP to the load balancers
   */
  readonly originNames?: Readonly<Record<string, string>>;
}

/** The routing data the router carries, as the policy pack and the report read it. */
export interface RoutingData {
  /** Route class this router serves. */
  readonly class: string;
  /** Region names, by index. */
  readonly regions: readonly string[];
  /** Indices of the regions that serve viewers first; the others are standbys. */
  readonly serving: readonly number[];
  /** Region coordinates [lat, lon], by index. */
  readonly coordinates: readonly (readonly [number, number])[];
  /** Origin IDs, by index. */
  readonly origins: readonly string[];
  /** Host and SNI per region index, or null. */
  readonly names: readonly (string | null)[] | null;
  /** Distinct [first, second] region pairs (second absent with one region). */
  readonly pairs: readonly (readonly number[])[];
  /** Per pair (same index): the country codes that take it, space-separated. */
  readonly countries: readonly string[];
  /** The pair without any location: the primary first. */
  readonly fallback: readonly number[];
  /** Index of the primary region. */
  readonly primary: number;
  readonly failover: readonly number[];
  /** The recent-write cookie, or null. */
  readonly cookie: string | null;
}

/** The routing data of a router (exported for the tests and the report). */
export function routingData(spec: RouterSpec): RoutingData {
  const regions = [...spec.topology.regions];
  const index = (region: string) => regions.indexOf(region);
  const pairOf = (ranking: readonly string[]) => ranking.slice(0, 2).map(index);
  const pairs: number[][] = [];
  const countries: string[][] = [];
  for (const [code, location] of COUNTRY_COORDINATES) {
    const pair = pairOf(regionRanking(spec.topology, location));
    let at = pairs.findIndex((candidate) => candidate.join() === pair.join());
    if (at === -1) {
      at = pairs.push(pair) - 1;
      countries.push([]);
    }
    countries[at].push(code);
  }
  const serving = servingRegions(spec.topology);
  return {
    class: spec.routeClass,
    regions,
    serving: serving.map(index),
    coordinates: regions.map((region) => {
      const { latitude, longitude } = regionCoordinates(region);
      return [latitude, longitude] as const;
    }),
    origins: regions.map((region) => spec.originIds[region]),
    names: spec.originNames ? regions.map((region) => spec.originNames?.[region] ?? null) : null,
    pairs,
    countries: countries.map((codes) => codes.join(" ")),
    fallback: pairOf(regionRanking(spec.topology, undefined)),
    primary: index(spec.topology.primaryRegion),
    failover: [...spec.failoverStatusCodes],
    cookie: spec.routeClass === "read-your-writes" ? (spec.writeCookie ?? null) : null,
  };
}

/** The router's code (viewer request). */
export function routerCode(spec: RouterSpec): string {
  const data = routingData(spec);
  // ES 5.1 plus what runtime 2.0 adds; `var` throughout, no closures over async arguments
  return [
    CLOUDFRONT_IMPORT,
    `// Generated by the blueprint (components/cdn/lib/routes/edgeFunction.ts): routes ${spec.routeClass} requests to the nearest region.`,
    `${ROUTING_LINE_PREFIX}${JSON.stringify(data)};`,
    "function distance(lat, lon, at) {",
    "  var r = Math.PI / 180, dLat = (at[0] - lat) * r, dLon = (at[1] - lon) * r;",
    "  var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat * r) * Math.cos(at[0] * r) * Math.pow(Math.sin(dLon / 2), 2);",
    "  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));",
    "}",
    "function nearest(lat, lon) {",
    "  var serving = [], standby = [], i;",
    "  for (i = 0; i < ROUTING.regions.length; i++) {",
    "    var entry = { i: i, km: distance(lat, lon, ROUTING.coordinates[i]) };",
    "    if (ROUTING.serving.indexOf(i) >= 0) serving.push(entry); else standby.push(entry);",
    "  }",
    "  var byKm = function (a, b) { return a.km - b.km || a.i - b.i; };",
    "  serving.sort(byKm);",
    "  standby.sort(byKm);",
    "  return serving.concat(standby).slice(0, 2).map(function (e) { return e.i; });",
    "}",
    "function byCountry(code) {",
    "  for (var i = 0; i < ROUTING.countries.length; i++) {",
    "    if ((' ' + ROUTING.countries[i] + ' ').indexOf(' ' + code + ' ') >= 0) return ROUTING.pairs[i];",
    "  }",
    "  return null;",
    "}",
    "function origin(i) {",
    "  var o = { originId: ROUTING.origins[i] };",
    "  if (ROUTING.names && ROUTING.names[i]) o.originOverrides = { hostHeader: ROUTING.names[i], sni: ROUTING.names[i] };",
    "  return o;",
    "}",
    "function handler(event) {",
    "  var request = event.request, headers = request.headers, pair = null;",
    "  var lat = headers['cloudfront-viewer-latitude'], lon = headers['cloudfront-viewer-longitude'];",
    "  if (lat && lon) {",
    "    var la = parseFloat(lat.value), lo = parseFloat(lon.value);",
    "    if (isFinite(la) && isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) pair = nearest(la, lo);",
    "  }",
    "  if (pair === null && headers['cloudfront-viewer-country']) pair = byCountry(String(headers['cloudfront-viewer-country'].value).toUpperCase());",
    "  if (pair === null) pair = ROUTING.fallback;",
    "  if (ROUTING.cookie && request.cookies && request.cookies[ROUTING.cookie]) {",
    "    pair = [ROUTING.primary, pair[0] === ROUTING.primary ? pair[1] : pair[0]].filter(function (i) { return i !== undefined; });",
    "  }",
    "  if (pair.length < 2) {",
    "    var only = origin(pair[0]);",
    "    if (only.originOverrides) cf.selectRequestOriginById(only.originId, only.originOverrides); else cf.selectRequestOriginById(only.originId);",
    "  } else {",
    "    cf.createRequestOriginGroup({ originIds: [origin(pair[0]), origin(pair[1])], failoverCriteria: { statusCodes: ROUTING.failover } });",
    "  }",
    "  return request;",
    "}",
    "",
  ].join("\n");
}

/** What the write marker needs. */
export interface WriteMarkerSpec {
  /** The recent-write cookie's name. */
  readonly cookie: string;
  /** How long a viewer who wrote reads from the primary: the replication-lag window. */
  readonly windowSeconds: number;
}

/** The write marker's code (viewer response). */
export function writeMarkerCode(spec: WriteMarkerSpec): string {
  return [
    `// Generated by the blueprint (components/cdn/lib/routes/edgeFunction.ts): marks viewers who wrote, for ${spec.windowSeconds} s.`,
    "function handler(event) {",
    "  var method = event.request.method, response = event.response;",
    "  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && response.statusCode < 400) {",
    `    response.cookies[${JSON.stringify(spec.cookie)}] = { value: '1', attributes: 'Max-Age=${spec.windowSeconds}; Path=/; Secure; HttpOnly; SameSite=Lax' };`,
    "  }",
    "  return response;",
    "}",
    "",
  ].join("\n");
}

/** Parses a router's routing data from its code, or undefined when the code carries none. */
export function parseRoutingData(code: string): RoutingData | undefined {
  const line = code.split("\n").find((candidate) => candidate.startsWith(ROUTING_LINE_PREFIX));
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line.slice(ROUTING_LINE_PREFIX.length).replace(/;$/, "")) as RoutingData;
  } catch {
    return undefined;
  }
}

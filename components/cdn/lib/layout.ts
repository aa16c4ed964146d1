/**
 * The distribution's origins, origin groups and cache behaviours as data, built from the routes
 * and the stack's regions, so that the layout and the rules CloudFront enforces on it are checked
 * without Pulumi.
 *
 * - Origins: each region's load balancer (`alb-<region>`), and with a `cacheable` route a second
 *   origin per region behind Origin Shield in the primary's Origin Shield region
 *   (`alb-<region>-cached`: Origin Shield is a property of the origin, and the router can only
 *   select origins the distribution defines); the static bucket in two regions.
 * - Origin groups: the static bucket failing over to its replica; with two or more regions, the
 *   primary's load balancer failing over to the region nearest it (and the same for the cached
 *   origins). A read behaviour targets that group; its router replaces it per request with the
 *   viewer's nearest region and the next (a group CloudFront only fails over GET, HEAD and
 *   OPTIONS on, which are all a read route allows).
 * - Behaviours: one per route in list order, the `*` route as the default behaviour. Write routes
 *   target the primary region's load balancer by ID, whatever the regions' order in the stack file.
 */
import { ALL_METHODS, DISTRIBUTION_QUOTAS, FAILOVER_STATUS_CODES, READ_METHODS } from "./cdnRules";
import { CLASS_METHODS, DEFAULT_ROUTE_PATTERN, switchoverTarget, type Route, type RouteClass, type RouteTopology } from "./routes/model";

/**
 * Managed policies CloudFront provides (their IDs are fixed).
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 */
export const MANAGED_POLICIES = {
  /** Nothing cached: dynamic responses of the application. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
  /** Long TTLs, compressed variants, no cookies or query strings in the key: static assets. */
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  /**
   * Every viewer header, cookie and query string except Host: the load balancer then sees the
   * origin's name as Host, which its certificate covers.
   */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

/** The cache policy of a behaviour: a managed one, or the stack's `cacheable` policy. */
export type CachePolicyRef = "caching-disabled" | "caching-optimized" | "cacheable";

/**
 * The origin request policy of a behaviour: the managed all-viewer-except-Host one, or the
 * stack's policy that adds CloudFront's viewer-location headers (which the router reads: CloudFront
 * adds them only when a policy of the behaviour names them).
 */
export type OriginRequestPolicyRef = "all-viewer-except-host" | "viewer-location";

/** One origin of the distribution. */
export interface OriginSpec {
  /** Unique within the distribution. */
  readonly id: string;
  readonly kind: "loadBalancer" | "static";
  readonly region: string;
  /** Origin Shield's region, for the cached load balancer origins. @default none */
  readonly originShieldRegion?: string;
}

/** An origin group: two origins, tried in order. */
export interface OriginGroupSpec {
  readonly id: string;
  /** Member origin IDs, primary first. */
  readonly members: readonly string[];
  readonly statusCodes: readonly number[];
}

/** The edge functions of a behaviour. */
export interface BehaviourFunctions {
  /** The router of this class (viewer request). */
  readonly viewerRequest?: Extract<RouteClass, "read-any" | "read-your-writes" | "cacheable">;
  /** The write marker (viewer response). */
  readonly viewerResponse?: "write-marker";
}

/** What a behaviour does with requests. */
export interface BehaviourSpec {
  /** Undefined for the default behaviour. */
  readonly pathPattern?: string;
  /** The route's class. */
  readonly routeClass: RouteClass;
  /** An origin or origin group ID. */
  readonly target: string;
  readonly allowedMethods: readonly string[];
  readonly cachedMethods: readonly string[];
  readonly cachePolicy: CachePolicyRef;
  /** Undefined for the S3 origins: forwarding viewer headers to S3 would break the signature. */
  readonly originRequestPolicy?: OriginRequestPolicyRef;
  readonly functions: BehaviourFunctions;
}

/** The whole layout. */
export interface DistributionLayout {
  readonly origins: readonly OriginSpec[];
  readonly originGroups: readonly OriginGroupSpec[];
  readonly defaultBehaviour: BehaviourSpec;
  readonly orderedBehaviours: readonly BehaviourSpec[];
}

/** What the layout is built from. */
export interface LayoutInput {
  readonly topology: RouteTopology;
  /** In list order; exactly one is `*`. */
  readonly routes: readonly Route[];
  readonly failoverStatusCodes: readonly number[];
  /** Origin Shield's region for the cached origins (the primary's). */
  readonly originShieldRegion: string;
}

/** ID of a region's load balancer origin. */
export const loadBalancerOriginId = (region: string): string => `alb-${region}`;
/** ID of a region's load balancer origin behind Origin Shield (cacheable routes). */
export const cachedOriginId = (region: string): string => `alb-${region}-cached`;
/** ID of a region's static bucket origin. */
export const staticOriginId = (region: string): string => `static-${region}`;
/** ID of the load balancers' origin group. */
export const LOAD_BALANCER_GROUP_ID = "alb-failover";
/** ID of the cached load balancers' origin group. */
export const CACHED_GROUP_ID = "alb-cached-failover";
/** ID of the static buckets' origin group. */
export const STATIC_GROUP_ID = "static-failover";

/** The method sets CloudFront accepts as a behaviour's allowed methods. */
export const ALLOWED_METHOD_SETS: readonly (readonly string[])[] = [["GET", "HEAD"], READ_METHODS, ALL_METHODS];
/** The method sets CloudFront accepts as a behaviour's cached methods. */
export const CACHED_METHOD_SETS: readonly (readonly string[])[] = [["GET", "HEAD"], READ_METHODS];

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

/** True when some route has the class. */
export const hasClass = (routes: readonly Route[], routeClass: RouteClass): boolean => routes.some((route) => route.class === routeClass);

/** The layout for the given regions and routes. */
export function distributionLayout(input: LayoutInput): DistributionLayout {
  const { topology, routes } = input;
  const primary = topology.primaryRegion;
  const backup = switchoverTarget(topology);
  const cached = hasClass(routes, "cacheable");
  const origins: OriginSpec[] = [
    ...topology.regions.map((region): OriginSpec => ({ id: loadBalancerOriginId(region), kind: "loadBalancer", region })),
    ...(cached
      ? topology.regions.map((region): OriginSpec => ({
          id: cachedOriginId(region),
          kind: "loadBalancer",
          region,
          originShieldRegion: input.originShieldRegion,
        }))
      : []),
    { id: staticOriginId(topology.staticRegions.primary), kind: "static", region: topology.staticRegions.primary },
    { id: staticOriginId(topology.staticRegions.replica), kind: "static", region: topology.staticRegions.replica },
  ];
  const originGroups: OriginGroupSpec[] = [];
  if (backup !== undefined) {
    originGroups.push({
      id: LOAD_BALANCER_GROUP_ID,
      members: [loadBalancerOriginId(primary), loadBalancerOriginId(backup)],
      statusCodes: [...input.failoverStatusCodes],
    });
    if (cached)
      originGroups.push({ id: CACHED_GROUP_ID, members: [cachedOriginId(primary), cachedOriginId(backup)], statusCodes: [...input.failoverStatusCodes] });
  }
  originGroups.push({
    id: STATIC_GROUP_ID,
    members: [staticOriginId(topology.staticRegions.primary), staticOriginId(topology.staticRegions.replica)],
    // a region's S3 outage shows as 5xx or a failed connection (which always fails over)
    statusCodes: [500, 502, 503, 504],
  });
  const readTarget = backup !== undefined ? LOAD_BALANCER_GROUP_ID : loadBalancerOriginId(primary);
  const cachedTarget = backup !== undefined ? CACHED_GROUP_ID : cachedOriginId(primary);
  const ryw = hasClass(routes, "read-your-writes");

  const behaviour = (route: Route): BehaviourSpec => {
    const pathPattern = route.pathPattern === DEFAULT_ROUTE_PATTERN ? {} : { pathPattern: route.pathPattern };
    const methods = [...CLASS_METHODS[route.class]];
    switch (route.class) {
      case "write":
        return {
          ...pathPattern,
          routeClass: route.class,
          target: loadBalancerOriginId(primary),
          allowedMethods: methods,
          cachedMethods: ["GET", "HEAD"],
          cachePolicy: "caching-disabled",
          originRequestPolicy: "all-viewer-except-host",
          functions: ryw ? { viewerResponse: "write-marker" } : {},
        };
      case "read-any":
      case "read-your-writes":
        return {
          ...pathPattern,
          routeClass: route.class,
          target: readTarget,
          allowedMethods: methods,
          cachedMethods: ["GET", "HEAD"],
          cachePolicy: "caching-disabled",
          originRequestPolicy: "viewer-location",
          functions: { viewerRequest: route.class },
        };
      case "cacheable":
        return {
          ...pathPattern,
          routeClass: route.class,
          target: cachedTarget,
          allowedMethods: methods,
          cachedMethods: ["GET", "HEAD"],
          cachePolicy: "cacheable",
          originRequestPolicy: "viewer-location",
          functions: { viewerRequest: "cacheable" },
        };
      case "static":
        return {
          ...pathPattern,
          routeClass: route.class,
          target: STATIC_GROUP_ID,
          allowedMethods: methods,
          cachedMethods: ["GET", "HEAD"],
          cachePolicy: "caching-optimized",
          functions: {},
        };
      default:
        throw new Error(`Unknown route class '${String((route as { class: unknown }).class)}'`);
    }
  };
  const defaultRoute = routes.find((route) => route.pathPattern === DEFAULT_ROUTE_PATTERN) ?? { pathPattern: DEFAULT_ROUTE_PATTERN, class: "write" };
  return {
    origins,
    originGroups,
    defaultBehaviour: behaviour(defaultRoute),
    orderedBehaviours: routes.filter((route) => route.pathPattern !== DEFAULT_ROUTE_PATTERN).map(behaviour),
  };
}

/**
 * Every rule CloudFront enforces on origins, groups and behaviours that the layout could break:
 * unique IDs, two distinct existing members per group, allowed failover codes, behaviours on a
 * group allowing only GET, HEAD and OPTIONS, targets that exist, method sets, one function per
 * event type, and the per-distribution quotas.
 */
export function layoutProblems(layout: DistributionLayout): string[] {
  const problems: string[] = [];
  const originIds = layout.origins.map((origin) => origin.id);
  const groupIds = layout.originGroups.map((group) => group.id);
  const ids = [...originIds, ...groupIds];
  const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (duplicates.length > 0) problems.push(`origin and origin group IDs must be unique; repeated: ${[...new Set(duplicates)].join(", ")}`);
  if (layout.origins.length > DISTRIBUTION_QUOTAS.origins) {
    problems.push(`the distribution has ${layout.origins.length} origins; CloudFront allows ${DISTRIBUTION_QUOTAS.origins} by default`);
  }
  if (layout.originGroups.length > DISTRIBUTION_QUOTAS.originGroups) {
    problems.push(`the distribution has ${layout.originGroups.length} origin groups; CloudFront allows ${DISTRIBUTION_QUOTAS.originGroups} by default`);
  }
  for (const group of layout.originGroups) {
    if (group.members.length !== 2 || group.members[0] === group.members[1]) {
      problems.push(`origin group ${group.id} must have exactly two different members, got ${group.members.join(", ") || "none"}`);
    }
    const unknown = group.members.filter((member) => !originIds.includes(member));
    if (unknown.length > 0) problems.push(`origin group ${group.id} names origins that do not exist: ${unknown.join(", ")}`);
    const badCodes = group.statusCodes.filter((code) => !FAILOVER_STATUS_CODES.includes(code));
    if (group.statusCodes.length === 0 || badCodes.length > 0) {
      problems.push(
        `origin group ${group.id} may only fail over on ${FAILOVER_STATUS_CODES.join(", ")} (at least one), got ${group.statusCodes.join(", ") || "none"}`,
      );
    }
  }
  const behaviours = [layout.defaultBehaviour, ...layout.orderedBehaviours];
  if (layout.orderedBehaviours.length > DISTRIBUTION_QUOTAS.cacheBehaviors) {
    problems.push(
      `the distribution has ${layout.orderedBehaviours.length} cache behaviours; CloudFront allows ${DISTRIBUTION_QUOTAS.cacheBehaviors} by default`,
    );
  }
  for (const behaviour of behaviours) {
    const where = behaviour.pathPattern === undefined ? "the default behaviour" : `the behaviour for ${behaviour.pathPattern}`;
    if (!ids.includes(behaviour.target)) problems.push(`${where} targets ${behaviour.target}, which is neither an origin nor an origin group`);
    const writes = behaviour.allowedMethods.filter((method) => !(READ_METHODS as readonly string[]).includes(method));
    if (writes.length > 0 && (groupIds.includes(behaviour.target) || behaviour.functions.viewerRequest !== undefined)) {
      problems.push(
        `${where} allows ${writes.join(", ")} but ${groupIds.includes(behaviour.target) ? `targets origin group ${behaviour.target}` : "fails over through its router's origin group"}; CloudFront only allows GET, HEAD and OPTIONS on an origin group`,
      );
    }
    if (!ALLOWED_METHOD_SETS.some((set) => sameSet(set, behaviour.allowedMethods))) {
      problems.push(`${where} allows ${behaviour.allowedMethods.join(", ")}; CloudFront accepts only GET+HEAD, GET+HEAD+OPTIONS or all seven methods`);
    }
    if (
      !CACHED_METHOD_SETS.some((set) => sameSet(set, behaviour.cachedMethods)) ||
      !behaviour.cachedMethods.every((method) => behaviour.allowedMethods.includes(method))
    ) {
      problems.push(
        `${where} caches ${behaviour.cachedMethods.join(", ")}; CloudFront caches GET+HEAD or GET+HEAD+OPTIONS, and only methods the behaviour allows`,
      );
    }
  }
  return problems;
}

/**
 * The distribution's origins, origin groups and cache behaviours as data, so that the layout per
 * number of regions and the rules CloudFront enforces on it are checked without Pulumi.
 *
 * - Origins: one per region's load balancer (the primary region first), and the static bucket in
 *   two regions (the bucket and its replica).
 * - Origin groups: the primary load balancer failing over to the next region's (only with two or
 *   more regions), and the static bucket failing over to its replica. A group has exactly two
 *   members; CloudFront only fails over GET, HEAD and OPTIONS requests, and rejects a behaviour
 *   on a group that allows any other method.
 * - Behaviours: the default behaviour sends every method to the primary region's load balancer
 *   (writes go to the database writer's region; a default on the read-only origin group would
 *   answer 403 to every POST). The static path goes to the bucket group, cached. Each read-only
 *   failover path goes to the load balancer group (the primary alone in a one-region stack, so
 *   adding a region never changes which methods a path accepts).
 */
import { ALL_METHODS, DISTRIBUTION_QUOTAS, FAILOVER_STATUS_CODES, READ_METHODS } from "./cdnRules";

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

/** One origin of the distribution. */
export interface OriginSpec {
  /** Unique within the distribution. */
  readonly id: string;
  readonly kind: "loadBalancer" | "static";
  readonly region: string;
}

/** An origin group: two origins, tried in order. */
export interface OriginGroupSpec {
  readonly id: string;
  /** Member origin IDs, primary first. */
  readonly members: readonly string[];
  readonly statusCodes: readonly number[];
}

/** What a behaviour does with requests. */
export interface BehaviourSpec {
  /** Undefined for the default behaviour. */
  readonly pathPattern?: string;
  /** An origin or origin group ID. */
  readonly target: string;
  readonly allowedMethods: readonly string[];
  readonly cachedMethods: readonly string[];
  readonly cachePolicyId: string;
  /** Undefined for the S3 origins: forwarding viewer headers to S3 would break the signature. */
  readonly originRequestPolicyId?: string;
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
  /** Regions of the load balancers, primary first (failover order). */
  readonly loadBalancerRegions: readonly string[];
  /** The static bucket's region and its replica's. */
  readonly staticRegions: { readonly primary: string; readonly replica: string };
  readonly staticPathPattern: string;
  readonly failoverPathPatterns: readonly string[];
  readonly failoverStatusCodes: readonly number[];
}

/** ID of a region's load balancer origin. */
export const loadBalancerOriginId = (region: string): string => `alb-${region}`;
/** ID of a region's static bucket origin. */
export const staticOriginId = (region: string): string => `static-${region}`;
/** ID of the load balancers' origin group. */
export const LOAD_BALANCER_GROUP_ID = "alb-failover";
/** ID of the static buckets' origin group. */
export const STATIC_GROUP_ID = "static-failover";

/** The method sets CloudFront accepts as a behaviour's allowed methods. */
export const ALLOWED_METHOD_SETS: readonly (readonly string[])[] = [["GET", "HEAD"], READ_METHODS, ALL_METHODS];
/** The method sets CloudFront accepts as a behaviour's cached methods. */
export const CACHED_METHOD_SETS: readonly (readonly string[])[] = [["GET", "HEAD"], READ_METHODS];

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item) => b.includes(item));

/** The layout for the given regions and paths. */
export function distributionLayout(input: LayoutInput): DistributionLayout {
  const [primary, secondary] = input.loadBalancerRegions;
  if (primary === undefined) throw new Error("distributionLayout needs at least one load balancer region");
  const origins: OriginSpec[] = [
    ...input.loadBalancerRegions.map((region): OriginSpec => ({ id: loadBalancerOriginId(region), kind: "loadBalancer", region })),
    { id: staticOriginId(input.staticRegions.primary), kind: "static", region: input.staticRegions.primary },
    { id: staticOriginId(input.staticRegions.replica), kind: "static", region: input.staticRegions.replica },
  ];
  const originGroups: OriginGroupSpec[] = [
    {
      id: STATIC_GROUP_ID,
      members: [staticOriginId(input.staticRegions.primary), staticOriginId(input.staticRegions.replica)],
      // a region's S3 outage shows as 5xx or a failed connection (which always fails over)
      statusCodes: [500, 502, 503, 504],
    },
  ];
  if (secondary !== undefined) {
    originGroups.unshift({
      id: LOAD_BALANCER_GROUP_ID,
      members: [loadBalancerOriginId(primary), loadBalancerOriginId(secondary)],
      statusCodes: [...input.failoverStatusCodes],
    });
  }
  const readTarget = secondary !== undefined ? LOAD_BALANCER_GROUP_ID : loadBalancerOriginId(primary);
  const dynamic = { cachePolicyId: MANAGED_POLICIES.cachingDisabled, originRequestPolicyId: MANAGED_POLICIES.allViewerExceptHostHeader };
  return {
    origins,
    originGroups,
    defaultBehaviour: { target: loadBalancerOriginId(primary), allowedMethods: [...ALL_METHODS], cachedMethods: ["GET", "HEAD"], ...dynamic },
    orderedBehaviours: [
      {
        pathPattern: input.staticPathPattern,
        target: STATIC_GROUP_ID,
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: MANAGED_POLICIES.cachingOptimized,
      },
      ...input.failoverPathPatterns.map((pathPattern): BehaviourSpec => ({
        pathPattern,
        target: readTarget,
        allowedMethods: [...READ_METHODS],
        cachedMethods: ["GET", "HEAD"],
        ...dynamic,
      })),
    ],
  };
}

/**
 * Every rule CloudFront enforces on origins, groups and behaviours that the layout could break:
 * unique IDs, two distinct existing members per group, allowed failover codes, behaviours on a
 * group allowing only GET, HEAD and OPTIONS, targets that exist, and the per-distribution quotas.
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
    if (groupIds.includes(behaviour.target)) {
      const writes = behaviour.allowedMethods.filter((method) => !(READ_METHODS as readonly string[]).includes(method));
      if (writes.length > 0) {
        problems.push(
          `${where} targets origin group ${behaviour.target} but allows ${writes.join(", ")}; CloudFront only allows GET, HEAD and OPTIONS on an origin group`,
        );
      }
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

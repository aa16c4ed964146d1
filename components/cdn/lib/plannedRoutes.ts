/**
 * The routes as a planned distribution serves them, read back from the recorded graph: each
 * behaviour's path pattern, class and methods, and for a set of viewers which region serves it
 * and where it fails over. A behaviour with a router is answered by running the router's recorded
 * code in the offline CloudFront Functions runtime, so the report and the diagram show what the
 * deployed edge would do, not what the blueprint meant it to do.
 */
import { REPRESENTATIVE_VIEWERS } from "../../lib/countries";
import type { PlannedResource } from "../../lib/plan/plannedResource";
import { objectList, type PlanGraph } from "../../lib/plan/planGraph";
import { runViewerRequest } from "./routes/edgeRuntime";
import { CLASS_METHODS, ROUTE_CLASSES, type RouteClass } from "./routes/model";

/** One viewer of the matrix. */
export interface MatrixViewer {
  readonly country: string;
  readonly name: string;
  readonly continent: string;
}

/** Who serves one route for one viewer, as planned. */
export interface PlannedServing {
  readonly region?: string;
  readonly failoverRegion?: string;
  /** `bucket` for the static origins. */
  readonly origin: "load-balancer" | "bucket" | "unknown";
}

/** One planned route. */
export interface PlannedRoute {
  readonly pathPattern: string;
  readonly routeClass: RouteClass | "unknown";
  /** The method the matrix asks with: POST where the route takes writes, else GET. */
  readonly method: string;
  readonly servings: readonly PlannedServing[];
}

/** What the graph lookups need: the types of the resources the routes pass through. */
export interface PlannedRouteTypes {
  readonly distribution: string;
  readonly function: string;
  readonly vpcOrigin: string;
  readonly loadBalancers: readonly string[];
  readonly buckets: readonly string[];
}

interface OriginInput {
  readonly originId?: unknown;
  readonly domainName?: unknown;
  readonly vpcOriginConfig?: { readonly vpcOriginId?: unknown };
}

const regionOfArn = (value: unknown): string | undefined => (typeof value === "string" ? /^arn:[^:]+:[^:]+:([a-z0-9-]+):/.exec(value)?.[1] : undefined);

/** The region and kind of each origin of a distribution. */
function originTargets(
  graph: PlanGraph,
  distribution: PlannedResource,
  types: PlannedRouteTypes,
): Map<string, { region?: string; origin: PlannedServing["origin"] }> {
  const targets = new Map<string, { region?: string; origin: PlannedServing["origin"] }>();
  const vpcOrigins = graph.ofTypes([types.vpcOrigin]);
  const balancers = graph.ofTypes(types.loadBalancers);
  const buckets = graph.ofTypes(types.buckets);
  for (const origin of objectList(distribution.inputs.origins) as OriginInput[]) {
    if (typeof origin.originId !== "string") continue;
    const vpcId = origin.vpcOriginConfig?.vpcOriginId;
    // a VPC origin's ARN ends in its ID (arn:aws:cloudfront::<account>:vpcorigin/<id>)
    const vpcOrigin = typeof vpcId === "string" ? vpcOrigins.find((candidate) => String(candidate.outputs.arn).endsWith(`/${vpcId}`)) : undefined;
    if (vpcOrigin) {
      const arn = (vpcOrigin.inputs.vpcOriginEndpointConfig as { arn?: unknown } | undefined)?.arn;
      const balancer = balancers.find((candidate) => candidate.outputs.arn === arn);
      targets.set(origin.originId, { region: balancer?.region ?? regionOfArn(arn), origin: "load-balancer" });
      continue;
    }
    const bucket = buckets.find((candidate) => ["bucketRegionalDomainName", "bucketDomainName"].some((key) => candidate.outputs[key] === origin.domainName));
    if (bucket) {
      targets.set(origin.originId, { ...(bucket.region ? { region: bucket.region } : {}), origin: "bucket" });
      continue;
    }
    const byName = balancers.find((candidate) => candidate.outputs.dnsName === origin.domainName);
    // `<region>.<apiName>`: the regional name CloudFront reaches an HTTPS load balancer by
    const region =
      byName?.region ??
      (typeof origin.domainName === "string"
        ? balancers.map((b) => b.region).find((r) => r !== null && (origin.domainName as string).startsWith(`${r}.`))
        : undefined);
    targets.set(origin.originId, { ...(region ? { region } : {}), origin: region ? "load-balancer" : "unknown" });
  }
  return targets;
}

/** The class a router's comment names (`blueprint route class <class>: …`). */
function routerClass(fn: PlannedResource | undefined): RouteClass | undefined {
  const comment = typeof fn?.inputs.comment === "string" ? fn.inputs.comment : "";
  return ROUTE_CLASSES.find((routeClass) => comment.startsWith(`blueprint route class ${routeClass}:`));
}

/** Every route of every distribution of the plan, served for `viewers`. */
export function plannedRoutes(graph: PlanGraph, types: PlannedRouteTypes, viewers: readonly MatrixViewer[] = REPRESENTATIVE_VIEWERS): PlannedRoute[] {
  const routes: PlannedRoute[] = [];
  const functions = graph.ofTypes([types.function]);
  for (const distribution of graph.ofTypes([types.distribution])) {
    const targets = originTargets(graph, distribution, types);
    const groups = new Map(
      objectList(distribution.inputs.originGroups).map(
        (group) => [group.originId, objectList(group.members).map((member) => member.originId as string)] as const,
      ),
    );
    const serve = (ids: readonly string[]): PlannedServing => {
      const [first, second] = ids.map((id) => targets.get(id));
      return {
        origin: first?.origin ?? "unknown",
        ...(first?.region ? { region: first.region } : {}),
        ...(second?.region ? { failoverRegion: second.region } : {}),
      };
    };
    // in matching order: the ordered behaviours, then the default one
    const behaviours = [
      ...objectList(distribution.inputs.orderedCacheBehaviors),
      { ...(distribution.inputs.defaultCacheBehavior as Record<string, unknown>), pathPattern: "*" },
    ];
    const originIds = [...targets.keys()];
    for (const behaviour of behaviours) {
      const allowed = Array.isArray(behaviour.allowedMethods) ? (behaviour.allowedMethods as string[]) : [];
      const method = allowed.includes("POST") ? "POST" : "GET";
      const target = String(behaviour.targetOriginId);
      const defaultIds = groups.get(target) ?? [target];
      const association = objectList(behaviour.functionAssociations).find((candidate) => candidate.eventType === "viewer-request");
      const router = association ? functions.find((fn) => fn.outputs.arn === association.functionArn) : undefined;
      const code = typeof router?.inputs.code === "string" ? router.inputs.code : undefined;
      const servings = viewers.map((viewer): PlannedServing => {
        if (code === undefined) return serve(defaultIds);
        const choice = runViewerRequest(code, { method, uri: "/", headers: { "cloudfront-viewer-country": viewer.country } }, { originIds }).origin;
        return serve(choice.kind === "group" ? choice.originIds : choice.kind === "origin" ? [choice.originId] : defaultIds);
      });
      const first = servings[0];
      const routeClass: PlannedRoute["routeClass"] =
        routerClass(router) ?? (first?.origin === "bucket" ? "static" : allowed.length === CLASS_METHODS.write.length ? "write" : "unknown");
      routes.push({ pathPattern: String(behaviour.pathPattern), routeClass, method, servings });
    }
  }
  return routes;
}

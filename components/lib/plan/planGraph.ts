/**
 * The recorded resource graph of a plan file, indexed for look-ups: resources by URN, children by
 * parent, the URNs each resource depends on (dependencies and property dependencies together), and
 * the resource whose recorded outputs hold a given value (to resolve an ARN or a DNS name written
 * into another resource's inputs back to the resource that owns it).
 */
import { isRecord } from "../guards";
import type { PlannedResource } from "./plannedResource";

/** The graph of one plan. */
export interface PlanGraph {
  readonly resources: readonly PlannedResource[];
  readonly byUrn: ReadonlyMap<string, PlannedResource>;
  /** Direct children of a URN, in registration order. */
  readonly children: (urn: string) => readonly PlannedResource[];
  /** URNs a resource depends on: `dependencies` and every `propertyDependencies` list, without repeats. */
  readonly dependenciesOf: (resource: PlannedResource) => readonly string[];
  /** URNs the resource depends on through one input property (its `propertyDependencies` entry). */
  readonly propertyDependenciesOf: (resource: PlannedResource, property: string) => readonly string[];
  /** The resources of the given types, in registration order. */
  readonly ofTypes: (types: ReadonlySet<string> | readonly string[]) => PlannedResource[];
  /** The resource whose outputs hold `value` under one of `keys` (a string match), if exactly one does. */
  readonly ownerOfValue: (value: unknown, keys: readonly string[], types?: ReadonlySet<string>) => PlannedResource | undefined;
}

/** Builds the graph of a plan's resources. */
export function planGraph(plan: { readonly resources: readonly PlannedResource[] }): PlanGraph {
  const byUrn = new Map<string, PlannedResource>();
  const children = new Map<string, PlannedResource[]>();
  for (const resource of plan.resources) {
    byUrn.set(resource.urn, resource);
    if (resource.parent !== null) {
      const siblings = children.get(resource.parent) ?? [];
      siblings.push(resource);
      children.set(resource.parent, siblings);
    }
  }
  const dependencyCache = new Map<string, string[]>();
  return {
    resources: plan.resources,
    byUrn,
    children: (urn) => children.get(urn) ?? [],
    dependenciesOf(resource) {
      let cached = dependencyCache.get(resource.urn);
      if (!cached) {
        const all = new Set(resource.dependencies);
        for (const urns of Object.values(resource.propertyDependencies)) for (const urn of urns) all.add(urn);
        // the engine configures an explicit provider before it creates the provider's resources
        if (resource.provider !== undefined) all.add(resource.provider);
        all.delete(resource.urn);
        cached = [...all];
        dependencyCache.set(resource.urn, cached);
      }
      return cached;
    },
    propertyDependenciesOf: (resource, property) => resource.propertyDependencies[property] ?? [],
    ofTypes(types) {
      const wanted = types instanceof Set ? types : new Set(types as readonly string[]);
      return plan.resources.filter((resource) => wanted.has(resource.type));
    },
    ownerOfValue(value, keys, types) {
      if (typeof value !== "string" || value.length === 0) return undefined;
      const owners = plan.resources.filter(
        (resource) => (types === undefined || types.has(resource.type)) && keys.some((key) => resource.outputs[key] === value),
      );
      return owners.length === 1 ? owners[0] : undefined;
    },
  };
}

/** The last segment of a URN (the resource's logical name). */
export function urnName(urn: string): string {
  return urn.split("::").pop() ?? urn;
}

/** A string input, or undefined when it is absent or not a string. */
export function stringInput(resource: PlannedResource, key: string): string | undefined {
  const value = resource.inputs[key];
  return typeof value === "string" ? value : undefined;
}

/** An array input's elements that are objects, or none. */
export function objectList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/**
 * Queries over the recorded plan graph that the components' diagram edge functions share.
 */
import type { PlannedResource } from "./plannedResource";
import type { PlanGraph } from "./planGraph";

/** The one resource of the given types among a resource's property dependencies. */
export function referenced(graph: PlanGraph, resource: PlannedResource, property: string, types: ReadonlySet<string>): PlannedResource | undefined {
  return graph
    .propertyDependenciesOf(resource, property)
    .map((urn) => graph.byUrn.get(urn))
    .find((target): target is PlannedResource => target !== undefined && types.has(target.type));
}

/** Whether `resource` depends on `on`, directly or through other resources. */
export function dependsOn(graph: PlanGraph, resource: PlannedResource, on: string): boolean {
  const seen = new Set<string>();
  const stack = [...graph.dependenciesOf(resource)];
  while (stack.length > 0) {
    const urn = stack.pop()!;
    if (urn === on) return true;
    if (seen.has(urn)) continue;
    seen.add(urn);
    const next = graph.byUrn.get(urn);
    if (next) stack.push(...graph.dependenciesOf(next));
  }
  return false;
}

/** The resources of a type that depend on a URN, in registration order. */
export function dependentsOf(graph: PlanGraph, urn: string, type: string): PlannedResource[] {
  return graph.resources.filter((resource) => resource.type === type && graph.dependenciesOf(resource).includes(urn));
}

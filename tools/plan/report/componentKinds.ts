/**
 * Which box of the architecture diagram a resource belongs to, from its type's plan facts (the
 * `kind` and `global` of components/<name>/plan.ts). Types without a kind (security groups, IAM,
 * alarms, ...) are not drawn; they still shape the edges (see diagramModel.ts).
 */
import { GLOBAL_KINDS, type NodeKind } from "../../../components/lib/plan/nodeKinds";
import type { PlannedResource } from "../planFile";
import { FACTS } from "../facts";

export { KIND_ORDER, type NodeKind } from "../../../components/lib/plan/nodeKinds";

/** The box a resource is drawn in, or undefined when it is not drawn. */
export function kindOf(resource: PlannedResource): NodeKind | undefined {
  if (!resource.custom) return undefined;
  const kind = FACTS.facts(resource.type)?.kind;
  return typeof kind === "function" ? kind(resource) : kind;
}

/** Whether a resource of this kind sits outside the region boxes: its type's `global` test, else its kind's. */
export function isGlobal(kind: NodeKind, resource: PlannedResource): boolean {
  if (resource.region === null) return true;
  const global = FACTS.facts(resource.type)?.global;
  return global ? global(resource) : GLOBAL_KINDS.has(kind);
}

/** The port a drawn data store listens on, from its type's facts. */
export function portOf(resource: PlannedResource): number | undefined {
  return FACTS.facts(resource.type)?.port?.(resource);
}

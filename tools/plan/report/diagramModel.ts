/**
 * The architecture diagram as data, derived only from the recorded graph (inputs, outputs,
 * dependencies, property dependencies), never from the stack config:
 *
 * - one node per region and component kind (each type's `kind` in its plan facts, see
 *   componentKinds.ts), global kinds outside the regions;
 * - the edges each component's plan facts draw (components/<name>/plan.ts): first every
 *   component's request edges (traffic, failover, protection), then every component's replication
 *   edges, each pass in catalog order (components/catalog.ts).
 */
import type { PlanFile, PlannedResource } from "../planFile";
import type { DiagramEdges, EdgeContext, EdgeStyle } from "../../../components/lib/plan/facts";
import { planGraph } from "../../../components/lib/plan/planGraph";
import { FACTS } from "../facts";
import { isGlobal, KIND_ORDER, kindOf, portOf, type NodeKind } from "./componentKinds";

/** One box: every resource of one kind in one region (or globally). */
export interface DiagramNode {
  /** Mermaid-safe ID, e.g. `us_east_1_database`, `global_cdn`. */
  readonly id: string;
  readonly kind: NodeKind;
  /** Region, or null for the global boxes. */
  readonly region: string | null;
  /** The resources behind the box. */
  readonly resources: readonly PlannedResource[];
}

export type { EdgeStyle } from "../../../components/lib/plan/facts";

/** One arrow between two boxes. */
export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly style: EdgeStyle;
  readonly label?: string;
}

/** A region box. */
export interface DiagramRegion {
  readonly name: string;
  readonly primary: boolean;
  readonly nodes: readonly DiagramNode[];
}

/** The whole diagram. */
export interface DiagramModel {
  readonly global: readonly DiagramNode[];
  readonly regions: readonly DiagramRegion[];
  readonly edges: readonly DiagramEdge[];
}

/** The edge passes, in drawing order. */
const EDGE_PASSES: ReadonlyArray<keyof DiagramEdges> = ["requests", "replication"];

/** Mermaid IDs allow letters, digits and `_`. */
export function mermaidId(...parts: string[]): string {
  return parts.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

function nodeId(kind: NodeKind, region: string | null): string {
  return region === null ? mermaidId("global", kind) : mermaidId(region, kind);
}

/** Builds the diagram model of a plan. */
export function diagramModel(plan: Pick<PlanFile, "resources" | "regions" | "primaryRegion">): DiagramModel {
  const graph = planGraph(plan);
  const nodes = new Map<string, { kind: NodeKind; region: string | null; resources: PlannedResource[] }>();
  /** The node each drawn resource belongs to. */
  const nodeOf = new Map<string, string>();
  const place = (kind: NodeKind, region: string | null, resource?: PlannedResource): string => {
    const id = nodeId(kind, region);
    const node = nodes.get(id) ?? { kind, region, resources: [] };
    if (resource) {
      node.resources.push(resource);
      nodeOf.set(resource.urn, id);
    }
    nodes.set(id, node);
    return id;
  };
  for (const resource of graph.resources) {
    const kind = kindOf(resource);
    if (kind === undefined) continue;
    place(kind, isGlobal(kind, resource) ? null : resource.region, resource);
  }

  const edges = new Map<string, DiagramEdge>();
  const connect = (from: string | undefined, to: string | undefined, style: EdgeStyle, label?: string) => {
    if (from === undefined || to === undefined || from === to) return;
    const key = `${from}|${to}|${style}|${label ?? ""}`;
    if (!edges.has(key)) edges.set(key, { from, to, style, ...(label !== undefined ? { label } : {}) });
  };
  const context: EdgeContext = {
    graph,
    primaryRegion: plan.primaryRegion,
    kindOf,
    portOf,
    nodeOf: (urn) => (urn === undefined ? undefined : nodeOf.get(urn)),
    connect,
    place: (kind, region) => place(kind, region),
  };
  for (const pass of EDGE_PASSES) for (const component of FACTS.components) component.edges?.[pass]?.(context);

  const byKindOrder = (a: DiagramNode, b: DiagramNode) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  const all: DiagramNode[] = [...nodes.entries()].map(([id, node]) => ({ id, ...node }));
  const regionNames = [...plan.regions];
  for (const node of all) if (node.region !== null && !regionNames.includes(node.region)) regionNames.push(node.region);
  return {
    global: all.filter((node) => node.region === null).sort(byKindOrder),
    regions: regionNames.map((name) => ({
      name,
      primary: name === plan.primaryRegion,
      nodes: all.filter((node) => node.region === name).sort(byKindOrder),
    })),
    // An unlabelled arrow says less than a labelled one between the same boxes: keep the labelled one.
    edges: [...edges.values()].filter(
      (edge) =>
        edge.label !== undefined ||
        ![...edges.values()].some(
          (other) => other !== edge && other.from === edge.from && other.to === edge.to && other.style === edge.style && other.label !== undefined,
        ),
    ),
  };
}

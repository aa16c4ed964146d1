/**
 * The two diagrams a reviewer reads at GitHub's comment width (about 780 px), instead of one
 * diagram of every box in every region (whose text shrinks below 3 px at three regions):
 *
 * - the overview: the global edge (DNS, WAF, CDN, global data stores) and one box per region with
 *   its serving role and the counts of its key pieces, drawn left to right so regions stack
 *   vertically and the width does not grow with their number;
 * - one regional stamp in detail (the primary region's boxes and the arrows between them): every
 *   region deploys the same stamp, so one is enough.
 *
 * Both are derived from the diagram model (diagramModel.ts), so from the recorded graph only.
 */
import { mermaidId, type DiagramEdge, type DiagramModel, type DiagramNode, type DiagramRegion } from "./diagramModel";
import { escapeLabel, nodeLines, SHAPES } from "./mermaid";

/** What a region does for requests, read from the diagram's arrows. */
export type RegionRole = "writer" | "reader" | "standby";

/** Whether a node is in a region's box (and which). */
function regionOf(model: DiagramModel, id: string): DiagramRegion | undefined {
  return model.regions.find((region) => region.nodes.some((node) => node.id === id));
}

/**
 * A region's role: `writer` when its database writes to the global database (or, without one, it
 * is the primary), `standby` when no global box sends it traffic (a CloudFront standby origin,
 * only reached by failover), else `reader`.
 */
export function regionRole(model: DiagramModel, region: DiagramRegion): RegionRole {
  const ids = new Set(region.nodes.map((node) => node.id));
  const globalIds = new Set(model.global.map((node) => node.id));
  const writes = model.edges.some((edge) => ids.has(edge.from) && globalIds.has(edge.to) && edge.label === "writer");
  const hasWriterEdge = model.edges.some((edge) => edge.label === "writer");
  if (writes || (!hasWriterEdge && region.primary)) return "writer";
  const served = model.edges.some((edge) => globalIds.has(edge.from) && ids.has(edge.to) && edge.style === "traffic");
  const anyServed = model.edges.some((edge) => globalIds.has(edge.from) && edge.style === "traffic" && regionOf(model, edge.to) !== undefined);
  return anyServed && !served ? "standby" : "reader";
}

/** The short text of a box for the overview: its title's second line (e.g. `2 auto scaling groups, 3–9 instances`). */
function pieceLine(node: DiagramNode): string {
  const [title, detail] = nodeLines(node);
  const short: Partial<Record<DiagramNode["kind"], string>> = { web: "web", worker: "workers", database: "DB", cache: "cache", loadBalancer: "LB" };
  return `${short[node.kind] ?? title}: ${detail?.replace(/ auto scaling groups?, /, " ASG, ") ?? ""}`;
}

/** The kinds named in a region's overview box, in this order. */
const OVERVIEW_KINDS: ReadonlyArray<DiagramNode["kind"]> = ["loadBalancer", "web", "worker", "database", "cache"];

/** The lines of a region's overview box. */
export function regionBoxLines(model: DiagramModel, region: DiagramRegion): string[] {
  const role = regionRole(model, region);
  const pieces = OVERVIEW_KINDS.flatMap((kind) => region.nodes.filter((node) => node.kind === kind).map(pieceLine));
  return [`${region.name}${region.primary ? " (primary)" : ""}`, `role: ${role}`, ...pieces];
}

/** The overview diagram's Mermaid text: the global boxes and one box per region, with the arrows between them. */
export function renderOverview(model: DiagramModel): string {
  const lines = ["flowchart LR"];
  const boxOf = new Map<string, string>();
  for (const region of model.regions) {
    const id = mermaidId("region", region.name);
    for (const node of region.nodes) boxOf.set(node.id, id);
  }
  if (model.global.length > 0) {
    lines.push('  subgraph global["Global edge"]', "    direction TB");
    for (const node of model.global) lines.push(`    ${node.id}["${nodeLines(node).map(escapeLabel).join("<br/>")}"]`);
    lines.push("  end");
  }
  for (const region of model.regions) {
    lines.push(`  ${mermaidId("region", region.name)}["${regionBoxLines(model, region).map(escapeLabel).join("<br/>")}"]`);
  }
  // Arrows between the global edge and a region, or between two regions through a global box;
  // region-to-region failover arrows are left to the stamp and the CDN's route section.
  const seen = new Set<string>();
  const arrows: DiagramEdge[] = [];
  for (const edge of model.edges) {
    const from = boxOf.get(edge.from) ?? edge.from;
    const to = boxOf.get(edge.to) ?? edge.to;
    // Only the request path (DNS, WAF, CDN to the regions): the data stores' replication is in
    // each region's role line, and its arrows would fold the left-to-right layout back and double its width.
    if (from === to || (boxOf.has(edge.from) && boxOf.has(edge.to)) || edge.style === "replication") continue;
    const key = `${from}|${to}|${edge.style}|${edge.label ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    arrows.push({ ...edge, from, to });
  }
  for (const edge of arrows) {
    const label = edge.label !== undefined ? `|${escapeLabel(edge.label)}|` : "";
    lines.push(`  ${edge.from} ${edge.style === "traffic" ? "-->" : "-.->"}${label} ${edge.to}`);
  }
  return lines.join("\n");
}

/** A box's lines, each split after its commas and colons so boxes grow down, not across. */
function narrowLines(node: DiagramNode): string[] {
  return nodeLines(node).flatMap((line) => line.split(/(?<=[,:]) /).map((part) => part.replace(/[,:]$/, "")));
}

/**
 * The detail diagram of one regional stamp: the primary region's boxes (else the first) and the
 * arrows between them. Boxes no arrow of the stamp touches (buckets, keys, backups, ...) share one
 * box, so they do not line up in one row as wide as all of them.
 */
export function renderStamp(model: DiagramModel): string | undefined {
  const region = model.regions.find((r) => r.primary && r.nodes.length > 0) ?? model.regions.find((r) => r.nodes.length > 0);
  if (region === undefined) return undefined;
  const ids = new Set(region.nodes.map((node) => node.id));
  const edges = model.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const linked = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const lines = ["flowchart TB"];
  for (const node of region.nodes.filter((n) => linked.has(n.id))) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${node.id}${open}"${narrowLines(node).map(escapeLabel).join("<br/>")}"${close}`);
  }
  const rest = region.nodes.filter((n) => !linked.has(n.id));
  if (rest.length > 0) {
    const text = rest.map((node) => nodeLines(node).join(": "));
    lines.push(`  ${mermaidId(region.name, "other")}["Also in the stamp<br/>${text.map(escapeLabel).join("<br/>")}"]`);
  }
  for (const edge of edges) {
    const label = edge.label !== undefined ? `|${escapeLabel(edge.label)}|` : "";
    lines.push(`  ${edge.from} ${edge.style === "traffic" ? "-->" : "-.->"}${label} ${edge.to}`);
  }
  return lines.join("\n");
}

/**
 * Renders the diagram model as a Mermaid flowchart that GitHub draws inside a ```mermaid block.
 * Only long-standing syntax is used (classic node shapes, quoted labels, `subgraph … end`,
 * `-->` / `-.->|label|` links), so the text parses with the Mermaid versions GitHub has shipped
 * for years; tests/tools/plan/report/diagramModel.test.ts runs it through Mermaid's own parser.
 */
import { FACTS } from "../facts";
import type { PlannedResource } from "../planFile";
import type { NodeKind } from "./componentKinds";
import { mermaidId, type DiagramEdge, type DiagramModel, type DiagramNode } from "./diagramModel";

/** Opening and closing brackets of each kind's shape (also the overview's stamp, overview.ts). */
export const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  cdn: ["[/", "\\]"],
  waf: ["[/", "/]"],
  dns: ["([", "])"],
  globalDatabase: ["[(", ")]"],
  globalDatastore: ["[(", ")]"],
  loadBalancer: ["{{", "}}"],
  web: ["[", "]"],
  worker: ["[", "]"],
  queue: ["[[", "]]"],
  cache: ["[(", ")]"],
  database: ["[(", ")]"],
  proxy: ["{{", "}}"],
  table: ["[(", ")]"],
  topic: ["[[", "]]"],
  bucket: ["[(", ")]"],
  backup: ["[(", ")]"],
  key: ["([", "])"],
  secret: ["([", "])"],
  metrics: ["[(", ")]"],
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const numberInput = (resource: PlannedResource, key: string) => (typeof resource.inputs[key] === "number" ? resource.inputs[key] : undefined);
const stringInputOf = (resource: PlannedResource, key: string) => (typeof resource.inputs[key] === "string" ? resource.inputs[key] : undefined);
const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((value): value is string => value !== undefined))];
/** How many of the resources their types' plan facts count as `noun` (e.g. `cluster`). */
const countOf = (resources: readonly PlannedResource[], noun: string) => resources.filter((r) => FACTS.facts(r.type)?.noun === noun).length;

function tierLine(resources: readonly PlannedResource[]): string {
  const min = resources.reduce((sum, r) => sum + (numberInput(r, "minSize") ?? 0), 0);
  const max = resources.reduce((sum, r) => sum + (numberInput(r, "maxSize") ?? 0), 0);
  return `${plural(resources.length, "auto scaling group")}, ${min}–${max} instances`;
}

function queueLine(resources: readonly PlannedResource[]): string {
  // A queue named as another queue's dead-letter target is a DLQ.
  const targets = new Set(
    resources.flatMap((queue) => {
      const policy = stringInputOf(queue, "redrivePolicy");
      if (!policy) return [];
      try {
        const target = (JSON.parse(policy) as { deadLetterTargetArn?: unknown }).deadLetterTargetArn;
        return typeof target === "string" ? [target] : [];
      } catch {
        return [];
      }
    }),
  );
  const dlqs = resources.filter((queue) => typeof queue.outputs.arn === "string" && targets.has(queue.outputs.arn)).length;
  return dlqs > 0 ? `${resources.length - dlqs} + ${dlqs} DLQ` : plural(resources.length, "queue");
}

function cacheLine(resources: readonly PlannedResource[]): string {
  const engines = distinct(resources.map((r) => stringInputOf(r, "engine")));
  const nodeTypes = distinct(resources.map((r) => stringInputOf(r, "nodeType")));
  const nodes = resources.reduce((sum, r) => sum + (numberInput(r, "numCacheClusters") ?? 0), 0);
  return [engines.join("/"), nodeTypes.join("/"), nodes > 0 ? plural(nodes, "node") : plural(resources.length, "group")]
    .filter((part) => part.length > 0)
    .join(" ");
}

function databaseLine(resources: readonly PlannedResource[]): string {
  const engines = distinct(resources.map((r) => stringInputOf(r, "engine")));
  const clusters = countOf(resources, "cluster");
  const clusterInstances = countOf(resources, "instance");
  const instances = countOf(resources, "RDS instance");
  const parts = [
    clusters > 0 ? plural(clusters, "cluster") : "",
    clusterInstances > 0 ? plural(clusterInstances, "instance") : "",
    instances > 0 ? plural(instances, "RDS instance") : "",
  ].filter((part) => part.length > 0);
  return `${engines.join("/")}${engines.length > 0 ? ": " : ""}${parts.join(", ")}`;
}

/** The text lines of a box. */
export function nodeLines(node: DiagramNode): string[] {
  const resources = node.resources;
  const n = resources.length;
  switch (node.kind) {
    case "cdn":
      return ["CloudFront", plural(n, "distribution")];
    case "waf":
      return ["WAF", plural(n, "web ACL")];
    case "dns": {
      const checks = countOf(resources, "health check");
      return ["Route 53", [plural(n - checks, "alias record"), checks > 0 ? plural(checks, "health check") : ""].filter(Boolean).join(", ")];
    }
    case "globalDatabase":
      return ["Aurora global database", distinct(resources.map((r) => stringInputOf(r, "engine"))).join("/") || plural(n, "global cluster")];
    case "globalDatastore":
      return ["ElastiCache Global Datastore", plural(n, "global group")];
    case "loadBalancer":
      return ["Load balancer", plural(n, stringInputOf(resources[0], "loadBalancerType") === "network" ? "NLB" : "ALB")];
    case "web":
      return ["Web tier", tierLine(resources)];
    case "worker":
      return ["Worker tier", tierLine(resources)];
    case "queue":
      return ["SQS queues", queueLine(resources)];
    case "cache":
      return ["Cache", cacheLine(resources)];
    case "database":
      return ["Database", databaseLine(resources)];
    case "proxy":
      return [
        "RDS Proxy",
        [
          plural(countOf(resources, "proxy"), "proxy", "proxies"),
          countOf(resources, "endpoint") > 0 ? plural(countOf(resources, "endpoint"), "read-only endpoint") : "",
        ]
          .filter(Boolean)
          .join(", "),
      ];
    case "table":
      return ["DynamoDB", countOf(resources, "replica") > 0 ? plural(n, "replica") : plural(n, "table")];
    case "topic":
      return ["SNS topics", plural(n, "subscription")];
    case "bucket":
      return ["S3", plural(n, "bucket")];
    case "backup":
      return ["AWS Backup", plural(n, "vault")];
    case "key":
      return ["KMS", plural(n, "key")];
    case "secret":
      return n > 0 ? ["Secrets Manager", plural(n, "secret")] : ["Secrets Manager", "replica"];
    case "metrics":
      return ["Managed Prometheus", plural(n, "workspace")];
    default: {
      const unknown: never = node.kind;
      throw new Error(`Unknown node kind '${String(unknown)}'`);
    }
  }
}

/** A label safe inside Mermaid's double quotes. */
export function escapeLabel(text: string): string {
  return text.replace(/"/g, "#quot;").replace(/[\r\n]+/g, " ");
}

function nodeLine(node: DiagramNode): string {
  const [open, close] = SHAPES[node.kind];
  return `${node.id}${open}"${nodeLines(node).map(escapeLabel).join("<br/>")}"${close}`;
}

function edgeLine(edge: DiagramEdge): string {
  const label = edge.label !== undefined ? `|${escapeLabel(edge.label)}|` : "";
  switch (edge.style) {
    case "traffic":
      return `${edge.from} -->${label} ${edge.to}`;
    case "replication":
    case "failover":
    case "protects":
      return `${edge.from} -.->${label} ${edge.to}`;
    default: {
      const unknown: never = edge.style;
      throw new Error(`Unknown edge style '${String(unknown)}'`);
    }
  }
}

/** The Mermaid text of a diagram (without the ```mermaid fence). */
export function renderMermaid(model: DiagramModel): string {
  const lines = ["flowchart TB"];
  if (model.global.length > 0) {
    lines.push('  subgraph global["Global"]', "    direction TB");
    for (const node of model.global) lines.push(`    ${nodeLine(node)}`);
    lines.push("  end");
  }
  for (const region of model.regions) {
    const id = mermaidId("region", region.name);
    lines.push(`  subgraph ${id}["${escapeLabel(region.name)}${region.primary ? " (primary)" : ""}"]`, "    direction TB");
    if (region.nodes.length === 0) lines.push(`    ${id}_empty["no drawn resources"]`);
    for (const node of region.nodes) lines.push(`    ${nodeLine(node)}`);
    lines.push("  end");
  }
  if (model.global.length === 0 && model.regions.length === 0) lines.push('  empty["no drawn resources"]');
  for (const edge of model.edges) lines.push(`  ${edgeLine(edge)}`);
  return lines.join("\n");
}

/**
 * The vocabulary of the plan report's architecture diagram: the boxes a resource can be drawn in.
 * The diagram aggregates per region: one box per kind, whatever the number of resources behind it,
 * so a stack with six regions stays readable. A type's plan facts name its kind; types without one
 * (security groups, IAM, alarms, ...) are not drawn but still shape the edges.
 */

/** A box of the diagram. */
export type NodeKind =
  | "cdn"
  | "waf"
  | "dns"
  | "globalDatabase"
  | "globalDatastore"
  | "loadBalancer"
  | "web"
  | "worker"
  | "queue"
  | "cache"
  | "database"
  | "proxy"
  | "table"
  | "topic"
  | "bucket"
  | "backup"
  | "key"
  | "secret"
  | "metrics";

/** Kinds drawn outside the region boxes: they serve or tie together every region. */
export const GLOBAL_KINDS: ReadonlySet<NodeKind> = new Set(["cdn", "waf", "dns", "globalDatabase", "globalDatastore"]);

/** The order boxes are declared in a region (Mermaid keeps declaration order within a rank). */
export const KIND_ORDER: readonly NodeKind[] = [
  "dns",
  "waf",
  "cdn",
  "globalDatabase",
  "globalDatastore",
  "loadBalancer",
  "web",
  "topic",
  "queue",
  "worker",
  "cache",
  "proxy",
  "database",
  "table",
  "bucket",
  "backup",
  "secret",
  "key",
  "metrics",
];

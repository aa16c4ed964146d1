/**
 * The architecture diagram as data, derived only from the recorded graph (inputs, outputs,
 * dependencies, property dependencies), never from the stack config:
 *
 * - one node per region and component kind (see componentKinds.ts), global kinds outside the regions;
 * - traffic edges: a security-group ingress rule from one tier's group to another's (port-checked for
 *   caches and databases), IAM grants to queues (send: tier → queue, receive: queue → tier),
 *   CloudFront origins, Route 53 alias records, WAF web ACLs;
 * - replication edges: Aurora global cluster ↔ member clusters, RDS read replicas, Global Datastore ↔
 *   replication groups, KMS replica ↔ primary key, Secrets Manager replicas, S3 replication;
 * - failover edges: a CloudFront origin group's primary origin → its secondary.
 */
import type { PlanFile, PlannedResource } from "../planFile";
import { CACHE_GLOBAL_DATASTORE, CACHE_REPLICATION_GROUP } from "../../../components/cache/plan";
import { CLOUDFRONT_DISTRIBUTION, S3_REPLICATION, WAF_ASSOCIATION } from "../../../components/cdn/plan";
import { AUTOSCALING_GROUP, IAM_INSTANCE_PROFILE, LAUNCH_TEMPLATE } from "../../../components/compute/plan";
import { RDS_CLUSTER, RDS_GLOBAL_CLUSTER, RDS_INSTANCE } from "../../../components/database/plan";
import { KMS_REPLICA_KEY } from "../../../components/kms/plan";
import { BUCKET_TYPES, IAM_ROLE_POLICY, ROUTE53_RECORD } from "../../../components/lib/plan/sharedTypes";
import { SECURITY_GROUP, SG_INGRESS_RULE } from "../../../components/network/plan";
import { SQS_QUEUE } from "../../../components/queue/plan";
import { SECRET } from "../../../components/secrets/plan";
import { isGlobal, KIND_ORDER, kindOf, portOf, type NodeKind } from "./componentKinds";
import { objectList, planGraph, type PlanGraph } from "../../../components/lib/plan/planGraph";

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

/** What an edge means; it picks the arrow style. */
export type EdgeStyle = "traffic" | "replication" | "failover" | "protects";

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
  const nodeOfUrn = (urn: string | undefined) => (urn === undefined ? undefined : nodeOf.get(urn));

  addSecurityGroupEdges(graph, nodeOfUrn, connect);
  addQueueGrantEdges(graph, nodeOfUrn, connect);
  addEdgeServiceEdges(graph, nodeOfUrn, connect);
  addReplicationEdges(graph, plan.primaryRegion, nodeOfUrn, connect, place);

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
      (edge) => edge.label !== undefined || ![...edges.values()].some((other) => other !== edge && other.from === edge.from && other.to === edge.to && other.style === edge.style && other.label !== undefined),
    ),
  };
}

type NodeLookup = (urn: string | undefined) => string | undefined;
type Connect = (from: string | undefined, to: string | undefined, style: EdgeStyle, label?: string) => void;

/** Security groups a drawn resource uses: directly, or through its launch template. */
function securityGroupsOf(graph: PlanGraph, resource: PlannedResource): Set<string> {
  const groups = new Set<string>();
  const visit = (urns: readonly string[], throughTemplates: boolean) => {
    for (const urn of urns) {
      const dependency = graph.byUrn.get(urn);
      if (dependency?.type === SECURITY_GROUP) groups.add(urn);
      else if (throughTemplates && dependency?.type === LAUNCH_TEMPLATE) visit(graph.dependenciesOf(dependency), false);
    }
  };
  visit(graph.dependenciesOf(resource), true);
  return groups;
}

/** A rule from group A into group B draws an arrow from A's users to B's users. */
function addSecurityGroupEdges(graph: PlanGraph, nodeOfUrn: NodeLookup, connect: Connect): void {
  const usersOf = new Map<string, PlannedResource[]>();
  for (const resource of graph.resources) {
    const kind = kindOf(resource);
    if (kind === undefined) continue;
    for (const group of securityGroupsOf(graph, resource)) usersOf.set(group, [...(usersOf.get(group) ?? []), resource]);
  }
  for (const rule of graph.ofTypes([SG_INGRESS_RULE])) {
    const into = graph.propertyDependenciesOf(rule, "securityGroupId");
    const from = graph.propertyDependenciesOf(rule, "referencedSecurityGroupId");
    const fromPort = typeof rule.inputs.fromPort === "number" ? rule.inputs.fromPort : undefined;
    const toPort = typeof rule.inputs.toPort === "number" ? rule.inputs.toPort : fromPort;
    for (const target of into.flatMap((group) => usersOf.get(group) ?? [])) {
      const kind = kindOf(target);
      if ((kind === "cache" || kind === "database") && fromPort !== undefined && toPort !== undefined) {
        // A data group shared by the cache and the database: the rule's port says which it opens.
        const port = portOf(target);
        if (port !== undefined && (port < fromPort || port > toPort)) continue;
      }
      for (const source of from.flatMap((group) => usersOf.get(group) ?? [])) connect(nodeOfUrn(source.urn), nodeOfUrn(target.urn), "traffic");
    }
  }
}

/** Statements of an IAM policy document given as a JSON string or object. */
function policyStatements(policy: unknown): Record<string, unknown>[] {
  let document = policy;
  if (typeof policy === "string") {
    try {
      document = JSON.parse(policy);
    } catch {
      return [];
    }
  }
  if (document === null || typeof document !== "object") return [];
  const statement = (document as Record<string, unknown>).Statement;
  return Array.isArray(statement) ? objectList(statement) : objectList([statement]);
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === "string");

/** An instance role that may send to a queue draws tier → queue; one that may receive draws queue → tier. */
function addQueueGrantEdges(graph: PlanGraph, nodeOfUrn: NodeLookup, connect: Connect): void {
  const dependents = (urn: string, type: string) => graph.resources.filter((r) => r.type === type && graph.dependenciesOf(r).includes(urn));
  for (const rolePolicy of graph.ofTypes([IAM_ROLE_POLICY])) {
    const tiers = graph
      .propertyDependenciesOf(rolePolicy, "role")
      .flatMap((role) => dependents(role, IAM_INSTANCE_PROFILE))
      .flatMap((profile) => dependents(profile.urn, LAUNCH_TEMPLATE))
      .flatMap((template) => dependents(template.urn, AUTOSCALING_GROUP));
    if (tiers.length === 0) continue;
    for (const statement of policyStatements(rolePolicy.inputs.policy)) {
      if (statement.Effect !== "Allow") continue;
      const actions = asList(statement.Action).map((action) => action.toLowerCase());
      const sends = actions.some((action) => action === "sqs:sendmessage" || action === "sqs:*");
      const receives = actions.some((action) => action === "sqs:receivemessage" || action === "sqs:*");
      for (const arn of asList(statement.Resource)) {
        const queue = graph.ownerOfValue(arn, ["arn"], new Set([SQS_QUEUE]));
        if (!queue) continue;
        for (const tier of tiers) {
          if (sends) connect(nodeOfUrn(tier.urn), nodeOfUrn(queue.urn), "traffic");
          if (receives) connect(nodeOfUrn(queue.urn), nodeOfUrn(tier.urn), "traffic");
        }
      }
    }
  }
}

const DOMAIN_OUTPUTS = ["dnsName", "fqdn", "domainName", "bucketRegionalDomainName", "bucketDomainName", "name"];

const normalizeDomain = (value: unknown) => (typeof value === "string" ? value.toLowerCase().replace(/\.$/, "") : undefined);

/**
 * The drawn resource a DNS name leads to: a load balancer or bucket by its recorded name, a
 * CloudFront distribution by its domain, or whatever a Route 53 alias record of that name points at.
 */
function resolveDomain(graph: PlanGraph, domain: unknown, seen = new Set<string>()): PlannedResource | undefined {
  const wanted = normalizeDomain(domain);
  if (wanted === undefined || seen.has(wanted)) return undefined;
  seen.add(wanted);
  for (const resource of graph.resources) {
    const matches = DOMAIN_OUTPUTS.some((key) => normalizeDomain(resource.outputs[key]) === wanted);
    if (!matches) continue;
    if (resource.type === ROUTE53_RECORD) {
      for (const alias of objectList(resource.inputs.aliases)) {
        const target = resolveDomain(graph, alias.name, seen);
        if (target) return target;
      }
      const viaDependency = graph
        .propertyDependenciesOf(resource, "aliases")
        .map((urn) => graph.byUrn.get(urn))
        .find((target) => target !== undefined && kindOf(target) !== undefined);
      if (viaDependency) return viaDependency;
      continue;
    }
    if (kindOf(resource) !== undefined) return resource;
  }
  return undefined;
}

/** CloudFront origins and origin-group failover, Route 53 aliases, WAF protection. */
function addEdgeServiceEdges(graph: PlanGraph, nodeOfUrn: NodeLookup, connect: Connect): void {
  for (const distribution of graph.ofTypes([CLOUDFRONT_DISTRIBUTION])) {
    const cdn = nodeOfUrn(distribution.urn);
    const originNode = new Map<string, string | undefined>();
    for (const origin of objectList(distribution.inputs.origins)) {
      const target = resolveDomain(graph, origin.domainName);
      const node = target ? nodeOfUrn(target.urn) : undefined;
      if (typeof origin.originId === "string") originNode.set(origin.originId, node);
      connect(cdn, node, "traffic");
    }
    for (const group of objectList(distribution.inputs.originGroups)) {
      const members = objectList(group.members).map((member) => (typeof member.originId === "string" ? originNode.get(member.originId) : undefined));
      const [primary, ...secondaries] = members;
      for (const secondary of secondaries) connect(primary, secondary, "failover", "failover");
    }
    for (const acl of graph.propertyDependenciesOf(distribution, "webAclId")) connect(nodeOfUrn(acl), cdn, "protects", "protects");
  }
  for (const association of graph.ofTypes([WAF_ASSOCIATION])) {
    for (const acl of graph.propertyDependenciesOf(association, "webAclArn")) {
      for (const target of graph.propertyDependenciesOf(association, "resourceArn")) connect(nodeOfUrn(acl), nodeOfUrn(target), "protects", "protects");
    }
  }
  for (const record of graph.ofTypes([ROUTE53_RECORD])) {
    const dns = nodeOfUrn(record.urn);
    if (dns === undefined) continue;
    const failover = objectList(record.inputs.failoverRoutingPolicies)[0]?.type;
    const label = typeof failover === "string" ? failover.toLowerCase() : objectList(record.inputs.latencyRoutingPolicies).length > 0 ? "latency" : undefined;
    for (const alias of objectList(record.inputs.aliases)) {
      const target = resolveDomain(graph, alias.name);
      connect(dns, target ? nodeOfUrn(target.urn) : undefined, "traffic", label);
    }
  }
}

/** The one resource of the given types among a resource's property dependencies. */
function referenced(graph: PlanGraph, resource: PlannedResource, property: string, types: ReadonlySet<string>): PlannedResource | undefined {
  return graph
    .propertyDependenciesOf(resource, property)
    .map((urn) => graph.byUrn.get(urn))
    .find((target): target is PlannedResource => target !== undefined && types.has(target.type));
}

/** Whether `resource` depends on `on`, directly or through other resources. */
function dependsOn(graph: PlanGraph, resource: PlannedResource, on: string): boolean {
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

function addReplicationEdges(
  graph: PlanGraph,
  primaryRegion: string,
  nodeOfUrn: NodeLookup,
  connect: Connect,
  place: (kind: NodeKind, region: string | null) => string,
): void {
  // Aurora global database: the writer cluster feeds the global cluster, which feeds the others.
  for (const global of graph.ofTypes([RDS_GLOBAL_CLUSTER])) {
    const members = graph.ofTypes([RDS_CLUSTER]).filter((cluster) => graph.propertyDependenciesOf(cluster, "globalClusterIdentifier").includes(global.urn));
    const source = referenced(graph, global, "sourceDbClusterIdentifier", new Set([RDS_CLUSTER]));
    // AWS adds secondaries to an existing writer, so a member that waits on another member is a
    // secondary; the member left is the writer.
    const secondaries = new Set(members.filter((member) => members.some((other) => other !== member && dependsOn(graph, member, other.urn))).map((m) => m.urn));
    const writer =
      source ??
      members.find((member) => !secondaries.has(member.urn) && secondaries.size > 0) ??
      members.find((member) => member.region === primaryRegion) ??
      members[0];
    for (const member of members) {
      if (member === writer) connect(nodeOfUrn(member.urn), nodeOfUrn(global.urn), "replication", "writer");
      else connect(nodeOfUrn(global.urn), nodeOfUrn(member.urn), "replication", "replica");
    }
  }
  // RDS and Aurora cross-region read replicas.
  for (const replica of graph.ofTypes([RDS_INSTANCE, RDS_CLUSTER])) {
    for (const property of ["replicateSourceDb", "replicationSourceIdentifier"]) {
      const source = referenced(graph, replica, property, new Set([RDS_INSTANCE, RDS_CLUSTER]));
      if (source) connect(nodeOfUrn(source.urn), nodeOfUrn(replica.urn), "replication", "read replica");
    }
  }
  // ElastiCache Global Datastore.
  for (const datastore of graph.ofTypes([CACHE_GLOBAL_DATASTORE])) {
    const primary = referenced(graph, datastore, "primaryReplicationGroupId", new Set([CACHE_REPLICATION_GROUP]));
    if (primary) connect(nodeOfUrn(primary.urn), nodeOfUrn(datastore.urn), "replication", "primary");
  }
  for (const group of graph.ofTypes([CACHE_REPLICATION_GROUP])) {
    const datastore = referenced(graph, group, "globalReplicationGroupId", new Set([CACHE_GLOBAL_DATASTORE]));
    if (datastore) connect(nodeOfUrn(datastore.urn), nodeOfUrn(group.urn), "replication", "replica");
  }
  // KMS multi-region replica keys.
  for (const replica of graph.ofTypes([KMS_REPLICA_KEY])) {
    for (const primary of graph.propertyDependenciesOf(replica, "primaryKeyArn")) connect(nodeOfUrn(primary), nodeOfUrn(replica.urn), "replication", "replica");
  }
  // Secrets Manager replicas live inside the primary secret's inputs: draw a secret box in each replica region.
  for (const secret of graph.ofTypes([SECRET])) {
    for (const replica of objectList(secret.inputs.replicas)) {
      if (typeof replica.region !== "string" || replica.region === secret.region) continue;
      connect(nodeOfUrn(secret.urn), place("secret", replica.region), "replication", "replica");
    }
  }
  // S3 replication: the source bucket's rule names each destination bucket's ARN.
  for (const configuration of graph.ofTypes([S3_REPLICATION])) {
    const source =
      referenced(graph, configuration, "bucket", BUCKET_TYPES) ?? graph.ownerOfValue(configuration.inputs.bucket, ["bucket", "id"], BUCKET_TYPES);
    for (const rule of objectList(configuration.inputs.rules)) {
      const destination = rule.destination !== null && typeof rule.destination === "object" ? (rule.destination as Record<string, unknown>).bucket : undefined;
      const target = graph.ownerOfValue(destination, ["arn"], BUCKET_TYPES);
      if (source && target) connect(nodeOfUrn(source.urn), nodeOfUrn(target.urn), "replication", "replication");
    }
  }
}

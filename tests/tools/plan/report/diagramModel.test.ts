import * as assert from "node:assert/strict";
import { diagramModel, type DiagramModel } from "../../../../tools/plan/report/diagramModel";
import { escapeLabel, renderMermaid } from "../../../../tools/plan/report/mermaid";
import { parseMermaid } from "../../../../tools/plan/report/mermaidParser";
import { planGeneratedStack, type GeneratedPlan } from "../../../support/generatedPlans";

/** Edges as `from -> to [label]` strings, sorted, for exact comparison. */
function edgeSet(model: DiagramModel): string[] {
  return model.edges.map((edge) => `${edge.from} -${edge.style}-> ${edge.to}${edge.label ? ` [${edge.label}]` : ""}`).sort();
}

/** The kinds the generated stacks draw in every full region (the primary, and each secondary). */
const REGION_KINDS = ["loadBalancer", "web", "queue", "worker", "cache", "proxy", "database", "bucket", "backup", "secret", "key"];

// The real plan of a generated staging stack over us-east-1 (primary), us-east-2 and us-west-1, under
// a Route 53 domain, with the Aurora global database, the Global Datastore and the edge.
describe("plan report: diagram", () => {
  let plan: GeneratedPlan;
  let model: DiagramModel;
  before(async function () {
    this.timeout(30_000);
    plan = await planGeneratedStack(3, { domain: true });
    model = diagramModel(plan);
  });

  it("draws one node per region and component kind, global kinds outside the regions", () => {
    assert.deepEqual(
      model.global.map((node) => node.id),
      ["global_dns", "global_waf", "global_cdn", "global_globalDatabase", "global_globalDatastore"],
    );
    assert.deepEqual(
      model.regions.map((region) => [region.name, region.primary, region.nodes.map((node) => node.kind)]),
      [
        ["us-east-1", true, REGION_KINDS],
        ["us-east-2", false, REGION_KINDS],
        ["us-west-1", false, REGION_KINDS],
      ],
    );
    // the primary region's database node aggregates the cluster and its instances
    const database = model.regions[0].nodes.find((node) => node.kind === "database")!;
    assert.deepEqual(
      database.resources.map((r) => r.type),
      ["aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/clusterInstance:ClusterInstance"],
    );
    // a secret replica region has a secret box but no secret resource
    assert.equal(model.regions[1].nodes.find((node) => node.kind === "secret")!.resources.length, 0);
    // Route 53: the alias records and the health checks, in one global box
    const dns = model.global[0].resources;
    assert.deepEqual(
      [
        dns.filter((r) => r.type === "aws:route53/record:Record").length,
        dns.filter((r) => r.type === "aws:route53/healthCheck:HealthCheck").length,
        dns.length,
      ],
      [8, 3, 11],
    );
  });

  it("derives traffic, replication and failover edges from the recorded graph", () => {
    const regional = (region: string) => {
      const r = region.replace(/-/g, "_");
      return [
        `${r}_loadBalancer -traffic-> ${r}_web`,
        `${r}_web -traffic-> ${r}_cache`,
        `${r}_web -traffic-> ${r}_database`,
        `${r}_web -traffic-> ${r}_queue`,
        `${r}_queue -traffic-> ${r}_worker`,
        `${r}_worker -traffic-> ${r}_cache`,
        `${r}_worker -traffic-> ${r}_database`,
        // the tiers reach the database through the region's proxy too (staging pools connections)
        `${r}_web -traffic-> ${r}_proxy`,
        `${r}_worker -traffic-> ${r}_proxy`,
        `${r}_proxy -traffic-> ${r}_database [pooled]`,
        `global_cdn -traffic-> ${r}_loadBalancer`,
        // the API name's latency record (it replaces the origin name's unlabelled alias arrow)
        `global_dns -traffic-> ${r}_loadBalancer [latency]`,
      ];
    };
    assert.deepEqual(
      edgeSet(model),
      [
        ...regional("us-east-1"),
        ...regional("us-east-2"),
        ...regional("us-west-1"),
        // CloudFront's real traffic: the static bucket (its replica only on failover), and each
        // region's viewers failing over to their next nearest region (us-east-2 sits between the two others)
        "global_cdn -traffic-> us_east_1_bucket",
        "us_east_1_bucket -failover-> us_east_2_bucket [failover]",
        "us_east_1_loadBalancer -failover-> us_east_2_loadBalancer [failover]",
        "us_east_2_loadBalancer -failover-> us_east_1_loadBalancer [failover]",
        "us_east_2_loadBalancer -failover-> us_west_1_loadBalancer [failover]",
        "us_west_1_loadBalancer -failover-> us_east_2_loadBalancer [failover]",
        "global_waf -protects-> global_cdn [protects]",
        "global_dns -traffic-> global_cdn",
        "us_east_1_database -replication-> global_globalDatabase [writer]",
        "global_globalDatabase -replication-> us_east_2_database [replica]",
        "global_globalDatabase -replication-> us_west_1_database [replica]",
        "us_east_1_cache -replication-> global_globalDatastore [primary]",
        "global_globalDatastore -replication-> us_east_2_cache [replica]",
        "global_globalDatastore -replication-> us_west_1_cache [replica]",
        "us_east_1_key -replication-> us_east_2_key [replica]",
        "us_east_1_key -replication-> us_west_1_key [replica]",
        "us_east_1_secret -replication-> us_east_2_secret [replica]",
        "us_east_1_secret -replication-> us_west_1_secret [replica]",
        "us_east_1_bucket -replication-> us_east_2_bucket [replication]",
        // each region's backups are copied to the next region's vault
        "us_east_1_backup -replication-> us_east_2_backup [copy]",
        "us_east_2_backup -replication-> us_west_1_backup [copy]",
        "us_west_1_backup -replication-> us_east_1_backup [copy]",
      ].sort(),
    );
  });

  it("checks a security-group rule's port against the data store: the shared data group alone does not draw an arrow", () => {
    // The data group is shared by the cache and the database. Without the worker's cache rule, only
    // its database rule (5432) is left, and it does not make the worker reach the cache (6379).
    const withoutWorkerCacheRule = { ...plan, resources: plan.resources.filter((r) => r.name !== "us-east-2-data-in-worker-cache") };
    assert.equal(withoutWorkerCacheRule.resources.length, plan.resources.length - 1);
    const edges = edgeSet(diagramModel(withoutWorkerCacheRule));
    assert.ok(!edges.includes("us_east_2_worker -traffic-> us_east_2_cache"), edges.join("\n"));
    assert.ok(edges.includes("us_east_2_worker -traffic-> us_east_2_database"), edges.join("\n"));
    assert.ok(edges.includes("us_east_1_worker -traffic-> us_east_1_cache"), edges.join("\n"));
    assert.equal(edges.length, edgeSet(model).length - 1);
  });

  it("finds the Aurora writer from the dependencies, not from the stack's primary region", () => {
    // Same plan, but the recorded primary region says us-east-2: the writer is still the cluster the others wait on.
    const relabelled = diagramModel({ ...plan, primaryRegion: "us-east-2" });
    assert.ok(edgeSet(relabelled).includes("us_east_1_database -replication-> global_globalDatabase [writer]"));
    assert.ok(edgeSet(relabelled).includes("global_globalDatabase -replication-> us_east_2_database [replica]"));
    assert.equal(relabelled.regions.find((region) => region.primary)!.name, "us-east-2");
  });

  it("renders regions as subgraphs with labelled nodes and dotted replication links", () => {
    const text = renderMermaid(model);
    const lines = text.split("\n");
    assert.equal(lines[0], "flowchart TB");
    assert.deepEqual(
      lines.filter((line) => line.trim().startsWith("subgraph")).map((line) => line.trim()),
      [
        'subgraph global["Global"]',
        'subgraph region_us_east_1["us-east-1 (primary)"]',
        'subgraph region_us_east_2["us-east-2"]',
        'subgraph region_us_west_1["us-west-1"]',
      ],
    );
    assert.equal(lines.filter((line) => line.trim() === "end").length, 4);
    assert.ok(lines.includes('    global_dns(["Route 53<br/>8 alias records, 3 health checks"])'), text);
    assert.ok(lines.includes('    us_east_1_database[("Database<br/>aurora-postgresql: 1 cluster, 2 instances")]'), text);
    assert.ok(lines.includes('    us_east_2_database[("Database<br/>aurora-postgresql: 1 cluster, 1 instance")]'), text);
    assert.ok(lines.includes('    us_east_1_cache[("Cache<br/>valkey cache.m7g.large 2 nodes")]'), text);
    assert.ok(lines.includes('    us_east_1_queue[["SQS queues<br/>1 + 1 DLQ"]]'), text);
    assert.ok(lines.includes('    us_east_1_web["Web tier<br/>1 auto scaling group, 2–4 instances"]'), text);
    assert.ok(lines.includes('    us_east_2_secret(["Secrets Manager<br/>replica"])'), text);
    assert.ok(lines.includes("  us_east_1_loadBalancer -.->|failover| us_east_2_loadBalancer"), text);
    assert.ok(lines.includes("  global_globalDatabase -.->|replica| us_east_2_database"), text);
    assert.ok(lines.includes("  us_east_1_web --> us_east_1_queue"), text);
  });

  it("draws a plan with nothing to draw as one note, still valid Mermaid", async () => {
    const text = renderMermaid(diagramModel({ resources: [], regions: [], primaryRegion: "us-east-1" }));
    assert.equal(text, 'flowchart TB\n  empty["no drawn resources"]');
    assert.equal((await parseMermaid(text)).diagramType, "flowchart-v2");
  });

  it("escapes quotes in labels", () => {
    assert.equal(escapeLabel('a "b"\nc'), "a #quot;b#quot; c");
  });

  it("keeps six regions to one node per kind each", async function () {
    this.timeout(30_000);
    // six regions: a Global Datastore spans at most three, so each region has its own cache
    const six = diagramModel(await planGeneratedStack(6, { domain: true }));
    assert.equal(six.regions.length, 6);
    assert.ok(six.regions.every((region) => region.nodes.length === REGION_KINDS.length));
    assert.deepEqual(
      six.global.map((node) => node.id),
      ["global_dns", "global_waf", "global_cdn", "global_globalDatabase"],
    );
    // global database: 1 writer + 5 replicas; keys and secrets: 5 replicas each; the static bucket: 1 replica; 6 backup copies
    assert.equal(six.edges.filter((edge) => edge.style === "replication").length, 6 + 5 + 5 + 1 + 6);
    assert.equal(six.edges.length, 83 + 6 + 6 * 3, "six backup copies; three proxy arrows per region: web and worker to the proxy, the proxy to the database");
  });

  it("is valid Mermaid for 1, 3 and 6 regions (Mermaid's own parser), and the parser rejects broken text", async function () {
    this.timeout(30_000);
    for (const count of [1, 3, 6]) {
      const result = await parseMermaid(renderMermaid(diagramModel(await planGeneratedStack(count, { domain: true }))));
      assert.equal(result.diagramType, "flowchart-v2");
    }
    await assert.rejects(parseMermaid('flowchart TB\n  a["x"] --> (b'), /Parse error/);
  });
});

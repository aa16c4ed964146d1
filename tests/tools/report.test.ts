import * as assert from "node:assert/strict";
import { diffPlans } from "../../tools/plan/diff/planDiff";
import type { PlanFile, PlannedResource } from "../../tools/plan/planFile";
import { planStack } from "../../tools/plan/planStack";
import { diagramModel, type DiagramModel } from "../../tools/plan/report/diagramModel";
import { escapeLabel, renderMermaid } from "../../tools/plan/report/mermaid";
import { parseMermaid } from "../../tools/plan/report/mermaidParser";
import { planReport } from "../../tools/plan/report/planReport";
import { syntheticPlan } from "../../tools/plan/report/syntheticPlan";

const SIX = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1", "ap-northeast-1"];

/** Edges as `from -> to [label]` strings, sorted, for exact comparison. */
function edgeSet(model: DiagramModel): string[] {
  return model.edges.map((edge) => `${edge.from} -${edge.style}-> ${edge.to}${edge.label ? ` [${edge.label}]` : ""}`).sort();
}

describe("plan report: diagram", () => {
  const plan = syntheticPlan();
  const model = diagramModel(plan);

  it("draws one node per region and component kind, global kinds outside the regions", () => {
    assert.deepEqual(
      model.global.map((node) => node.id),
      ["global_dns", "global_waf", "global_cdn", "global_globalDatabase", "global_globalDatastore"],
    );
    assert.deepEqual(
      model.regions.map((region) => [region.name, region.primary, region.nodes.map((node) => node.kind)]),
      [
        ["us-east-1", true, ["loadBalancer", "web", "queue", "worker", "cache", "database", "bucket", "secret", "key"]],
        ["eu-west-1", false, ["loadBalancer", "web", "queue", "worker", "cache", "database", "bucket", "secret", "key"]],
        ["ap-southeast-2", false, ["loadBalancer", "web", "queue", "worker", "cache", "database", "bucket", "secret", "key"]],
      ],
    );
    // the primary region's database node aggregates the cluster and its instance
    const database = model.regions[0]!.nodes.find((node) => node.kind === "database")!;
    assert.deepEqual(database.resources.map((r) => r.type), ["aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance"]);
    // a secret replica region has a secret box but no secret resource
    assert.equal(model.regions[1]!.nodes.find((node) => node.kind === "secret")!.resources.length, 0);
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
        // the worker's rule opens 5432 only: the shared data group does not make it reach the cache
        `${r}_worker -traffic-> ${r}_database`,
        `global_cdn -traffic-> ${r}_loadBalancer`,
        // the origin name's alias record
        `global_dns -traffic-> ${r}_loadBalancer`,
      ];
    };
    assert.deepEqual(
      edgeSet(model),
      [
        ...regional("us-east-1"),
        ...regional("eu-west-1"),
        ...regional("ap-southeast-2"),
        "us_east_1_loadBalancer -failover-> eu_west_1_loadBalancer [failover]",
        "global_waf -protects-> global_cdn [protects]",
        "global_dns -traffic-> global_cdn",
        "us_east_1_database -replication-> global_globalDatabase [writer]",
        "global_globalDatabase -replication-> eu_west_1_database [replica]",
        "global_globalDatabase -replication-> ap_southeast_2_database [replica]",
        "us_east_1_cache -replication-> global_globalDatastore [primary]",
        "global_globalDatastore -replication-> eu_west_1_cache [replica]",
        "global_globalDatastore -replication-> ap_southeast_2_cache [replica]",
        "us_east_1_key -replication-> eu_west_1_key [replica]",
        "us_east_1_key -replication-> ap_southeast_2_key [replica]",
        "us_east_1_secret -replication-> eu_west_1_secret [replica]",
        "us_east_1_secret -replication-> ap_southeast_2_secret [replica]",
        "us_east_1_bucket -replication-> eu_west_1_bucket [replication]",
        "us_east_1_bucket -replication-> ap_southeast_2_bucket [replication]",
      ].sort(),
    );
  });

  it("finds the Aurora writer from the dependencies, not from the stack's primary region", () => {
    // Same plan, but the recorded primary region says eu-west-1: the writer is still the cluster the others wait on.
    const relabelled = diagramModel({ ...plan, primaryRegion: "eu-west-1" });
    assert.ok(edgeSet(relabelled).includes("us_east_1_database -replication-> global_globalDatabase [writer]"));
    assert.equal(relabelled.regions.find((region) => region.primary)!.name, "eu-west-1");
  });

  it("renders regions as subgraphs with labelled nodes and dotted replication links", () => {
    const text = renderMermaid(model);
    const lines = text.split("\n");
    assert.equal(lines[0], "flowchart TB");
    assert.deepEqual(
      lines.filter((line) => line.trim().startsWith("subgraph")).map((line) => line.trim()),
      ['subgraph global["Global"]', 'subgraph region_us_east_1["us-east-1 (primary)"]', 'subgraph region_eu_west_1["eu-west-1"]', 'subgraph region_ap_southeast_2["ap-southeast-2"]'],
    );
    assert.equal(lines.filter((line) => line.trim() === "end").length, 4);
    assert.ok(lines.includes('    us_east_1_database[("Database<br/>aurora-postgresql: 1 cluster, 1 instance")]'), text);
    assert.ok(lines.includes('    us_east_1_cache[("Cache<br/>valkey cache.r7g.large 2 nodes")]'), text);
    assert.ok(lines.includes('    us_east_1_queue[["SQS queues<br/>1 + 1 DLQ"]]'), text);
    assert.ok(lines.includes('    us_east_1_web["Web tier<br/>1 auto scaling group, 2–6 instances"]'), text);
    assert.ok(lines.includes("  us_east_1_loadBalancer -.->|failover| eu_west_1_loadBalancer"), text);
    assert.ok(lines.includes("  global_globalDatabase -.->|replica| eu_west_1_database"), text);
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

  it("keeps six regions to one node per kind each", () => {
    const six = diagramModel(syntheticPlan({ regions: SIX }));
    assert.equal(six.regions.length, 6);
    assert.ok(six.regions.every((region) => region.nodes.length === 9));
    // global database and Global Datastore: 1 writer/primary + 5 replicas each; keys, secrets, buckets: 5 replicas each
    assert.equal(six.edges.filter((edge) => edge.style === "replication").length, 6 + 6 + 5 + 5 + 5);
  });

  it("is valid Mermaid for 1, 3 and 6 regions (Mermaid's own parser), and the parser rejects broken text", async function () {
    this.timeout(30_000);
    for (const regions of [SIX.slice(0, 1), SIX.slice(0, 3), SIX]) {
      const result = await parseMermaid(renderMermaid(diagramModel(syntheticPlan({ regions }))));
      assert.equal(result.diagramType, "flowchart-v2");
    }
    await assert.rejects(parseMermaid("flowchart TB\n  a[\"x\"] --> (b"), /Parse error/);
  });
});

describe("plan report: markdown", () => {
  const plan: PlanFile = {
    ...syntheticPlan(),
    policies: {
      violations: [
        { policy: "aws-rds-cluster-enable-deletion-protection", enforcementLevel: "mandatory", urn: "urn:pulumi:synthetic::blueprint::aws:rds/cluster:Cluster::us-east-1-db", message: "Deletion protection is off." },
        { policy: "aws-s3-bucket-enable-logging", enforcementLevel: "advisory", urn: null, message: "Access logging | is off." },
      ],
    },
  };
  const report = planReport(plan);

  it("opens with the diagram and the critical-path estimate", () => {
    const lines = report.split("\n");
    assert.equal(lines[0], "## Offline plan of stack `synthetic` (prod)");
    assert.equal(lines[4], "```mermaid");
    assert.equal(lines[5], "flowchart TB");
    const close = lines.indexOf("```", 5);
    assert.match(lines[close + 2]!, /^\*\*Estimated from-scratch `pulumi up`: \d+ min\*\* \(critical path\)\. Created one after another, the resources would take /);
    assert.equal(lines[close + 4], "| # | critical path | type | region | takes | done after |");
  });

  it("lists resources per region, policies by level and the outputs with secrets masked", () => {
    assert.match(report, /\n\| type \| us-east-1 \| eu-west-1 \| ap-southeast-2 \| global \| total \|\n/);
    assert.match(report, /\n\| `aws:rds\/cluster:Cluster` \| 1 \| 1 \| 1 \|  \| 3 \|\n/);
    assert.match(report, /\*\*1 mandatory, 1 advisory violation\(s\)\.\*\*/);
    assert.match(report, /<summary>Mandatory: these fail `pulumi preview` \(1\)<\/summary>\n\n\| policy \| resource \| message \|\n\| --- \| --- \| --- \|\n\| `aws-rds-cluster-enable-deletion-protection` \| `aws:rds\/cluster:Cluster::us-east-1-db` \| Deletion protection is off\. \|/);
    assert.match(report, /\| `aws-s3-bucket-enable-logging` \| stack \| Access logging \\\| is off\. \|/);
    assert.match(report, /\n\| `databasePassword` \| `"\[secret\]"` \|\n/);
    assert.doesNotMatch(report, /### Changes against/);
  });

  it("adds the diff against a base plan, with the data-loss table", () => {
    const renamed: PlannedResource[] = plan.resources.map((r) =>
      r.name === "eu-west-1-db" ? { ...r, urn: r.urn.replace("::eu-west-1-db", "::eu-west-1-database"), name: "eu-west-1-database" } : r,
    );
    const head = { ...plan, resources: renamed };
    const withDiff = planReport(head, { base: { diff: diffPlans(plan, head), baseLabel: "the base plan `base/synthetic.json`" } });
    assert.match(withDiff, /\n### Changes against the base plan `base\/synthetic\.json`\n\n\*\*1 added, 1 removed, 0 changed\.\*\*\n\n> \[!CAUTION\]\n> \*\*1 stateful resource\(s\) would be deleted or replaced\.\*\*\n/);
    assert.match(withDiff, /\| delete \| `eu-west-1-db` \| `aws:rds\/cluster:Cluster` \| eu-west-1 \| its URN is gone from the head plan/);
    const missing = planReport(plan, { base: { missing: "base/synthetic.json does not exist" } });
    assert.match(missing, /No base plan of this stack \(base\/synthetic\.json does not exist\): every resource is new\./);
  });

  it("draws the real prod stack's tiers, queues, data tier and edge from its recorded graph, as valid Mermaid", async function () {
    this.timeout(30_000);
    const prod = await planStack("prod");
    const model = diagramModel(prod);
    const edges = edgeSet(model);
    for (const region of prod.regions) {
      const r = region.replace(/-/g, "_");
      assert.ok(edges.includes(`${r}_loadBalancer -traffic-> ${r}_web`), edges.join("\n"));
      assert.ok(edges.includes(`${r}_web -traffic-> ${r}_queue`), edges.join("\n"));
      assert.ok(edges.includes(`${r}_queue -traffic-> ${r}_worker`), edges.join("\n"));
    }
    // prod's global data tier and edge (DESIGN.md: global database, Global Datastore, CloudFront with origin failover)
    const primary = prod.primaryRegion.replace(/-/g, "_");
    assert.ok(edges.includes(`${primary}_database -replication-> global_globalDatabase [writer]`), edges.join("\n"));
    assert.ok(edges.includes(`${primary}_cache -replication-> global_globalDatastore [primary]`), edges.join("\n"));
    for (const region of prod.regions.filter((name) => name !== prod.primaryRegion)) {
      const r = region.replace(/-/g, "_");
      assert.ok(edges.includes(`global_globalDatabase -replication-> ${r}_database [replica]`), edges.join("\n"));
      assert.ok(edges.includes(`${primary}_key -replication-> ${r}_key [replica]`), edges.join("\n"));
      assert.ok(edges.includes(`${primary}_secret -replication-> ${r}_secret [replica]`), edges.join("\n"));
    }
    for (const region of prod.regions) assert.ok(edges.includes(`global_cdn -traffic-> ${region.replace(/-/g, "_")}_loadBalancer`), edges.join("\n"));
    assert.ok(edges.some((edge) => edge.startsWith(`${primary}_loadBalancer -failover-> `)), edges.join("\n"));
    assert.deepEqual(model.regions.map((region) => region.name), prod.regions);
    assert.equal((await parseMermaid(renderMermaid(model))).diagramType, "flowchart-v2");
  });
});

import * as assert from "node:assert/strict";
import { diffPlans } from "../../../../tools/plan/diff/planDiff";
import type { PlanFile, PlannedResource } from "../../../../tools/plan/planFile";
import { shippedPlan } from "../../../support/shippedPlans";
import { diagramModel, type DiagramModel } from "../../../../tools/plan/report/diagramModel";
import { renderMermaid } from "../../../../tools/plan/report/mermaid";
import { parseMermaid } from "../../../../tools/plan/report/mermaidParser";
import { planReport } from "../../../../tools/plan/report/planReport";
import { planGeneratedStack } from "../../../support/generatedPlans";

/** Edges as `from -> to [label]` strings, sorted, for exact comparison. */
function edgeSet(model: DiagramModel): string[] {
  return model.edges.map((edge) => `${edge.from} -${edge.style}-> ${edge.to}${edge.label ? ` [${edge.label}]` : ""}`).sort();
}

describe("plan report: markdown", () => {
  const CLUSTER_URN = "urn:pulumi:regions-3::blueprint::blueprint:database:RegionalDatabase$aws:rds/cluster:Cluster::us-east-1";
  let plan: PlanFile;
  let report: string;
  before(async function () {
    this.timeout(30_000);
    const recorded = await planGeneratedStack(3, { domain: true });
    plan = {
      ...recorded,
      // the plan records a secret output as the placeholder; the report must print it as is
      outputs: { ...recorded.outputs, databasePassword: "[secret]" },
      policies: {
        violations: [
          { policy: "aws-rds-cluster-enable-deletion-protection", enforcementLevel: "mandatory", urn: CLUSTER_URN, message: "Deletion protection is off." },
          { policy: "aws-s3-bucket-enable-logging", enforcementLevel: "advisory", urn: null, message: "Access logging | is off." },
        ],
      },
    };
    report = planReport(plan);
  });

  it("opens with the overview, the regional stamp and the critical-path estimate", () => {
    const lines = report.split("\n");
    assert.equal(lines[0], "## Offline plan of stack `regions-3` (staging)");
    assert.equal(lines[4], "```mermaid");
    assert.equal(lines[5], "flowchart LR");
    const stampOpen = lines.indexOf("```mermaid", 6);
    assert.equal(lines[stampOpen - 2], "**Regional stamp** (us-east-1; every region deploys the same one, with its own sizes above):");
    assert.equal(lines[stampOpen + 1], "flowchart TB");
    const close = lines.indexOf("```", stampOpen + 1);
    assert.match(
      lines[close + 2],
      /^\*\*Estimated from-scratch `pulumi up`: 45 min\*\* \(critical path\)\. Created one after another, the resources would take /,
    );
    assert.equal(lines[close + 4], "| # | critical path | type | region | takes | done after |");
  });

  it("lists resources per region, policies by level and the outputs with secrets masked", () => {
    assert.ok(plan.resources.some((r) => r.urn === CLUSTER_URN));
    assert.match(report, /\n\| type \| us-east-1 \| us-east-2 \| us-west-1 \| global \| total \|\n/);
    assert.match(report, /\n\| `aws:rds\/cluster:Cluster` \| 1 \| 1 \| 1 \| {2}\| 3 \|\n/);
    assert.match(report, /\*\*1 mandatory, 1 advisory violation\(s\)\.\*\*/);
    assert.match(
      report,
      /<summary>Mandatory: these fail `pulumi preview`: 1 in 1 policy<\/summary>\n\n\| policy \| count \| first resource \| first message \|\n\| --- \| ---: \| --- \| --- \|\n\| `aws-rds-cluster-enable-deletion-protection` \| 1 \| `aws:rds\/cluster:Cluster::us-east-1` \| Deletion protection is off\. \|/,
    );
    assert.match(report, /\| `aws-s3-bucket-enable-logging` \| 1 \| stack \| Access logging \\\| is off\. \|/);
    assert.match(report, /\n\| `databasePassword` \| `"\[secret\]"` \| {2}\|\n/);
    assert.doesNotMatch(report, /### Changes against/);
  });

  it("adds the diff against a base plan, with the data-loss table", () => {
    const renamed: PlannedResource[] = plan.resources.map((r) =>
      r.urn === CLUSTER_URN.replace("::us-east-1", "::us-east-2")
        ? { ...r, urn: r.urn.replace("::us-east-2", "::us-east-2-database"), name: "us-east-2-database" }
        : r,
    );
    const head = { ...plan, resources: renamed };
    const withDiff = planReport(head, { base: { diff: diffPlans(plan, head), baseLabel: "the base plan `base/regions-3.json`" } });
    assert.match(
      withDiff,
      /\n### Changes against the base plan `base\/regions-3\.json`\n\n\*\*1 added, 1 removed, 0 changed\.\*\*\n\n> \[!CAUTION\]\n> \*\*1 stateful resource\(s\) would be deleted or replaced\.\*\*\n/,
    );
    assert.match(withDiff, /\| delete \| `us-east-2` \| `aws:rds\/cluster:Cluster` \| us-east-2 \| its URN is gone from the head plan/);
    const missing = planReport(plan, { base: { missing: "base/regions-3.json does not exist" } });
    assert.match(missing, /No base plan of this stack \(base\/regions-3\.json does not exist\): every resource is new\./);
  });

  it("draws the real prod stack's tiers, queues, data tier and edge from its recorded graph, as valid Mermaid", async function () {
    this.timeout(30_000);
    const prod = await shippedPlan("prod");
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
    assert.ok(
      edges.some((edge) => edge.startsWith(`${primary}_loadBalancer -failover-> `)),
      edges.join("\n"),
    );
    assert.deepEqual(
      model.regions.map((region) => region.name),
      prod.regions,
    );
    assert.equal((await parseMermaid(renderMermaid(model))).diagramType, "flowchart-v2");
  });
});

import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  assembleComment,
  COMMENT_BUDGET,
  COMMENT_MARKER,
  GITHUB_COMMENT_LIMIT,
  reportDiagrams,
  reportSummary,
  stackSection,
  type StackInput,
} from "../../../../tools/plan/comment/assemble";
import { costDeltaLine } from "../../../../tools/plan/cost/costSection";
import { planCost } from "../../../../tools/plan/cost/planCost";
import { formatDiffMarkdown } from "../../../../tools/plan/diff/formatDiff";
import { diffPlans } from "../../../../tools/plan/diff/planDiff";
import type { PlanFile } from "../../../../tools/plan/planFile";
import { planReport } from "../../../../tools/plan/report/planReport";
import { planGeneratedStack } from "../../../support/generatedPlans";

describe("pull-request comment assembly", () => {
  let six: StackInput;
  before(async function () {
    this.timeout(60_000);
    // one 6-region plan, reused for every stack: the comment's size depends on the reports, not on the stack names
    const recorded = await planGeneratedStack(6);
    const plan: PlanFile = { ...recorded, policies: { violations: [] } };
    // a base without the last region: a large diff (hundreds of added resources)
    const base: PlanFile = { ...plan, regions: plan.regions.slice(0, 5), resources: plan.resources.filter((r) => r.region !== plan.regions[5]) };
    const diff = diffPlans(base, plan);
    six = {
      stack: "regions-6",
      status: "no stateful resource deleted or replaced",
      report: planReport(plan, { base: { diff, baseLabel: "the base plan", basePlan: base } }),
      diff: formatDiffMarkdown(diff, "the base plan").join("\n"),
      costDelta: costDeltaLine(planCost(plan), planCost(base)),
    };
  });

  it("keeps six stacks of six regions under GitHub's limit, each with its summary, cost delta and findings", () => {
    const stacks = ["a", "b", "c", "d", "e", "f"].map((name) => ({ ...six, stack: `regions-6-${name}` }));
    const body = assembleComment({ planStatus: "every stack planned", stacks, runUrl: "https://github.com/o/r/actions/runs/42" });
    assert.ok(body.length <= COMMENT_BUDGET && COMMENT_BUDGET < GITHUB_COMMENT_LIMIT, `${body.length} characters`);
    assert.ok(body.startsWith(`${COMMENT_MARKER}\n## Offline plan: every stack planned`));
    const summary = reportSummary(six.report ?? "") ?? "";
    assert.match(summary, /resources in 6 region\(s\)/);
    for (const [index, stack] of stacks.entries()) {
      const next = stacks[index + 1];
      const section = body.slice(body.indexOf(`### \`${stack.stack}\``), next ? body.indexOf(`### \`${next.stack}\``) : undefined);
      assert.ok(section.includes(summary), stack.stack);
      assert.ok(section.includes(six.costDelta ?? "-"), stack.stack);
      assert.ok(section.includes("No stateful resource would be deleted or replaced."), stack.stack);
      // the overview (one box per region and the edge) and the regional stamp, open
      assert.ok(section.includes(reportDiagrams(six.report ?? "") ?? "-"), stack.stack);
    }
    assert.equal(body.split("```mermaid").length - 1, 12);
    assert.match(body, /_Left out for the comment's size: .*the long tables \(full report\); the full report is in the `offline-plan` artefact\._/);
    assert.ok(
      body.endsWith(
        "Full reports (plan/<stack>.md), plan files and diffs: the [`offline-plan` artefact of the run](https://github.com/o/r/actions/runs/42).\n",
      ),
    );
  });

  it("keeps the whole report of one stack when it fits, drawing each diagram once", () => {
    const section = stackSection(six, 1_000_000);
    assert.ok(!section.includes("Left out"));
    assert.equal(section.split("```mermaid").length - 1, 2);
    assert.ok(section.includes("_(the diagrams are above)_"));
    // the cost line with the delta among the essentials, not again in the cost table or the full report
    assert.equal(section.split(six.costDelta ?? "-").length - 1, 1);
    assert.ok(section.includes("<details><summary>Full report of regions-6: critical path, sections, resources, outputs</summary>"));
  });

  it("finds the overview and the regional stamp, with the caption between, and nothing after them", () => {
    const diagrams = reportDiagrams(six.report ?? "") ?? "";
    assert.ok(diagrams.startsWith("```mermaid\nflowchart LR\n  subgraph global"));
    assert.match(diagrams, /\n```\n\n\*\*Regional stamp\*\* \(.*\):\n\n```mermaid\nflowchart TB\n/);
    assert.ok(diagrams.endsWith("\n```"));
    assert.equal(diagrams.split("```mermaid").length - 1, 2);
    assert.equal(reportDiagrams("## Offline plan\n\nno diagram\n\n### Cost\n"), undefined);
  });

  it("property: 1 to 6 stacks under any budget from 20,000 characters keep every summary under the budget", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 20_000, max: COMMENT_BUDGET }), (count, budget) => {
        const stacks = Array.from({ length: count }, (_, i) => ({ ...six, stack: `s${i}` }));
        const body = assembleComment({ planStatus: "planned", stacks, budget });
        return body.length <= budget && stacks.every((stack) => body.includes(`### \`${stack.stack}\`: `));
      }),
      { numRuns: 40 },
    );
  });
});

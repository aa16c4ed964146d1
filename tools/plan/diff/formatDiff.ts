/**
 * The plan diff as terminal text (what `npm run plan -- diff` prints) and as Markdown (the
 * `--markdown` file and the diff section of plan/<stack>.md).
 */
import { code, table } from "../report/markdown";
import type { PlanRegression } from "../../../components/lib/plan/facts";
import type { DataLossFinding, PlanDiff, ResourceChange } from "./planDiff";
import { changeWindows } from "./valueWindow";

/** Width of a changed value in the terminal text and in a Markdown cell. */
const TEXT_WIDTH = 120;
const MARKDOWN_WIDTH = 80;

/** Changed inputs listed per resource before the rest is counted. */
const MAX_INPUTS_PER_RESOURCE = 20;

const where = (resource: { region: string | null }) => resource.region ?? "global";

/** One data-loss line, naming the resource and the reason. */
export function dataLossLine(finding: DataLossFinding): string {
  const verb = finding.action === "delete" ? "would be deleted" : "would be replaced";
  return `${finding.label} ${finding.name} (${finding.type}, ${where(finding)}) ${verb}: ${finding.reason}${finding.protected ? " [protected: pulumi up refuses until it is unprotected]" : ""}`;
}

/** One resilience-regression line: the domain and every way it got worse. */
export function regressionLine(regression: PlanRegression): string {
  return `${regression.label}: ${regression.reasons.join("; ")}`;
}

/** The terminal text of a diff. */
export function formatDiffText(diff: PlanDiff, basePath: string, headPath: string): string {
  const lines = [
    `Diff of stack ${diff.headStack}: ${basePath} -> ${headPath}`,
    `  ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
  ];
  for (const resource of diff.added) lines.push(`  + ${resource.type} ${resource.name} (${where(resource)})`);
  for (const resource of diff.removed) lines.push(`  - ${resource.type} ${resource.name} (${where(resource)})`);
  for (const resource of diff.changed) {
    lines.push(`  ~ ${resource.type} ${resource.name} (${where(resource)})`);
    for (const input of resource.inputs.slice(0, MAX_INPUTS_PER_RESOURCE)) {
      const [before, after] = changeWindows(input.before, input.after, TEXT_WIDTH);
      lines.push(`      ${input.path}: ${before} -> ${after}`);
    }
    if (resource.inputs.length > MAX_INPUTS_PER_RESOURCE) lines.push(`      ... and ${resource.inputs.length - MAX_INPUTS_PER_RESOURCE} more`);
  }
  if (diff.dataLoss.length === 0) {
    lines.push("  no stateful resource would be deleted or replaced");
  } else {
    lines.push(`  DATA LOSS: ${diff.dataLoss.length} stateful resource(s) would be deleted or replaced:`);
    for (const finding of diff.dataLoss) lines.push(`    ${dataLossLine(finding)}`);
  }
  if (diff.resilienceRegressions.length === 0) {
    lines.push("  no failure domain gets worse");
  } else {
    lines.push(`  RESILIENCE REGRESSION: ${diff.resilienceRegressions.length} failure domain(s) get worse:`);
    for (const regression of diff.resilienceRegressions) lines.push(`    ${regressionLine(regression)}`);
  }
  return lines.join("\n");
}

function resourceRows(resources: readonly ResourceChange[]): string[][] {
  return resources.map((resource) => [code(resource.name), code(resource.type), where(resource)]);
}

/** The Markdown section of a diff (starts with a level-3 heading). */
export function formatDiffMarkdown(diff: PlanDiff, baseLabel: string): string[] {
  const lines = [`### Changes against ${baseLabel}`, ""];
  lines.push(`**${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed.**`, "");
  if (diff.dataLoss.length > 0) {
    lines.push("> [!CAUTION]", `> **${diff.dataLoss.length} stateful resource(s) would be deleted or replaced.**`, "");
    lines.push(
      ...table(
        ["action", "resource", "type", "region", "why", "loses"],
        diff.dataLoss.map((finding) => [
          finding.action + (finding.protected ? " (protected)" : ""),
          code(finding.name),
          code(finding.type),
          where(finding),
          finding.reason,
          finding.loses,
        ]),
      ),
      "",
    );
  } else {
    lines.push("No stateful resource would be deleted or replaced.", "");
  }
  if (diff.resilienceRegressions.length > 0) {
    lines.push("> [!WARNING]", `> **${diff.resilienceRegressions.length} failure domain(s) get worse (resilience regression).**`, "");
    lines.push(
      ...table(
        ["failure domain", "what gets worse"],
        diff.resilienceRegressions.map((regression) => [regression.label, regression.reasons.join("; ")]),
      ),
      "",
    );
  } else {
    lines.push("No failure domain gets worse.", "");
  }
  const details = (title: string, body: string[]) => ["<details>", `<summary>${title}</summary>`, "", ...body, "", "</details>", ""];
  if (diff.added.length > 0) lines.push(...details(`Added (${diff.added.length})`, table(["resource", "type", "region"], resourceRows(diff.added))));
  if (diff.removed.length > 0) lines.push(...details(`Removed (${diff.removed.length})`, table(["resource", "type", "region"], resourceRows(diff.removed))));
  if (diff.changed.length > 0) {
    const rows = diff.changed.flatMap((resource) => {
      const shown = resource.inputs.slice(0, MAX_INPUTS_PER_RESOURCE).map((input) => {
        const [before, after] = changeWindows(input.before, input.after, MARKDOWN_WIDTH);
        return [code(resource.name), code(input.path), code(before), code(after)];
      });
      const more = resource.inputs.length - shown.length;
      return more > 0 ? [...shown, [code(resource.name), `… ${more} more`, "", ""]] : shown.length > 0 ? shown : [[code(resource.name), "(URN only)", "", ""]];
    });
    lines.push(...details(`Changed (${diff.changed.length})`, table(["resource", "input", "before", "after"], rows)));
  }
  return lines.map((line) => line.replace(/\s+$/, ""));
}

/**
 * `plan/<stack>.md`: the plan as a pull-request comment. It opens with the architecture diagram
 * (Mermaid, drawn from the recorded graph) and the deploy critical-path estimate, then the diff
 * against a base plan when one is given, resources per region and type, policy results by
 * enforcement level and the stack outputs (secrets stay `[secret]`, as in the plan file).
 */
import { formatDiffMarkdown } from "../diff/formatDiff";
import type { PlanDiff } from "../diff/planDiff";
import type { PlanFile, PlannedViolation } from "../planFile";
import { countByRegionAndType, declaredResourceCount } from "../summary";
import { criticalPath, formatDuration, type CriticalPath } from "./criticalPath";
import { diagramModel } from "./diagramModel";
import { code, shortJson, table } from "./markdown";
import { ACCOUNT_PLACEHOLDER, maskAccount, mockedValueTest } from "./mocked";
import { renderOverview, renderStamp } from "./overview";
import { planGraph } from "../../../components/lib/plan/planGraph";
import { FACTS } from "../facts";
import { costSection } from "../cost/costSection";
import { planCost } from "../cost/planCost";

/** The base-plan part of a report. */
export type BaseComparison =
  | { readonly diff: PlanDiff; readonly baseLabel: string; /** The base plan, for the cost delta. @default no delta */ readonly basePlan?: PlanFile }
  /** A base was asked for but has no plan of this stack (a new stack). */
  | { readonly missing: string };

/** Options of `planReport`. */
export interface PlanReportOptions {
  /** The diff against the base plan. @default no diff section */
  readonly base?: BaseComparison;
}

/** The estimate paragraph and the chain that sets it. */
export function criticalPathSection(estimate: CriticalPath): string[] {
  const lines = [
    `**Estimated from-scratch \`pulumi up\`: ${formatDuration(estimate.totalSeconds)}** (critical path). ` +
      `Created one after another, the resources would take ${formatDuration(estimate.serialSeconds)}; ` +
      `parallel creation saves ${formatDuration(estimate.savedSeconds)}. ` +
      "Creation times are estimates per resource type (see docs/plan-engine.md); regions deploy in parallel.",
    "",
  ];
  if (estimate.steps.length > 0) {
    lines.push(
      ...table(
        ["#", "critical path", "type", "region", "takes", "done after"],
        estimate.steps.map((step, index) => [
          String(index + 1),
          code(step.name),
          code(step.type),
          step.region ?? "global",
          formatDuration(step.seconds),
          formatDuration(step.finishSeconds),
        ]),
        ["r", "l", "l", "l", "r", "r"],
      ),
    );
  }
  return lines;
}

function resourcesSection(plan: PlanFile): string[] {
  const counts = countByRegionAndType(plan);
  // The stack's regions in stack order, then any other region, then global.
  const regions = [...counts.keys()].sort((a, b) => rank(plan, a) - rank(plan, b));
  const types = [...new Set([...counts.values()].flatMap((perType) => [...perType.keys()]))].sort();
  const rows = types.map((type) => {
    const perRegion = regions.map((region) => counts.get(region)?.get(type) ?? 0);
    return [code(type), ...perRegion.map((n) => (n === 0 ? "" : String(n))), String(perRegion.reduce((a, b) => a + b, 0))];
  });
  const totals = regions.map((region) => [...(counts.get(region)?.values() ?? [])].reduce((a, b) => a + b, 0));
  rows.push(["**total**", ...totals.map((n) => `**${n}**`), `**${totals.reduce((a, b) => a + b, 0)}**`]);
  return [
    "### Resources per region and type",
    "",
    "<details>",
    `<summary>${types.length} types in ${regions.length} location(s)</summary>`,
    "",
    ...table(["type", ...regions, "total"], rows, ["l", ...regions.map(() => "r" as const), "r"]),
    "",
    "</details>",
  ];
}

function rank(plan: PlanFile, location: string): number {
  const index = plan.regions.indexOf(location);
  return location === "global" ? Number.MAX_SAFE_INTEGER : index >= 0 ? index : plan.regions.length;
}

/** The `type::name` end of a URN. */
function shortUrn(urn: string): string {
  const parts = urn.split("::");
  return `${parts[parts.length - 2]?.split("$").pop() ?? ""}::${parts[parts.length - 1]}`;
}

/** Violations grouped by policy, most frequent first: one row per policy with its count and first message. */
export function violationsByPolicy(list: readonly PlannedViolation[]): Array<{ policy: string; count: number; first: PlannedViolation }> {
  const groups = new Map<string, PlannedViolation[]>();
  for (const v of list) groups.set(v.policy, [...(groups.get(v.policy) ?? []), v]);
  return [...groups.entries()]
    .map(([policy, items]) => ({ policy, count: items.length, first: items[0] }))
    .sort((a, b) => b.count - a.count || a.policy.localeCompare(b.policy));
}

function policiesSection(violations: readonly PlannedViolation[]): string[] {
  const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");
  const advisory = violations.filter((v) => v.enforcementLevel === "advisory");
  const lines = ["### Policies", "", `**${mandatory.length} mandatory, ${advisory.length} advisory violation(s).**`, ""];
  const group = (title: string, list: readonly PlannedViolation[], open: boolean) => {
    if (list.length === 0) return;
    const byPolicy = violationsByPolicy(list);
    lines.push(
      open ? "<details open>" : "<details>",
      `<summary>${title}: ${list.length} in ${byPolicy.length} polic${byPolicy.length === 1 ? "y" : "ies"}</summary>`,
      "",
      ...table(
        ["policy", "count", "first resource", "first message"],
        byPolicy.map(({ policy, count, first }) => [code(policy), String(count), first.urn ? code(shortUrn(first.urn)) : "stack", maskAccount(first.message)]),
        ["l", "r", "l", "l"],
      ),
      "",
      "</details>",
      "",
    );
  };
  group("Mandatory: these fail `pulumi preview`", mandatory, true);
  group("Advisory", advisory, false);
  return lines;
}

function outputsSection(plan: PlanFile): string[] {
  const mocked = mockedValueTest(plan);
  const rows = Object.entries(plan.outputs).map(([key, value]) => [code(key), code(maskAccount(shortJson(value, 160))), mocked(value) ? "mocked" : ""]);
  return [
    "### Stack outputs",
    "",
    ...(rows.length > 0
      ? [
          `Planned offline: IDs, ARNs and DNS names are mocks (account shown as \`${ACCOUNT_PLACEHOLDER}\`); the real values exist after \`pulumi up\`.`,
          "",
          ...table(["output", "value", "source"], rows),
        ]
      : ["(none)"]),
  ];
}

/** Every component's own section (e.g. the CDN's route matrix), in catalog order. */
function componentSections(plan: PlanFile): string[] {
  const context = { graph: planGraph(plan), regions: plan.regions, primaryRegion: plan.primaryRegion };
  return FACTS.components.flatMap((component) => {
    const lines = component.report?.(context) ?? [];
    return lines.length > 0 ? [...lines, ""] : [];
  });
}

/**
 * The overview (global edge and one box per region) and one regional stamp in detail: legible at
 * GitHub's comment width for 1 to 6 regions, where one diagram of every box was not.
 */
export function diagramSection(plan: PlanFile): string[] {
  const model = diagramModel(plan);
  const stamp = renderStamp(model);
  const stampRegion = model.regions.find((r) => r.primary && r.nodes.length > 0) ?? model.regions.find((r) => r.nodes.length > 0);
  return [
    "```mermaid",
    renderOverview(model),
    "```",
    "",
    ...(stamp !== undefined && stampRegion !== undefined
      ? [`**Regional stamp** (${stampRegion.name}; every region deploys the same one, with its own sizes above):`, "", "```mermaid", stamp, "```", ""]
      : []),
  ];
}

/** The whole report. */
export function planReport(plan: PlanFile, options: PlanReportOptions = {}): string {
  const declared = declaredResourceCount(plan);
  const mandatory = plan.policies.violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const regions = plan.regions.map((region) => (region === plan.primaryRegion ? `${region} (primary)` : region)).join(", ");
  const base = options.base;
  const lines = [
    `## Offline plan of stack \`${plan.stack}\` (${plan.environment})`,
    "",
    `${declared} resources in ${plan.regions.length} region(s): ${regions}. ` +
      `Policies: ${mandatory} mandatory, ${plan.policies.violations.length - mandatory} advisory violation(s).`,
    "",
    ...diagramSection(plan),
    ...criticalPathSection(criticalPath(plan)),
    "",
    ...costSection(planCost(plan), base === undefined ? {} : { base: "diff" in base && base.basePlan ? planCost(base.basePlan) : "none" }),
    "",
    ...componentSections(plan),
  ];
  if (base && "diff" in base) lines.push(...formatDiffMarkdown(base.diff, base.baseLabel), "");
  else if (base) lines.push("### Changes against the base plan", "", `No base plan of this stack (${base.missing}): every resource is new.`, "");
  lines.push(...resourcesSection(plan), "", ...policiesSection(plan.policies.violations), ...outputsSection(plan), "");
  return lines.join("\n");
}

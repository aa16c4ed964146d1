/**
 * What one `npm run plan` run did, for the closing total line and for `--json`: per stack its
 * status, resource count, violations by level, files, time and diff counts; totals over the run.
 * The JSON shape (`RunSummaryJson`, `version: 1`) is documented in docs/plan-engine.md.
 */
import type { PlanDiff } from "./diff/planDiff";
import type { PlanFile } from "./planFile";
import { formatSeconds } from "../lib/progress";
import { declaredResourceCount, mandatoryViolations } from "./summary";

/** One stack's result in the summary. */
export interface StackSummary {
  readonly stack: string;
  /** `planned` (the plan file was written) or `failed` (bad config, unknown stack, program error). */
  readonly status: "planned" | "failed";
  /** Set when planned. */
  readonly environment?: string;
  readonly regions?: readonly string[];
  /** Resources declared in AWS (as the report counts them). */
  readonly resources?: number;
  readonly violations?: { readonly mandatory: number; readonly advisory: number };
  readonly planFile?: string;
  readonly report?: string;
  /** Counts of the diff against `--base`, when a base plan was found. */
  readonly diff?: {
    readonly added: number;
    readonly removed: number;
    readonly changed: number;
    readonly dataLoss: number;
    readonly resilienceRegressions: number;
  };
  /** Why the stack failed, as printed on stderr. */
  readonly error?: string;
  readonly durationMs: number;
}

/** The `--json` document. */
export interface RunSummaryJson {
  readonly version: 1;
  /** The exit code the run ends with (see the exit-code table). */
  readonly exitCode: number;
  readonly durationMs: number;
  readonly totals: {
    readonly stacks: number;
    readonly planned: number;
    readonly failed: number;
    readonly resources: number;
    readonly mandatory: number;
    readonly advisory: number;
  };
  readonly stacks: readonly StackSummary[];
}

/** A stack summary of a written plan. */
export function plannedSummary(plan: PlanFile, files: { planFile: string; report: string }, durationMs: number, diff?: PlanDiff): StackSummary {
  const mandatory = mandatoryViolations(plan).length;
  return {
    stack: plan.stack,
    status: "planned",
    environment: plan.environment,
    regions: plan.regions,
    resources: declaredResourceCount(plan),
    violations: { mandatory, advisory: plan.policies.violations.length - mandatory },
    ...files,
    ...(diff
      ? {
          diff: {
            added: diff.added.length,
            removed: diff.removed.length,
            changed: diff.changed.length,
            dataLoss: diff.dataLoss.length,
            resilienceRegressions: diff.resilienceRegressions.length,
          },
        }
      : {}),
    durationMs: Math.round(durationMs),
  };
}

/** The totals and the document `--json` prints. */
export function runSummaryJson(stacks: readonly StackSummary[], exitCode: number, durationMs: number): RunSummaryJson {
  const planned = stacks.filter((stack) => stack.status === "planned");
  const sum = (pick: (stack: StackSummary) => number | undefined) => planned.reduce((total, stack) => total + (pick(stack) ?? 0), 0);
  return {
    version: 1,
    exitCode,
    durationMs: Math.round(durationMs),
    totals: {
      stacks: stacks.length,
      planned: planned.length,
      failed: stacks.length - planned.length,
      resources: sum((stack) => stack.resources),
      mandatory: sum((stack) => stack.violations?.mandatory),
      advisory: sum((stack) => stack.violations?.advisory),
    },
    stacks,
  };
}

/** The closing line: `Total: 3 stacks planned (0 failed), 2,345 resources, 0 mandatory / 14 advisory violations, in 9.8 s.` */
export function totalLine(summary: RunSummaryJson): string {
  const { totals } = summary;
  return `Total: ${totals.planned} of ${totals.stacks} stack(s) planned (${totals.failed} failed), ${totals.resources.toLocaleString("en-US")} resources, ${totals.mandatory} mandatory / ${totals.advisory} advisory policy violation(s), in ${formatSeconds(summary.durationMs)}.`;
}

/** The progress detail of one finished stack. */
export function progressDetail(summary: StackSummary): string {
  if (summary.status === "failed") return "failed";
  return `${summary.resources} resources, ${summary.violations?.mandatory} mandatory / ${summary.violations?.advisory} advisory`;
}

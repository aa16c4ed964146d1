/**
 * Real plans of generated stacks (tools/plan/generatedStack.ts), planned in-process once per
 * region count and options within a test run, for the report, diagram and critical-path tests;
 * and of the shipped stacks and their variants, for the routing tests.
 */
import { generatedStackFile, type GeneratedStackOptions } from "../../tools/plan/generatedStack";
import type { PlanFile } from "../../tools/plan/planFile";
import { policyContext } from "../../tools/plan/planStack";
import { runPolicies } from "../../tools/plan/policyRunner";
import { runProgram, type ProgramRun } from "../../tools/plan/runProgram";
import { loadStackFile } from "../../tools/plan/stackFile";

/** A recorded plan (without policy results). */
export type GeneratedPlan = ProgramRun["plan"];

const plans = new Map<string, Promise<GeneratedPlan>>();
/** The SDK's runtime is global: one program at a time, so each plan waits for the one before. */
let last: Promise<unknown> = Promise.resolve();

/** The plan of a generated stack with `count` regions (the same promise for the same arguments). */
export function planGeneratedStack(count: number, options: Omit<GeneratedStackOptions, "stack" | "owner"> = {}): Promise<GeneratedPlan> {
  // the generator's defaults spelled out, so equal stacks share one plan
  const key = JSON.stringify([count, options.cache ?? (count > 3 ? "regional" : "global"), options.domain ?? false]);
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = last.then(async () => (await runProgram(generatedStackFile(count, options))).plan);
    last = plan.catch(() => undefined);
    plans.set(key, plan);
  }
  return plan;
}

const shipped = new Map<string, Promise<PlanFile>>();

/**
 * The plan (with policy results) of a shipped stack file, optionally with some config keys
 * replaced (a variant), once per stack and variant within a test run.
 */
export function planShippedStack(stack: string, overrides: Readonly<Record<string, unknown>> = {}): Promise<PlanFile> {
  const key = JSON.stringify([stack, overrides]);
  let plan = shipped.get(key);
  if (plan === undefined) {
    plan = last.then(async () => {
      const file = loadStackFile(stack, "stacks");
      const config = { ...file.config, ...Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, JSON.stringify(value)])) };
      const variant = { ...file, config };
      const run = await runProgram(variant);
      const { violations } = await runPolicies(run.plan, policyContext(run, variant));
      return { ...run.plan, policies: { violations } };
    });
    last = plan.catch(() => undefined);
    shipped.set(key, plan);
  }
  return plan;
}

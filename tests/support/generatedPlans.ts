/**
 * Real plans of generated stacks (tools/plan/generatedStack.ts), planned in-process once per
 * region count and options within a test run, for the report, diagram and critical-path tests.
 */
import { generatedStackFile, type GeneratedStackOptions } from "../../tools/plan/generatedStack";
import { runProgram, type ProgramRun } from "../../tools/plan/runProgram";
import { oneAtATime } from "./shippedPlans";

/** A recorded plan (without policy results). */
export type GeneratedPlan = ProgramRun["plan"];

const plans = new Map<string, Promise<GeneratedPlan>>();

/** The plan of a generated stack with `count` regions (the same promise for the same arguments). */
export function planGeneratedStack(count: number, options: Omit<GeneratedStackOptions, "stack" | "owner"> = {}): Promise<GeneratedPlan> {
  // the generator's defaults spelled out, so equal stacks share one plan
  const key = JSON.stringify([count, options.cache ?? (count > 3 ? "regional" : "global"), options.domain ?? false]);
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = oneAtATime(async () => (await runProgram(generatedStackFile(count, options))).plan);
    plans.set(key, plan);
  }
  return plan;
}

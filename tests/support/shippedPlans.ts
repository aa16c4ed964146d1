/**
 * One plan per shipped stack for the whole test run: planning prod takes seconds, and several test
 * files only read the same plan of the same stack file. Each caller gets its own deep copy, so a
 * test that changes what it got cannot change what another test reads. Tests that plan a variant
 * (another program, other policies, another stacks directory) or check that planning is
 * deterministic still call planStack themselves.
 */
import type { PlanFile } from "../../tools/plan/planFile";
import { planStack } from "../../tools/plan/planStack";

const plans = new Map<string, Promise<PlanFile>>();

/** The plan of `stacks/Pulumi.<stack>.yaml` with the shipped program and policy config, planned once per run. */
export async function shippedPlan(stack: string): Promise<PlanFile> {
  if (!plans.has(stack)) plans.set(stack, planStack(stack));
  return structuredClone(await plans.get(stack)!);
}

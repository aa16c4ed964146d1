/**
 * One plan per stack file content for the whole test run: planning prod takes more than a second,
 * and many test files only read the plan of the same stack file, or of the same variant of it.
 * Plans are keyed by what the program reads (the stack name, its config and which keys are
 * secret), not by the file's text, so a copy that differs only in comments shares the plan. Each
 * caller gets its own deep copy, so a test that changes what it got cannot change what another
 * test reads. Tests that plan another program or other policies, or that check planning is
 * deterministic, still call planStack themselves.
 */
import type { PlanFile } from "../../tools/plan/planFile";
import { policyContext } from "../../tools/plan/planStack";
import { runPolicies } from "../../tools/plan/policyRunner";
import { runProgram } from "../../tools/plan/runProgram";
import { loadStackFile, type StackFile } from "../../tools/plan/stackFile";

const plans = new Map<string, Promise<PlanFile>>();
/** The SDK's runtime is global: one program at a time, so each plan waits for the one before. */
let last: Promise<unknown> = Promise.resolve();

/** Runs `plan` after every plan queued before it (the SDK's runtime holds one program at a time). */
export function oneAtATime<T>(plan: () => Promise<T>): Promise<T> {
  const next = last.then(plan);
  last = next.catch(() => undefined);
  return next;
}

/** The plan (with the shipped policy config's results) of a stack file, planned once per content. */
export async function plannedStackFile(file: StackFile): Promise<PlanFile> {
  const key = JSON.stringify([file.stack, file.config, [...file.secretKeys].sort()]);
  let plan = plans.get(key);
  if (plan === undefined) {
    plan = oneAtATime(async () => {
      const run = await runProgram(file);
      const { violations } = await runPolicies(run.plan, policyContext(run, file));
      return { ...run.plan, policies: { violations } };
    });
    plans.set(key, plan);
  }
  return structuredClone(await plan);
}

/** The plan of `<stacksDir>/Pulumi.<stack>.yaml`, as `planStack(stack, { stacksDir })` gives it, planned once per content. */
export function plannedStack(stack: string, options: { readonly stacksDir?: string } = {}): Promise<PlanFile> {
  return plannedStackFile(loadStackFile(stack, options.stacksDir ?? "stacks"));
}

/** The plan of `stacks/Pulumi.<stack>.yaml` with the shipped program and policy config. */
export function shippedPlan(stack: string): Promise<PlanFile> {
  return plannedStack(stack);
}

/** The plan of a shipped stack file with some config keys replaced (a variant), once per variant. */
export function shippedVariantPlan(stack: string, overrides: Readonly<Record<string, unknown>>): Promise<PlanFile> {
  const file = loadStackFile(stack, "stacks");
  const replaced = Object.fromEntries(Object.entries(overrides).map(([name, value]) => [name, JSON.stringify(value)]));
  return plannedStackFile({ ...file, config: { ...file.config, ...replaced } });
}

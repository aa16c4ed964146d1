/**
 * Plans one stack end to end: stack file → program under the recording monitor → policy pack →
 * plan file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanFile } from "./planFile";
import { serializePlan } from "./planFile";
import { runPolicies, type PolicyRunOptions, type PolicyStackContext } from "./policyRunner";
import { runProgram, type Program, type ProgramRun } from "./runProgram";
import { loadStackFile, type StackFile } from "./stackFile";

/** Options of `planStack`. */
export interface PlanStackOptions {
  /** Directory of the stack files. @default "stacks" */
  readonly stacksDir?: string;
  /** Program to run. @default infra/index.ts */
  readonly program?: Program;
  /** How the policy pack runs (config overrides, another policy list). @default the pack, at the environment's levels */
  readonly policies?: PolicyRunOptions;
}

/** What the policies need to know about a planned stack. */
export function policyContext(run: ProgramRun, stackFile: StackFile): PolicyStackContext {
  return {
    project: run.plan.project,
    stack: run.plan.stack,
    environment: run.config.environment,
    enforcement: run.config.policyEnforcement,
    defaultRegion: stackFile.config["aws:region"],
    ...(run.config.resilienceWaiver ? { resilienceWaiver: run.config.resilienceWaiver } : {}),
  };
}

/** Plans a stack and returns its plan, policy violations included (without writing it). */
export async function planStack(stack: string, options: PlanStackOptions = {}): Promise<PlanFile> {
  const stackFile = loadStackFile(stack, options.stacksDir ?? "stacks");
  const run = await runProgram(stackFile, options.program);
  const { violations } = await runPolicies(run.plan, policyContext(run, stackFile), options.policies);
  return { ...run.plan, policies: { violations } };
}

/** Writes `<outDir>/<stack>.json` and returns its path. */
export function writePlan(plan: PlanFile, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${plan.stack}.json`);
  writeFileSync(path, serializePlan(plan));
  return path;
}

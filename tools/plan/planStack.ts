/**
 * Plans one stack end to end: stack file → program under the recording monitor → plan file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanFile } from "./planFile";
import { serializePlan } from "./planFile";
import { runProgram, type Program } from "./runProgram";
import { loadStackFile } from "./stackFile";

/** Options of `planStack`. */
export interface PlanStackOptions {
  /** Directory of the stack files. @default "stacks" */
  readonly stacksDir?: string;
  /** Program to run. @default infra/index.ts */
  readonly program?: Program;
}

/** Plans a stack and returns its plan (without writing it). */
export async function planStack(stack: string, options: PlanStackOptions = {}): Promise<PlanFile> {
  const stackFile = loadStackFile(stack, options.stacksDir ?? "stacks");
  const { plan } = await runProgram(stackFile, options.program);
  return { ...plan, policies: { violations: [] } };
}

/** Writes `<outDir>/<stack>.json` and returns its path. */
export function writePlan(plan: PlanFile, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, `${plan.stack}.json`);
  writeFileSync(path, serializePlan(plan));
  return path;
}

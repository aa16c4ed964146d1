/**
 * `npm run switchover -- <stack> --to <region> [--dry-run]`: moves the database writer to another
 * region of the stack in its stack file, plans the stack before and after, and proves with the plan
 * diff that nothing stateful is replaced; then prints what to run. Exit codes: see args.ts (USAGE).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../../infra/configIssues";
import { runCli } from "../lib/exit";
import { dataLossLine } from "../plan/diff/formatDiff";
import { diffPlans } from "../plan/diff/planDiff";
import type { PlanFile } from "../plan/planFile";
import { planStack } from "../plan/planStack";
import { ProgramError } from "../plan/runProgram";
import { StackFileError } from "../plan/stackFile";
import { parseSwitchoverArgs, SwitchoverUsageError, USAGE } from "./args";
import { moveWriterText, stackRegions, SwitchoverError } from "./moveWriter";
import { switchoverSteps } from "./steps";

/** Exit codes. */
export const SWITCHOVER_EXIT = { ok: 0, failed: 1, usage: 2, crash: 3, dataLoss: 5 } as const;

type Writer = (line: string) => void;

/** How a stack file is planned (the offline plan, policies included). */
export type StackPlanner = (stack: string, options: { readonly stacksDir: string }) => Promise<PlanFile>;

/**
 * Runs the CLI and returns its exit code. `plan` plans the stack before and after the move.
 * @default plan: planStack, the offline plan
 */
export async function main(argv: readonly string[], out: Writer = console.log, err: Writer = console.error, plan: StackPlanner = planStack): Promise<number> {
  let args;
  try {
    args = parseSwitchoverArgs(argv);
  } catch (error) {
    if (!(error instanceof SwitchoverUsageError)) throw error;
    err(`${error.message}\n\n${USAGE}`);
    return SWITCHOVER_EXIT.usage;
  }
  if (args.help) {
    out(USAGE);
    return SWITCHOVER_EXIT.ok;
  }
  const path = join(args.stacksDir, `Pulumi.${args.stack}.yaml`);
  if (!existsSync(path)) {
    err(`${path}: no such stack file; name a stack of ${args.stacksDir}/`);
    return SWITCHOVER_EXIT.failed;
  }
  const text = readFileSync(path, "utf8");
  try {
    const regions = stackRegions(text, path);
    if (!regions.regions.includes(args.to)) {
      err(`--to ${args.to}: ${args.stack} has no region ${args.to}; its regions: ${regions.regions.join(", ")}`);
      return SWITCHOVER_EXIT.usage;
    }
    if (regions.writerRegion === args.to) {
      out(`${args.stack}: the writer is already in ${args.to}; nothing to move.`);
      return SWITCHOVER_EXIT.ok;
    }
    const command = `npm run switchover -- ${args.stack} --to ${args.to}`;
    const switched = moveWriterText(text, path, args.to, command);
    const after = mkdtempSync(join(tmpdir(), "switchover-"));
    writeFileSync(join(after, `Pulumi.${args.stack}.yaml`), switched);
    const before = await plan(args.stack, { stacksDir: args.stacksDir });
    const planned = await plan(args.stack, { stacksDir: after });
    const diff = diffPlans(before, planned);
    out(`${args.stack}: writer ${regions.writerRegion} -> ${args.to} (primary region ${regions.primaryRegion} keeps the global resources)`);
    out(
      `  plan diff: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.dataLoss.length} stateful resource(s) deleted or replaced`,
    );
    // added and removed: what follows the writer (its instance count, the lag alarms); never stateful data (checked below)
    for (const resource of diff.added) out(`  + ${resource.type} ${resource.name} (${resource.region ?? "global"})`);
    for (const resource of diff.removed) out(`  - ${resource.type} ${resource.name} (${resource.region ?? "global"})`);
    for (const change of diff.changed) out(`  ~ ${change.type} ${change.name} (${change.region ?? "global"})`);
    if (diff.dataLoss.length > 0) {
      for (const finding of diff.dataLoss) err(`data loss: ${dataLossLine(finding)}`);
      err(`The switchover would delete or replace ${diff.dataLoss.length} stateful resource(s); ${path} is unchanged.`);
      return SWITCHOVER_EXIT.dataLoss;
    }
    if (!args.dryRun) writeFileSync(path, switched);
    out(args.dryRun ? `  --dry-run: ${path} is unchanged; without it, ${path} gets ${"blueprint:writerRegion"}: ${args.to}.` : `  wrote ${path}`);
    out("Then run, in order:");
    for (const step of switchoverSteps(planned.resources, args.stack, regions.writerRegion, args.to)) out(`  ${step}`);
    return SWITCHOVER_EXIT.ok;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SwitchoverError || error instanceof StackFileError || error instanceof ProgramError) {
      err(error.message);
      return SWITCHOVER_EXIT.failed;
    }
    throw error;
  }
}

// exits once the output has drained: process.exit right away would cut a long diff off in a pipe
if (require.main === module) void runCli(() => main(process.argv.slice(2)), SWITCHOVER_EXIT.crash);

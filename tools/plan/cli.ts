/**
 * `npm run plan -- <stack> | --all`: the offline plan. Exit codes: 0 planned, 1 a stack failed
 * (bad config, unknown stack, program error), 2 bad arguments.
 */
import { ConfigError } from "../../infra/configIssues";
import { parsePlanArgs, UsageError, USAGE } from "./args";
import { planStack, writePlan } from "./planStack";
import { ProgramError } from "./runProgram";
import { listStacks, StackFileError } from "./stackFile";
import { formatSummary } from "./summary";

/** Runs the CLI and returns its exit code; output goes to the given writers. */
export async function main(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  let args;
  try {
    args = parsePlanArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  const stacks = args.all ? listStacks(args.stacksDir) : args.stacks;
  if (stacks.length === 0) {
    err(`No stack files in ${args.stacksDir}/ (expected Pulumi.<stack>.yaml).`);
    return 1;
  }
  const failed: string[] = [];
  for (const stack of stacks) {
    try {
      const plan = await planStack(stack, { stacksDir: args.stacksDir });
      const path = writePlan(plan, args.outDir);
      out(args.quiet ? `${stack}: ${plan.resources.length} resources -> ${path}` : formatSummary(plan, path));
    } catch (error) {
      if (error instanceof ConfigError) {
        err(`${args.stacksDir}/Pulumi.${stack}.yaml: ${error.message}`);
      } else if (error instanceof StackFileError || error instanceof ProgramError) {
        err(error.message);
      } else {
        throw error;
      }
      failed.push(stack);
    }
  }
  if (failed.length > 0) {
    err(`Planning failed for ${failed.join(", ")}.`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // An unexpected failure is a bug in the tool: keep its stack trace.
      console.error(error);
      process.exit(3);
    },
  );
}

/**
 * `npm run plan -- <stack> | --all`: the offline plan. Exit codes: 0 planned, 1 a stack failed
 * (bad config, unknown stack, program error), 2 bad arguments, 3 an unexpected failure (a bug in
 * the tool), 4 every stack planned but one has a mandatory policy violation (its plan file is
 * still written). A failed stack (1) takes precedence over a violation (4).
 */
import { ConfigError } from "../../infra/configIssues";
import { parsePlanArgs, UsageError, USAGE } from "./args";
import { planStack, writePlan } from "./planStack";
import { ProgramError, type Program } from "./runProgram";
import { listStacks, StackFileError } from "./stackFile";
import { PolicyConfigError } from "./policyRunner";
import { formatSummary, mandatoryViolations } from "./summary";

/** Exit code when every stack planned but at least one has a mandatory policy violation. */
export const EXIT_MANDATORY_VIOLATIONS = 4;

/** What tests may swap in `main`. */
export interface MainOptions {
  /** Program to plan instead of infra/index.ts (a test's variant). @default infra/index.ts */
  readonly program?: Program;
}

/** Runs the CLI and returns its exit code; output goes to the given writers. */
export async function main(
  argv: readonly string[],
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
  options: MainOptions = {},
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
  const violating: string[] = [];
  for (const stack of stacks) {
    try {
      const plan = await planStack(stack, { stacksDir: args.stacksDir, ...(options.program ? { program: options.program } : {}) });
      const path = writePlan(plan, args.outDir);
      const mandatory = mandatoryViolations(plan);
      out(
        args.quiet
          ? `${stack}: ${plan.resources.length} resources, ${mandatory.length} mandatory / ${plan.policies.violations.length - mandatory.length} advisory policy violation(s) -> ${path}`
          : formatSummary(plan, path),
      );
      if (mandatory.length > 0) {
        violating.push(stack);
        for (const v of mandatory) err(`${stack}: mandatory policy violation ${v.policy}: ${v.message}${v.urn ? ` (${v.urn})` : ""}`);
      }
    } catch (error) {
      if (error instanceof ConfigError) {
        err(`${args.stacksDir}/Pulumi.${stack}.yaml: ${error.message}`);
      } else if (error instanceof StackFileError || error instanceof ProgramError || error instanceof PolicyConfigError) {
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
  if (violating.length > 0) {
    err(`Mandatory policy violations in ${violating.join(", ")}; see the summary and plan/<stack>.json.`);
    return EXIT_MANDATORY_VIOLATIONS;
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

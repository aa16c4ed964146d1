/**
 * `npm run plan -- <stack> | --all`: the offline plan, writing plan/<stack>.json and the
 * pull-request report plan/<stack>.md; `npm run plan -- diff <base.json> <head.json>`: the plan
 * diff. Exit codes (EXIT_CODES in args.ts): 0 planned or compared, 1 a stack failed (bad config,
 * unknown stack, program error) or a plan file is missing or invalid, 2 bad arguments, 3 an
 * unexpected failure (a bug in the tool), 4 every stack planned but one has a mandatory policy
 * violation (its plan file is still written), 5 with --fail-on-data-loss a stateful resource would
 * be deleted or replaced, 6 with --fail-on-resilience-regression a failure domain gets worse. 1
 * takes precedence over 4, 4 over 5, and 5 over 6.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigError } from "../../infra/configIssues";
import { runCli } from "../lib/exit";
import { inputDirectoryProblem, outputDirectoryProblem, outputFileProblem } from "../lib/paths";
import { performance } from "node:perf_hooks";
import { createProgress, type ProgressSink } from "../lib/progress";
import { DIFF_USAGE, EXIT_CODES, parseDiffArgs, parsePlanArgs, type PlanArgs, UsageError, USAGE } from "./args";
import { formatDiffMarkdown, formatDiffText, dataLossLine, regressionLine } from "./diff/formatDiff";
import { loadPlanFile, PlanFileError } from "./diff/loadPlanFile";
import { diffPlans } from "./diff/planDiff";
import { stackEscWarning } from "./escImports";
import { placeholdersMain } from "./placeholders/command";
import type { PlanFile } from "./planFile";
import { commentMain } from "./comment/commentMain";
import { planStack, writePlan } from "./planStack";
import { PolicyConfigError } from "./policyRunner";
import { planReport, type BaseComparison } from "./report/planReport";
import { ProgramError, type Program } from "./runProgram";
import { plannedSummary, progressDetail, runSummaryJson, totalLine, type StackSummary } from "./runSummary";
import { listStacks, StackFileError } from "./stackFile";
import { stackTagsMain } from "./stackTags";
import { declaredResourceCount, formatSummary, mandatoryViolations } from "./summary";

/** Exit code when every stack planned but at least one has a mandatory policy violation. */
export const EXIT_MANDATORY_VIOLATIONS = EXIT_CODES.mandatoryViolations;
/** Exit code when --fail-on-data-loss is given and a stateful resource would be deleted or replaced. */
export const EXIT_DATA_LOSS = EXIT_CODES.dataLoss;

/** What tests may swap in `main`. */
export interface MainOptions {
  /** Program to plan instead of infra/index.ts (a test's variant). @default infra/index.ts */
  readonly program?: Program;
  /** Where the per-stack progress lines go. @default stderr when `err` is the default, else `err` line by line */
  readonly progress?: ProgressSink;
}

type Writer = (line: string) => void;

/** The default error writer; `main` writes progress straight to stderr when it is in use. */
const defaultErr: Writer = (line) => console.error(line);

/** Runs the CLI and returns its exit code; output goes to the given writers. */
export async function main(argv: readonly string[], out: Writer = console.log, err: Writer = defaultErr, options: MainOptions = {}): Promise<number> {
  if (argv[0] === "diff") return diffMain(argv.slice(1), out, err);
  if (argv[0] === "placeholders") return placeholdersMain(argv.slice(1), out, err);
  if (argv[0] === "stack-tags") return stackTagsMain(argv.slice(1), out, err);
  if (argv[0] === "comment") return commentMain(argv.slice(1), out, err);
  const args = parseOrExit(() => parsePlanArgs(argv), USAGE, out, err);
  if (typeof args === "number") return args;
  const pathProblems = [inputDirectoryProblem("--stacks-dir", args.stacksDir), outputDirectoryProblem("--out-dir", args.outDir)].filter(
    (problem): problem is string => problem !== undefined,
  );
  if (pathProblems.length > 0) {
    err(`${pathProblems.join("\n")}\n\n${USAGE}`);
    return EXIT_CODES.usage;
  }
  const stacks = args.all ? listStacks(args.stacksDir) : args.stacks;
  if (stacks.length === 0) {
    err(`No stack files in ${args.stacksDir}/ (expected Pulumi.<stack>.yaml).`);
    return EXIT_CODES.failed;
  }
  if (args.base !== undefined && !existsSync(args.base)) {
    err(`--base ${args.base}: no such directory or file; give a directory of <stack>.json base plans or one plan file`);
    return EXIT_CODES.failed;
  }
  if (args.base !== undefined && isPlanFile(args.base) && stacks.length > 1) {
    err(`--base ${args.base} is one plan file, but ${stacks.length} stacks are planned; give a directory of <stack>.json base plans\n\n${USAGE}`);
    return EXIT_CODES.usage;
  }
  // --json keeps stdout for the one JSON document; progress and problems stay on stderr
  const say: Writer = args.json ? () => undefined : out;
  const progress = stacks.length > 1 || args.json ? createProgress(stacks.length, options.progress ?? progressSinkFor(err)) : undefined;
  const runStarted = performance.now();
  const summaries: StackSummary[] = [];
  const failed: string[] = [];
  const violating: string[] = [];
  const losing: string[] = [];
  const regressing: string[] = [];
  for (const stack of stacks) {
    const escNotice = stackEscWarning(stack, args.stacksDir);
    if (escNotice !== undefined) err(escNotice);
    const stackStarted = performance.now();
    progress?.start(`stack ${stack}`);
    let summary: StackSummary;
    try {
      const plan = await planStack(stack, { stacksDir: args.stacksDir, ...(options.program ? { program: options.program } : {}) });
      const path = writePlan(plan, args.outDir);
      const base = args.base !== undefined ? compareWithBase(plan, args.base) : undefined;
      const reportPath = join(args.outDir, `${plan.stack}.md`);
      writeFileSync(reportPath, planReport(plan, base ? { base } : {}));
      const mandatory = mandatoryViolations(plan);
      say(
        args.quiet
          ? `${stack}: ${declaredResourceCount(plan)} resources, ${mandatory.length} mandatory / ${plan.policies.violations.length - mandatory.length} advisory policy violation(s) -> ${path}`
          : formatSummary(plan, path),
      );
      if (mandatory.length > 0) {
        violating.push(stack);
        for (const v of mandatory) err(`${stack}: mandatory policy violation ${v.policy}: ${v.message}${v.urn ? ` (${v.urn})` : ""}`);
      }
      if (base && "diff" in base) {
        const { added, removed, changed, dataLoss } = base.diff;
        say(
          `${stack}: against ${base.baseLabel}: ${added.length} added, ${removed.length} removed, ${changed.length} changed, ${dataLoss.length} stateful resource(s) deleted or replaced`,
        );
        for (const finding of base.diff.dataLoss) err(`${stack}: data loss: ${dataLossLine(finding)}`);
        if (base.diff.dataLoss.length > 0) losing.push(stack);
        for (const regression of base.diff.resilienceRegressions) err(`${stack}: resilience regression: ${regressionLine(regression)}`);
        if (base.diff.resilienceRegressions.length > 0) regressing.push(stack);
      }
      summary = plannedSummary(plan, { planFile: path, report: reportPath }, performance.now() - stackStarted, base && "diff" in base ? base.diff : undefined);
    } catch (error) {
      let message: string;
      if (error instanceof ConfigError) {
        message = `${args.stacksDir}/Pulumi.${stack}.yaml: ${error.message}`;
      } else if (error instanceof StackFileError || error instanceof ProgramError || error instanceof PolicyConfigError || error instanceof PlanFileError) {
        message = error.message;
      } else {
        throw error;
      }
      err(message);
      failed.push(stack);
      summary = { stack, status: "failed", error: message, durationMs: Math.round(performance.now() - stackStarted) };
    }
    summaries.push(summary);
    progress?.done(`stack ${stack}`, progressDetail(summary));
  }
  const code = runExitCode(args, { failed, violating, losing, regressing }, err);
  const result = runSummaryJson(summaries, code, performance.now() - runStarted);
  if (args.json) out(JSON.stringify(result, null, 2));
  else if (stacks.length > 1) out(totalLine(result));
  return code;
}

/** The files written for these stacks, as paths under --out-dir. */
function writtenPaths(outDir: string, names: readonly string[], extension: string): string {
  return names.map((name) => join(outDir, `${name}.${extension}`)).join(", ");
}

/** The run's exit code, after printing why it is not 0 (1 wins over 4, 4 over 5, 5 over 6). */
function runExitCode(
  args: Pick<PlanArgs, "failOnDataLoss" | "failOnResilienceRegression" | "outDir">,
  stacks: { readonly failed: string[]; readonly violating: string[]; readonly losing: string[]; readonly regressing: string[] },
  err: Writer,
): number {
  const { failed, violating, losing, regressing } = stacks;
  const reports = (names: readonly string[], extension: string) => writtenPaths(args.outDir, names, extension);
  if (failed.length > 0) {
    err(`Planning failed for ${failed.join(", ")}.`);
    return EXIT_CODES.failed;
  }
  if (violating.length > 0) {
    err(`Mandatory policy violations in ${violating.join(", ")}; see the summary and ${reports(violating, "json")}.`);
    return EXIT_CODES.mandatoryViolations;
  }
  if (args.failOnDataLoss && losing.length > 0) {
    err(`Stateful resources would be deleted or replaced in ${losing.join(", ")} (--fail-on-data-loss); see the diff in ${reports(losing, "md")}.`);
    return EXIT_CODES.dataLoss;
  }
  if (args.failOnResilienceRegression && regressing.length > 0) {
    err(`Failure domains get worse in ${regressing.join(", ")} (--fail-on-resilience-regression); see the diff in ${reports(regressing, "md")}.`);
    return EXIT_CODES.resilienceRegression;
  }
  return EXIT_CODES.ok;
}

/** Progress lines through the CLI's error writer: stderr itself by default (a terminal gets the running line), else one call per finished line. */
function progressSinkFor(err: Writer): ProgressSink {
  if (err === defaultErr) return process.stderr;
  return { isTTY: false, write: (text: string) => (text.endsWith("\n") ? err(text.slice(0, -1)) : undefined) };
}

/**
 * The parsed arguments, or the exit code when there is nothing more to do: `--help` printed the
 * usage (0), or the arguments were refused, printed with the usage (2).
 */
function parseOrExit<T extends { readonly help: boolean }>(parse: () => T, usage: string, out: Writer, err: Writer): T | number {
  let args: T;
  try {
    args = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${usage}`);
    return EXIT_CODES.usage;
  }
  if (!args.help) return args;
  out(usage);
  return EXIT_CODES.ok;
}

function isPlanFile(path: string): boolean {
  return existsSync(path) && !statSync(path).isDirectory();
}

/** The diff of a fresh plan against its base: `<dir>/<stack>.json`, or the one base file. */
function compareWithBase(plan: PlanFile, base: string): BaseComparison {
  const basePath = isPlanFile(base) ? base : join(base, `${plan.stack}.json`);
  if (!existsSync(basePath)) return { missing: `${basePath} does not exist` };
  const basePlan = loadPlanFile(basePath, "--base");
  return { diff: diffPlans(basePlan, plan), baseLabel: `the base plan ${basePath}`, basePlan };
}

/** `npm run plan -- diff <base.json> <head.json> [--fail-on-data-loss] [--markdown <file>]`. */
export function diffMain(argv: readonly string[], out: Writer = console.log, err: Writer = console.error): number {
  const args = parseOrExit(() => parseDiffArgs(argv), DIFF_USAGE, out, err);
  if (typeof args === "number") return args;
  const markdownProblem = args.markdown !== undefined ? outputFileProblem("--markdown", args.markdown) : undefined;
  if (markdownProblem !== undefined) {
    err(`${markdownProblem}\n\n${DIFF_USAGE}`);
    return EXIT_CODES.usage;
  }
  let base: PlanFile;
  let head: PlanFile;
  try {
    const problems: string[] = [];
    const load = (path: string, role: string) => {
      try {
        return loadPlanFile(path, role);
      } catch (error) {
        if (!(error instanceof PlanFileError)) throw error;
        problems.push(error.message);
        return undefined;
      }
    };
    const loadedBase = load(args.base, "base plan");
    const loadedHead = load(args.head, "head plan");
    if (!loadedBase || !loadedHead) throw new PlanFileError(problems.join("\n"));
    [base, head] = [loadedBase, loadedHead];
  } catch (error) {
    if (!(error instanceof PlanFileError)) throw error;
    err(error.message);
    return EXIT_CODES.failed;
  }
  const diff = diffPlans(base, head);
  out(formatDiffText(diff, args.base, args.head));
  if (args.markdown !== undefined) {
    mkdirSync(dirname(args.markdown), { recursive: true });
    writeFileSync(args.markdown, `${formatDiffMarkdown(diff, `the base plan \`${args.base}\``).join("\n")}\n`);
    out(`Markdown written to ${args.markdown}`);
  }
  if (args.failOnDataLoss && diff.dataLoss.length > 0) {
    for (const finding of diff.dataLoss) err(`data loss: ${dataLossLine(finding)}`);
    err(`${diff.dataLoss.length} stateful resource(s) would be deleted or replaced (--fail-on-data-loss).`);
    return EXIT_CODES.dataLoss;
  }
  if (args.failOnResilienceRegression && diff.resilienceRegressions.length > 0) {
    for (const regression of diff.resilienceRegressions) err(`resilience regression: ${regressionLine(regression)}`);
    err(`${diff.resilienceRegressions.length} failure domain(s) get worse (--fail-on-resilience-regression).`);
    return EXIT_CODES.resilienceRegression;
  }
  return EXIT_CODES.ok;
}

if (require.main === module) void runCli(() => main(process.argv.slice(2)), EXIT_CODES.crash);

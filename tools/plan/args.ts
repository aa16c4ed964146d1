/**
 * Command-line arguments of `npm run plan` and of its `diff` subcommand.
 */

/** Parsed arguments of the plan command. */
export interface PlanArgs {
  /** Stacks to plan, in order. */
  readonly stacks: string[];
  /** Plan every stack in the stacks directory. */
  readonly all: boolean;
  /** Where plan files go. @default "plan" */
  readonly outDir: string;
  /** Where stack files are read. @default "stacks" */
  readonly stacksDir: string;
  /** Print only the one-line result per stack. @default false */
  readonly quiet: boolean;
  /** Print one JSON summary of the run on stdout instead of the text (tools/plan/runSummary.ts). @default false */
  readonly json: boolean;
  /** Base plans to diff against: a directory of `<stack>.json` files or one plan file. @default no diff */
  readonly base?: string;
  /** Exit 5 when the diff against the base would delete or replace a stateful resource. @default false */
  readonly failOnDataLoss: boolean;
  /** Exit 6 when the diff against the base makes a failure domain worse. @default false */
  readonly failOnResilienceRegression: boolean;
  readonly help: boolean;
}

/** Parsed arguments of `npm run plan -- diff`. */
export interface DiffArgs {
  /** The base plan file (before the change). */
  readonly base: string;
  /** The head plan file (after the change). */
  readonly head: string;
  /** Exit 5 when a stateful resource would be deleted or replaced. @default false */
  readonly failOnDataLoss: boolean;
  /** Exit 6 when a failure domain's outcome gets worse. @default false */
  readonly failOnResilienceRegression: boolean;
  /** Also write the diff as Markdown to this file. @default none */
  readonly markdown?: string;
  readonly help: boolean;
}

/** Thrown for arguments the CLI does not accept; the message says what is allowed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Exit codes, shared by the plan command and `diff`. */
export const EXIT_CODES = {
  /** Planned (or compared). */
  ok: 0,
  /** A stack failed (bad config, unknown stack, program error) or a plan file is missing or invalid. */
  failed: 1,
  /** Bad arguments. */
  usage: 2,
  /** An unexpected failure: a bug in the tool. */
  crash: 3,
  /** Every stack planned but one has a mandatory policy violation (its plan file is still written). */
  mandatoryViolations: 4,
  /** With --fail-on-data-loss: a stateful resource would be deleted or replaced. */
  dataLoss: 5,
  /** With --fail-on-resilience-regression: a failure domain's outcome got worse (routes, regions, capacity, read-only data, RPO). */
  resilienceRegression: 6,
} as const;

/** Usage text of the plan command. */
export const USAGE = `Usage: npm run plan -- <stack> [<stack> ...] | --all [options]
       npm run plan -- diff <base.json> <head.json> [--fail-on-data-loss] [--fail-on-resilience-regression] [--markdown <file>]
       npm run plan -- placeholders [<stack> ...] [--json]
       npm run plan -- comment [--plans <dir>] [--base <dir>] [--out <file>]
       npm run plan -- stack-tags <stack> [--stacks-dir <dir>]

Plans stacks offline (no AWS credentials, no Pulumi CLI): runs the program under a recording
mock monitor, writes plan/<stack>.json and the pull-request report plan/<stack>.md, and prints
a summary. \`diff\` compares two plan files (npm run plan -- diff --help); \`placeholders\` lists
the example values still in the stack files (npm run plan -- placeholders --help); \`comment\`
assembles the pull-request comment (npm run plan -- comment --help); \`stack-tags\` prints the
stack tags the policies read, for the workflows (npm run plan -- stack-tags --help).

Options:
  --all                  plan every stacks/Pulumi.<stack>.yaml
  --out-dir <dir>        where to write plan files and reports (default: plan)
  --stacks-dir <dir>     where to read stack files (default: stacks)
  --base <dir|file>      diff each stack against <dir>/<stack>.json (or one plan file when one
                         stack is planned) and add the diff to the report
  --fail-on-data-loss    with --base: exit 5 when a stateful resource would be deleted or replaced
  --fail-on-resilience-regression
                         with --base: exit 6 when a failure domain's outcome gets worse
  --quiet                one line per stack
  --json                 print one JSON summary of the run on stdout (per stack: status,
                         resources, violations, files, time, diff counts; totals) instead of
                         the text; progress stays on stderr
  --help                 this text

Exit codes: 0 planned; 1 a stack failed (bad stack file, unknown stack, program error) or a base
plan is invalid; 2 bad arguments; 3 unexpected failure (a bug); 4 a mandatory policy violation
(plans still written); 5 data loss with --fail-on-data-loss; 6 a resilience regression with
--fail-on-resilience-regression. 1 wins over 4, 4 over 5, and 5 over 6.`;

/** Usage text of the diff subcommand. */
export const DIFF_USAGE = `Usage: npm run plan -- diff <base.json> <head.json> [--fail-on-data-loss] [--fail-on-resilience-regression] [--markdown <file>]

Compares two plan files of a stack: resources added, removed and changed (by URN) with their
changed inputs (secrets masked), and every stateful resource (database, global cluster, cache,
global datastore, bucket, queue, KMS key, secret) that would be deleted (its URN is gone and no
alias keeps it) or replaced (an input changed that AWS applies only by replacement), and every
failure domain (AZ, region, database writer, primary cache node, us-east-1 edge) whose outcome
gets worse (a resilience regression).

Options:
  --fail-on-data-loss    exit 5 when a stateful resource would be deleted or replaced
  --fail-on-resilience-regression
                         exit 6 when a failure domain's outcome gets worse
  --markdown <file>      also write the diff as Markdown (for a pull-request comment)
  --help                 this text

Exit codes: 0 compared; 1 a plan file is missing or invalid; 2 bad arguments; 3 unexpected
failure (a bug); 5 data loss with --fail-on-data-loss; 6 a resilience regression with
--fail-on-resilience-regression. 5 wins over 6.`;

interface Parsed {
  readonly positional: string[];
  readonly values: Record<string, string>;
  readonly flags: Set<string>;
  readonly problems: string[];
}

/** Splits argv into positionals, `--flag value` / `--flag=value` pairs and boolean flags. */
function scan(argv: readonly string[], valueFlags: ReadonlyMap<string, string>, booleanFlags: ReadonlySet<string>): Parsed {
  const problems: string[] = [];
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (valueFlags.has(flag)) {
      // A following option is not this flag's value: leave it to be parsed on its own.
      const next = argv[i + 1];
      const value = inline ?? (next !== undefined && !next.startsWith("--") ? argv[++i] : undefined);
      if (value === undefined || value.length === 0) problems.push(`${flag} needs a value (${valueFlags.get(flag)})`);
      else values[flag] = value;
    } else if (booleanFlags.has(flag)) {
      if (inline !== undefined) problems.push(`${flag} takes no value, got "${inline}"`);
      flags.add(flag);
    } else if (arg.startsWith("-")) {
      problems.push(`unknown option ${arg}; allowed: ${[...booleanFlags, ...valueFlags.keys()].join(", ")}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, values, flags, problems };
}

const PLAN_VALUE_FLAGS = new Map([
  ["--out-dir", "a directory"],
  ["--stacks-dir", "a directory"],
  ["--base", "a directory of base plans or one plan file"],
]);
const PLAN_BOOLEAN_FLAGS = new Set(["--all", "--quiet", "--json", "--fail-on-data-loss", "--fail-on-resilience-regression", "--help"]);

/** Parses the plan command's argv (without node and script). Collects every problem before throwing. */
export function parsePlanArgs(argv: readonly string[]): PlanArgs {
  const { positional, values, flags, problems } = scan(argv, PLAN_VALUE_FLAGS, PLAN_BOOLEAN_FLAGS);
  const stacks: string[] = [];
  for (const arg of positional) {
    if (!/^[A-Za-z0-9_.-]+$/.test(arg)) problems.push(`stack name "${arg}" may only contain letters, digits, "-", "_" and "."`);
    else stacks.push(arg);
  }
  const all = flags.has("--all");
  const help = flags.has("--help");
  const failOnDataLoss = flags.has("--fail-on-data-loss");
  if (!help && all && stacks.length > 0) problems.push(`--all plans every stack; do not also name stacks (got ${stacks.join(", ")})`);
  if (!help && !all && stacks.length === 0) problems.push("name a stack (e.g. dev) or pass --all");
  if (!help && failOnDataLoss && values["--base"] === undefined)
    problems.push("--fail-on-data-loss needs --base <dir|file>: there is nothing to compare against");
  const failOnResilienceRegression = flags.has("--fail-on-resilience-regression");
  if (!help && failOnResilienceRegression && values["--base"] === undefined)
    problems.push("--fail-on-resilience-regression needs --base <dir|file>: there is nothing to compare against");
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return {
    stacks,
    all,
    help,
    quiet: flags.has("--quiet"),
    json: flags.has("--json"),
    outDir: values["--out-dir"] ?? "plan",
    stacksDir: values["--stacks-dir"] ?? "stacks",
    ...(values["--base"] !== undefined ? { base: values["--base"] } : {}),
    failOnDataLoss,
    failOnResilienceRegression,
  };
}

const DIFF_VALUE_FLAGS = new Map([["--markdown", "a file to write"]]);
const DIFF_BOOLEAN_FLAGS = new Set(["--fail-on-data-loss", "--fail-on-resilience-regression", "--help"]);

/** Parses the diff subcommand's argv (after `diff`). Collects every problem before throwing. */
export function parseDiffArgs(argv: readonly string[]): DiffArgs {
  const { positional, values, flags, problems } = scan(argv, DIFF_VALUE_FLAGS, DIFF_BOOLEAN_FLAGS);
  const help = flags.has("--help");
  if (!help && positional.length !== 2) {
    problems.push(
      `diff needs exactly two plan files, <base.json> then <head.json>; got ${positional.length}${positional.length > 0 ? ` (${positional.join(", ")})` : ""}`,
    );
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return {
    base: positional[0] ?? "",
    head: positional[1] ?? "",
    failOnDataLoss: flags.has("--fail-on-data-loss"),
    failOnResilienceRegression: flags.has("--fail-on-resilience-regression"),
    ...(values["--markdown"] !== undefined ? { markdown: values["--markdown"] } : {}),
    help,
  };
}

/** Parsed arguments of `npm run plan -- comment`. */
export interface CommentArgs {
  /** Directory of the head plans and reports. @default "plan" */
  readonly plans: string;
  /** Directory of the base plans. @default "plan-base" */
  readonly base: string;
  /** Directory of the workflow's step results (stacks.txt, plan-exit, <stack>.diff-exit, <stack>.diff.md). @default "<plans>/ci" */
  readonly ci: string;
  /** The comment file to write. @default "<ci>/comment.md" */
  readonly out: string;
  readonly help: boolean;
}

/** Usage text of the comment subcommand. */
export const COMMENT_USAGE = `Usage: npm run plan -- comment [--plans <dir>] [--base <dir>] [--ci <dir>] [--out <file>]

Assembles the pull-request comment from each stack's report, diff and cost delta, within
GitHub's 65,536-character limit (a budget per stack; diagrams and long tables go first), ending
with a pointer to the offline-plan artefact (the run's URL from GITHUB_SERVER_URL,
GITHUB_REPOSITORY and GITHUB_RUN_ID when set; HEAD_SHA, BASE_REF and BASE_SHA name the commits).

Options:
  --plans <dir>   head plans and reports (default: plan)
  --base <dir>    base plans, for the cost delta (default: plan-base)
  --ci <dir>      the workflow's step results (default: <plans>/ci)
  --out <file>    where to write the comment (default: <ci>/comment.md)
  --help          this text

Exit codes: 0 written; 2 bad arguments.`;

const COMMENT_VALUE_FLAGS = new Map([
  ["--plans", "a directory"],
  ["--base", "a directory"],
  ["--ci", "a directory"],
  ["--out", "a file to write"],
]);

/** Parses the comment subcommand's argv (after `comment`). Collects every problem before throwing. */
export function parseCommentArgs(argv: readonly string[]): CommentArgs {
  const { positional, values, flags, problems } = scan(argv, COMMENT_VALUE_FLAGS, new Set(["--help"]));
  if (positional.length > 0) problems.push(`comment takes no positional arguments; got ${positional.join(", ")}`);
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  const plans = values["--plans"] ?? "plan";
  const ci = values["--ci"] ?? `${plans}/ci`;
  return { plans, base: values["--base"] ?? "plan-base", ci, out: values["--out"] ?? `${ci}/comment.md`, help: flags.has("--help") };
}

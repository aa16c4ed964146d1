/**
 * Command-line arguments of `npm run plan`.
 */

/** Parsed arguments. */
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
  readonly help: boolean;
}

/** Thrown for arguments the CLI does not accept; the message says what is allowed. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Usage text. */
export const USAGE = `Usage: npm run plan -- <stack> [<stack> ...] | --all [options]

Plans stacks offline (no AWS credentials, no Pulumi CLI): runs the program under a recording
mock monitor, writes plan/<stack>.json and prints a summary.

Options:
  --all               plan every stacks/Pulumi.<stack>.yaml
  --out-dir <dir>     where to write plan files (default: plan)
  --stacks-dir <dir>  where to read stack files (default: stacks)
  --quiet             one line per stack
  --help              this text`;

const VALUE_FLAGS = new Set(["--out-dir", "--stacks-dir"]);
const BOOLEAN_FLAGS = new Set(["--all", "--quiet", "--help"]);

/** Parses argv (without node and script). Collects every problem before throwing. */
export function parsePlanArgs(argv: readonly string[]): PlanArgs {
  const problems: string[] = [];
  const stacks: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith("--")) problems.push(`${flag} needs a value (a directory)`);
      else values[flag] = value;
    } else if (BOOLEAN_FLAGS.has(flag)) {
      if (inline !== undefined) problems.push(`${flag} takes no value, got "${inline}"`);
      flags.add(flag);
    } else if (arg.startsWith("-")) {
      problems.push(`unknown option ${arg}; allowed: ${[...BOOLEAN_FLAGS, ...VALUE_FLAGS].join(", ")}`);
    } else if (!/^[A-Za-z0-9_.-]+$/.test(arg)) {
      problems.push(`stack name "${arg}" may only contain letters, digits, "-", "_" and "."`);
    } else {
      stacks.push(arg);
    }
  }
  const all = flags.has("--all");
  const help = flags.has("--help");
  if (!help && all && stacks.length > 0) problems.push(`--all plans every stack; do not also name stacks (got ${stacks.join(", ")})`);
  if (!help && !all && stacks.length === 0) problems.push("name a stack (e.g. dev) or pass --all");
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return {
    stacks,
    all,
    help,
    quiet: flags.has("--quiet"),
    outDir: values["--out-dir"] ?? "plan",
    stacksDir: values["--stacks-dir"] ?? "stacks",
  };
}

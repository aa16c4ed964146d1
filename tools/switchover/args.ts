/**
 * Command-line arguments of `npm run switchover -- <stack> --to <region> [--dry-run]`.
 */

/** Parsed arguments. */
export interface SwitchoverArgs {
  readonly stack: string;
  /** The region the writer moves to. */
  readonly to: string;
  /** Print the plan and the diff, write nothing. @default false */
  readonly dryRun: boolean;
  /** Where stack files are read. @default "stacks" */
  readonly stacksDir: string;
  readonly help: boolean;
}

/** Usage text. */
export const USAGE = `Usage: npm run switchover -- <stack> --to <region> [--dry-run] [--stacks-dir <dir>]

Moves the database writer of a stack to another of its regions: sets blueprint:writerRegion in
stacks/Pulumi.<stack>.yaml (comments kept), plans the stack before and after, and proves with the
plan diff that no stateful resource is replaced; then prints the Region switch plan execution or
the commands to run, and the pulumi up that follows.

Options:
  --to <region>          the region to move the writer to (one of the stack's regions)
  --dry-run              plan and compare, but do not write the stack file
  --stacks-dir <dir>     where stack files are read (default: stacks)
  --help                 this text

Exit codes: 0 switched (or compared with --dry-run); 1 the stack cannot be read or planned;
2 bad arguments (an unknown option, no --to, a region the stack does not have: its regions are
listed); 3 unexpected failure (a bug); 5 the switchover would delete or replace a stateful
resource (nothing written).`;

/** Thrown for arguments the CLI does not accept. */
export class SwitchoverUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SwitchoverUsageError";
  }
}

/** Parses argv (without node and script), every problem at once. */
export function parseSwitchoverArgs(argv: readonly string[]): SwitchoverArgs {
  const problems: string[] = [];
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let dryRun = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--to" || flag === "--stacks-dir") {
      const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--") ? argv[++i] : undefined);
      if (!value) problems.push(`${flag} needs a value (${flag === "--to" ? "a region of the stack" : "a directory"})`);
      else values[flag] = value;
    } else if (flag === "--dry-run") dryRun = true;
    else if (flag === "--help") help = true;
    else if (arg.startsWith("-")) problems.push(`unknown option ${arg}; allowed: --to, --dry-run, --stacks-dir, --help`);
    else positional.push(arg);
  }
  if (!help) {
    if (positional.length !== 1) problems.push(`name exactly one stack (e.g. prod); got ${positional.length === 0 ? "none" : positional.join(", ")}`);
    else if (!/^[A-Za-z0-9_.-]+$/.test(positional[0])) problems.push(`stack name "${positional[0]}" may only contain letters, digits, "-", "_" and "."`);
    if (values["--to"] === undefined && !problems.some((problem) => problem.startsWith("--to")))
      problems.push("--to <region> is required: the region to move the writer to");
  }
  if (problems.length > 0) throw new SwitchoverUsageError(problems.join("\n"));
  return { stack: positional[0] ?? "", to: values["--to"] ?? "", dryRun, stacksDir: values["--stacks-dir"] ?? "stacks", help };
}

/**
 * Command-line arguments of `npm run cost:refresh`.
 */

/** Parsed arguments. */
export interface RefreshArgs {
  /** `commands`: print the get-products commands; `refresh`: read the files and update the snapshot. */
  readonly mode: "commands" | "refresh";
  /** Directory of Price List files to read (refresh), or to name in the commands. @default "offers" for commands */
  readonly offers: string;
  /** The snapshot to update. @default tools/plan/cost/prices.json */
  readonly snapshot?: string;
  /** Write even when some prices are not in the files (they keep their old values). @default false */
  readonly keepMissing: boolean;
  /** Print the changes, write nothing. @default false */
  readonly dryRun: boolean;
  readonly help: boolean;
}

/** Usage text. */
export const USAGE = `Usage: npm run -s cost:refresh -- commands [--offers <dir>] [--snapshot <file>]
       npm run -s cost:refresh -- --offers <dir> [--snapshot <file>] [--keep-missing] [--dry-run]

Refreshes the price snapshot (tools/plan/cost/prices.json) from the AWS Price List, offline:
\`commands\` prints one \`aws pricing get-products\` command per offer, product family and region
the snapshot needs (run them where AWS credentials are at hand; the Price List API is free); then
\`--offers <dir>\` reads every .json file under <dir> (that output, or bulk offer files) and looks
every price of the snapshot up again. Keys the Price List cannot price are kept and named.

Options:
  --offers <dir>      the Price List files (default for commands: offers)
  --snapshot <file>   the snapshot to read and write (default: tools/plan/cost/prices.json)
  --keep-missing      write even when some prices are not in the files (they keep their old value)
  --dry-run           print what would change, write nothing
  --help              this text

Exit codes: 0 refreshed (or printed); 1 a file cannot be read, or some prices are not in the files
or match twice (nothing written without --keep-missing); 2 bad arguments.`;

/** Thrown for arguments the CLI does not accept. */
export class RefreshUsageError extends Error {}

/** Parses argv (without node and script), every problem at once. */
export function parseRefreshArgs(argv: readonly string[]): RefreshArgs {
  const problems: string[] = [];
  const values: Record<string, string> = {};
  const positional: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--offers" || flag === "--snapshot") {
      const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--") ? argv[++i] : undefined);
      if (!value) problems.push(`${flag} needs a value (${flag === "--offers" ? "a directory of Price List files" : "a snapshot file"})`);
      else values[flag] = value;
    } else if (flag === "--keep-missing" || flag === "--dry-run" || flag === "--help") flags.add(flag);
    else if (arg.startsWith("-")) problems.push(`unknown option ${arg}; allowed: --offers, --snapshot, --keep-missing, --dry-run, --help`);
    else positional.push(arg);
  }
  const mode = positional[0] === "commands" ? "commands" : "refresh";
  const extra = mode === "commands" ? positional.slice(1) : positional;
  if (extra.length > 0) problems.push(`unexpected argument(s) ${extra.join(", ")}; the only subcommand is commands`);
  if (!flags.has("--help") && mode === "refresh" && values["--offers"] === undefined && !problems.some((p) => p.startsWith("--offers")))
    problems.push(
      "--offers <dir> is required: the directory of Price List files (print the commands that fetch them with: npm run -s cost:refresh -- commands)",
    );
  if (problems.length > 0) throw new RefreshUsageError(problems.join("\n"));
  return {
    mode,
    offers: values["--offers"] ?? "offers",
    ...(values["--snapshot"] !== undefined ? { snapshot: values["--snapshot"] } : {}),
    keepMissing: flags.has("--keep-missing"),
    dryRun: flags.has("--dry-run"),
    help: flags.has("--help"),
  };
}

/**
 * `npm run -s plan -- placeholders [<stack> ...] [--stacks-dir <dir>] [--json]`: lists every
 * placeholder value still in the stack files (the documentation account in an ARN, a reserved
 * example domain or e-mail, a made-up hosted-zone ID), each with its file, line and key, so that a
 * first real deploy does not start with values no account has. Exit codes: 0 none; 1 a stack file
 * is missing or not valid YAML; 2 bad arguments; 7 placeholders found.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EXIT_CODES, UsageError } from "../args";
import { listStacks } from "../stackFile";
import { PlaceholderScanError, scanPlaceholders, type Placeholder } from "./scan";

/** Exit code when a stack file still holds a placeholder. */
export const EXIT_PLACEHOLDERS_FOUND = 7;

/** Usage text of the placeholders subcommand. */
export const PLACEHOLDERS_USAGE = `Usage: npm run -s plan -- placeholders [<stack> ...] [--stacks-dir <dir>] [--json]

Lists every placeholder value still in the stack files (no stack named: every stack): ARNs of
the AWS documentation account 123456789012, domains and e-mail addresses under a domain reserved
for documentation (example.com, .test, ...), made-up IDs such as the hosted zone Z0123456789ABCDEFGHIJ.
Each line gives the file and line, the key as \`pulumi config set --path\` takes it, the value and
why it is a placeholder.

Options:
  --stacks-dir <dir>     where to read stack files (default: stacks)
  --json                 print a JSON array of { file, line, key, value, reasons } instead
  --help                 this text

Exit codes: 0 no placeholder; 1 a stack file is missing or not valid YAML; 2 bad arguments;
7 placeholders found.`;

/** Parsed arguments of the placeholders subcommand. */
export interface PlaceholdersArgs {
  /** Stacks to check; empty checks every stack. */
  readonly stacks: string[];
  /** @default "stacks" */
  readonly stacksDir: string;
  /** @default false */
  readonly json: boolean;
  readonly help: boolean;
}

/** Parses the subcommand's argv (after `placeholders`); every problem at once. */
export function parsePlaceholdersArgs(argv: readonly string[]): PlaceholdersArgs {
  const problems: string[] = [];
  const stacks: string[] = [];
  let stacksDir = "stacks";
  let json = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") json = true;
    else if (arg === "--help") help = true;
    else if (arg === "--stacks-dir" || arg.startsWith("--stacks-dir=")) {
      const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[++i];
      if (value === undefined || value === "" || value.startsWith("--")) problems.push("--stacks-dir needs a value (a directory)");
      else stacksDir = value;
    } else if (arg.startsWith("-")) problems.push(`unknown option ${arg}; allowed: --stacks-dir, --json, --help`);
    else if (!/^[A-Za-z0-9_.-]+$/.test(arg)) problems.push(`stack name "${arg}" may only contain letters, digits, "-", "_" and "."`);
    else stacks.push(arg);
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return { stacks, stacksDir, json, help };
}

/** One placeholder as a line: `<file>:<line>: <key> = <value>: <reasons>`. */
export function placeholderLine(placeholder: Placeholder): string {
  return `${placeholder.file}:${placeholder.line}: ${placeholder.key} = ${JSON.stringify(placeholder.value)}: ${placeholder.reasons.join("; ")}`;
}

type Writer = (line: string) => void;

/** Runs the subcommand and returns its exit code. */
export function placeholdersMain(argv: readonly string[], out: Writer, err: Writer): number {
  let args: PlaceholdersArgs;
  try {
    args = parsePlaceholdersArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${PLACEHOLDERS_USAGE}`);
    return EXIT_CODES.usage;
  }
  if (args.help) {
    out(PLACEHOLDERS_USAGE);
    return EXIT_CODES.ok;
  }
  const stacks = args.stacks.length > 0 ? args.stacks : listStacks(args.stacksDir);
  if (stacks.length === 0) {
    err(`No stack files in ${args.stacksDir}/ (expected Pulumi.<stack>.yaml).`);
    return EXIT_CODES.failed;
  }
  const found: Placeholder[] = [];
  const counts: Array<[string, number]> = [];
  const problems: string[] = [];
  for (const stack of stacks) {
    const file = join(args.stacksDir, `Pulumi.${stack}.yaml`);
    if (!existsSync(file)) {
      const known = listStacks(args.stacksDir);
      problems.push(`Unknown stack "${stack}": ${file} does not exist. Known stacks: ${known.length > 0 ? known.join(", ") : "none"}.`);
      continue;
    }
    try {
      const inStack = scanPlaceholders(file, readFileSync(file, "utf8"));
      found.push(...inStack);
      counts.push([stack, inStack.length]);
    } catch (error) {
      if (!(error instanceof PlaceholderScanError)) throw error;
      problems.push(error.message);
    }
  }
  if (args.json) out(JSON.stringify(found, null, 2));
  else {
    for (const placeholder of found) out(placeholderLine(placeholder));
    out(summaryLine(counts));
  }
  for (const problem of problems) err(problem);
  if (problems.length > 0) return EXIT_CODES.failed;
  return found.length > 0 ? EXIT_PLACEHOLDERS_FOUND : EXIT_CODES.ok;
}

/** `3 placeholder(s) in prod, 7 in staging; none in dev.` and what to do. */
function summaryLine(counts: ReadonlyArray<[string, number]>): string {
  const withSome = counts.filter(([, count]) => count > 0).map(([stack, count]) => `${count} in ${stack}`);
  const clean = counts.filter(([, count]) => count === 0).map(([stack]) => stack);
  if (withSome.length === 0) return `No placeholders in ${clean.join(", ")}.`;
  return `Placeholders: ${withSome.join(", ")}${clean.length > 0 ? `; none in ${clean.join(", ")}` : ""}. Replace each with your own value (pulumi config set --path '<key>' <value>, or edit the file) before pulumi up.`;
}

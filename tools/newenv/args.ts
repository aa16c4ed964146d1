/**
 * Command-line arguments of `npm run new-env`. Only what can be checked without reading the
 * stacks directory is checked here; `cli.ts` adds the checks that need the existing stacks
 * (unknown source, existing target, physical-name clash).
 */
import { regionInfo, REGION_NAMES, suggestRegions } from "../../components/lib/regions";

/** Parsed arguments. */
export interface NewEnvArgs {
  /** Name of the stack to create (`stacks/Pulumi.<name>.yaml`). */
  readonly name?: string;
  /** Stack whose file is copied. */
  readonly from?: string;
  /** Regions of the new stack, in order. @default - the source stack's regions */
  readonly regions?: readonly string[];
  /** Primary region. @default - the first of `--regions`, else the source stack's primary */
  readonly primary?: string;
  /** Print the file instead of writing it. @default false */
  readonly dryRun: boolean;
  /** Where stack files are read and written. @default "stacks" */
  readonly stacksDir: string;
  readonly help: boolean;
}

/** The parse result: the arguments read so far, and every problem found in them. */
export interface ParsedNewEnvArgs {
  readonly args: NewEnvArgs;
  readonly problems: readonly string[];
}

/** Usage text. */
export const USAGE = `Usage: npm run new-env -- --name <stack> --from <stack> [--regions r1,r2,...] [--primary <region>] [--dry-run]

Creates stacks/Pulumi.<name>.yaml from stacks/Pulumi.<from>.yaml: the same settings and comments,
new VPC CIDRs disjoint from every region of every stack in the stacks directory, AZs for regions
the source does not have (from components/lib/regions.ts), and the primary region. The result is
validated like any stack file; an invalid result, or an existing file, is never written.

Options:
  --name <stack>        the new stack (letters, digits, "-", "_" and ".", at most 100 characters)
  --from <stack>        the stack to copy, e.g. dev
  --regions <list>      comma-separated regions (default: the source stack's regions)
  --primary <region>    one of the regions (default: the first of --regions, else the source's primary)
  --dry-run             print the new file instead of writing it
  --stacks-dir <dir>    where stack files live (default: stacks)
  --help                this text

Exit codes: 0 written (or printed), 1 the new stack would be invalid or no CIDR is free,
2 bad arguments (all listed at once), 3 an unexpected failure (a bug; with a stack trace).`;

/**
 * Pulumi's rule for stack names: letters, digits, hyphens, underscores and periods, at most 100
 * characters (the CLI refuses anything else with "stack names are limited to 100 characters and
 * may only contain alphanumeric, hyphens, underscores, or periods").
 *
 * @see https://www.pulumi.com/docs/iac/concepts/stacks/
 */
export const STACK_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;

/** Longest stack name Pulumi accepts. */
export const MAX_STACK_NAME_LENGTH = 100;

const VALUE_FLAGS = ["--name", "--from", "--regions", "--primary", "--stacks-dir"] as const;
const BOOLEAN_FLAGS = ["--dry-run", "--help"] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const VALUE_HINTS: Record<ValueFlag, string> = {
  "--name": "the new stack's name, e.g. perf",
  "--from": "the stack to copy, e.g. dev",
  "--regions": "comma-separated regions, e.g. us-east-1,eu-west-1",
  "--primary": "one of the regions, e.g. us-east-1",
  "--stacks-dir": "a directory",
};

/**
 * Parses argv (without node and script) and collects every problem instead of stopping at the
 * first. A bare `--` (as `npx tsx tools/newenv/cli.ts -- ...` passes it) is ignored.
 */
export function parseNewEnvArgs(argv: readonly string[]): ParsedNewEnvArgs {
  const problems: string[] = [];
  const values: Partial<Record<ValueFlag, string>> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    if ((VALUE_FLAGS as readonly string[]).includes(flag)) {
      const key = flag as ValueFlag;
      const value = inline ?? (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--") ? argv[++i] : undefined);
      if (value === undefined || value === "") problems.push(`${key} needs a value (${VALUE_HINTS[key]})`);
      else if (values[key] !== undefined) problems.push(`${key} is given twice ("${values[key]}" and "${value}"); give it once`);
      else values[key] = value;
    } else if ((BOOLEAN_FLAGS as readonly string[]).includes(flag)) {
      if (inline !== undefined) problems.push(`${flag} takes no value, got "${inline}"`);
      flags.add(flag);
    } else if (arg.startsWith("-")) {
      problems.push(`unknown option ${arg}; allowed: ${[...VALUE_FLAGS, ...BOOLEAN_FLAGS].join(", ")}`);
    } else {
      problems.push(`unexpected argument "${arg}"; name the stacks with --name and --from`);
    }
  }
  const help = flags.has("--help");
  const regions = values["--regions"] === undefined ? undefined : values["--regions"].split(",").map((region) => region.trim());
  if (!help) {
    if (values["--name"] === undefined && !problems.some((p) => p.startsWith("--name "))) {
      problems.push(`--name is required (${VALUE_HINTS["--name"]})`);
    }
    if (values["--from"] === undefined && !problems.some((p) => p.startsWith("--from "))) {
      problems.push(`--from is required (${VALUE_HINTS["--from"]})`);
    }
    for (const key of ["--name", "--from"] as const) {
      const value = values[key];
      if (value !== undefined) problems.push(...stackNameProblems(key, value));
    }
    if (regions) problems.push(...regionListProblems(regions));
    const primary = values["--primary"];
    if (primary !== undefined) problems.push(...primaryProblems(primary, regions));
  }
  return {
    args: {
      ...(values["--name"] !== undefined ? { name: values["--name"] } : {}),
      ...(values["--from"] !== undefined ? { from: values["--from"] } : {}),
      ...(regions ? { regions } : {}),
      ...(values["--primary"] !== undefined ? { primary: values["--primary"] } : {}),
      dryRun: flags.has("--dry-run"),
      stacksDir: values["--stacks-dir"] ?? "stacks",
      help,
    },
    problems,
  };
}

/** Problems with a stack name given to `flag`, by Pulumi's rules. */
export function stackNameProblems(flag: string, name: string): string[] {
  if (name.length > MAX_STACK_NAME_LENGTH) {
    return [`${flag} "${name.slice(0, 20)}..." is ${name.length} characters long; Pulumi stack names have at most ${MAX_STACK_NAME_LENGTH}`];
  }
  if (!STACK_NAME_PATTERN.test(name)) {
    return [`${flag} "${name}" is not a Pulumi stack name; use letters, digits, "-", "_" and "." only`];
  }
  return [];
}

/** "is not a known AWS region; did you mean ...?" or the full list when nothing is close. */
export function unknownRegionMessage(flag: string, region: string): string {
  const suggestions = suggestRegions(region);
  return suggestions.length > 0
    ? `${flag} "${region}" is not a known AWS region; did you mean ${suggestions.join(" or ")}?`
    : `${flag} "${region}" is not a known AWS region; known regions: ${REGION_NAMES.join(", ")}`;
}

function regionListProblems(regions: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  regions.forEach((region, index) => {
    if (region === "") {
      problems.push(`--regions has an empty entry at position ${index + 1}; separate region names with single commas`);
    } else if (!regionInfo(region)) {
      problems.push(unknownRegionMessage("--regions", region));
    } else if (seen.has(region)) {
      problems.push(`--regions lists "${region}" twice; each region may appear once`);
    }
    seen.add(region);
  });
  return problems;
}

function primaryProblems(primary: string, regions: readonly string[] | undefined): string[] {
  if (!regionInfo(primary)) return [unknownRegionMessage("--primary", primary)];
  if (regions && !regions.includes(primary)) {
    return [`--primary "${primary}" is not one of --regions (${regions.join(", ")}); pick one of them or add it to --regions`];
  }
  return [];
}

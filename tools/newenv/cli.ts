/**
 * `npm run new-env -- --name <stack> --from <stack> [--regions a,b,c] [--primary r] [--dry-run]`:
 * creates `stacks/Pulumi.<name>.yaml` from another stack's file with new, non-overlapping VPC
 * CIDRs, validated before it is written.
 *
 * Exit codes: 0 written (or printed with --dry-run), 1 the new stack would be invalid, a stack
 * file cannot be read or no free CIDR is left (nothing is written), 2 bad arguments (every problem
 * listed at once: missing flags, invalid names, unknown regions or stacks, an existing file),
 * 3 an unexpected failure (a bug in the tool; printed with its stack trace).
 */
import { runCli } from "../lib/exit";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Cidr } from "../../components/lib/cidr";
import { physicalNamePrefix } from "../../components/lib/naming";
import { CONFIG_NAMESPACE } from "../../infra/configSchema";
import { parseNewEnvArgs, USAGE, stackNameProblems, type NewEnvArgs } from "./args";
import { CidrSpaceExhaustedError } from "./cidrAllocation";
import { forkStackText, ForkError, REGIONS_KEY } from "./forkStack";
import { planRegions, sourceRegionsOf, type PlannedRegion, type SourceRegion } from "./regionPlan";
import { readStackInventory, StackInventoryError, type ExistingStack } from "./stackInventory";
import { validateStackText } from "./validateStack";

/** Exit code: written or printed. */
export const EXIT_OK = 0;
/** Exit code: the new stack would be invalid, a stack file is unreadable or no CIDR is free. */
export const EXIT_INVALID = 1;
/** Exit code: bad arguments. */
export const EXIT_USAGE = 2;
/** Exit code: a bug in the tool. */
export const EXIT_BUG = 3;

/** Runs the CLI and returns its exit code; output goes to the given writers. */
export function main(argv: readonly string[], out: (text: string) => void = console.log, err: (text: string) => void = console.error): number {
  const { args, problems: argProblems } = parseNewEnvArgs(argv);
  if (args.help && argProblems.length === 0) {
    out(USAGE);
    return EXIT_OK;
  }
  const problems = [...argProblems];
  const stacks = inspectStacksDir(args, problems);
  if (stacks.failure) {
    err(stacks.failure);
    return EXIT_INVALID;
  }
  const source = args.from !== undefined && stacks.names.includes(args.from) ? readSource(args.stacksDir, args.from) : undefined;
  if (source && "failure" in source) {
    err(source.failure);
    return EXIT_INVALID;
  }
  if (source && args.primary !== undefined && args.regions === undefined && !source.regions.some((region) => region.name === args.primary)) {
    problems.push(
      `--primary "${args.primary}" is not one of ${args.from}'s regions (${source.regions.map((region) => region.name).join(", ")}); pick one of them or list the regions with --regions`,
    );
  }
  if (problems.length > 0 || !source) {
    err(
      `new-env: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`} with the arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}\n\n${USAGE}`,
    );
    return EXIT_USAGE;
  }
  const name = args.name!;
  const from = args.from!;
  let regions: PlannedRegion[];
  try {
    regions = planRegions(
      source.regions,
      { ...(args.regions ? { regions: args.regions } : {}), ...(args.primary ? { primary: args.primary } : {}) },
      stacks.taken,
    );
  } catch (error) {
    if (!(error instanceof CidrSpaceExhaustedError)) throw error;
    err(`new-env: ${error.message}`);
    return EXIT_INVALID;
  }
  let fork: ReturnType<typeof forkStackText>;
  try {
    fork = forkStackText(source.text, source.path, { name, from, regions, command: commandLine(args) });
  } catch (error) {
    if (!(error instanceof ForkError)) throw error;
    err(`new-env: ${error.message}`);
    return EXIT_INVALID;
  }
  const target = join(args.stacksDir, `Pulumi.${name}.yaml`);
  const validation = validateStackText(name, target, fork.text);
  if (!validation.ok) {
    const count = validation.problems.length === 1 ? "1 problem" : `${validation.problems.length} problems`;
    err(`new-env: ${target} would be invalid (${count}); nothing was written:\n${validation.problems.map((p) => `  - ${p}`).join("\n")}`);
    return EXIT_INVALID;
  }
  const notes = fork.notes.length > 0 ? `Review:\n${fork.notes.map((note) => `  - ${note}`).join("\n")}` : "";
  if (args.dryRun) {
    // stdout carries the file alone, so `--dry-run > file` works; the rest goes to stderr
    out(fork.text.replace(/\n$/, ""));
    err(`new-env: dry run, ${target} was not written.${notes ? `\n${notes}` : ""}`);
    return EXIT_OK;
  }
  try {
    // "wx" fails if the file appeared since the check: never overwrite a stack file
    writeFileSync(target, fork.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    err(`new-env: ${target} already exists; new-env never overwrites a stack file.`);
    return EXIT_USAGE;
  }
  out(
    [
      `Wrote ${target} (from ${from}):`,
      ...regions.map((region) => `  ${region.name}${region.primary ? " (primary)" : ""}: ${region.vpcCidr}, ${region.availabilityZones.join(", ")}`),
      ...(notes ? [notes] : []),
      `Next: npm run plan -- ${name}; then pulumi stack init ${name} and pulumi up --stack ${name}.`,
    ].join("\n"),
  );
  return EXIT_OK;
}

interface StacksDirState {
  readonly names: string[];
  /** Every VPC block of every existing stack. */
  readonly taken: Cidr[];
  /** Set when a stack file cannot be read (exit 1). */
  readonly failure?: string;
}

/** Lists the stacks and adds the argument problems that need them (unknown source, existing target, name clash). */
function inspectStacksDir(args: NewEnvArgs, problems: string[]): StacksDirState {
  const dir = args.stacksDir;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push(`--stacks-dir "${dir}" is not a directory; it must hold the Pulumi.<stack>.yaml files`);
    return { names: [], taken: [] };
  }
  let inventory: ExistingStack[];
  try {
    inventory = readStackInventory(dir);
  } catch (error) {
    if (!(error instanceof StackInventoryError)) throw error;
    return { names: [], taken: [], failure: `new-env: ${error.message}` };
  }
  const names = inventory.map((stack) => stack.name);
  if (args.from !== undefined && stackNameProblems("--from", args.from).length === 0 && !names.includes(args.from)) {
    problems.push(
      `--from "${args.from}" is not a stack: ${join(dir, `Pulumi.${args.from}.yaml`)} does not exist; existing stacks: ${names.join(", ") || "none"}`,
    );
  }
  if (args.name !== undefined && stackNameProblems("--name", args.name).length === 0) {
    const target = join(dir, `Pulumi.${args.name}.yaml`);
    const prefix = physicalNamePrefix(CONFIG_NAMESPACE, args.name);
    const clash = inventory.find((stack) => physicalNamePrefix(CONFIG_NAMESPACE, stack.name) === prefix);
    if (names.includes(args.name) || existsSync(target)) {
      problems.push(`--name "${args.name}": ${target} already exists; new-env never overwrites a stack file (choose another name or delete the file)`);
    } else if (clash) {
      problems.push(
        `--name "${args.name}" gives the physical-name prefix ${prefix}, which stack ${clash.name} already uses; AWS names (queues, topics, buckets) would collide, so choose a name that differs by more than case or punctuation`,
      );
    }
  }
  return { names, taken: inventory.flatMap((stack) => stack.vpcCidrs) };
}

/** The source stack's text and regions, or why it cannot be read. */
function readSource(dir: string, from: string): { text: string; path: string; regions: SourceRegion[] } | { failure: string } {
  const path = join(dir, `Pulumi.${from}.yaml`);
  const text = readFileSync(path, "utf8");
  const document = parse(text) as { config?: Record<string, unknown> } | null;
  const regions = sourceRegionsOf(document?.config?.[REGIONS_KEY]);
  if (regions.length === 0) return { failure: `new-env: ${path} lists no regions under ${REGIONS_KEY}; fix the source stack first` };
  return { text, path, regions };
}

/** The command as the header of the new file quotes it (without --dry-run and --stacks-dir). */
function commandLine(args: NewEnvArgs): string {
  return [
    "npm run new-env --",
    `--name ${args.name}`,
    `--from ${args.from}`,
    ...(args.regions ? [`--regions ${args.regions.join(",")}`] : []),
    ...(args.primary ? [`--primary ${args.primary}`] : []),
  ].join(" ");
}

if (require.main === module) void runCli(() => main(process.argv.slice(2)), EXIT_BUG);

/**
 * `npm run cost:refresh`: prints the Price List commands the snapshot needs, or reads their output
 * and writes a new dated snapshot. Exit codes: see args.ts (USAGE).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { runCli } from "../../../lib/exit";
import { loadSnapshot, SNAPSHOT_PATH, type PriceSnapshot } from "../snapshot";
import { parseRefreshArgs, RefreshUsageError, USAGE } from "./args";
import { fetchCommands } from "./commands";
import { OfferFileError, offerProducts, type OfferProduct } from "./offerFile";
import { refreshSnapshot } from "./refreshSnapshot";

/** Exit codes. */
export const REFRESH_EXIT = { ok: 0, failed: 1, usage: 2, crash: 3 } as const;

/** V8 cannot hold a string longer than this; bigger bulk offer files need the filtered commands. */
const MAX_FILE_BYTES = 500 * 1024 * 1024;

type Writer = (line: string) => void;

/** Every .json file under a directory, sorted. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** Reads every Price List file of a directory; problems name each file. */
function readOffers(dir: string): { products: OfferProduct[]; files: number; problems: string[] } {
  const problems: string[] = [];
  const products: OfferProduct[] = [];
  const files = jsonFiles(dir);
  if (files.length === 0) problems.push(`--offers ${dir}: no .json file in it (fetch them with the commands of: npm run -s cost:refresh -- commands)`);
  for (const file of files) {
    if (statSync(file).size > MAX_FILE_BYTES) {
      problems.push(`${file}: larger than 500 MB, too large to read as one JSON document; use the filtered get-products commands instead`);
      continue;
    }
    try {
      products.push(...offerProducts(JSON.parse(readFileSync(file, "utf8")), file));
    } catch (error) {
      if (error instanceof OfferFileError) problems.push(error.message);
      else if (error instanceof SyntaxError) problems.push(`${file}: not valid JSON (${error.message})`);
      else throw error;
    }
  }
  return { products, files: files.length, problems };
}

const money = (usd: number): string => String(usd);

/** Runs the CLI and returns its exit code. `today` dates a snapshot whose files state no publication date. */
export function main(argv: readonly string[], out: Writer = console.log, err: Writer = console.error, today = new Date().toISOString().slice(0, 10)): number {
  let args;
  try {
    args = parseRefreshArgs(argv);
  } catch (error) {
    if (!(error instanceof RefreshUsageError)) throw error;
    err(`${error.message}\n\n${USAGE}`);
    return REFRESH_EXIT.usage;
  }
  if (args.help) {
    out(USAGE);
    return REFRESH_EXIT.ok;
  }
  const snapshotPath = args.snapshot ?? SNAPSHOT_PATH;
  let snapshot: PriceSnapshot;
  try {
    snapshot = loadSnapshot(snapshotPath);
  } catch (error) {
    err(`--snapshot ${snapshotPath}: ${(error as Error).message}`);
    return REFRESH_EXIT.failed;
  }
  if (args.mode === "commands") {
    const commands = fetchCommands(snapshot, args.offers);
    out(`mkdir -p ${args.offers}`);
    for (const command of commands) out(command.command);
    err(`${commands.length} command(s); then: npm run -s cost:refresh -- --offers ${args.offers}`);
    return REFRESH_EXIT.ok;
  }
  if (!existsSync(args.offers) || !statSync(args.offers).isDirectory()) {
    err(`--offers ${args.offers}: no such directory`);
    return REFRESH_EXIT.failed;
  }
  const read = readOffers(args.offers);
  if (read.problems.length > 0) {
    for (const problem of read.problems) err(problem);
    return REFRESH_EXIT.failed;
  }
  const result = refreshSnapshot(snapshot, read.products, { today });
  for (const change of result.changes) out(`${change.location} ${change.key}: ${money(change.from)} -> ${money(change.to)}`);
  for (const problem of result.problems) err(problem);
  const shown = args.snapshot ?? relative(process.cwd(), SNAPSHOT_PATH);
  const summary =
    `${read.files} file(s), ${read.products.length} product(s): ${result.changes.length} price(s) changed, ${result.unchanged} unchanged, ` +
    `${result.problems.length} not found or ambiguous; by hand: ${result.byHand.length === 0 ? "none" : result.byHand.join(", ")}. Prices as of ${result.snapshot.date}.`;
  if (result.problems.length > 0 && !args.keepMissing) {
    err(`${summary}\n${shown} is unchanged: add the missing files, or write anyway with --keep-missing (those prices stay as they were).`);
    return REFRESH_EXIT.failed;
  }
  if (args.dryRun) {
    out(`${summary}\n--dry-run: ${shown} is unchanged.`);
    return REFRESH_EXIT.ok;
  }
  writeFileSync(snapshotPath, `${JSON.stringify(result.snapshot, null, 2)}\n`);
  out(`${summary}\nwrote ${shown}`);
  return REFRESH_EXIT.ok;
}

if (require.main === module) void runCli(() => main(process.argv.slice(2)), REFRESH_EXIT.crash);

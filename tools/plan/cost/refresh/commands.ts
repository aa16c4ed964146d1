/**
 * The `aws pricing get-products` commands that fetch what a refresh needs: one per offer, product
 * family, fixed attributes and region (one for the account-wide prices), each narrowed by
 * TERM_MATCH filters so that even EC2 stays a few megabytes (its bulk offer files are gigabytes).
 */
import type { PriceSnapshot } from "../snapshot";
import { matcherOf, type OfferMatch } from "./skuMatchers";

/** The Price List Query API's endpoint region (it also answers in eu-central-1 and ap-south-1). */
export const PRICING_ENDPOINT_REGION = "us-east-1";

const quote = (value: string): string => (/^[\w.:/=,-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`);
const slug = (value: string): string => value.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** One command: the file it writes and the command line. */
export interface FetchCommand {
  readonly file: string;
  readonly command: string;
}

function commandOf(match: OfferMatch, region: string | null, outDir: string): FetchCommand {
  const filters: [string, string][] = [
    ...(region !== null ? ([["regionCode", region]] as [string, string][]) : []),
    ...(match.family !== undefined ? ([["productFamily", match.family]] as [string, string][]) : []),
    ...Object.entries(match.attributes ?? {}),
    // account-wide usage types carry no region prefix, so the exact name selects them
    ...(region === null ? ([["usagetype", match.usageType]] as [string, string][]) : []),
  ];
  const name = [match.offer, match.family, ...Object.values(match.attributes ?? {}), region === null ? match.usageType : region]
    .filter((part): part is string => part !== undefined)
    .map(slug)
    .join(".");
  const file = `${outDir}/${name}.json`;
  const filterArgs = filters.map(([field, value]) => quote(`Type=TERM_MATCH,Field=${field},Value=${value}`)).join(" ");
  return {
    file,
    command: `aws pricing get-products --region ${PRICING_ENDPOINT_REGION} --service-code ${match.offer} --filters ${filterArgs} --output json > ${quote(file)}`,
  };
}

/** The commands for every key of every location in the snapshot, each once, in a stable order. */
export function fetchCommands(snapshot: PriceSnapshot, outDir: string): FetchCommand[] {
  const commands = new Map<string, FetchCommand>();
  const add = (key: string, location: string | null) => {
    const match = matcherOf(key);
    if (match === undefined) return;
    const region = match.scope === "global" ? null : location;
    const command = commandOf(match, region, outDir);
    commands.set(command.file, command);
  };
  for (const key of Object.keys(snapshot.global)) add(key, null);
  for (const [region, table] of Object.entries(snapshot.regions)) for (const key of Object.keys(table)) add(key, region);
  return [...commands.values()].sort((a, b) => a.file.localeCompare(b.file));
}

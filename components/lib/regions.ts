/**
 * The AWS commercial regions the blueprint knows, with their continent and availability-zone letters.
 *
 * This table is the one place to update when AWS opens a region or an AZ (a `[volatile]` fact):
 * config validation rejects region names and AZs that are not listed here, so a typo fails offline
 * instead of twenty minutes into `pulumi up`. AZ letters are the names AWS documents for the region;
 * an account may see fewer of them (for example two of us-west-1's three), which the plan cannot know.
 */

/** Where a region is, used to spread production across continents. */
export type Continent = "north-america" | "south-america" | "europe" | "asia-pacific" | "middle-east" | "africa";

/** One AWS region as the blueprint sees it. */
export interface RegionInfo {
  /** Region code, e.g. `eu-west-1`. */
  readonly name: string;
  readonly continent: Continent;
  /** AZ letter suffixes AWS documents for the region, in order. */
  readonly azLetters: readonly string[];
  /** True when the account must opt in to the region before using it. */
  readonly optIn: boolean;
}

const table: ReadonlyArray<[string, Continent, string, boolean]> = [
  ["us-east-1", "north-america", "abcdef", false],
  ["us-east-2", "north-america", "abc", false],
  ["us-west-1", "north-america", "abc", false],
  ["us-west-2", "north-america", "abcd", false],
  ["ca-central-1", "north-america", "abd", false],
  ["ca-west-1", "north-america", "abc", true],
  ["mx-central-1", "north-america", "abc", true],
  ["sa-east-1", "south-america", "abc", false],
  ["eu-west-1", "europe", "abc", false],
  ["eu-west-2", "europe", "abc", false],
  ["eu-west-3", "europe", "abc", false],
  ["eu-central-1", "europe", "abc", false],
  ["eu-central-2", "europe", "abc", true],
  ["eu-north-1", "europe", "abc", false],
  ["eu-south-1", "europe", "abc", true],
  ["eu-south-2", "europe", "abc", true],
  ["ap-northeast-1", "asia-pacific", "acd", false],
  ["ap-northeast-2", "asia-pacific", "abcd", false],
  ["ap-northeast-3", "asia-pacific", "abc", false],
  ["ap-southeast-1", "asia-pacific", "abc", false],
  ["ap-southeast-2", "asia-pacific", "abc", false],
  ["ap-southeast-3", "asia-pacific", "abc", true],
  ["ap-southeast-4", "asia-pacific", "abc", true],
  ["ap-southeast-5", "asia-pacific", "abc", true],
  ["ap-southeast-7", "asia-pacific", "abc", true],
  ["ap-south-1", "asia-pacific", "abc", false],
  ["ap-south-2", "asia-pacific", "abc", true],
  ["ap-east-1", "asia-pacific", "abc", true],
  ["me-south-1", "middle-east", "abc", true],
  ["me-central-1", "middle-east", "abc", true],
  ["il-central-1", "middle-east", "abc", true],
  ["af-south-1", "africa", "abc", true],
];

/** Every known region, keyed by name. */
export const REGIONS: ReadonlyMap<string, RegionInfo> = new Map(
  table.map(([name, continent, letters, optIn]) => [name, { name, continent, azLetters: [...letters], optIn }]),
);

/** Every known region name, in table order. */
export const REGION_NAMES: readonly string[] = table.map(([name]) => name);

/** Looks a region up by name. */
export function regionInfo(name: string): RegionInfo | undefined {
  return REGIONS.get(name);
}

/** The documented AZ names of a region, e.g. `["eu-west-1a", "eu-west-1b", "eu-west-1c"]`. */
export function availabilityZonesOf(region: string): string[] {
  return (REGIONS.get(region)?.azLetters ?? []).map((letter) => `${region}${letter}`);
}

/**
 * Known region names closest to a misspelt one (edit distance ≤ 3), best first, at most three.
 * Used to turn "unknown region" into an actionable message.
 */
export function suggestRegions(name: string): string[] {
  return REGION_NAMES.map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter((c) => c.distance <= 3)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map((c) => c.candidate);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

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

/** A point on the globe, in decimal degrees. */
export interface Coordinates {
  readonly latitude: number;
  readonly longitude: number;
}

/**
 * Where each region's data centres are, approximately (the metropolitan area AWS names the region
 * after), for choosing the nearest region of a viewer. Great-circle distance is a stand-in for
 * network latency: good enough to tell continents and the big sub-regions apart, which is what the
 * edge router needs. A region opened later needs a row here too (`regionCoordinates` throws
 * otherwise, and the region table's test checks that every region has one).
 */
const coordinates: Readonly<Record<string, readonly [number, number]>> = {
  "us-east-1": [38.9, -77.4], // Northern Virginia
  "us-east-2": [40.0, -83.0], // Ohio (Columbus)
  "us-west-1": [37.4, -122.0], // Northern California
  "us-west-2": [45.6, -121.2], // Oregon
  "ca-central-1": [45.5, -73.6], // Montreal
  "ca-west-1": [51.0, -114.1], // Calgary
  "mx-central-1": [20.6, -100.4], // Querétaro
  "sa-east-1": [-23.5, -46.6], // São Paulo
  "eu-west-1": [53.3, -6.3], // Dublin
  "eu-west-2": [51.5, -0.1], // London
  "eu-west-3": [48.9, 2.4], // Paris
  "eu-central-1": [50.1, 8.7], // Frankfurt
  "eu-central-2": [47.4, 8.5], // Zurich
  "eu-north-1": [59.3, 18.1], // Stockholm
  "eu-south-1": [45.5, 9.2], // Milan
  "eu-south-2": [41.6, -0.9], // Aragón
  "ap-northeast-1": [35.7, 139.7], // Tokyo
  "ap-northeast-2": [37.6, 127.0], // Seoul
  "ap-northeast-3": [34.7, 135.5], // Osaka
  "ap-southeast-1": [1.3, 103.8], // Singapore
  "ap-southeast-2": [-33.9, 151.2], // Sydney
  "ap-southeast-3": [-6.2, 106.8], // Jakarta
  "ap-southeast-4": [-37.8, 145.0], // Melbourne
  "ap-southeast-5": [3.1, 101.7], // Kuala Lumpur
  "ap-southeast-7": [13.8, 100.5], // Bangkok
  "ap-south-1": [19.1, 72.9], // Mumbai
  "ap-south-2": [17.4, 78.5], // Hyderabad
  "ap-east-1": [22.3, 114.2], // Hong Kong
  "me-south-1": [26.1, 50.6], // Bahrain
  "me-central-1": [24.5, 54.4], // United Arab Emirates
  "il-central-1": [32.1, 34.8], // Tel Aviv
  "af-south-1": [-33.9, 18.4], // Cape Town
};

/** The approximate location of a known region; throws for a region the table lacks. */
export function regionCoordinates(name: string): Coordinates {
  const entry = coordinates[name];
  if (entry === undefined) throw new Error(`No coordinates for region ${JSON.stringify(name)}: add it to components/lib/regions.ts`);
  return { latitude: entry[0], longitude: entry[1] };
}

/** Great-circle distance between two points in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The committed price snapshot (prices.json): dated list prices keyed by region (or `global`) and
 * a SKU-like key such as `ec2:m7g.large`, with its source. The cost rules in components/*\/plan.ts
 * say what is metered; this says what one unit costs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The snapshot file's shape. */
export interface PriceSnapshot {
  readonly version: 1;
  /** The day the prices were read (YYYY-MM-DD). */
  readonly date: string;
  readonly currency: "USD";
  /** Where the prices come from. */
  readonly source: string;
  /** The unit of each SKU, by key or key prefix (the longest matching prefix wins). */
  readonly units: Readonly<Record<string, string>>;
  /** Prices of global resources (Route 53, CloudFront-scope WAF). */
  readonly global: Readonly<Record<string, number>>;
  /** Prices per region, then per SKU. */
  readonly regions: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Where the committed snapshot lives. */
export const SNAPSHOT_PATH = join(__dirname, "prices.json");

/** Reads and checks a snapshot file; throws naming the file and the first problems. */
export function loadSnapshot(path: string = SNAPSHOT_PATH): PriceSnapshot {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as PriceSnapshot;
  const problems = snapshotProblems(parsed);
  if (problems.length > 0) throw new Error(`${path}: ${problems.join("; ")}`);
  return parsed;
}

/** What is wrong with a snapshot: version, date, source and every price a non-negative number. */
export function snapshotProblems(snapshot: PriceSnapshot): string[] {
  const problems: string[] = [];
  if (snapshot.version !== 1) problems.push(`version must be 1, got ${String(snapshot.version)}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(snapshot.date ?? "")) problems.push(`date must be YYYY-MM-DD, got ${String(snapshot.date)}`);
  if (typeof snapshot.source !== "string" || snapshot.source.length === 0) problems.push("source must name where the prices come from");
  const tables = { global: snapshot.global ?? {}, ...Object.fromEntries(Object.entries(snapshot.regions ?? {}).map(([r, p]) => [`regions.${r}`, p])) };
  for (const [where, prices] of Object.entries(tables)) {
    for (const [sku, price] of Object.entries(prices)) {
      if (typeof price !== "number" || !Number.isFinite(price) || price < 0)
        problems.push(`${where}.${sku} must be a non-negative number, got ${String(price)}`);
    }
  }
  return problems;
}

/** The unit a SKU is priced in, from the snapshot's units (longest matching prefix). */
export function unitOf(snapshot: PriceSnapshot, sku: string): string {
  const match = Object.keys(snapshot.units)
    .filter((prefix) => sku.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  return match !== undefined ? snapshot.units[match] : "unit";
}

/** The price of one unit of a SKU in a location (`null`: global), or undefined when the snapshot has none. */
export function priceOf(snapshot: PriceSnapshot, location: string | null, sku: string): number | undefined {
  return location === null ? snapshot.global[sku] : snapshot.regions[location]?.[sku];
}

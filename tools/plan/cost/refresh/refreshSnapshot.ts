/**
 * A new price snapshot from Price List products: every key of every location the snapshot has is
 * looked up again; what the Price List cannot give is listed, never guessed. Pure: the CLI reads
 * the files and writes the result.
 */
import type { PriceSnapshot } from "../snapshot";
import { findPrice, indexProducts } from "./findPrice";
import type { OfferProduct } from "./offerFile";
import { BY_HAND, matcherOf } from "./skuMatchers";

/** One price that changed. */
export interface PriceChange {
  readonly location: string;
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

/** What a refresh found. */
export interface RefreshResult {
  /** The snapshot with every found price, dated and sourced; missing keys keep their old price. */
  readonly snapshot: PriceSnapshot;
  readonly changes: readonly PriceChange[];
  /** How many prices were found and equal to the old ones. */
  readonly unchanged: number;
  /** `<location> <key>: …` for each key the files do not price, and each key they price twice. */
  readonly problems: readonly string[];
  /** Keys kept as they were because they are priced by hand (BY_HAND), once each. */
  readonly byHand: readonly string[];
}

/** Options of refreshSnapshot. */
export interface RefreshOptions {
  /** The date to give the snapshot when no file states its publication date (YYYY-MM-DD). */
  readonly today: string;
}

/** Looks every key of the snapshot up again in `products`. */
export function refreshSnapshot(snapshot: PriceSnapshot, products: readonly OfferProduct[], options: RefreshOptions): RefreshResult {
  const index = indexProducts(products);
  const changes: PriceChange[] = [];
  const problems: string[] = [];
  const byHand = new Set<string>();
  const used = new Map<string, string | undefined>();
  let unchanged = 0;

  const refreshTable = (location: string, table: Readonly<Record<string, number>>): Record<string, number> => {
    const region = location === "global" ? null : location;
    const next: Record<string, number> = { ...table };
    for (const [key, old] of Object.entries(table)) {
      const match = matcherOf(key);
      if (match === undefined) {
        if (BY_HAND[key] !== undefined) byHand.add(key);
        else
          problems.push(
            `${location} ${key}: no Price List matcher for this key (add one to tools/plan/cost/refresh/skuMatchers.ts, or to BY_HAND with the reason)`,
          );
        continue;
      }
      const lookup = findPrice(index, match, region);
      if (lookup.kind === "missing") {
        problems.push(`${location} ${key}: not in the files (looked for ${lookup.looked})`);
        continue;
      }
      if (lookup.kind === "ambiguous") {
        problems.push(`${location} ${key}: ${lookup.candidates.length} different prices match: ${lookup.candidates.join("; ")}`);
        continue;
      }
      const product = products.find((p) => p.sku === lookup.sku && p.offer === lookup.offer);
      used.set(
        lookup.offer,
        [used.get(lookup.offer), product?.published]
          .filter((d): d is string => d !== undefined)
          .sort()
          .pop(),
      );
      if (lookup.usd === old) unchanged++;
      else changes.push({ location, key, from: old, to: lookup.usd });
      next[key] = lookup.usd;
    }
    return next;
  };

  const global = refreshTable("global", snapshot.global);
  const regions = Object.fromEntries(Object.entries(snapshot.regions).map(([region, table]) => [region, refreshTable(region, table)]));
  const dates = [...used.values()].filter((d): d is string => d !== undefined).sort();
  const offers = [...used.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([offer, published]) => (published ? `${offer} published ${published}` : offer));
  const source =
    `AWS public on-demand list prices from the AWS Price List (${offers.join(", ") || "no offer"}), read by npm run cost:refresh` +
    (byHand.size > 0 ? `; priced by hand from the services' pricing pages: ${[...byHand].sort().join(", ")}` : "") +
    (problems.length > 0 ? `; kept from the previous snapshot (not in the files): ${problems.length} price(s)` : "") +
    ".";
  return {
    snapshot: { ...snapshot, date: dates.at(-1) ?? options.today, source, global, regions },
    changes,
    unchanged,
    problems,
    byHand: [...byHand].sort(),
  };
}

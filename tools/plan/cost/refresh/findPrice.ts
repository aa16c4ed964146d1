/**
 * Finds one snapshot key's on-demand price among Price List products: the products its matcher
 * selects in the region (any location for an account-wide price), then the price of each: the
 * first tier with a charge, since a free allowance the Price List states as a zero-priced first
 * tier (Route 53's first 50 health checks of AWS endpoints) is not what one more unit costs. One price, or a reason there is none or more than one.
 */
import type { OfferProduct } from "./offerFile";
import { isUsageType, type OfferMatch } from "./skuMatchers";

/** What the Price List says about one key in one location. */
export type PriceLookup =
  | { readonly kind: "found"; readonly usd: number; readonly offer: string; readonly sku: string }
  | { readonly kind: "missing"; readonly looked: string }
  | { readonly kind: "ambiguous"; readonly candidates: readonly string[] };

/** Products grouped by offer code (lower case), for repeated lookups. */
export type ProductIndex = ReadonlyMap<string, readonly OfferProduct[]>;

/** Groups products by offer code. */
export function indexProducts(products: readonly OfferProduct[]): ProductIndex {
  const index = new Map<string, OfferProduct[]>();
  for (const product of products) {
    const key = product.offer.toLowerCase();
    index.set(key, [...(index.get(key) ?? []), product]);
  }
  return index;
}

/** The price of one more unit of a product: its first charged tier, else 0; undefined without on-demand terms. */
export function unitPrice(product: OfferProduct): number | undefined {
  if (product.onDemand.length === 0) return undefined;
  const tiers = [...product.onDemand].sort((a, b) => a.beginRange - b.beginRange);
  return (tiers.find((tier) => tier.usd > 0) ?? tiers[0]).usd;
}

/** Describes a matcher for messages: offer, family, usage type, attributes, location. */
export function describeMatch(match: OfferMatch, region: string | null): string {
  const attributes = Object.entries(match.attributes ?? {}).map(([k, v]) => `${k}=${v}`);
  return [
    `${match.offer}`,
    ...(match.family ? [`family "${match.family}"`] : []),
    `usage type ${match.usageType}`,
    ...attributes,
    region !== null && match.scope !== "global" ? `in ${region}` : "any location",
  ].join(", ");
}

/** The key's price in `region` (null: the snapshot's global table). */
export function findPrice(index: ProductIndex, match: OfferMatch, region: string | null): PriceLookup {
  const regional = match.scope !== "global" && region !== null;
  const selected = (index.get(match.offer.toLowerCase()) ?? []).filter(
    (product) =>
      (match.family === undefined || product.family === match.family) &&
      isUsageType(product.attributes.usagetype, match.usageType) &&
      Object.entries(match.attributes ?? {}).every(([key, value]) => product.attributes[key] === value) &&
      (!regional || product.attributes.regionCode === region),
  );
  const priced = selected.flatMap((product) => {
    const usd = unitPrice(product);
    return usd === undefined ? [] : [{ product, usd }];
  });
  if (priced.length === 0) return { kind: "missing", looked: describeMatch(match, region) };
  const prices = [...new Set(priced.map((p) => p.usd))];
  if (prices.length > 1) {
    return {
      kind: "ambiguous",
      candidates: prices.map((usd) => {
        const first = priced.find((p) => p.usd === usd)!;
        return `${usd} (SKU ${first.product.sku}${first.product.onDemand[0]?.description ? `: ${first.product.onDemand[0].description}` : ""})`;
      }),
    };
  }
  return { kind: "found", usd: prices[0], offer: priced[0].product.offer, sku: priced[0].product.sku };
}

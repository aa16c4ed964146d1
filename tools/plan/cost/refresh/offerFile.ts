/**
 * Reads AWS Price List files from disk into one flat list of products with their on-demand
 * prices. Two forms are accepted, both as AWS publishes them:
 * - a bulk offer file (`offers/v1.0/aws/<OfferCode>/current/<region>/index.json`): `offerCode`,
 *   `publicationDate`, `products` keyed by SKU and `terms.OnDemand` keyed by SKU;
 * - the output of `aws pricing get-products` (`{ "PriceList": [...] }`), whose entries are JSON
 *   strings (or objects) holding one product, its `serviceCode` and its terms.
 * Only on-demand terms are read: the snapshot holds list prices.
 */

/** One price dimension of an on-demand term. */
export interface PriceDimension {
  readonly unit: string;
  readonly usd: number;
  readonly beginRange: number;
  readonly description: string;
}

/** One product of an offer, with its on-demand price dimensions. */
export interface OfferProduct {
  /** The offer (service) code, e.g. `AmazonEC2`. */
  readonly offer: string;
  /** The offer's publication date (YYYY-MM-DD), when the file says. */
  readonly published?: string;
  readonly sku: string;
  readonly family: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly onDemand: readonly PriceDimension[];
}

/** Thrown for a file that is neither form; names the file. */
export class OfferFileError extends Error {}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const day = (value: unknown): string | undefined => (/^\d{4}-\d{2}-\d{2}/.exec(text(value)) ?? [])[0];

/** The dimensions of a term map (`{ termCode: { priceDimensions: { rateCode: … } } }`). */
function dimensionsOf(terms: unknown): PriceDimension[] {
  if (!isObject(terms)) return [];
  return Object.values(terms).flatMap((term) =>
    Object.values(isObject(term) && isObject(term.priceDimensions) ? term.priceDimensions : {}).flatMap((dimension) => {
      if (!isObject(dimension) || !isObject(dimension.pricePerUnit)) return [];
      const usd = Number(dimension.pricePerUnit.USD);
      if (!Number.isFinite(usd)) return [];
      return [{ unit: text(dimension.unit), usd, beginRange: Number(dimension.beginRange ?? 0) || 0, description: text(dimension.description) }];
    }),
  );
}

function productOf(offer: string, published: string | undefined, product: unknown, terms: unknown): OfferProduct | undefined {
  if (!isObject(product)) return undefined;
  const attributes = isObject(product.attributes)
    ? Object.fromEntries(Object.entries(product.attributes).filter(([, v]) => typeof v === "string") as [string, string][])
    : {};
  return {
    offer: offer || attributes.servicecode || "",
    ...(published !== undefined ? { published } : {}),
    sku: text(product.sku),
    family: text(product.productFamily),
    attributes,
    onDemand: dimensionsOf(terms),
  };
}

/** The products of one parsed Price List file; `file` names it in errors. */
export function offerProducts(parsed: unknown, file: string): OfferProduct[] {
  if (isObject(parsed) && Array.isArray(parsed.PriceList)) {
    return parsed.PriceList.flatMap((entry, index) => {
      let item: unknown = entry;
      if (typeof entry === "string") {
        try {
          item = JSON.parse(entry);
        } catch {
          throw new OfferFileError(`${file}: PriceList[${index}] is not JSON`);
        }
      }
      if (!isObject(item)) return [];
      const terms = isObject(item.terms) ? item.terms.OnDemand : undefined;
      const product = productOf(text(item.serviceCode), day(item.publicationDate), item.product, terms);
      return product ? [product] : [];
    });
  }
  if (isObject(parsed) && isObject(parsed.products)) {
    const onDemand = isObject(parsed.terms) && isObject(parsed.terms.OnDemand) ? parsed.terms.OnDemand : {};
    const published = day(parsed.publicationDate);
    return Object.entries(parsed.products).flatMap(([sku, product]) => {
      const found = productOf(text(parsed.offerCode), published, product, onDemand[sku]);
      return found ? [found] : [];
    });
  }
  throw new OfferFileError(
    `${file}: not an AWS Price List file (expected a bulk offer file with "products" or \`aws pricing get-products\` output with "PriceList")`,
  );
}

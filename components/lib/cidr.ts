/**
 * IPv4 CIDR arithmetic for subnet planning and overlap checks.
 *
 * Pure and dependency-free so that config validation, the subnet layout and tools such as
 * `new-env` share one implementation.
 */

/** A parsed IPv4 CIDR block. */
export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly base: number;
  /** Prefix length, 0 to 32. */
  readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns a reason string instead of throwing so validators can collect it.
 *
 * A block whose address has host bits set (`10.0.0.1/16`) is rejected: AWS would silently use a
 * different range than the one written, which makes overlap reasoning wrong.
 */
export function parseCidr(text: string): Cidr | string {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return "is not an IPv4 CIDR block like 10.0.0.0/16";
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return "has an octet above 255";
  const prefix = Number(match[5]);
  if (prefix > 32) return "has a prefix length above 32";
  const base = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  if ((base & hostMask(prefix)) !== 0) {
    return `has host bits set; the network address is ${formatCidr({ base: (base & ~hostMask(prefix)) >>> 0, prefix })}`;
  }
  return { base, prefix };
}

/** Parses a CIDR that is known to be valid, throwing otherwise (for internal use on validated input). */
export function mustParseCidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (typeof parsed === "string") throw new Error(`CIDR ${text} ${parsed}`);
  return parsed;
}

function hostMask(prefix: number): number {
  return prefix === 0 ? 0xffffffff : (2 ** (32 - prefix) - 1) >>> 0;
}

/** Number of addresses in the block. */
export function size(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** Last address of the block (inclusive). */
export function lastAddress(cidr: Cidr): number {
  return cidr.base + size(cidr) - 1;
}

/** Formats a block as `a.b.c.d/n`. */
export function formatCidr(cidr: Cidr): string {
  const b = cidr.base;
  return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${cidr.prefix}`;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base <= lastAddress(b) && b.base <= lastAddress(a);
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && lastAddress(inner) <= lastAddress(outer);
}

/**
 * The `index`-th sub-block of length `prefix` inside `parent`.
 *
 * @throws when the prefix is shorter than the parent's or the index is out of range.
 */
export function subBlock(parent: Cidr, prefix: number, index: number): Cidr {
  if (prefix < parent.prefix || prefix > 32) {
    throw new Error(`cannot take a /${prefix} out of ${formatCidr(parent)}`);
  }
  const count = 2 ** (prefix - parent.prefix);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new Error(`${formatCidr(parent)} has ${count} /${prefix} blocks; index ${index} is out of range`);
  }
  return { base: parent.base + index * 2 ** (32 - prefix), prefix };
}

/** The three private ranges of RFC 1918. */
export const RFC1918_RANGES: readonly Cidr[] = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(mustParseCidr);

/** True when the block lies inside one of the RFC 1918 private ranges. */
export function isRfc1918(cidr: Cidr): boolean {
  return RFC1918_RANGES.some((range) => contains(range, cidr));
}

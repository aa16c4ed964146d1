/**
 * IPv4 CIDR parsing and overlap, for stack policies (the pack is published on its own, so it does
 * not import components/lib).
 */

/** An IPv4 block as an inclusive range of addresses. */
export interface Ipv4Range {
  readonly cidr: string;
  readonly first: number;
  readonly last: number;
}

/** Parses `a.b.c.d/n`; undefined when it is not an IPv4 CIDR. */
export function parseIpv4Cidr(cidr: string): Ipv4Range | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, octet) => acc * 256 + octet, 0);
  const size = 2 ** (32 - prefix);
  const first = Math.floor(address / size) * size;
  return { cidr, first, last: first + size - 1 };
}

/** True when the two ranges share an address. */
export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

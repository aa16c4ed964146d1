/**
 * Picks VPC CIDR blocks for a new environment that overlap nothing already used.
 *
 * Every region of every stack gets a block disjoint from all the others, so any two VPCs of the
 * project can be peered (or joined by a transit gateway) later: AWS refuses a peering connection
 * between VPCs whose CIDR blocks overlap.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html (overlapping CIDRs cannot be peered)
 */
import { formatCidr, mustParseCidr, overlaps, RFC1918_RANGES, size, type Cidr } from "../../components/lib/cidr";
import { MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../../components/lib/subnetLayout";

/**
 * Ranges never handed out, even though they are private. [volatile]
 *
 * 172.17.0.0/16 is Docker's default bridge network and AWS asks that VPCs avoid it: some AWS
 * services (AWS Cloud9, Amazon SageMaker) run containers on it and lose connectivity to a VPC that
 * uses it.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 */
export const AVOIDED_RANGES: readonly Cidr[] = ["172.17.0.0/16"].map(mustParseCidr);

/** Thrown when the private address space has no free block of a requested size. */
export class CidrSpaceExhaustedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CidrSpaceExhaustedError";
  }
}

/**
 * Allocates one block per requested prefix length, in order, first fit: the lowest free aligned
 * block of 10.0.0.0/8, then 172.16.0.0/12, then 192.168.0.0/16.
 *
 * A block is free when it overlaps none of `taken`, none of `AVOIDED_RANGES` and none of the
 * blocks allocated before it in this call. First fit keeps the new environment's blocks next to
 * each other and leaves the rest of the space in one piece.
 *
 * @param taken every block already in use (any prefix, inside RFC 1918 or not).
 * @param prefixes the prefix length of each block to allocate, each /16 to /21 (the subnet layout's range).
 * @throws CidrSpaceExhaustedError when a block of some requested size no longer fits.
 * @throws Error when a prefix is outside /16 to /21 (a programming error: callers pass the layout's range).
 */
export function allocateVpcCidrs(taken: readonly Cidr[], prefixes: readonly number[]): Cidr[] {
  for (const prefix of prefixes) {
    if (!Number.isInteger(prefix) || prefix < MIN_VPC_PREFIX || prefix > MAX_VPC_PREFIX) {
      throw new Error(`a VPC block must be /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}, got /${prefix}`);
    }
  }
  const used: Cidr[] = [...taken, ...AVOIDED_RANGES];
  const allocated: Cidr[] = [];
  prefixes.forEach((prefix, index) => {
    const block = firstFreeBlock(used, prefix);
    if (!block) {
      throw new CidrSpaceExhaustedError(
        `no free /${prefix} is left in the private ranges (${RFC1918_RANGES.map(formatCidr).join(", ")}) for region ${index + 1} of ${prefixes.length}: ` +
          `every block overlaps a VPC of an existing stack; free a range or use a smaller VPC`,
      );
    }
    allocated.push(block);
    used.push(block);
  });
  return allocated;
}

/** The lowest aligned /prefix block inside RFC 1918 that overlaps nothing in `used`. */
function firstFreeBlock(used: readonly Cidr[], prefix: number): Cidr | undefined {
  const step = 2 ** (32 - prefix);
  for (const range of RFC1918_RANGES) {
    const end = range.base + size(range);
    let base = range.base;
    while (base + step <= end) {
      const candidate: Cidr = { base, prefix };
      const blocker = used.find((block) => overlaps(block, candidate));
      if (!blocker) return candidate;
      // Jump past the blocker instead of trying every block inside it: a /8 holds 8,192 /21s.
      const afterBlocker = blocker.base + size(blocker);
      base = Math.max(base + step, Math.ceil(afterBlocker / step) * step);
    }
  }
  return undefined;
}

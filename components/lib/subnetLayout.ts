/**
 * The per-AZ subnet layout of every regional VPC.
 *
 * The VPC block is cut into eight equal AZ slots, and an AZ's slot is chosen by its letter
 * (`a` → slot 0, `b` → slot 1, …), not by its position in the stack file. Adding, removing or
 * reordering AZs therefore never changes the addresses of another AZ's subnets, and there is room
 * for every AZ a region has (at most six today). Inside a slot:
 *
 * | tier     | share of the slot | /16 VPC example (slot /19) |
 * |----------|-------------------|----------------------------|
 * | private  | 1/2               | /20, 4,096 addresses       |
 * | isolated | 1/4               | /21, 2,048 addresses       |
 * | public   | 1/8               | /22, 1,024 addresses       |
 * | reserved | 1/8               | kept free for a later tier |
 *
 * The public subnets hold the ALB, which needs at least a /27 per subnet, so the VPC may be /16 to
 * /21 (AWS itself accepts /16 to /28).
 */
import { Cidr, formatCidr, subBlock } from "./cidr";

/** Subnet tiers, in the order awsx receives their specs. */
export type SubnetTier = "public" | "private" | "isolated";

/** The tiers every VPC has. */
export const SUBNET_TIERS: readonly SubnetTier[] = ["public", "private", "isolated"];

/** Number of AZ slots reserved in every VPC. */
export const AZ_SLOTS = 8;

/** AZ letters that map to a slot. */
export const AZ_SLOT_LETTERS = "abcdefgh";

/** Shortest VPC prefix AWS allows. */
export const MIN_VPC_PREFIX = 16;

/** Longest VPC prefix this layout supports: it leaves a /27 public subnet per AZ. */
export const MAX_VPC_PREFIX = 21;

/** Smallest subnet an ALB accepts. */
export const MIN_ALB_SUBNET_PREFIX = 27;

/**
 * Prefix length of each tier relative to the VPC prefix (the slot itself is VPC + 3 bits), and
 * where the tier starts inside the slot, in eighths of the slot.
 */
const TIER_GEOMETRY: Record<SubnetTier, { extraBits: number; startEighth: number }> = {
  // half the slot, from its start
  private: { extraBits: 4, startEighth: 0 },
  // a quarter of the slot, from its middle
  isolated: { extraBits: 5, startEighth: 4 },
  // an eighth of the slot, the seventh; the last eighth stays reserved
  public: { extraBits: 6, startEighth: 6 },
};

/** One planned subnet. */
export interface PlannedSubnet {
  readonly tier: SubnetTier;
  readonly availabilityZone: string;
  readonly cidrBlock: string;
}

/** The AZ slot of an AZ name such as `eu-west-1c`, or undefined when its letter has no slot. */
export function azSlot(availabilityZone: string): number | undefined {
  const letter = availabilityZone.slice(-1);
  const index = AZ_SLOT_LETTERS.indexOf(letter);
  return index < 0 ? undefined : index;
}

/** The CIDR of one tier's subnet in one AZ. */
export function subnetCidr(vpc: Cidr, tier: SubnetTier, availabilityZone: string): string {
  const slot = azSlot(availabilityZone);
  if (slot === undefined) throw new Error(`AZ ${availabilityZone} has no slot (letters ${AZ_SLOT_LETTERS})`);
  if (vpc.prefix < MIN_VPC_PREFIX || vpc.prefix > MAX_VPC_PREFIX) {
    throw new Error(`the subnet layout needs a /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} VPC, got ${formatCidr(vpc)}`);
  }
  const slotBlock = subBlock(vpc, vpc.prefix + 3, slot);
  const geometry = TIER_GEOMETRY[tier];
  const tierPrefix = vpc.prefix + geometry.extraBits;
  // sub-blocks of the tier's own size that fit in one eighth of the slot
  const unitsPerEighth = 2 ** (geometry.extraBits - 3) / 8;
  const offsetUnits = geometry.startEighth * unitsPerEighth;
  return formatCidr(subBlock(slotBlock, tierPrefix, offsetUnits));
}

/** Every subnet of a VPC, AZ by AZ in the given order, tiers in `SUBNET_TIERS` order. */
export function planSubnets(vpc: Cidr, availabilityZones: readonly string[]): PlannedSubnet[] {
  return availabilityZones.flatMap((availabilityZone) =>
    SUBNET_TIERS.map((tier) => ({ tier, availabilityZone, cidrBlock: subnetCidr(vpc, tier, availabilityZone) })),
  );
}

/** The CIDR blocks of one tier, one per AZ in the given order (the shape awsx's `cidrBlocks` wants). */
export function tierCidrBlocks(vpc: Cidr, tier: SubnetTier, availabilityZones: readonly string[]): string[] {
  return availabilityZones.map((az) => subnetCidr(vpc, tier, az));
}

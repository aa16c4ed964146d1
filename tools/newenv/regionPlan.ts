/**
 * The regions of a new environment: which regions, which one is primary, their new VPC blocks and
 * their AZs. Pure: the caller passes the source stack's regions and the blocks already taken.
 */
import { formatCidr, parseCidr, type Cidr } from "../../components/lib/cidr";
import { availabilityZonesOf } from "../../components/lib/regions";
import { AZ_SLOT_LETTERS, MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../../components/lib/subnetLayout";
import { MIN_AZS } from "../../infra/stackSettings";
import { allocateVpcCidrs } from "./cidrAllocation";

/** A region as the source stack file writes it (fields may be missing or malformed). */
export interface SourceRegion {
  readonly name: string;
  readonly primary: boolean;
  readonly vpcCidr?: string;
  readonly availabilityZones?: readonly string[];
}

/** A region of the new stack. */
export interface PlannedRegion {
  readonly name: string;
  readonly primary: boolean;
  /** The new, free VPC block. */
  readonly vpcCidr: string;
  /** The source's AZs for a region it has, else the first AZs of the region table. */
  readonly availabilityZones: readonly string[];
  /** True when the source stack has this region (its entry, comments included, is copied). */
  readonly fromSource: boolean;
}

/** What the user asked for. */
export interface RegionRequest {
  /** @default - the source's regions, in its order */
  readonly regions?: readonly string[];
  /** @default - the first of `regions`, else the source's primary */
  readonly primary?: string;
}

/** VPC prefix used when the source has no usable one. */
export const DEFAULT_VPC_PREFIX = 16;

/** Reads the regions of a stack document's `config` (JS values), tolerating malformed entries. */
export function sourceRegionsOf(regions: unknown): SourceRegion[] {
  if (!Array.isArray(regions)) return [];
  const named = regions.filter(
    (region): region is Record<string, unknown> =>
      region !== null && typeof region === "object" && typeof (region as Record<string, unknown>).name === "string",
  );
  return named.map((region) => ({
    name: region.name as string,
    // a single region is primary without saying so (infra/stackSettings.ts)
    primary: region.primary === true || named.length === 1,
    ...(typeof region.vpcCidr === "string" ? { vpcCidr: region.vpcCidr } : {}),
    ...(Array.isArray(region.availabilityZones) ? { availabilityZones: region.availabilityZones.filter((az): az is string => typeof az === "string") } : {}),
  }));
}

/** The primary region the new stack gets. */
export function choosePrimary(source: readonly SourceRegion[], request: RegionRequest): string | undefined {
  if (request.primary !== undefined) return request.primary;
  if (request.regions !== undefined) return request.regions[0];
  return (source.find((region) => region.primary) ?? source[0])?.name;
}

/**
 * How many AZs a region the source does not have gets: as many as the source's regions use (the
 * largest count, so a prod source keeps prod's three), and never fewer than the blueprint's minimum.
 */
export function azCountForNewRegions(source: readonly SourceRegion[]): number {
  return Math.max(MIN_AZS, ...source.map((region) => region.availabilityZones?.length ?? 0));
}

/**
 * The first `count` AZs of a region from the region table (components/lib/regions.ts), keeping
 * only letters the subnet layout has a slot for. Fewer come back when the region has fewer.
 */
export function pickAvailabilityZones(region: string, count: number): string[] {
  return availabilityZonesOf(region)
    .filter((zone) => AZ_SLOT_LETTERS.includes(zone.slice(region.length)))
    .slice(0, count);
}

/**
 * Plans the new stack's regions: names and primary from the request (else the source), a free VPC
 * block for every region (as large as the source's: its region's, or its primary's for a new
 * region), the source's AZs for a region it has and the table's first AZs for a new one.
 *
 * @param taken every VPC block of every existing stack, the source's included.
 * @throws CidrSpaceExhaustedError when the private ranges have no room left.
 */
export function planRegions(source: readonly SourceRegion[], request: RegionRequest, taken: readonly Cidr[]): PlannedRegion[] {
  const names = request.regions ?? source.map((region) => region.name);
  const primary = choosePrimary(source, request);
  const bySource = new Map(source.map((region) => [region.name, region]));
  const sourcePrimary = source.find((region) => region.primary) ?? source[0];
  const newAzCount = azCountForNewRegions(source);
  const prefixes = names.map((name) => prefixOf(bySource.get(name) ?? sourcePrimary));
  const blocks = allocateVpcCidrs(taken, prefixes);
  return names.map((name, index) => {
    const existing = bySource.get(name);
    return {
      name,
      primary: name === primary,
      vpcCidr: formatCidr(blocks[index]),
      availabilityZones: existing?.availabilityZones ? [...existing.availabilityZones] : pickAvailabilityZones(name, newAzCount),
      fromSource: existing !== undefined,
    };
  });
}

function prefixOf(region: SourceRegion | undefined): number {
  const parsed = region?.vpcCidr === undefined ? undefined : parseCidr(region.vpcCidr);
  if (parsed === undefined || typeof parsed === "string") return DEFAULT_VPC_PREFIX;
  return parsed.prefix >= MIN_VPC_PREFIX && parsed.prefix <= MAX_VPC_PREFIX ? parsed.prefix : DEFAULT_VPC_PREFIX;
}

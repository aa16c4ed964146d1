/**
 * What a config section's resolution and rules need to know about the rest of the stack file:
 * the environment, the regions and which one is primary, and the physical-name prefix. Built from
 * the raw stack file, so that a section's rules still run when another part of the file is broken.
 */
import { regionInfo } from "../components/lib/regions";
import { ENVIRONMENTS, type Environment } from "./environments";

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);

/** One region as a section sees it. */
export interface SectionRegion {
  /** AWS region code. */
  readonly name: string;
  /** Number of pinned AZs. */
  readonly azCount: number;
  /** True for the primary region (the only region of a single-region stack is primary). */
  readonly primary: boolean;
}

/** The stack around one config section. */
export interface SectionContext {
  /** The environment, or undefined when the stack file's value is not a known one. */
  readonly environment?: Environment;
  /**
   * The usable regions, in stack-file order. Entries without a name or AZ list, and unknown regions
   * (reported by the region rules already), are left out so that one typo gives one error.
   */
  readonly regions: readonly SectionRegion[];
  /** The primary region's code, when exactly one region is primary. */
  readonly primaryRegion?: string;
  /** `<project>-<stack>`, lowercase: the prefix of physical names. */
  readonly namePrefix: string;
}

/** Builds the context of a raw (possibly invalid) stack file. */
export function sectionContext(raw: Raw, namePrefix: string): SectionContext {
  const environment =
    typeof raw.environment === "string" && (ENVIRONMENTS as readonly string[]).includes(raw.environment) ? (raw.environment as Environment) : undefined;
  const entries = Array.isArray(raw.regions) ? raw.regions : [];
  const regions = entries.flatMap((region): SectionRegion[] =>
    isObject(region) && typeof region.name === "string" && regionInfo(region.name) !== undefined && Array.isArray(region.availabilityZones)
      ? [{ name: region.name, azCount: region.availabilityZones.length, primary: region.primary === true || entries.length === 1 }]
      : [],
  );
  const primaries = regions.filter((region) => region.primary);
  return {
    ...(environment ? { environment } : {}),
    regions,
    ...(primaries.length === 1 ? { primaryRegion: primaries[0].name } : {}),
    namePrefix,
  };
}

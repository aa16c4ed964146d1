/**
 * The static bucket's replica region: its default (which the `staticReplicaRegion` setting
 * declares) and the rule it must satisfy, from the blueprint's region table alone.
 */
import { regionInfo, REGION_NAMES } from "../../lib/regions";

/** Why the static replica region cannot be used with the primary, or undefined. */
export function replicaRegionProblem(primaryRegion: string, replicaRegion: string): string | undefined {
  if (!regionInfo(replicaRegion)) return `must be a known AWS region (${REGION_NAMES.slice(0, 4).join(", ")}, ...)`;
  if (replicaRegion === primaryRegion) {
    return `must differ from the primary region ${primaryRegion}: the replica is the static assets' failover origin`;
  }
  return undefined;
}

/**
 * The static bucket's replica region when the stack file names none: the first other region of
 * the stack, else the first region of the primary's continent that needs no opt-in.
 */
export function defaultReplicaRegion(primaryRegion: string, stackRegions: readonly string[]): string {
  const other = stackRegions.find((region) => region !== primaryRegion);
  if (other) return other;
  const continent = regionInfo(primaryRegion)?.continent;
  const neighbour = REGION_NAMES.find((name) => name !== primaryRegion && regionInfo(name)?.continent === continent && regionInfo(name)?.optIn === false);
  return neighbour ?? (primaryRegion === "us-east-1" ? "us-east-2" : "us-east-1");
}

/**
 * `blueprint:resilience`: zonal autoshift, the region-scale drills and their schedule, and the
 * Region switch plan's timings.
 */
import { section } from "../lib/settings";
import { regionZones, resilienceSettingsProblems } from "./lib/resilienceRules";
import { resilienceKeys } from "./settings";

/** The `resilience` section of a stack file. */
export const resilienceSection = section("resilience", {
  description:
    "Zonal autoshift of the load balancers, the region-scale AWS FIS drills (and when staging runs them), and the ARC Region switch plan's recovery time and approval window.",
  keys: resilienceKeys,
  showValues: true,
  check: (settings, scope) => {
    const written = Array.isArray(scope.stack.regions) ? (scope.stack.regions as Array<Record<string, unknown>>) : [];
    const regions = scope.regions.map((region) => ({
      name: region.name,
      primary: region.primary,
      availabilityZones: regionZones(region.name, written.find((entry) => entry?.name === region.name)?.availabilityZones, region.azCount),
    }));
    return resilienceSettingsProblems(settings, regions);
  },
});

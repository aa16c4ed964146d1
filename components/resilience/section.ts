/**
 * `blueprint:resilience`: zonal autoshift and the Region switch plan's timings.
 */
import { section } from "../lib/settings";
import { resilienceKeys } from "./settings";

/** The `resilience` section of a stack file. */
export const resilienceSection = section("resilience", {
  description: "Zonal autoshift of the load balancers and the ARC Region switch plan's recovery time and approval window.",
  keys: resilienceKeys,
  showValues: true,
});

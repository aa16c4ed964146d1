/**
 * The environment-wide facts: what each environment decides for every part of the stack (the
 * minimum regions and AZs, log retention, protection, policy enforcement). Each component's
 * per-environment defaults are in its own settings; these are the facts they share.
 */
import { ENVIRONMENTS, type Environment, type EnvironmentFacts } from "../components/lib/settings/environment";

export { ENVIRONMENTS, type Environment, type EnvironmentFacts };
export type { EnforcementLevel } from "../components/lib/settings/environment";

/** The facts of each environment. */
export const ENVIRONMENT_FACTS: Readonly<Record<Environment, EnvironmentFacts>> = {
  dev: { minRegions: 1, minAzsPerRegion: 2, logRetentionDays: 7, protect: false, policyEnforcement: "advisory" },
  // staging keeps logs as long as prod: the pack's default retention (365 days) holds without a config file
  staging: { minRegions: 1, minAzsPerRegion: 2, logRetentionDays: 365, protect: false, policyEnforcement: "mandatory" },
  // DESIGN.md: prod runs in at least 2 regions with 3 AZs each unless a waiver gives the reason
  prod: { minRegions: 2, minAzsPerRegion: 3, logRetentionDays: 365, protect: true, policyEnforcement: "mandatory" },
};

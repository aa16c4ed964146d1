/**
 * TRANSITIONAL: the environment facts under their old name, for the config modules still in
 * `infra/` (database, cdn, dns, chaos) until their components declare their sections.
 */
import { ENVIRONMENT_FACTS } from "./environments";

export { ENVIRONMENTS, type EnforcementLevel, type Environment } from "./environments";

/** The environment facts, by environment. */
export const PROFILES = ENVIRONMENT_FACTS;

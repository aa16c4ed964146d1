/**
 * The replicated secrets' per-environment defaults (the secrets have no config section of their own).
 */
import type { Environment } from "../lib/settings";

/**
 * Days a deleted secret can be restored (0, or 7 to 30). Dev deletes at once so that a destroyed
 * stack can be recreated under the same secret names; prod keeps a deleted secret for a month.
 */
export const SECRET_RECOVERY_WINDOW_DAYS: Readonly<Record<Environment, number>> = { dev: 0, staging: 7, prod: 30 };

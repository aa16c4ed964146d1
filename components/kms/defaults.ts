/**
 * The data key's per-environment defaults (the key has no config section of its own).
 */
import type { Environment } from "../lib/settings";

/**
 * Days KMS waits before deleting the data key once its deletion is scheduled (7 to 30): dev a week,
 * staging and prod the longest window, so a key deleted by mistake can be restored for a month.
 */
export const DATA_KEY_DELETION_WINDOW_DAYS: Readonly<Record<Environment, number>> = { dev: 7, staging: 30, prod: 30 };

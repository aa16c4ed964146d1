/**
 * Mocked states of the database resources.
 */
import type { Builder } from "./kit";

/** Builders keyed by Pulumi type token. */
export const DATABASE_BUILDERS: Readonly<Record<string, Builder>> = {};

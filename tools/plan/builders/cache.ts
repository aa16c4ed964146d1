/**
 * Mocked states of the cache resources.
 */
import type { Builder } from "./kit";

/** Builders keyed by Pulumi type token. */
export const CACHE_BUILDERS: Readonly<Record<string, Builder>> = {};

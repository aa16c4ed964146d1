/**
 * Mocked states of CloudFront, WAF, Route 53 and the static-asset buckets.
 */
import type { Builder } from "./kit";

/** Builders keyed by Pulumi type token. */
export const EDGE_BUILDERS: Readonly<Record<string, Builder>> = {};

/**
 * Mocked states of load balancers, launch templates, auto-scaling groups, ACM and S3 log buckets.
 */
import type { Builder } from "./kit";

/** Builders keyed by Pulumi type token. */
export const COMPUTE_BUILDERS: Readonly<Record<string, Builder>> = {};

/**
 * The experiments a stack may list and the FIS limit their settings' declaration names, as leaf
 * constants the settings and the rules (`chaosRules.ts`) both read.
 */
import type { IntegerRange } from "../../lib/ranges";

/**
 * The experiments, by the name the stack file lists them under:
 * - `terminate-web-instances`: terminates a share of the web tier's running instances (the
 *   auto-scaling group must replace them while the load balancer keeps serving);
 * - `failover-database`: fails the region's Aurora cluster over to a reader, or reboots its RDS
 *   instance with a Multi-AZ failover;
 * - `failover-cache`: interrupts power to the cache's nodes in the primary node's AZ, so that
 *   ElastiCache promotes a replica in another AZ.
 */
export const CHAOS_EXPERIMENTS = ["terminate-web-instances", "failover-database", "failover-cache"] as const;

/** One of `CHAOS_EXPERIMENTS`. */
export type ChaosExperimentName = (typeof CHAOS_EXPERIMENTS)[number];

/** `PERCENT(n)` selection modes accept 1 to 100. */
export const TERMINATE_PERCENTAGE: IntegerRange = { min: 1, max: 100 };

/**
 * DNS policies: Route 53 health checks and failover/latency records. They join when components/dns lands.
 */
import type { BlueprintPolicy } from "./lib/define";

/** The dns policies, in pack order. */
export const DNS_POLICIES: readonly BlueprintPolicy[] = [];

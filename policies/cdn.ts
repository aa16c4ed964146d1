/**
 * CDN policies: CloudFront viewer and origin TLS, WAF, logging, origin failover, certificates in us-east-1. They join when components/cdn lands.
 */
import type { BlueprintPolicy } from "./lib/define";

/** The cdn policies, in pack order. */
export const CDN_POLICIES: readonly BlueprintPolicy[] = [];

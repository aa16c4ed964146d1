/**
 * Environment profiles: the defaults each environment starts from (DESIGN.md, "Environment profiles").
 * Every value can be overridden in the stack file; validation then applies to the result.
 */
import { NAT_STRATEGIES, type NatStrategy } from "../components/lib/nat";
import { LOG_RETENTION_DAYS } from "../components/lib/logRetention";

export { NAT_STRATEGIES, LOG_RETENTION_DAYS, type NatStrategy };

/** The environments a stack can be. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;

/** One of `ENVIRONMENTS`. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Policy enforcement levels the pack uses per environment. */
export type EnforcementLevel = "advisory" | "mandatory";


/** Sizing of one tier in an environment. */
export interface TierProfile {
  /** Instance types in priority order. */
  readonly instanceTypes: readonly string[];
  /** Fewest instances per region; `"azCount"` means one per AZ of the region. */
  readonly minSize: number | "azCount";
  /** Most instances per region. */
  readonly maxSize: number;
  /** Share of capacity above the on-demand base that runs on Spot. */
  readonly spotPercentage: number;
}

/** The defaults of one environment. */
export interface EnvironmentProfile {
  /** Fewest regions the environment may run in without a resilience waiver. */
  readonly minRegions: number;
  /** Fewest AZs per region the environment may use without a resilience waiver. */
  readonly minAzsPerRegion: number;
  /** NAT gateways per region. Cost: each NAT gateway is billed per hour and per GB. */
  readonly natGateways: NatStrategy;
  /** Retention of VPC flow logs and other operational logs, in days. */
  readonly logRetentionDays: number;
  /** Whether stateful resources get Pulumi's `protect` option. */
  readonly protect: boolean;
  /** Default enforcement of the policy pack. */
  readonly policyEnforcement: EnforcementLevel;
  /** Most Spot a tier may use; prod runs on demand only so a Spot reclaim never removes capacity. */
  readonly maxSpotPercentage: number;
  /** Deletion protection on the load balancers. */
  readonly loadBalancerDeletionProtection: boolean;
  /** Days KMS waits before deleting the data key once its deletion is scheduled (7 to 30). */
  readonly keyDeletionWindowDays: number;
  /**
   * Days a deleted secret can be restored (0, or 7 to 30). Dev deletes at once so that a destroyed
   * stack can be recreated under the same secret names.
   */
  readonly secretRecoveryWindowDays: number;
  /** The web tier's sizing. */
  readonly web: TierProfile;
  /** The worker tier's sizing; dev may scale it to zero. */
  readonly worker: TierProfile;
}

/** The profile table. */
export const PROFILES: Readonly<Record<Environment, EnvironmentProfile>> = {
  dev: {
    minRegions: 1,
    minAzsPerRegion: 2,
    natGateways: "Single",
    logRetentionDays: 7,
    protect: false,
    policyEnforcement: "advisory",
    maxSpotPercentage: 100,
    loadBalancerDeletionProtection: false,
    keyDeletionWindowDays: 7,
    secretRecoveryWindowDays: 0,
    web: { instanceTypes: ["t4g.small", "t4g.medium"], minSize: 1, maxSize: 2, spotPercentage: 100 },
    worker: { instanceTypes: ["t4g.small", "t4g.medium"], minSize: 0, maxSize: 2, spotPercentage: 100 },
  },
  staging: {
    minRegions: 1,
    minAzsPerRegion: 2,
    natGateways: "Single",
    logRetentionDays: 30,
    protect: false,
    policyEnforcement: "mandatory",
    maxSpotPercentage: 100,
    loadBalancerDeletionProtection: true,
    keyDeletionWindowDays: 30,
    secretRecoveryWindowDays: 7,
    web: { instanceTypes: ["m7g.large", "m6g.large"], minSize: 2, maxSize: 4, spotPercentage: 0 },
    worker: { instanceTypes: ["m7g.large", "m6g.large"], minSize: 1, maxSize: 4, spotPercentage: 0 },
  },
  prod: {
    // DESIGN.md: prod runs in at least 2 regions with 3 AZs each unless a waiver gives the reason
    minRegions: 2,
    minAzsPerRegion: 3,
    natGateways: "OnePerAz",
    logRetentionDays: 365,
    protect: true,
    policyEnforcement: "mandatory",
    maxSpotPercentage: 0,
    loadBalancerDeletionProtection: true,
    // the longest windows: a key or secret deleted by mistake can be restored for a month
    keyDeletionWindowDays: 30,
    secretRecoveryWindowDays: 30,
    // DESIGN.md: the web tier keeps at least one instance per AZ, so losing an AZ leaves capacity
    web: { instanceTypes: ["m7g.large", "m6g.large"], minSize: "azCount", maxSize: 12, spotPercentage: 0 },
    worker: { instanceTypes: ["m7g.large", "m6g.large"], minSize: 2, maxSize: 12, spotPercentage: 0 },
  },
};

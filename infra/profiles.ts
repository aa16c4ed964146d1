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
  },
  staging: {
    minRegions: 1,
    minAzsPerRegion: 2,
    natGateways: "Single",
    logRetentionDays: 30,
    protect: false,
    policyEnforcement: "mandatory",
  },
  prod: {
    // DESIGN.md: prod runs in at least 2 regions with 3 AZs each unless a waiver gives the reason
    minRegions: 2,
    minAzsPerRegion: 3,
    natGateways: "OnePerAz",
    logRetentionDays: 365,
    protect: true,
    policyEnforcement: "mandatory",
  },
};

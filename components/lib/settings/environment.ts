/**
 * The environments a stack can be, and the shape of the facts each environment fixes for the whole
 * stack (the values are in `infra/environments.ts`). Components name environments in their
 * per-environment defaults and read these facts through a setting's derived default; they never
 * import the values themselves.
 */

/** The environments a stack can be, from the least to the most protected. */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;

/** One of `ENVIRONMENTS`. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Policy enforcement levels the pack uses per environment. */
export type EnforcementLevel = "advisory" | "mandatory";

/** What an environment decides for every part of the stack. */
export interface EnvironmentFacts {
  /** Fewest regions the environment may run in without a resilience waiver. */
  readonly minRegions: number;
  /** Fewest AZs per region the environment may use without a resilience waiver. */
  readonly minAzsPerRegion: number;
  /** Retention of operational logs (flow logs, access logs, slow logs, ...), in days. */
  readonly logRetentionDays: number;
  /** Whether stateful resources get Pulumi's `protect` option. */
  readonly protect: boolean;
  /** Default enforcement of the policy pack. */
  readonly policyEnforcement: EnforcementLevel;
}

/** True for a known environment name. */
export function isEnvironment(value: unknown): value is Environment {
  return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

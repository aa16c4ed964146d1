/**
 * Enforcement per environment, and how a pack config resolves to each policy's level and config.
 *
 * The pack's own default is `mandatory` (fail closed). Each environment has a pack config file,
 * `policies/config/<environment>.json`, whose `all` sets the environment's level (dev advisory,
 * staging and prod mandatory, as in infra/environments.ts) and whose per-policy entries override a
 * single policy's level (`"<policy>": "advisory"` or `{ "enforcementLevel": …, …thresholds }`) and
 * set thresholds. The Pulumi CLI reads the same file (`--policy-pack-config`); the offline plan
 * resolves it with the functions below, in the CLI's order.
 */
import type { EnforcementLevel, Policy, PolicyPackConfig } from "@pulumi/policy";
import type { Environment } from "./environment";

/** The pack's default level when no config says otherwise. */
export const PACK_ENFORCEMENT: EnforcementLevel = "mandatory";

/** Default level per environment; mirrors `policyEnforcement` in infra/environments.ts (a test keeps them equal). */
export const ENFORCEMENT_BY_ENVIRONMENT: Readonly<Record<Environment, EnforcementLevel>> = {
  dev: "advisory",
  staging: "mandatory",
  prod: "mandatory",
};

/** The pack config key that sets every policy's level. */
export const ALL_POLICIES_KEY = "all";

/** Levels a pack config may give. */
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function levelIn(entry: unknown): EnforcementLevel | undefined {
  if (typeof entry === "string") return ENFORCEMENT_LEVELS.includes(entry as EnforcementLevel) ? (entry as EnforcementLevel) : undefined;
  if (entry !== null && typeof entry === "object") return levelIn((entry as { enforcementLevel?: unknown }).enforcementLevel);
  return undefined;
}

/**
 * The level a policy runs at: its own pack-config entry → the config's `all` → the policy's own
 * level → the pack default.
 */
export function enforcementOf(
  policy: Pick<Policy, "name" | "enforcementLevel">,
  packConfig: PolicyPackConfig,
  packDefault: EnforcementLevel = PACK_ENFORCEMENT,
): EnforcementLevel {
  return levelIn(packConfig[policy.name]) ?? levelIn(packConfig[ALL_POLICIES_KEY]) ?? policy.enforcementLevel ?? packDefault;
}

/** What `args.getConfig()` returns under the CLI: the schema's defaults, overridden by the pack config entry, without `enforcementLevel`. */
export function configOf(policy: Pick<Policy, "name" | "configSchema">, packConfig: PolicyPackConfig): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
    if (schema.default !== undefined) defaults[key] = structuredClone(schema.default);
  }
  const entry = packConfig[policy.name];
  const given = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>) : {};
  const { enforcementLevel: _level, ...properties } = given;
  return { ...defaults, ...structuredClone(properties) };
}

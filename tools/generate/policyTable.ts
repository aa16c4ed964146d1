/**
 * The policy table in `docs/policies.md`, rendered from the pack itself: every policy with its
 * kind, severity, the outside rules it corresponds to, and its level in each environment's pack
 * config (`policies/config/<environment>.json`, resolved as the Pulumi CLI resolves it).
 */
import { readFileSync } from "node:fs";
import type { PolicyPackConfig } from "@pulumi/policy";
import { ALL_POLICIES } from "../../policies/all";
import { isStackPolicy } from "../../policies/lib/define";
import { enforcementOf } from "../../policies/lib/enforcement";
import { idsFromTags } from "../../policies/lib/ids";
import { ENVIRONMENTS } from "../../components/lib/settings/environment";
import { code, table } from "./markdown";

const packConfig = (environment: string): PolicyPackConfig => JSON.parse(readFileSync(`policies/config/${environment}.json`, "utf8")) as PolicyPackConfig;

/** The count line and the table. */
export function renderPolicyTable(): string[] {
  const configs = ENVIRONMENTS.map(packConfig);
  const stack = ALL_POLICIES.filter(isStackPolicy).length;
  const rows = ALL_POLICIES.map((policy) => [
    code(policy.name),
    isStackPolicy(policy) ? "stack" : "resource",
    policy.severity,
    Object.values(idsFromTags(policy.tags)).flat().join(", "),
    configs.map((config) => enforcementOf(policy, config)).join(" / "),
  ]);
  return [
    `${ALL_POLICIES.length} policies: ${ALL_POLICIES.length - stack} on single resources, ${stack} on the whole stack.`,
    "",
    ...table(["policy", "checks", "severity", "IDs", ENVIRONMENTS.join(" / ")], rows),
  ];
}

/**
 * The short text summary `npm run plan` prints: resources per region and type, and the outputs.
 */
import type { PlanFile } from "./planFile";

const GLOBAL = "global";

/** Resource counts per region (or `global`) and type, custom resources only, sorted. */
export function countByRegionAndType(plan: Pick<PlanFile, "resources">): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const resource of plan.resources) {
    if (!resource.custom && !resource.type.startsWith("awsx:")) continue;
    const region = resource.region ?? GLOBAL;
    const perType = counts.get(region) ?? new Map<string, number>();
    perType.set(resource.type, (perType.get(resource.type) ?? 0) + 1);
    counts.set(region, perType);
  }
  return new Map(
    [...counts.entries()]
      .sort(([a], [b]) => (a === GLOBAL ? 1 : b === GLOBAL ? -1 : a.localeCompare(b)))
      .map(([region, perType]) => [region, new Map([...perType.entries()].sort(([a], [b]) => a.localeCompare(b)))]),
  );
}

/** The summary text of one plan. */
export function formatSummary(plan: PlanFile, planPath: string): string {
  const lines: string[] = [];
  const declared = plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:")).length;
  lines.push(
    `Stack ${plan.stack} (${plan.environment}): ${declared} resources in ${plan.regions.length} region(s), primary ${plan.primaryRegion}`,
  );
  for (const [region, perType] of countByRegionAndType(plan)) {
    const total = [...perType.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${region} (${total})`);
    for (const [type, count] of perType) lines.push(`    ${String(count).padStart(3)}  ${type}`);
  }
  const violations = plan.policies.violations;
  const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");
  const advisory = violations.filter((v) => v.enforcementLevel === "advisory");
  lines.push(`  policies: ${mandatory.length} mandatory, ${advisory.length} advisory violation(s)`);
  for (const v of [...mandatory, ...advisory]) lines.push(`    [${v.enforcementLevel}] ${v.policy}: ${v.message}${v.urn ? ` (${v.urn})` : ""}`);
  lines.push("  outputs:");
  for (const [key, value] of Object.entries(plan.outputs)) {
    lines.push(`    ${key}: ${formatOutput(value)}`);
  }
  lines.push(`  plan written to ${planPath}`);
  return lines.join("\n");
}

function formatOutput(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

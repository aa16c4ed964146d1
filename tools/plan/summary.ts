/**
 * The short text summary `npm run plan` prints: resources per region and type, policy violations
 * grouped by enforcement level, and the outputs.
 */
import type { PlanFile, PlannedViolation } from "./planFile";

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

/**
 * How many resources the stack declares in AWS: custom resources and the awsx VPC (a remote
 * component that stands for its subnets, routes and NAT gateways). Components and the stack are
 * left out, so the summary, `--quiet` and the report all give the same count.
 */
export function declaredResourceCount(plan: Pick<PlanFile, "resources">): number {
  return plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:")).length;
}

/** The summary text of one plan. */
export function formatSummary(plan: PlanFile, planPath: string): string {
  const lines: string[] = [];
  const declared = declaredResourceCount(plan);
  lines.push(`Stack ${plan.stack} (${plan.environment}): ${declared} resources in ${plan.regions.length} region(s), primary ${plan.primaryRegion}`);
  for (const [region, perType] of countByRegionAndType(plan)) {
    const total = [...perType.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${region} (${total})`);
    for (const [type, count] of perType) lines.push(`    ${String(count).padStart(3)}  ${type}`);
  }
  lines.push(...formatViolations(plan.policies.violations));
  lines.push("  outputs:");
  for (const [key, value] of Object.entries(plan.outputs)) {
    lines.push(`    ${key}: ${formatOutput(value)}`);
  }
  lines.push(`  plan written to ${planPath}`);
  return lines.join("\n");
}

/** Levels in the order the summary lists them. */
const LEVELS: ReadonlyArray<PlannedViolation["enforcementLevel"]> = ["mandatory", "advisory"];

/** The mandatory violations of a plan: those that fail `npm run plan` (and `pulumi preview`). */
export function mandatoryViolations(plan: Pick<PlanFile, "policies">): PlannedViolation[] {
  return plan.policies.violations.filter((violation) => violation.enforcementLevel === "mandatory");
}

/**
 * The policy part of the summary: counts, then the violations grouped by enforcement level
 * (mandatory first), each with its policy, message and the resource's name.
 */
export function formatViolations(violations: readonly PlannedViolation[]): string[] {
  const byLevel = new Map(LEVELS.map((level) => [level, violations.filter((v) => v.enforcementLevel === level)]));
  const lines = [`  policies: ${byLevel.get("mandatory")!.length} mandatory, ${byLevel.get("advisory")!.length} advisory violation(s)`];
  for (const [level, group] of byLevel) {
    if (group.length === 0) continue;
    lines.push(`    ${level}:`);
    for (const v of group) lines.push(`      ${v.policy}: ${v.message}${v.urn ? ` [${resourceName(v.urn)}]` : ""}`);
  }
  return lines;
}

/** The `type::name` end of a URN, short enough for a summary line. */
function resourceName(urn: string): string {
  const parts = urn.split("::");
  const type = parts[parts.length - 2]?.split("$").pop() ?? "";
  return `${type}::${parts[parts.length - 1]}`;
}

function formatOutput(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

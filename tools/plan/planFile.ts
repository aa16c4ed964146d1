/**
 * The plan file (`plan/<stack>.json`): the stable contract described in DESIGN.md.
 */
import type { PlannedResource } from "../../components/lib/plan/plannedResource";

/** One recorded resource (its shape is shared with the components' plan facts). */
export type { PlannedResource } from "../../components/lib/plan/plannedResource";

/** One policy violation. */
export interface PlannedViolation {
  readonly policy: string;
  readonly enforcementLevel: "advisory" | "mandatory";
  readonly urn: string | null;
  readonly message: string;
}

/** The whole plan. */
export interface PlanFile {
  readonly version: 1;
  readonly project: string;
  readonly stack: string;
  readonly environment: string;
  readonly regions: string[];
  readonly primaryRegion: string;
  readonly resources: PlannedResource[];
  readonly outputs: Record<string, unknown>;
  readonly policies: { violations: PlannedViolation[] };
}

/** Placeholder written instead of any secret value. */
export const SECRET_PLACEHOLDER = "[secret]";

/** Placeholder for a value only known after deployment. */
export const UNKNOWN_PLACEHOLDER = "[unknown]";

/** Serialises a plan with stable formatting. */
export function serializePlan(plan: PlanFile): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * The plan file (`plan/<stack>.json`): the stable contract described in DESIGN.md.
 */

/** One recorded resource. */
export interface PlannedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly parent: string | null;
  readonly region: string | null;
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
  readonly dependencies: string[];
  readonly propertyDependencies: Record<string, string[]>;
  readonly protect: boolean;
  readonly ignoreChanges: string[];
  readonly deleteBeforeReplace: boolean;
}

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

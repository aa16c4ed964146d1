/**
 * One resource as the offline plan records it. The plan file's contract (tools/plan/planFile.ts,
 * DESIGN.md) re-exports this shape; it lives here so the components' plan facts can read recorded
 * resources without depending on the engine.
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
  /** The explicit provider's URN, when the resource names one (absent: the package's default provider). */
  readonly provider?: string;
}

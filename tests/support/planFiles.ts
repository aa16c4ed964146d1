/**
 * Hand-built plan-file resources, shared by the plan diff tests and the plan command's diff tests.
 */
import type { PlannedResource } from "../../tools/plan/planFile";

export const STACK = "urn:pulumi:t::blueprint::pulumi:pulumi:Stack::blueprint-t";

/** A custom resource of the root stack in us-east-1 with `inputs`, changed by `extra`. */
export function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource {
  return {
    urn: `urn:pulumi:t::blueprint::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: STACK,
    region: "us-east-1",
    inputs: { region: "us-east-1", ...inputs },
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    ignoreChanges: [],
    deleteBeforeReplace: false,
    ...extra,
  };
}

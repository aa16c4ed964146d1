/**
 * Typical creation times, for the plan report's critical-path estimate of a from-scratch
 * `pulumi up`. **Every figure is an estimate**: AWS publishes no creation times, so each type's
 * plan facts give a basis: what AWS's documentation says, the Terraform AWS provider's default
 * create timeout (the upper bound `pulumi up` waits for, not a typical time), or experience of
 * creating the type. Components take no time of their own (a component is done when its children are).
 */

/** How long one resource type takes to create. */
export interface CreationTime {
  /** Typical seconds from the create call to the provider reporting the resource ready. */
  readonly seconds: number;
  /** Where the figure comes from. */
  readonly basis: string;
}

/** Seconds for a custom resource type without plan facts: most API-only resources are ready in seconds. */
export const DEFAULT_CREATION_SECONDS = 5;

/**
 * The estimate of a type with no figure of its own: an API-only resource, ready in seconds. The
 * "any other custom resource" row of docs/plan-engine.md's generated table shows it; types with their own figure each have a row.
 */
export const API_ONLY_CREATION: CreationTime = { seconds: DEFAULT_CREATION_SECONDS, basis: "most API-only resources are ready in seconds" };

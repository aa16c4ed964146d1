/**
 * How a resource's placement reads in a message: the AZs its subnets resolve to, and the subnets
 * the stack does not describe.
 */

/** `2 AZ(s) (us-east-1a, us-east-1b)`, or with subnets outside the stack: `1 AZ(s) (none known) and 1 subnet(s) the stack does not describe (subnet-0a…)`. */
export function describePlacement(zones: readonly string[], unresolved: readonly string[]): string {
  const known = `${zones.length} AZ(s) (${zones.join(", ") || "none known"})`;
  return unresolved.length === 0 ? known : `${known} and ${unresolved.length} subnet(s) the stack does not describe (${unresolved.join(", ")})`;
}

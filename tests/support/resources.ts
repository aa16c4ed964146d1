/**
 * Look-ups over a recorded program, shared by the component tests.
 */
import * as assert from "node:assert/strict";
import type { PlannedResource } from "../../tools/plan/planFile";

/** Registrations per type token. */
export function countTypes(resources: readonly PlannedResource[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return counts;
}

/** Every registration of a type. */
export function ofType(resources: readonly PlannedResource[], type: string): PlannedResource[] {
  return resources.filter((r) => r.type === type);
}

/** The one registration of a type (and name, when given); fails unless there is exactly one. */
export function one(resources: readonly PlannedResource[], type: string, name?: string): PlannedResource {
  const found = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
  assert.equal(found.length, 1, `${type} ${name ?? ""}`);
  return found[0];
}

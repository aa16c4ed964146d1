/**
 * Which deleted resource is really a renamed one: a URN gone from the base plan is paired with a
 * new URN only when both are the same type in the same region, under the same parent (or under
 * parents that are themselves paired), and every input is equal apart from the ones derived from
 * the name (the name itself, a physical name or tag built from it, a URN containing it). There is
 * no similarity threshold: one input that differs otherwise, or a second candidate, and the two
 * stay one deletion and one addition.
 */
import { isRecord } from "../../../components/lib/guards";
import type { PlannedResource } from "../planFile";

/** A removed resource and the added one that is the same resource renamed. */
export interface Rename {
  readonly from: PlannedResource;
  readonly to: PlannedResource;
}

/** Every leaf of an input map by dotted path (objects and arrays walked). */
function leaves(value: unknown, path: string, into: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((item, i) => leaves(item, `${path}[${i}]`, into));
  else if (isRecord(value)) for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, into);
  else if (value !== undefined) into.set(path, value);
  return into;
}

/** The part of each name that differs (`us-east-1-jobs` → `us-east-1-tasks` gives `jobs`, `tasks`). */
function cores(from: string, to: string): [string, string] {
  let prefix = 0;
  while (prefix < from.length && prefix < to.length && from[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < from.length - prefix && suffix < to.length - prefix && from[from.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  return [from.slice(prefix, from.length - suffix), to.slice(prefix, to.length - suffix)];
}

/** Whether `after` is `before` with the old name (or the part of it that changed) replaced by the new one. */
function nameDerived(before: unknown, after: unknown, from: string, to: string): boolean {
  if (typeof before !== "string" || typeof after !== "string") return false;
  if (before.includes(from) && before.split(from).join(to) === after) return true;
  const [oldCore, newCore] = cores(from, to);
  return oldCore.length > 0 && before.includes(oldCore) && before.split(oldCore).join(newCore) === after;
}

/** Whether `to` has the inputs of `from` but for the name-derived ones. */
export function sameButForName(from: PlannedResource, to: PlannedResource): boolean {
  const [a, b] = [leaves(from.inputs, "", new Map()), leaves(to.inputs, "", new Map())];
  if (a.size !== b.size) return false;
  for (const [path, value] of a) {
    if (!b.has(path)) return false;
    const other = b.get(path);
    if (value !== other && !nameDerived(value, other, from.name, to.name)) return false;
  }
  return true;
}

/** Pairs removed with added resources that are renames, one to one (in base order, so parents pair before children). */
export function pairRenames(removed: readonly PlannedResource[], added: readonly PlannedResource[]): Rename[] {
  const renames: Rename[] = [];
  const pairedParent = new Map<string, string>();
  const candidates = (from: PlannedResource, pool: readonly PlannedResource[]) =>
    pool.filter(
      (to) =>
        to.type === from.type &&
        to.region === from.region &&
        (to.parent === from.parent || (from.parent !== null && pairedParent.get(from.parent) === to.parent)) &&
        sameButForName(from, to),
    );
  for (const from of removed) {
    const matches = candidates(from, added);
    if (matches.length !== 1) continue;
    const [to] = matches;
    // one to one: no other removed resource may match the same addition
    if (removed.filter((other) => other !== from && candidates(other, [to]).length > 0).length > 0) continue;
    renames.push({ from, to });
    pairedParent.set(from.urn, to.urn);
  }
  return renames;
}

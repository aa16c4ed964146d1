/**
 * Compares two plan files of the same stack: resources added, removed and changed (by URN, with
 * the changed inputs, secrets masked), and every stateful resource that the update would delete or
 * replace:
 *
 * 1. **Deleted**: its URN is gone from the head plan and no head resource lists it as an alias. A
 *    rename, a new parent or a new type changes the URN, and Pulumi deletes the old resource and
 *    creates a new one unless an alias ties them. Plan files do not record aliases today, so every
 *    URN change counts as delete and create; when a resource carries `aliases` (URN strings), they
 *    are honoured. A new URN is named as the successor only for a real rename (renames.ts), with
 *    alias advice only where an alias avoids the replacement.
 * 2. **Replaced**: its URN stays but an input changed that AWS can only apply by replacement (the
 *    `stateful` facts of its type, declared by the component that creates it), including a value
 *    that turns from plain to secret or back.
 */
import { SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER, type PlanFile, type PlannedResource } from "../planFile";
import { FACTS } from "../facts";
import { isRecord } from "../../../components/lib/guards";
import type { PlanRegression } from "../../../components/lib/plan/facts";
import { planGraph } from "../../../components/lib/plan/planGraph";
import { pairRenames, type Rename } from "./renames";

/** One changed input, values masked where secret. */
export interface ChangedInput {
  /** Dotted path, e.g. `engine`, `tags.Owner`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** A resource that differs between the plans. */
export interface ResourceChange {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly region: string | null;
  /** Changed inputs (for `changed` only). */
  readonly inputs: readonly ChangedInput[];
}

/** What would happen to a stateful resource. */
export type DataLossAction = "delete" | "replace";

/** A stateful resource that would be deleted or replaced. */
export interface DataLossFinding {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly region: string | null;
  /** What it is, e.g. `database cluster`. */
  readonly label: string;
  readonly action: DataLossAction;
  /** Why, in one sentence: the input and its values, or the URN change. */
  readonly reason: string;
  /** What is lost. */
  readonly loses: string;
  /** The base plan had `protect`: `pulumi up` refuses until it is unprotected. */
  readonly protected: boolean;
}

/** The comparison. */
export interface PlanDiff {
  readonly baseStack: string;
  readonly headStack: string;
  readonly added: readonly ResourceChange[];
  readonly removed: readonly ResourceChange[];
  readonly changed: readonly ResourceChange[];
  readonly dataLoss: readonly DataLossFinding[];
  /** Failure domains whose outcome got worse (every component's `regressions`); none when a plan records no regions. */
  readonly resilienceRegressions: readonly PlanRegression[];
}

/** Input names whose values are masked in the diff even when the plan recorded them in clear. */
const SENSITIVE_INPUT = /(password|passwd|secretstring|authtoken|privatekey|apikey|token)$/i;

/** A value safe to print: secrets stay `[secret]`, sensitive keys are masked. */
export function maskValue(path: string, value: unknown): unknown {
  const leaf = path.split(".").pop() ?? path;
  if (value !== undefined && SENSITIVE_INPUT.test(leaf)) return SECRET_PLACEHOLDER;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => maskValue(path, item));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, maskValue(`${path}.${key}`, inner)]));
}

/** Structural equality of plain JSON values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => sameValue(item, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const kb = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return ka.length === kb.length && ka.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** The changed leaves of two input maps (objects are walked, arrays compared whole). */
export function changedInputs(before: Record<string, unknown>, after: Record<string, unknown>, prefix = ""): ChangedInput[] {
  const changes: ChangedInput[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const path = prefix ? `${prefix}.${key}` : key;
    const a = before[key];
    const b = after[key];
    if (sameValue(a, b)) continue;
    if (isRecord(a) && isRecord(b)) changes.push(...changedInputs(a, b, path));
    else changes.push({ path, before: maskValue(path, a), after: maskValue(path, b) });
  }
  return changes;
}

function summary(resource: PlannedResource, inputs: ChangedInput[] = []): ResourceChange {
  return { urn: resource.urn, type: resource.type, name: resource.name, region: resource.region, inputs };
}

/** URNs a resource says it was known as before (only when the plan records them). */
function aliasesOf(resource: PlannedResource): string[] {
  const aliases = (resource as PlannedResource & { aliases?: unknown }).aliases;
  if (!Array.isArray(aliases)) return [];
  return aliases.flatMap((alias) => (typeof alias === "string" ? [alias] : isRecord(alias) && typeof alias.urn === "string" ? [alias.urn] : []));
}

const show = (value: unknown) => (value === undefined ? "(unset)" : JSON.stringify(value));

/** One input whose change replaces a stateful resource, and the sentence that says so. */
interface Replacement {
  readonly input: string;
  readonly reason: string;
}

/**
 * The inputs whose change replaces a stateful resource. A value that turns from plain to secret
 * (or back) counts as changed: the plan holds no secret value, so it cannot tell that the two are
 * the same. Two secrets cannot be compared at all (the plan file holds only `[secret]`, never a
 * hash, which would let anyone guess a short secret such as a user name): they count as unchanged,
 * and only the real preview can tell.
 */
function replacements(before: PlannedResource, after: PlannedResource): Replacement[] {
  const stateful = FACTS.facts(before.type)?.stateful;
  if (!stateful) return [];
  const found: Replacement[] = [];
  for (const rule of stateful.replacedBy) {
    const a = before.inputs[rule.input];
    const b = after.inputs[rule.input];
    if (sameValue(a, b)) continue;
    if (a === SECRET_PLACEHOLDER && b === SECRET_PLACEHOLDER) continue;
    if (rule.when && !rule.when(before, after)) continue;
    const oneSecret = (a === SECRET_PLACEHOLDER) !== (b === SECRET_PLACEHOLDER);
    const change = oneSecret
      ? `changes from ${a === SECRET_PLACEHOLDER ? "a secret to a plain value" : "a plain value to a secret"} (the plan holds no secret value, so it may change)`
      : `changes from ${show(maskValue(rule.input, a))} to ${show(maskValue(rule.input, b))}${a === UNKNOWN_PLACEHOLDER || b === UNKNOWN_PLACEHOLDER ? " (known only at deploy time, so it may change)" : ""}`;
    found.push({
      input: rule.input,
      reason: `input ${rule.input} ${change}, which AWS applies only by replacing the ${stateful.label}${rule.condition ? ` (when ${rule.condition})` : ""}`,
    });
  }
  return found;
}

/** The data-loss reason of a stateful resource whose URN is gone: a real rename gets alias advice only where an alias avoids replacement. */
function deletionReason(before: PlannedResource, label: string, rename: Rename | undefined): string {
  const gone = "its URN is gone from the head plan and no resource lists it as an alias";
  if (!rename) return gone;
  const renamed = `${rename.to.urn} is new and is the same ${label} renamed (same type, region and parent; inputs equal but for those derived from the name)`;
  const forced = replacements(before, rename.to);
  if (forced.length === 0) return `${gone}; ${renamed}: add an alias to keep it`;
  return `${gone}; ${renamed}, but an alias would not keep it: ${forced.map((r) => r.reason).join("; ")} (keep ${forced.map((r) => r.input).join(", ")} unchanged to keep it with an alias)`;
}

/** What the diff reads of a plan; `regions` and `primaryRegion` let it compare failure domains. */
export type ComparedPlan = Pick<PlanFile, "stack" | "resources"> & Partial<Pick<PlanFile, "regions" | "primaryRegion">>;

/** Every component's resilience regressions between the plans (none when either records no regions). */
function regressionsOf(base: ComparedPlan, head: ComparedPlan): PlanRegression[] {
  if (!base.regions?.length || !head.regions?.length || base.primaryRegion === undefined || head.primaryRegion === undefined) return [];
  const context = (plan: ComparedPlan) => ({ graph: planGraph(plan), regions: plan.regions!, primaryRegion: plan.primaryRegion! });
  const [before, after] = [context(base), context(head)];
  return FACTS.components.flatMap((component) => component.regressions?.(before, after) ?? []);
}

/** Compares a base plan with a head plan. */
export function diffPlans(base: ComparedPlan, head: ComparedPlan): PlanDiff {
  const baseByUrn = new Map(base.resources.map((resource) => [resource.urn, resource]));
  const headByUrn = new Map(head.resources.map((resource) => [resource.urn, resource]));
  // Base URNs a head resource claims as its former identity.
  const aliasedTo = new Map<string, PlannedResource>();
  for (const resource of head.resources)
    for (const alias of aliasesOf(resource)) if (baseByUrn.has(alias) && !headByUrn.has(alias)) aliasedTo.set(alias, resource);

  const added = head.resources.filter((resource) => !baseByUrn.has(resource.urn) && !aliasesOf(resource).some((alias) => aliasedTo.get(alias) === resource));
  const removed = base.resources.filter((resource) => !headByUrn.has(resource.urn) && !aliasedTo.has(resource.urn));
  const changed: ResourceChange[] = [];
  const dataLoss: DataLossFinding[] = [];

  for (const before of base.resources) {
    const after = headByUrn.get(before.urn) ?? aliasedTo.get(before.urn);
    if (!after) continue;
    const inputs = changedInputs(before.inputs, after.inputs);
    if (inputs.length > 0 || after.urn !== before.urn) changed.push(summary(after, inputs));
    const stateful = FACTS.facts(before.type)?.stateful;
    if (!stateful) continue;
    const reasons = after.type === before.type ? replacements(before, after).map((r) => r.reason) : [`its type changes to ${after.type}`];
    if (reasons.length > 0) {
      dataLoss.push({ ...findingOf(before, stateful.label, stateful.loses), action: "replace", reason: reasons.join("; ") });
    }
  }

  const renames = new Map(pairRenames(removed, added).map((rename) => [rename.from.urn, rename]));
  for (const before of removed) {
    const stateful = FACTS.facts(before.type)?.stateful;
    if (!stateful || stateful.removalKeepsData !== undefined) continue;
    const reason = deletionReason(before, stateful.label, renames.get(before.urn));
    dataLoss.push({ ...findingOf(before, stateful.label, stateful.loses), action: "delete", reason });
  }

  return {
    baseStack: base.stack,
    headStack: head.stack,
    added: added.map((resource) => summary(resource)),
    removed: removed.map((resource) => summary(resource)),
    changed,
    dataLoss,
    resilienceRegressions: regressionsOf(base, head),
  };
}

function findingOf(resource: PlannedResource, label: string, loses: string): Omit<DataLossFinding, "action" | "reason"> {
  return { urn: resource.urn, type: resource.type, name: resource.name, region: resource.region, label, loses, protected: resource.protect };
}

/**
 * Walking the resource graph a stack policy receives: types, ancestry, references between
 * resources (through property dependencies first, so checks work in preview while IDs are still
 * unknown, then through ID values).
 */
import { UnknownValueError, type PolicyResource } from "@pulumi/policy";

/** Resources of a type token. */
export function ofType(resources: readonly PolicyResource[], type: string): PolicyResource[] {
  return resources.filter((resource) => resource.type === type);
}

/** True when `ancestor` is the resource's parent, grandparent, … */
export function descendsFrom(resource: PolicyResource, ancestor: PolicyResource): boolean {
  for (let node = resource.parent; node !== undefined; node = node.parent) {
    if (node === ancestor || node.urn === ancestor.urn) return true;
  }
  return false;
}

/** True when the resource's property `prop` depends on one of `targets` (or on a descendant of one). */
export function dependsThrough(resource: PolicyResource, prop: string, targets: readonly PolicyResource[]): boolean {
  const deps = resource.propertyDependencies[prop] ?? [];
  return deps.some((dep) => targets.some((target) => dep.urn === target.urn || descendsFrom(dep, target)));
}

/**
 * A string property used to match resources to each other, or undefined when it is missing or
 * not known yet (during preview): an unknown ID matches nothing, and the property dependencies
 * have been consulted first.
 */
export function matchableStringProp(resource: PolicyResource, prop: string): string | undefined {
  try {
    return stringProp(resource, prop);
  } catch (err) {
    if (err instanceof UnknownValueError) return undefined;
    throw err;
  }
}

/** A string property, or undefined. */
export function stringProp(resource: PolicyResource, prop: string): string | undefined {
  const value: unknown = resource.props[prop];
  return typeof value === "string" ? value : undefined;
}

/** A list-of-strings property (missing or malformed → empty). */
export function stringsProp(resource: PolicyResource, prop: string): string[] {
  const value: unknown = resource.props[prop];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** What `known` returns: the read's type, except that an untyped read (a resource's props) is `unknown`, to be narrowed. */
export type KnownValue<T> = 0 extends 1 & T ? unknown : T;

/**
 * Runs `read` and returns its result, or undefined when it reads a value unknown during preview.
 * For look-ups that may skip what they cannot know (matching, optional settings); checks that must
 * not pass on an unknown value let the error through instead.
 */
export function known<T>(read: () => T): KnownValue<T> | undefined {
  try {
    return read() as KnownValue<T>; // eslint-disable-line @typescript-eslint/no-unnecessary-type-assertion -- an untyped read becomes unknown here
  } catch (err) {
    if (err instanceof UnknownValueError) return undefined;
    throw err;
  }
}

/** The known string values of `props` on `resource` (IDs, ARNs, names a reference may carry). */
export function identifiers(resource: PolicyResource, props: readonly string[]): string[] {
  return props.map((prop) => matchableStringProp(resource, prop)).filter((value): value is string => value !== undefined && value !== "");
}

/**
 * True when `resource`'s property `prop` refers to `target`: through its property dependencies,
 * else because its known value is one of the target's `targetProps` values.
 */
export function refersTo(resource: PolicyResource, prop: string, target: PolicyResource, targetProps: readonly string[] = ["id", "arn"]): boolean {
  if (dependsThrough(resource, prop, [target])) return true;
  const value = matchableStringProp(resource, prop);
  return value !== undefined && identifiers(target, targetProps).includes(value);
}

/** Like `refersTo` for a list property (`securityGroups`, `subnetIds`): one of its known items is the target. */
export function listRefersTo(resource: PolicyResource, prop: string, target: PolicyResource, targetProps: readonly string[] = ["id", "arn"]): boolean {
  if (dependsThrough(resource, prop, [target])) return true;
  const ids = identifiers(target, targetProps);
  const values = known(() => stringsProp(resource, prop)) ?? [];
  return values.some((value) => ids.includes(value));
}

/** Resources of any of these type tokens. */
export function ofTypes(resources: readonly PolicyResource[], types: readonly string[]): PolicyResource[] {
  return resources.filter((resource) => types.includes(resource.type));
}

/**
 * How a setting's default is declared: a plain value, a value per environment, a value derived
 * from the rest of the stack, or one of the environment's stack-wide facts. The same declaration
 * fills in a stack file's missing keys and writes the "Default" of the generated reference, so a
 * default is stated exactly once.
 */
import type { Environment, EnvironmentFacts } from "./environment";

/** Marks the declaration objects below, so that a plain default value is never mistaken for one. */
export const DEFAULT_SPEC: unique symbol = Symbol("setting default");

/** One region of the stack, as a default or a rule sees it. */
export interface StackRegion {
  /** AWS region code. */
  readonly name: string;
  /** Number of pinned AZs. */
  readonly azCount: number;
  /** True for the primary region (the only region of a single-region stack is primary). */
  readonly primary: boolean;
}

/** A section whose resolved value another section's default or rule may read. */
export interface SectionHandle<Value> {
  /** The section's key under the `blueprint:` namespace. */
  readonly key: string;
  /** Never set: carries the section's resolved type. */
  readonly resolvedType?: Value;
}

/** What a derived default sees of the stack. */
export interface DefaultScope {
  /** The environment (the dev profile stands in while a stack file's environment is invalid). */
  readonly environment: Environment;
  /** The environment's stack-wide facts. */
  readonly facts: EnvironmentFacts;
  /** The usable regions, in stack-file order. */
  readonly regions: readonly StackRegion[];
  /** The primary region's code, when exactly one region is primary. */
  readonly primaryRegion?: string;
  /** The region being resolved, in a per-region section. @default undefined */
  readonly region?: StackRegion;
  /** `<project>-<stack>`, lowercase: the prefix of physical names. */
  readonly namePrefix: string;
  /** The values of the enclosing group resolved so far (the keys declared before this one). */
  readonly siblings: Readonly<Record<string, unknown>>;
  /** The enclosing group's own siblings, for a key of a nested group. @default undefined */
  readonly parent?: Readonly<Record<string, unknown>>;
  /** Another section's resolved value (per-region sections give one value per region). */
  readonly section: <Value>(section: SectionHandle<Value>) => Value;
}

/** A default computed from the stack, with the sentence the reference shows for it. */
export interface Derived<T> {
  readonly [DEFAULT_SPEC]: "derived";
  /** What the default is, in the reference's words, e.g. "the newest version of the engine". */
  readonly text: string;
  readonly derive: (scope: DefaultScope) => T;
}

/** A default per environment; an entry may itself be derived. */
export interface ByEnvironment<T> {
  readonly [DEFAULT_SPEC]: "byEnvironment";
  readonly values: { readonly [E in Environment]: T | Derived<T> };
}

/** A default that is one of the environment's stack-wide facts. */
export interface FromEnvironment<T> {
  readonly [DEFAULT_SPEC]: "fromEnvironment";
  readonly fact: keyof EnvironmentFacts;
  /** How the reference names the fact, e.g. "the environment's log retention". */
  readonly text: string;
  /** Never set: carries the value type. */
  readonly valueType?: T;
}

/** Every form a default can take. */
export type DefaultValue<T> = T | Derived<T> | ByEnvironment<T> | FromEnvironment<T>;

/** A default computed from the stack; `text` is what the generated reference says. */
export function derived<T>(text: string, derive: (scope: DefaultScope) => T): Derived<T> {
  return { [DEFAULT_SPEC]: "derived", text, derive };
}

/** A default per environment. */
export function byEnvironment<T>(values: { readonly [E in Environment]: T | Derived<T> }): ByEnvironment<T> {
  return { [DEFAULT_SPEC]: "byEnvironment", values };
}

/** A default that is one of the environment's facts (`infra/environments.ts`). */
export function fromEnvironment<K extends keyof EnvironmentFacts>(fact: K, text: string): FromEnvironment<EnvironmentFacts[K]> {
  return { [DEFAULT_SPEC]: "fromEnvironment", fact, text };
}

/** True for a `derived`, `byEnvironment` or `fromEnvironment` declaration. */
export function isDefaultSpec<T>(value: DefaultValue<T>): value is Derived<T> | ByEnvironment<T> | FromEnvironment<T> {
  return value !== null && typeof value === "object" && DEFAULT_SPEC in value;
}

/** The default's value in a scope. Arrays are copied, so a resolved config never shares a default's array. */
export function defaultIn<T>(value: DefaultValue<T>, scope: DefaultScope): T {
  const plain = (v: T): T => (Array.isArray(v) ? ([...v] as T) : v);
  if (!isDefaultSpec(value)) return plain(value);
  switch (value[DEFAULT_SPEC]) {
    case "derived":
      return value.derive(scope);
    case "byEnvironment": {
      const entry = value.values[scope.environment];
      return isDefaultSpec(entry as DefaultValue<T>) ? defaultIn(entry as DefaultValue<T>, scope) : plain(entry as T);
    }
    case "fromEnvironment":
      return scope.facts[value.fact] as T;
    default:
      throw new Error(`Unknown default declaration ${String((value as { [DEFAULT_SPEC]: unknown })[DEFAULT_SPEC])}`);
  }
}

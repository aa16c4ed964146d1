/**
 * The stack's config engine: resolves every section of a stack file (each section lazily, when it
 * or another section's default or rule first asks for it) and runs every section's rules, turning
 * their problems into key paths of the stack file. Generic: it knows sections, not components.
 */
import { isRecord } from "../guards";
import type { DefaultScope, SectionHandle, StackRegion } from "./defaults";
import type { FactsTable } from "./describe";
import type { Environment } from "./environment";
import type { CheckScope, ConfigPath, Problem, Section } from "./section";

/** One problem found in a stack's config, at a key path of the stack file. */
export interface ConfigIssue {
  /** Where the problem is. */
  readonly path: ConfigPath;
  /** What is wrong and what is allowed, without the path or the value. */
  readonly message: string;
  /** Whether to print the value found at `path` (false for whole-key problems such as "missing"). */
  readonly showValue?: boolean;
}

/** What the engine knows of the stack before any section is resolved. */
export interface StackFrame {
  /** The environment, or undefined when the stack file's value is not a known one. */
  readonly environment?: Environment;
  /** The usable regions, in stack-file order. */
  readonly regions: readonly StackRegion[];
  /** The primary region's code, when exactly one region is primary. */
  readonly primaryRegion?: string;
  /** `<project>-<stack>`, lowercase: the prefix of physical names. */
  readonly namePrefix: string;
}

/** The environment that stands in while a stack file's environment is invalid: its defaults are valid. */
export const STAND_IN_ENVIRONMENT: Environment = "dev";

/** The value at a path of an untyped object, or undefined. */
export function valueAt(root: unknown, path: ConfigPath): unknown {
  let current: unknown = root;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** A dotted field as a path: numeric parts become list indexes. */
export function fieldPath(field: string): ConfigPath {
  return field === "" ? [] : field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The resolution of one stack file. */
export class StackSettings {
  private readonly values = new Map<string, unknown>();
  private readonly resolving = new Set<string>();
  private readonly byKey: ReadonlyMap<string, Section<unknown>>;
  private readonly environment: Environment;

  constructor(
    private readonly sections: readonly Section<unknown>[],
    private readonly facts: FactsTable,
    private readonly raw: Readonly<Record<string, unknown>>,
    private readonly frame: StackFrame,
  ) {
    this.byKey = new Map(sections.map((section) => [section.key, section]));
    this.environment = frame.environment ?? STAND_IN_ENVIRONMENT;
  }

  /** A section's raw value: the whole stack file for the stack's own keys. */
  rawOf(section: SectionHandle<unknown>): unknown {
    return section.key === "" ? this.raw : this.raw[section.key];
  }

  /** A section's resolved value (resolved once). */
  value<Value>(handle: SectionHandle<Value>): Value {
    if (this.values.has(handle.key)) return this.values.get(handle.key) as Value;
    const section = this.byKey.get(handle.key);
    if (!section) throw new Error(`No config section '${handle.key}' is declared in the component catalog`);
    if (this.resolving.has(handle.key)) throw new Error(`Config sections depend on each other in a loop: ${[...this.resolving, handle.key].join(" -> ")}`);
    this.resolving.add(handle.key);
    try {
      const value = section.resolve(this.rawOf(section), this.defaultScope());
      this.values.set(handle.key, value);
      return value as Value;
    } finally {
      this.resolving.delete(handle.key);
    }
  }

  /** Every section's value, by key (the stack's own keys spread at the top). */
  all(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const section of this.sections) {
      const value = this.value(section);
      if (section.key === "") Object.assign(result, value);
      else if (value !== undefined) result[section.key] = value;
    }
    return result;
  }

  /** Every section's problems, as key paths of the stack file. */
  problems(): ConfigIssue[] {
    return this.sections.flatMap((section) => (section.check ? this.checkOne(section) : []));
  }

  private checkOne(section: Section<unknown>): ConfigIssue[] {
    const raw = this.rawOf(section);
    const base: ConfigPath = section.key === "" ? [] : [section.key];
    const scope: CheckScope = {
      environment: this.environment,
      environmentKnown: this.frame.environment !== undefined,
      facts: this.facts[this.environment],
      regions: this.frame.regions,
      ...(this.frame.primaryRegion !== undefined ? { primaryRegion: this.frame.primaryRegion } : {}),
      namePrefix: this.frame.namePrefix,
      raw,
      stack: this.raw,
      written: (field) => valueAt(raw, fieldPath(field)) !== undefined,
      section: (other) => this.value(other),
    };
    const issues = section.check!(this.value(section), scope).map((problem) => this.issueOf(problem, base, section.showValues));
    // Without a known environment the stand-in's defaults are not the stack's: report only what the file writes.
    return scope.environmentKnown ? issues : issues.filter((issue) => valueAt(this.raw, issue.path) !== undefined);
  }

  private issueOf(problem: Problem, base: ConfigPath, showValues: boolean): ConfigIssue {
    const path = "path" in problem ? problem.path : [...base, ...fieldPath(problem.field)];
    return { path, message: problem.message, showValue: problem.showValue ?? showValues };
  }

  private defaultScope(): DefaultScope {
    return {
      environment: this.environment,
      facts: this.facts[this.environment],
      regions: this.frame.regions,
      ...(this.frame.primaryRegion !== undefined ? { primaryRegion: this.frame.primaryRegion } : {}),
      namePrefix: this.frame.namePrefix,
      siblings: {},
      section: (other) => this.value(other),
    };
  }
}

/** The stack file's top-level keys as a record, or an empty one for a file that is not a map. */
export function rawStack(raw: unknown): Readonly<Record<string, unknown>> {
  return isRecord(raw) ? raw : {};
}

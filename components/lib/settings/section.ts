/**
 * A config section: the top-level key of a stack file a component owns (`blueprint:cache`), its
 * settings, the rules its values must satisfy together (and with other sections), and how its
 * values become the component's arguments. The stack's config engine (`engine.ts`) reads a list
 * of sections; nothing outside the owning component restates a key, a default or a rule.
 */
import type { DefaultScope, SectionHandle, StackRegion } from "./defaults";
import type { Environment, EnvironmentFacts } from "./environment";
import { resolveSetting } from "./resolve";
import { group, type AnySetting, type GroupSetting, type GroupValue, type InputOf, type Keys, type ListSetting, list } from "./setting";
import type { DefaultValue } from "./defaults";

/** A path into the stack config, e.g. `["regions", 1, "vpcCidr"]`. */
export type ConfigPath = ReadonlyArray<string | number>;

/** A problem at a key of the section: `field` is a dotted path inside it ("" for the section itself). */
export interface SettingProblem {
  /** E.g. `alarms.cpuPercent`, `logExports.2`; numeric parts are list indexes. */
  readonly field: string;
  /** What is wrong and what is allowed, without the path. */
  readonly message: string;
  /** Print the value found at the key after the message. @default the section's `showValues` */
  readonly showValue?: boolean;
}

/** A problem at a key of another part of the stack file (a rule that spans sections). */
export interface StackProblem {
  readonly path: ConfigPath;
  readonly message: string;
  /** @default the section's `showValues` */
  readonly showValue?: boolean;
}

/** What a section's rules return. */
export type Problem = SettingProblem | StackProblem;

/** What a section's rules see of the stack. */
export interface CheckScope {
  /** The environment; the dev profile stands in while the stack file's environment is invalid. */
  readonly environment: Environment;
  /** False while the stack file's environment is invalid (only problems at written keys are then reported). */
  readonly environmentKnown: boolean;
  readonly facts: EnvironmentFacts;
  readonly regions: readonly StackRegion[];
  readonly primaryRegion?: string;
  readonly namePrefix: string;
  /** The section's value as the stack file writes it (undefined when the key is absent). */
  readonly raw: unknown;
  /** The whole stack config as written (namespace stripped). */
  readonly stack: Readonly<Record<string, unknown>>;
  /** Whether the stack file writes the key at a dotted path inside the section. */
  readonly written: (field: string) => boolean;
  /** Another section's resolved value. */
  readonly section: <Value>(section: SectionHandle<Value>) => Value;
}

/** A section as the engine uses it. */
export interface Section<Value, Key extends string = string> extends SectionHandle<Value> {
  /** The top-level key (`cache`), or "" for the stack's own keys, which sit at the top level. */
  readonly key: Key;
  /** The section's declaration: a group of keys, or a list of groups. */
  readonly setting: AnySetting;
  /** Whether messages print the value at the key unless a problem says otherwise. */
  readonly showValues: boolean;
  /** The section's resolved value, from its raw value in the stack file. */
  resolve(raw: unknown, scope: DefaultScope): Value;
  /** Every problem of the section's resolved value. @default none */
  check?(value: Value, scope: CheckScope): readonly Problem[];
}

/** What every section declaration takes. */
interface SectionOptions<K extends Keys> {
  /** What the section is for, for the schema and the reference. */
  readonly description: string;
  readonly keys: K;
  /** @default false */
  readonly showValues?: boolean;
}

/** Resolves a group against the raw value and the scope (siblings start empty). */
function resolveGroupIn<K extends Keys>(setting: GroupSetting<K>, raw: unknown, scope: DefaultScope): GroupValue<K> | undefined {
  return resolveSetting(setting, raw, { ...scope, siblings: {} }) as GroupValue<K> | undefined;
}

/** A section of fixed keys, always present (a missing key takes its default). */
export function section<const Key extends string, K extends Keys, Out = GroupValue<K>>(
  key: Key,
  options: SectionOptions<K> & {
    /** Turns the resolved keys into what the components take. @default the keys as resolved */
    readonly finish?: (value: GroupValue<K>, scope: DefaultScope) => Out;
    readonly check?: (value: Out, scope: CheckScope) => readonly Problem[];
  },
): Section<Out, Key> {
  const setting = group(options.keys, { description: options.description });
  return {
    key,
    setting: setting,
    showValues: options.showValues ?? false,
    resolve(raw, scope) {
      const value = resolveGroupIn(setting, raw, scope)!;
      return options.finish ? options.finish(value, scope) : (value as unknown as Out);
    },
    ...(options.check ? { check: options.check } : {}),
  };
}

/** A section the stack may leave out: absent unless written with every required key. */
export function optionalSection<const Key extends string, K extends Keys, Out = GroupValue<K>>(
  key: Key,
  options: SectionOptions<K> & {
    /** What leaving it out means, for the reference. */
    readonly absentMeans: string;
    readonly finish?: (value: GroupValue<K>, scope: DefaultScope) => Out;
    readonly check?: (value: Out | undefined, scope: CheckScope) => readonly Problem[];
  },
): Section<Out | undefined, Key> {
  const setting = group(options.keys, { description: options.description, optional: true, absentMeans: options.absentMeans });
  return {
    key,
    setting: setting,
    showValues: options.showValues ?? false,
    resolve(raw, scope) {
      const value = resolveGroupIn(setting, raw, scope);
      if (value === undefined) return undefined;
      return options.finish ? options.finish(value, scope) : (value as unknown as Out);
    },
    ...(options.check ? { check: options.check } : {}),
  };
}

/**
 * A section resolved once per region: its defaults may depend on the region (`scope.region`), and
 * its value is one resolution per region of the stack. The rules see every region's value and a
 * region-independent one (`shared`, resolved without a region) for the keys that do not vary.
 */
export function regionalSection<const Key extends string, K extends Keys>(
  key: Key,
  options: SectionOptions<K> & {
    readonly check?: (byRegion: Readonly<Record<string, GroupValue<K>>>, scope: CheckScope, shared: GroupValue<K>) => readonly Problem[];
  },
): Section<Readonly<Record<string, GroupValue<K>>>, Key> {
  const setting = group(options.keys, { description: options.description });
  const sectionValue: Section<Readonly<Record<string, GroupValue<K>>>, Key> = {
    key,
    setting: setting,
    showValues: options.showValues ?? false,
    resolve(raw, scope) {
      return Object.fromEntries(scope.regions.map((region) => [region.name, resolveGroupIn(setting, raw, { ...scope, region })!]));
    },
  };
  if (options.check) {
    const check = options.check;
    sectionValue.check = (byRegion, scope) => check(byRegion, scope, sharedFromCheck(setting, scope));
  }
  return sectionValue;
}

/** A per-region section's region-independent resolution, for its rules. */
function sharedFromCheck<K extends Keys>(setting: GroupSetting<K>, scope: CheckScope): GroupValue<K> {
  return resolveGroupIn(setting, scope.raw, {
    environment: scope.environment,
    facts: scope.facts,
    regions: scope.regions,
    ...(scope.primaryRegion !== undefined ? { primaryRegion: scope.primaryRegion } : {}),
    namePrefix: scope.namePrefix,
    siblings: {},
    section: scope.section,
  })!;
}

/** A section that is a list of items of fixed keys (a missing list takes the default items). */
export function listSection<const Key extends string, K extends Keys>(
  key: Key,
  options: {
    readonly description: string;
    /** What one item is. */
    readonly item: { readonly description: string; readonly keys: K };
    readonly default: DefaultValue<ReadonlyArray<InputOf<GroupSetting<K>>>>;
    readonly length?: ListSetting<GroupSetting<K>>["length"];
    readonly showValues?: boolean;
    readonly check?: (value: ReadonlyArray<GroupValue<K>>, scope: CheckScope) => readonly Problem[];
  },
): Section<ReadonlyArray<GroupValue<K>>, Key> {
  const item = group(options.item.keys, { description: options.item.description });
  const setting = list(item, { description: options.description, default: options.default, ...(options.length ? { length: options.length } : {}) });
  return {
    key,
    setting: setting,
    showValues: options.showValues ?? false,
    resolve(raw, scope) {
      return resolveSetting(setting, raw, { ...scope, siblings: {} }) as ReadonlyArray<GroupValue<K>>;
    },
    ...(options.check ? { check: options.check } : {}),
  };
}

/**
 * The declaration of one setting of a stack file: its type, the values it allows, its default and
 * its description. From these declarations alone come the TypeScript type of the resolved config
 * (`ValueOf`), the stack-file schema (`toZod`, and through it `stacks/stack.schema.json`), the
 * resolution of a stack file's values (`resolve.ts`) and the generated config reference (`docs/`).
 *
 * A setting is `required` (no default; the stack file must write it), `defaulted` (a missing key
 * takes the default) or `optional` (a missing key stays absent, and the component does without).
 */
import type { IntegerRange } from "../ranges";
import type { DefaultValue } from "./defaults";

/** Whether a stack file must write the key, may leave it to its default, or may leave it out. */
export type Presence = "required" | "defaulted" | "optional";

/** The kinds of setting. */
export type SettingKind = "text" | "integer" | "decimal" | "flag" | "choice" | "list" | "map" | "group";

/** What every setting declares. */
export interface Setting<T, P extends Presence = Presence> {
  readonly kind: SettingKind;
  /** What the key does, in the reference's words (its default and allowed values are added). */
  readonly description: string;
  readonly presence: P;
  /** The default of a `defaulted` setting. */
  readonly default?: DefaultValue<T>;
  /** What leaving an `optional` setting out means, for the reference. @default "none" */
  readonly absentMeans?: string;
  /** Extra JSON Schema keywords for editors (pattern, enum, minItems, ...). @default none */
  readonly jsonSchema?: Readonly<Record<string, unknown>>;
  /** The values the reference lists as allowed, when the kind alone does not say it. @default none */
  readonly allowed?: string;
  /**
   * Reads a stack file's value: the value to use, or undefined when it is not of this setting's
   * type (the default then applies; the schema reports the type). @default the kind's own reading
   */
  readonly read?: (value: unknown) => T | undefined;
  /** Never set: carries the resolved type. */
  readonly valueType?: T;
}

/** Any setting. */
export type AnySetting = Setting<unknown> & Partial<Pick<GroupSetting<Keys>, "keys">> & { readonly item?: AnySetting; readonly values?: readonly unknown[] };

/** The keys of a group: name to setting. */
export type Keys = Readonly<Record<string, Setting<unknown> | GroupSetting<Keys> | ListSetting<AnySetting>>>;

/** A group of keys (a YAML map with fixed keys). */
export interface GroupSetting<K extends Keys, P extends Presence = Presence> extends Setting<GroupValue<K>, P> {
  readonly kind: "group";
  readonly keys: K;
}

/** A list of items. */
export interface ListSetting<I extends AnySetting, P extends Presence = Presence> extends Setting<ReadonlyArray<ValueOf<I>>, P> {
  readonly kind: "list";
  readonly item: I;
  /** Fewest and most items, for the schema and the reference. @default none */
  readonly length?: { readonly min?: number; readonly max?: number };
  /** Items must be distinct (schema only; the rules say why). @default false */
  readonly unique?: boolean;
  /** The default's items, as a stack file would write them (each is resolved like a written item). */
  readonly defaultItems?: DefaultValue<ReadonlyArray<InputOf<I>>>;
}

/** A map of free keys to values of one setting (tags, certificate ARNs per region). */
export interface MapSetting<V extends AnySetting, P extends Presence = Presence> extends Setting<Readonly<Record<string, ValueOf<V>>>, P> {
  readonly kind: "map";
  readonly item: V;
}

/** A choice among fixed strings. */
export interface ChoiceSetting<V extends string, P extends Presence = Presence> extends Setting<V, P> {
  readonly kind: "choice";
  readonly values: readonly V[];
}

/** A number, whole or not. */
export interface NumberSetting<P extends Presence = Presence> extends Setting<number, P> {
  readonly kind: "integer" | "decimal";
  /** The range the rules enforce, for the reference. @default none */
  readonly range?: IntegerRange | { readonly min: number; readonly max: number; readonly exclusiveMin?: boolean };
  /** The only values allowed, for the schema and the reference. @default any in range */
  readonly values?: readonly number[];
  /** Unit shown after numbers in the reference, e.g. "seconds". @default none */
  readonly unit?: string;
}

/** The resolved value of a setting. */
export type ValueOf<S> = S extends Setting<infer T, Presence> ? T : never;

/** What a stack file may write for a setting (groups: any subset of their keys). */
export type InputOf<S> = S extends GroupSetting<infer K> ? { readonly [N in keyof K]?: InputOf<K[N]> } : ValueOf<S>;

type OptionalKeys<K extends Keys> = { [N in keyof K]: K[N] extends Setting<unknown, "optional"> ? N : never }[keyof K];
type PresentKeys<K extends Keys> = Exclude<keyof K, OptionalKeys<K>>;
type Flatten<T> = { readonly [N in keyof T]: T[N] };

/** The resolved value of a group: optional keys may be absent, every other key is there. */
export type GroupValue<K extends Keys> = Flatten<{ readonly [N in PresentKeys<K>]: ValueOf<K[N]> } & { readonly [N in OptionalKeys<K>]?: ValueOf<K[N]> }>;

/** How a declaration says whether its key may be left out. */
export type PresenceOptions<T> =
  { readonly default: DefaultValue<T> } | { readonly required: true } | { readonly optional: true; readonly absentMeans?: string };

/** The presence a declaration's options give. */
export type PresenceOf<O> = O extends { readonly required: true } ? "required" : O extends { readonly optional: true } ? "optional" : "defaulted";

/** What every declaration takes besides its presence. */
export interface CommonOptions {
  readonly description: string;
  readonly jsonSchema?: Readonly<Record<string, unknown>>;
  readonly allowed?: string;
}

function presenceOf(options: object): Presence {
  if ("required" in options && options.required === true) return "required";
  if ("optional" in options && options.optional === true) return "optional";
  return "defaulted";
}

function base<T, O extends CommonOptions & PresenceOptions<T>>(kind: SettingKind, options: O) {
  return {
    kind,
    description: options.description,
    presence: presenceOf(options) as PresenceOf<O>,
    ...("default" in options ? { default: options.default } : {}),
    ...("absentMeans" in options && options.absentMeans !== undefined ? { absentMeans: options.absentMeans } : {}),
    ...(options.jsonSchema ? { jsonSchema: options.jsonSchema } : {}),
    ...(options.allowed ? { allowed: options.allowed } : {}),
  };
}

/** A string. */
export function text<O extends CommonOptions & PresenceOptions<string> & { readonly read?: (value: unknown) => string | undefined }>(
  options: O,
): Setting<string, PresenceOf<O>> {
  return { ...base<string, O>("text", options), ...(options.read ? { read: options.read } : {}) };
}

/** A whole number. */
export function integer<O extends CommonOptions & PresenceOptions<number> & Pick<NumberSetting, "range" | "values" | "unit">>(
  options: O,
): NumberSetting<PresenceOf<O>> {
  return { ...base<number, O>("integer", options), kind: "integer", ...numberExtras(options) };
}

/** A number that may have decimals. */
export function decimal<O extends CommonOptions & PresenceOptions<number> & Pick<NumberSetting, "range" | "unit">>(options: O): NumberSetting<PresenceOf<O>> {
  return { ...base<number, O>("decimal", options), kind: "decimal", ...numberExtras(options) };
}

function numberExtras(options: Pick<NumberSetting, "range" | "values" | "unit">) {
  return {
    ...(options.range ? { range: options.range } : {}),
    ...(options.values ? { values: options.values } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
  };
}

/** true or false. */
export function flag<O extends CommonOptions & PresenceOptions<boolean>>(options: O): Setting<boolean, PresenceOf<O>> {
  return base<boolean, O>("flag", options);
}

/** One of fixed strings. */
export function choice<const V extends string, O extends CommonOptions & PresenceOptions<V>>(
  values: readonly V[],
  options: O,
): ChoiceSetting<V, PresenceOf<O>> {
  return { ...base<V, O>("choice", options), kind: "choice", values };
}

/** What `list` takes. */
export type ListOptions<I extends AnySetting> = CommonOptions &
  ({ readonly default: DefaultValue<ReadonlyArray<InputOf<I>>> } | { readonly required: true } | { readonly optional: true; readonly absentMeans?: string }) & {
    readonly length?: ListSetting<I>["length"];
    readonly unique?: boolean;
    readonly read?: (value: unknown) => ReadonlyArray<ValueOf<I>> | undefined;
  };

/** A list of items of one setting (the item's own presence and default do not apply). */
export function list<I extends AnySetting, O extends ListOptions<I>>(item: I, options: O): ListSetting<I, PresenceOf<O>> {
  return {
    kind: "list",
    description: options.description,
    presence: presenceOf(options) as PresenceOf<O>,
    item,
    ...("default" in options ? { defaultItems: options.default } : {}),
    ...("absentMeans" in options && options.absentMeans !== undefined ? { absentMeans: options.absentMeans } : {}),
    ...(options.jsonSchema ? { jsonSchema: options.jsonSchema } : {}),
    ...(options.allowed ? { allowed: options.allowed } : {}),
    ...(options.length ? { length: options.length } : {}),
    ...(options.unique ? { unique: true } : {}),
    ...(options.read ? { read: options.read } : {}),
  };
}

/** A map of free keys (validated by the rules) to values of one setting. */
export function map<V extends AnySetting, O extends CommonOptions & PresenceOptions<Readonly<Record<string, ValueOf<V>>>>>(
  item: V,
  options: O,
): MapSetting<V, PresenceOf<O>> {
  return { ...base<Readonly<Record<string, ValueOf<V>>>, O>("map", options), kind: "map", item };
}

/**
 * A group of keys. A `defaulted` group is always there (a missing map takes every key's default);
 * an `optional` group is absent unless the stack file writes it with every required key.
 */
export function group<K extends Keys, O extends CommonOptions & { readonly optional?: true; readonly absentMeans?: string }>(
  keys: K,
  options: O,
): GroupSetting<K, O extends { readonly optional: true } ? "optional" : "defaulted"> {
  return {
    kind: "group",
    description: options.description,
    presence: (options.optional === true ? "optional" : "defaulted") as O extends { readonly optional: true } ? "optional" : "defaulted",
    keys,
    ...(options.absentMeans !== undefined ? { absentMeans: options.absentMeans } : {}),
    ...(options.jsonSchema ? { jsonSchema: options.jsonSchema } : {}),
    ...(options.allowed ? { allowed: options.allowed } : {}),
  };
}

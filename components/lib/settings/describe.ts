/**
 * The words the schema and the generated reference use for a setting's type, allowed values and
 * default, read off its declaration (never written by hand next to it).
 */
import { isRecord } from "../guards";
import { DEFAULT_SPEC, isDefaultSpec, type ByEnvironment, type DefaultValue, type Derived, type FromEnvironment } from "./defaults";
import { ENVIRONMENTS, type Environment, type EnvironmentFacts } from "./environment";
import type { AnySetting, ChoiceSetting, ListSetting, NumberSetting } from "./setting";

/** The environment facts the reference quotes for `fromEnvironment` defaults. */
export type FactsTable = Readonly<Record<Environment, EnvironmentFacts>>;

/** A value as the reference prints it: strings bare, lists in brackets, maps in braces. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{${entries.map(([key, inner]) => `${key}: ${formatValue(inner)}`).join(", ")}}`;
  }
  return String(value);
}

/** The default of one environment, in words. */
function entryText<T>(entry: T | Derived<T>): string {
  return isDefaultSpec(entry as DefaultValue<T>) ? (entry as Derived<T>).text : formatValue(entry);
}

/** Each environment's default in words, when the default depends on the environment. */
export function defaultsByEnvironment(setting: AnySetting, facts: FactsTable): Readonly<Record<Environment, string>> | undefined {
  const declared = declaredDefault(setting);
  if (declared === undefined || !isDefaultSpec(declared)) return undefined;
  if (declared[DEFAULT_SPEC] === "byEnvironment") {
    const values = (declared as ByEnvironment<unknown>).values;
    return Object.fromEntries(ENVIRONMENTS.map((environment) => [environment, entryText(values[environment])])) as Record<Environment, string>;
  }
  if (declared[DEFAULT_SPEC] === "fromEnvironment") {
    const fact = (declared as FromEnvironment<unknown>).fact;
    return Object.fromEntries(ENVIRONMENTS.map((environment) => [environment, formatValue(facts[environment][fact])])) as Record<Environment, string>;
  }
  return undefined;
}

/** The declared default of a defaulted setting (a list's items), or undefined. */
function declaredDefault(setting: AnySetting): DefaultValue<unknown> {
  if (setting.presence !== "defaulted" || setting.kind === "group") return undefined;
  return setting.kind === "list" ? (setting as ListSetting<AnySetting>).defaultItems : setting.default;
}

/**
 * The default in one phrase: a value, "dev 1, staging 2, prod 3" (one value when all agree), the
 * derivation's own words, or what leaving an optional key out means. Undefined for required keys
 * and groups (their keys have defaults of their own).
 */
export function defaultText(setting: AnySetting, facts: FactsTable): string | undefined {
  if (setting.kind === "group") return setting.presence === "optional" ? (setting.absentMeans ?? "none") : undefined;
  if (setting.presence === "required") return undefined;
  if (setting.presence === "optional") return setting.absentMeans ?? "none";
  const declared = declaredDefault(setting);
  if (declared === undefined) return undefined;
  if (!isDefaultSpec(declared)) return formatValue(declared);
  if (declared[DEFAULT_SPEC] === "derived") return (declared as Derived<unknown>).text;
  const perEnvironment = defaultsByEnvironment(setting, facts)!;
  const distinct = new Set(Object.values(perEnvironment));
  const values = distinct.size === 1 ? [...distinct][0] : ENVIRONMENTS.map((environment) => `${environment} ${perEnvironment[environment]}`).join(", ");
  return declared[DEFAULT_SPEC] === "fromEnvironment" ? `${(declared as FromEnvironment<unknown>).text} (${values})` : values;
}

/** The type in words: "integer", "one of a, b", "list of strings", "map of strings". */
export function typeText(setting: AnySetting): string {
  switch (setting.kind) {
    case "text":
      return "string";
    case "integer":
      return "integer";
    case "decimal":
      return "number";
    case "flag":
      return "boolean";
    case "choice":
      return (setting as ChoiceSetting<string>).values.map((value) => `\`${value}\``).join(" | ");
    case "list":
      return `list of ${plural(typeText((setting as ListSetting<AnySetting>).item))}`;
    case "map":
      return `map of ${plural(typeText(setting.item!))}`;
    case "group":
      return "map";
    default:
      throw new Error(`Unknown setting kind '${String(setting.kind)}'`);
  }
}

function plural(type: string): string {
  if (type.includes("`")) return type;
  return type === "map" ? "maps" : `${type}s`;
}

/** The allowed values in words, from the declaration's range, values or own note; undefined when the type says it all. */
export function allowedText(setting: AnySetting): string | undefined {
  const parts: string[] = [];
  if (setting.kind === "integer" || setting.kind === "decimal") {
    const number = setting as NumberSetting;
    const unit = number.unit ? ` ${number.unit}` : "";
    if (number.values) parts.push(`one of ${number.values.join(", ")}${unit}`);
    else if (number.range)
      parts.push(`${"exclusiveMin" in number.range && number.range.exclusiveMin ? "above " : ""}${number.range.min} to ${number.range.max}${unit}`);
  }
  if (setting.kind === "list") {
    const length = (setting as ListSetting<AnySetting>).length;
    if (length?.min !== undefined && length.max !== undefined) parts.push(`${length.min} to ${length.max} items`);
    else if (length?.min !== undefined) parts.push(`at least ${length.min} item${length.min === 1 ? "" : "s"}`);
    else if (length?.max !== undefined) parts.push(`at most ${length.max} items`);
    const itemAllowed = allowedText((setting as ListSetting<AnySetting>).item);
    if (itemAllowed) parts.push(`each ${itemAllowed}`);
  }
  if (setting.allowed) parts.push(setting.allowed);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

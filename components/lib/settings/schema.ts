/**
 * The zod schema of a declaration: shape only (types, choices, required keys, unknown keys), so
 * that every problem of a stack file is reported in one pass: ranges and rules that span keys are
 * the components' rules. The JSON Schema of stack files is generated from these zod schemas, so
 * each key's description there ends with its default, read off the declaration.
 */
import { z } from "zod";
import { allowedText, defaultText, type FactsTable } from "./describe";
import type { AnySetting, ChoiceSetting, GroupSetting, Keys, ListSetting, NumberSetting } from "./setting";

/** The description the schema shows: the declaration's own, then its allowed values and default. */
export function schemaDescription(setting: AnySetting, facts: FactsTable): string {
  const allowed = setting.kind === "group" || setting.kind === "choice" ? undefined : allowedText(setting);
  const fallback = defaultText(setting, facts);
  return [setting.description, allowed ? `Allowed: ${allowed}.` : undefined, fallback !== undefined ? `Default: ${fallback}.` : undefined]
    .filter((part): part is string => part !== undefined)
    .join(" ");
}

/** The zod schema of one setting, optional unless it is required. */
export function settingSchema(setting: AnySetting, facts: FactsTable): z.ZodType {
  const schema = baseSchema(setting, facts).meta({ description: schemaDescription(setting, facts), ...jsonExtras(setting) });
  return setting.presence === "required" ? schema : schema.optional();
}

/** The strict object of a group's keys (unknown keys are typos). */
export function groupSchema(keys: Keys, facts: FactsTable): z.ZodObject {
  return z.strictObject(Object.fromEntries(Object.entries(keys).map(([key, child]) => [key, settingSchema(child as AnySetting, facts)])));
}

function baseSchema(setting: AnySetting, facts: FactsTable): z.ZodType {
  switch (setting.kind) {
    case "text":
      return z.string();
    case "integer":
      return z.number().int();
    case "decimal":
      return z.number();
    case "flag":
      return z.boolean();
    case "choice":
      return z.enum((setting as ChoiceSetting<string>).values as [string, ...string[]]);
    case "list":
      return z.array(itemSchema((setting as ListSetting<AnySetting>).item, facts));
    case "map":
      return z.record(z.string(), itemSchema(setting.item!, facts));
    case "group":
      return groupSchema((setting as GroupSetting<Keys>).keys, facts);
    default:
      throw new Error(`Unknown setting kind '${String(setting.kind)}'`);
  }
}

/** An item of a list or map: its own shape, described but never optional. */
function itemSchema(item: AnySetting, facts: FactsTable): z.ZodType {
  const schema = baseSchema(item, facts);
  const extras = jsonExtras(item);
  return item.description !== "" || Object.keys(extras).length > 0
    ? schema.meta({ ...(item.description !== "" ? { description: item.description } : {}), ...extras })
    : schema;
}

/** JSON Schema keywords editors use that zod's shape does not carry. */
function jsonExtras(setting: AnySetting): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  if (setting.kind === "integer" || setting.kind === "decimal") {
    const number = setting as NumberSetting;
    if (number.values) extras.enum = [...number.values];
    else if (number.range) {
      // the rules enforce the range with their own message; editors see it as they type
      extras["exclusiveMin" in number.range && number.range.exclusiveMin ? "exclusiveMinimum" : "minimum"] = number.range.min;
      extras.maximum = number.range.max;
    }
  }
  if (setting.kind === "list") {
    const list = setting as ListSetting<AnySetting>;
    if (list.length?.min !== undefined) extras.minItems = list.length.min;
    if (list.length?.max !== undefined) extras.maxItems = list.length.max;
    if (list.unique) extras.uniqueItems = true;
  }
  return { ...extras, ...(setting.jsonSchema ?? {}) };
}

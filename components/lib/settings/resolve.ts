/**
 * Resolution of a stack file's values against their declarations: a written value of the right
 * type is kept, anything else (a missing key, a wrong type, an unknown choice) takes the declared
 * default. Tolerant by design: the rules run on the resolution of a stack file that may be broken
 * elsewhere, so that every problem is reported in one pass (the schema reports the wrong types).
 */
import { isRecord } from "../guards";
import { defaultIn, type DefaultScope } from "./defaults";
import type { AnySetting, ChoiceSetting, GroupSetting, Keys, ListSetting } from "./setting";

/** A written value's own reading by kind, or undefined when it is not of the kind's type. */
function readWritten(setting: AnySetting, raw: unknown, scope: DefaultScope): unknown {
  if (setting.read) return setting.read(raw);
  switch (setting.kind) {
    case "text":
      return typeof raw === "string" ? raw : undefined;
    case "integer":
    case "decimal":
      return typeof raw === "number" ? raw : undefined;
    case "flag":
      return typeof raw === "boolean" ? raw : undefined;
    case "choice":
      return typeof raw === "string" && (setting as ChoiceSetting<string>).values.includes(raw) ? raw : undefined;
    case "list": {
      const item = (setting as ListSetting<AnySetting>).item;
      if (!Array.isArray(raw)) return undefined;
      // groups take any item (its keys fall back to their defaults); other items must all be of the item's type
      if (item.kind !== "group" && !raw.every((entry) => readWritten(item, entry, scope) !== undefined)) return undefined;
      return raw.map((entry) => resolveSetting(item, entry, scope));
    }
    case "map": {
      if (!isRecord(raw)) return undefined;
      const item = setting.item!;
      return Object.fromEntries(
        Object.entries(raw).flatMap(([key, value]) => {
          const read = readWritten(item, value, scope);
          return read === undefined ? [] : [[key, read]];
        }),
      );
    }
    case "group":
      return isRecord(raw) ? resolveGroup(setting as GroupSetting<Keys>, raw, scope) : undefined;
    default:
      throw new Error(`Unknown setting kind '${String(setting.kind)}'`);
  }
}

/** The setting's default in the scope, or undefined for an optional or required setting. */
function defaultOf(setting: AnySetting, scope: DefaultScope): unknown {
  if (setting.kind === "group") return setting.presence === "optional" ? undefined : resolveGroup(setting as GroupSetting<Keys>, {}, scope);
  if (setting.presence !== "defaulted") return undefined;
  if (setting.kind === "list") {
    const list = setting as ListSetting<AnySetting>;
    const items = list.defaultItems === undefined ? [] : defaultIn<readonly unknown[]>(list.defaultItems, scope);
    return items.map((entry) => resolveSetting(list.item, entry, scope));
  }
  return setting.default === undefined ? undefined : defaultIn(setting.default, scope);
}

/** The resolved value of one setting: the stack file's value when it is usable, else the default. */
export function resolveSetting(setting: AnySetting, raw: unknown, scope: DefaultScope): unknown {
  const written = raw === undefined ? undefined : readWritten(setting, raw, scope);
  return written !== undefined ? written : defaultOf(setting, scope);
}

/**
 * A group's keys in declaration order, each seeing the keys resolved before it as `siblings`.
 * An optional group missing a required key is not usable: it resolves to undefined.
 */
function resolveGroup(setting: GroupSetting<Keys>, raw: Record<string, unknown>, scope: DefaultScope): Record<string, unknown> | undefined {
  const resolved: Record<string, unknown> = {};
  const inner: DefaultScope = { ...scope, parent: scope.siblings, siblings: resolved, section: scope.section };
  for (const [key, child] of Object.entries(setting.keys)) {
    const value = resolveSetting(child, raw[key], inner);
    if (value !== undefined) resolved[key] = value;
    else if (child.presence === "required" && setting.presence === "optional") return undefined;
  }
  return resolved;
}

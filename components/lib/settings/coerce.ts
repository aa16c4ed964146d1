/**
 * `pulumi config set --path` stores `true`/`false` as booleans and whole numbers without a leading
 * zero as numbers (pulumi/pulumi#18285), so `--path 'blueprint:web.healthCheck.matcher' 200` or a
 * tag value `1234` reaches the program as a number where the declaration takes text. Before the
 * shape is validated, such a scalar is turned back into its text, but only at a position whose
 * declaration is text or a choice: a number where a number is declared stays a number, and a
 * number anywhere else is still refused by the schema.
 */
import { isRecord } from "../guards";
import type { AnySetting } from "./setting";

/** The value with every number or boolean at a text (or choice) position turned into its string. */
export function coerceScalarsToText(value: unknown, setting: AnySetting): unknown {
  switch (setting.kind) {
    case "text":
    case "choice":
      return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
    case "list":
      return Array.isArray(value) && setting.item ? value.map((item) => coerceScalarsToText(item, setting.item!)) : value;
    case "map":
      return isRecord(value) && setting.item ? mapValues(value, () => setting.item) : value;
    case "group":
      return isRecord(value) && setting.keys ? mapValues(value, (key) => setting.keys?.[key]) : value;
    default:
      return value;
  }
}

/** Coerces each entry whose key has a declaration; unknown keys are left for the schema to name. */
function mapValues(value: Readonly<Record<string, unknown>>, settingOf: (key: string) => AnySetting | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const setting = Object.hasOwn(value, key) ? settingOf(key) : undefined;
      return [key, setting ? coerceScalarsToText(inner, setting) : inner];
    }),
  );
}

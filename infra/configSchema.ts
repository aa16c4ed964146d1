/**
 * The shape of the stack config (keys under the `blueprint:` namespace), as a zod schema built from
 * the sections' declarations: types, choices, required keys and unknown keys. Rules that need a
 * table or another key live with the sections, so that every problem of a stack file is reported
 * in one pass even when its shape is partly wrong. `stacks/stack.schema.json` is generated from it.
 */
import type { AnySetting, GroupSetting, Keys } from "../components/lib/settings/setting";
import { groupSchema, settingSchema } from "../components/lib/settings/schema";
import { ENVIRONMENT_FACTS } from "./environments";
import { ENGINE_SECTIONS } from "./sections";
import { stackKeys, stackSection } from "./stackSettings";

export { CONFIG_NAMESPACE } from "./namespace";

const sectionSchemas = Object.fromEntries(
  ENGINE_SECTIONS.filter((section) => section.key !== "").map((section) => [section.key, settingSchema(section.setting, ENVIRONMENT_FACTS)]),
);

/** The whole `blueprint:` namespace of a stack file. */
export const stackConfigSchema = groupSchema(stackKeys, ENVIRONMENT_FACTS)
  .extend(sectionSchemas)
  .meta({ description: (stackSection.setting as GroupSetting<Keys>).description });

/** Top-level config keys, in schema order. */
export const CONFIG_KEYS: readonly string[] = Object.keys(stackConfigSchema.shape);

/**
 * Keys whose values are plain strings. Pulumi hands every config value to the program as a string
 * and JSON-encodes structured ones; these keys are never decoded, so `costCenter: "1234"` stays text.
 */
export const STRING_KEYS: ReadonlySet<string> = new Set(
  Object.entries(stackKeys)
    .filter(([, setting]) => (setting as AnySetting).kind === "text" || (setting as AnySetting).kind === "choice")
    .map(([key]) => key),
);

/**
 * The `config:` block of `Pulumi.yaml`: the stack's own string keys, typed and described as their
 * declarations say, so that `pulumi config` knows them. Pulumi's project schema types only
 * strings, integers, booleans and arrays of those, so the structured keys are left to
 * `stacks/stack.schema.json`.
 */
import { schemaDescription } from "../../components/lib/settings/schema";
import type { AnySetting } from "../../components/lib/settings/setting";
import { STRING_KEYS } from "../../infra/configSchema";
import { ENVIRONMENT_FACTS } from "../../infra/environments";
import { stackKeys } from "../../infra/stackSettings";

/** The block's lines. */
export function renderProjectConfig(): string[] {
  const lines = ["config:"];
  for (const key of STRING_KEYS) {
    const setting = stackKeys[key as keyof typeof stackKeys] as AnySetting;
    lines.push(`  ${key}:`, "    type: string", `    description: ${JSON.stringify(schemaDescription(setting, ENVIRONMENT_FACTS))}`);
  }
  return lines;
}

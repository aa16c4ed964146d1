/**
 * Validates a stack file's text exactly as `pulumi up` and the offline plan would see it: the
 * file read the way the Pulumi CLI hands config to the program (values as strings, keys
 * namespaced), decoded like `loadConfig`, then `parseConfig` with the stack's physical-name prefix.
 */
import { parse } from "yaml";
import { physicalNamePrefix } from "../../components/lib/naming";
import { ConfigError, decodeConfigValue, parseConfig, type BlueprintConfig } from "../../infra/config";
import { CONFIG_NAMESPACE, STRING_KEYS } from "../../infra/configSchema";
import { stackFileFromDocument, StackFileError, type StackFile } from "../plan/stackFile";

/** The outcome: the parsed config, or every problem as a printable line. */
export type StackValidation = { readonly ok: true; readonly config: BlueprintConfig } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Validates `text` as `stacks/Pulumi.<stack>.yaml`.
 *
 * @param path the file's path, used in messages only.
 */
export function validateStackText(stack: string, path: string, text: string): StackValidation {
  let stackFile: StackFile;
  try {
    stackFile = stackFileFromDocument(stack, path, parse(text));
  } catch (error) {
    if (error instanceof StackFileError) return { ok: false, problems: [error.message] };
    throw error;
  }
  try {
    // The Pulumi project name is the config namespace (tools/plan/runProgram.ts PROJECT).
    return { ok: true, config: parseConfig(rawConfigOf(stackFile), { namePrefix: physicalNamePrefix(CONFIG_NAMESPACE, stack) }) };
  } catch (error) {
    if (error instanceof ConfigError) return { ok: false, problems: error.lines };
    throw error;
  }
}

/** The `blueprint:` keys without their namespace, decoded as `loadConfig` decodes them. */
export function rawConfigOf(stackFile: StackFile): Record<string, unknown> {
  const prefix = `${CONFIG_NAMESPACE}:`;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stackFile.config)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    raw[name] = STRING_KEYS.has(name) ? value : decodeConfigValue(value);
  }
  return raw;
}

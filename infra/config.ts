/**
 * Typed stack config: `parseConfig(raw)` validates the `blueprint:` keys of a stack file against
 * every section's declaration and rules (`sections.ts`), reports every problem at once, and returns
 * the resolved config with the environment's defaults applied. Components never read
 * `pulumi.Config`; they receive parts of the `BlueprintConfig` this module returns.
 */
import * as pulumi from "@pulumi/pulumi";
import type { core } from "zod";
import { isRecord } from "../components/lib/guards";
import { physicalNamePrefix } from "../components/lib/naming";
import { rawStack, StackSettings, valueAt } from "../components/lib/settings/engine";
import { allowedKeysAt } from "../components/lib/settings/keys";
import { ConfigError, type ConfigIssue } from "./configIssues";
import { CONFIG_KEYS, CONFIG_NAMESPACE, stackConfigSchema, STRING_KEYS } from "./configSchema";
import { ENVIRONMENT_FACTS } from "./environments";
import { sectionContext } from "./sectionContext";
import { ENGINE_SECTIONS, type BlueprintConfig } from "./sections";
import { stackKeys } from "./stackSettings";

export { ConfigError } from "./configIssues";
export { CONFIG_NAMESPACE } from "./configSchema";
export type { BlueprintConfig } from "./sections";
export type { RegionConfig } from "./stackSettings";

/** What the rules need to know about the stack beyond its config. */
export interface NamingContext {
  /** Prefix of physical names, `<project>-<stack>`, lowercase. */
  readonly namePrefix: string;
}

/** Naming used when a config is parsed outside a Pulumi program (tests, tools). */
export const DEFAULT_NAMING: NamingContext = { namePrefix: physicalNamePrefix("blueprint", "stack") };

/** The resolution of a (possibly invalid) stack file. */
function stackSettings(raw: unknown, naming: NamingContext): StackSettings {
  const stack = rawStack(raw);
  return new StackSettings(ENGINE_SECTIONS, ENVIRONMENT_FACTS, stack, sectionContext(stack, naming.namePrefix));
}

/**
 * Validates the `blueprint:` keys of a stack (namespace already stripped: `{ environment, regions, … }`)
 * and returns the typed config with the environment's defaults applied.
 *
 * @param naming the physical-name prefix, so that name-length limits are checked. @default DEFAULT_NAMING
 * @throws ConfigError listing every problem, each with its key path, value and what is allowed.
 */
export function parseConfig(raw: unknown, naming: NamingContext = DEFAULT_NAMING): BlueprintConfig {
  const shape = stackConfigSchema.safeParse(raw);
  const settings = stackSettings(raw, naming);
  const issues: ConfigIssue[] = [
    ...(shape.success ? [] : shape.error.issues.flatMap((issue) => fromZodIssue(issue, raw))),
    ...(isRecord(raw) ? settings.problems() : []),
  ];
  if (issues.length > 0 || !shape.success) {
    throw new ConfigError(dedupe(issues), raw);
  }
  return settings.all() as unknown as BlueprintConfig;
}

/** Turns one zod issue into config issues with messages that say what is allowed. */
function fromZodIssue(issue: core.$ZodIssue, raw: unknown): ConfigIssue[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `is not a known key; allowed here: ${allowedKeys(path).join(", ")}`,
        showValue: false,
      }));
    case "invalid_type":
      return [
        {
          path,
          message: valueAt(raw, path) === undefined ? `is required (${describeExpected(issue.expected)})` : `must be ${describeExpected(issue.expected)}`,
        },
      ];
    case "invalid_value":
      return [{ path, message: `must be one of ${issue.values.map(String).join(", ")}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "int":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "a map of keys to values";
    default:
      return expected;
  }
}

/** The keys allowed at a path of the stack file, from the declarations. */
function allowedKeys(path: ReadonlyArray<string | number>): string[] {
  if (path.length === 0) return CONFIG_KEYS.map((key) => `${CONFIG_NAMESPACE}:${key}`);
  const [head, ...inner] = path;
  if (typeof head === "string" && head in stackKeys) return allowedKeysAt(stackKeys[head as keyof typeof stackKeys], inner);
  const section = ENGINE_SECTIONS.find((candidate) => candidate.key === head);
  if (!section) return [];
  return allowedKeysAt(section.setting, inner);
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join(".")}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads every `blueprint:` key of the current stack through Pulumi's config and parses it.
 * Values arrive as strings; lists and maps are JSON, as Pulumi stores them.
 */
export function loadConfig(): BlueprintConfig {
  const naming = { namePrefix: physicalNamePrefix(pulumi.getProject(), pulumi.getStack()) };
  const prefix = `${CONFIG_NAMESPACE}:`;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    raw[name] = STRING_KEYS.has(name) ? value : decodeConfigValue(value);
  }
  return parseConfig(raw, naming);
}

/** Pulumi hands config values over as strings; structured values and booleans are JSON-encoded. */
export function decodeConfigValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Typed stack config: `parseConfig(raw)` validates the `blueprint:` keys of a stack file against
 * every section's declaration and rules (`sections.ts`), reports every problem at once, and returns
 * the resolved config with the environment's defaults applied. Components never read
 * `pulumi.Config`; they receive parts of the `BlueprintConfig` this module returns.
 */
import * as pulumi from "@pulumi/pulumi";
import type { core } from "zod";
import { isRecord } from "../components/lib/guards";
import { looksSecret } from "../components/compute/lib/userData";
import { physicalNamePrefix } from "../components/lib/naming";
import { regionInfo, suggestRegions } from "../components/lib/regions";
import { coerceScalarsToText } from "../components/lib/settings/coerce";
import { rawStack, StackSettings, valueAt } from "../components/lib/settings/engine";
import { allowedKeysAt } from "../components/lib/settings/keys";
import { ConfigError, type ConfigIssue, type ConfigPath } from "./configIssues";
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
export function parseConfig(written: unknown, naming: NamingContext = DEFAULT_NAMING): BlueprintConfig {
  const raw = coerceStackScalars(written);
  const shape = stackConfigSchema.safeParse(raw);
  const settings = stackSettings(raw, naming);
  const found: ConfigIssue[] = [
    ...(shape.success ? [] : shape.error.issues.flatMap((issue) => fromZodIssue(issue, raw))),
    ...(isRecord(raw) ? settings.problems() : []),
  ];
  // a key whose own rule already says it holds a secret (user data) is reported once
  const reported = new Set(found.map((issue) => issue.path.join("\u0000")));
  const secrets = secretLookingStrings(raw);
  const issues = [
    ...secretLookingIssues(raw).filter((issue) => !reported.has(issue.path.join("\u0000"))),
    // a rule that quotes a value in its message must not quote a secret
    ...found.map((issue) => ({ ...issue, message: secrets.reduce((text, secret) => text.split(secret).join("[a value that looks secret]"), issue.message) })),
  ];
  if (issues.length > 0 || !shape.success) {
    throw new ConfigError(dedupe(issues), raw);
  }
  return settings.all() as unknown as BlueprintConfig;
}

/**
 * The stack file with the numbers and booleans `pulumi config set --path` writes at text positions
 * turned back into text (components/lib/settings/coerce.ts), section by section.
 */
export function coerceStackScalars(raw: unknown): unknown {
  if (!isRecord(raw)) return raw;
  const stackOwn = ENGINE_SECTIONS.find((section) => section.key === "");
  const own = stackOwn ? (coerceScalarsToText(raw, stackOwn.setting) as Record<string, unknown>) : { ...raw };
  return Object.fromEntries(
    Object.entries(own).map(([key, value]) => {
      const section = ENGINE_SECTIONS.find((candidate) => candidate.key === key);
      return [key, section ? coerceScalarsToText(value, section.setting) : value];
    }),
  );
}

/**
 * Every key or string value of the stack file that looks like a secret (an access key, a private
 * key, a literal password): a stack file is plain text and every value may reach a tag, a name or
 * the plan, so none may hold one. The value is never shown.
 */
export function secretLookingIssues(raw: unknown, path: ConfigPath = []): ConfigIssue[] {
  if (typeof raw === "string") {
    return looksSecret(raw)
      ? [
          {
            path,
            message: "looks like a secret (an access key, private key, password or token); a stack file is plain text, keep secrets in Secrets Manager",
            showValue: false,
          },
        ]
      : [];
  }
  if (Array.isArray(raw)) return raw.flatMap((item, index) => secretLookingIssues(item, [...path, index]));
  if (!isRecord(raw)) return [];
  return Object.entries(raw).flatMap(([key, value]) =>
    looksSecret(key)
      ? [{ path, message: "has a key that looks like a secret; a stack file is plain text, keep secrets in Secrets Manager", showValue: false }]
      : secretLookingIssues(value, [...path, key]),
  );
}

/** Every key and string value of the stack file that looks like a secret, longest first (so a secret inside another is replaced after it). */
function secretLookingStrings(raw: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (typeof node === "string") {
      if (looksSecret(node)) found.add(node);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (looksSecret(key)) found.add(key);
        visit(value);
      }
    }
  };
  visit(raw);
  return [...found].sort((a, b) => b.length - a.length);
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
  const secret: string[] = [];
  const all = pulumi.runtime.allConfig();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    // a secret's value is never parsed, so no message can print it
    if (isConfigSecret(key)) secret.push(name);
    else raw[name] = STRING_KEYS.has(name) ? value : decodeConfigValue(value);
  }
  const providerIssues = providerRegionIssues(all[AWS_REGION_KEY], isConfigSecret(AWS_REGION_KEY));
  const secretIssues: ConfigIssue[] = secret.map((name) => ({
    path: [name],
    message:
      "is a secure: value, but no blueprint key holds a secret: its value would end up in plain text (tags, names, the plan). The stack generates its own credentials; write the value in clear, or keep the secret out of the stack file",
    showValue: false,
  }));
  let config: BlueprintConfig | undefined;
  let issues: ConfigIssue[] = [];
  try {
    config = parseConfig(raw, naming);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // a key left out because it is secret is reported once, as secret
    issues = error.issues.filter((issue) => !secret.includes(String(issue.path[0])));
  }
  if (config !== undefined && providerIssues.length === 0 && !providerRegionIsPrimary(all[AWS_REGION_KEY], config.primaryRegion)) {
    providerIssues.push({
      path: [AWS_REGION_KEY],
      message: `must be the primary region ${config.primaryRegion}: the default AWS provider (and pulumi's own calls) run there; every regional resource sets its own region`,
    });
  }
  const allIssues = [...secretIssues, ...providerIssues, ...issues];
  if (allIssues.length > 0 || config === undefined)
    throw new ConfigError(allIssues, { ...raw, [AWS_REGION_KEY]: all[AWS_REGION_KEY] === undefined ? undefined : decodeConfigValue(all[AWS_REGION_KEY]) });
  return config;
}

/** The default AWS provider's region key. */
export const AWS_REGION_KEY = "aws:region";

/** The SDK's check for a secret config key (in the runtime, not in its type declarations). */
function isConfigSecret(key: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the runtime exports it untyped
  const runtime = require("@pulumi/pulumi/runtime/config") as { isConfigSecret?: (k: string) => boolean };
  return runtime.isConfigSecret?.(key) ?? false;
}

/** Problems of `aws:region` on its own: present, not secret, one region name the region table knows. */
export function providerRegionIssues(value: string | undefined, secret: boolean): ConfigIssue[] {
  const path = [AWS_REGION_KEY];
  if (secret) return [{ path, message: "is a secure: value; a region is not a secret and becomes part of every ARN, so write it in clear", showValue: false }];
  if (value === undefined) return [{ path, message: "is required: set it to the primary region" }];
  const decoded = decodeConfigValue(value);
  if (typeof decoded !== "string") return [{ path, message: "must be one region name, e.g. us-east-1" }];
  if (!regionInfo(decoded)) {
    const suggestions = suggestRegions(decoded);
    return [
      {
        path,
        message: `is not a region the blueprint knows${suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : " (components/lib/regions.ts)"}`,
      },
    ];
  }
  return [];
}

function providerRegionIsPrimary(value: string | undefined, primaryRegion: string): boolean {
  return value !== undefined && decodeConfigValue(value) === primaryRegion;
}

/** Pulumi hands config values over as strings; structured values and booleans are JSON-encoded. */
export function decodeConfigValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Reads `stacks/Pulumi.<stack>.yaml` the way the Pulumi CLI hands it to a program: every value as
 * a string (structured values JSON-encoded), keys namespaced, `secure:` values marked secret. The
 * plan has no key to decrypt secrets, so each becomes a placeholder that is never written out.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { isRecord } from "../../components/lib/guards";
import { CONFIG_NAMESPACE } from "../../infra/configSchema";

/** A stack file, ready for `pulumi.runtime.setAllConfig`. */
export interface StackFile {
  readonly stack: string;
  readonly path: string;
  /** Namespaced keys to string values. */
  readonly config: Record<string, string>;
  /** Keys whose values are secret. */
  readonly secretKeys: string[];
}

/** Value given to `secure:` keys: the plan cannot decrypt them and never needs their content. */
export const SECRET_CONFIG_PLACEHOLDER = "offline-plan-secret-placeholder";

/** Thrown for a stack that does not exist or a file that is not valid YAML. */
export class StackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StackFileError";
  }
}

/** Stack names that have a file in `dir`, sorted. */
export function listStacks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** Loads one stack's file from `dir`. */
export function loadStackFile(stack: string, dir: string): StackFile {
  const path = join(dir, `Pulumi.${stack}.yaml`);
  if (!existsSync(path)) {
    const known = listStacks(dir);
    throw new StackFileError(`Unknown stack "${stack}": ${path} does not exist. Known stacks: ${known.length > 0 ? known.join(", ") : "none"}.`);
  }
  let document: unknown;
  try {
    document = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new StackFileError(`${path} is not valid YAML: ${(err as Error).message}`);
  }
  return stackFileFromDocument(stack, path, document);
}

/** Builds the config of a parsed stack document. */
export function stackFileFromDocument(stack: string, path: string, document: unknown): StackFile {
  const section = document && typeof document === "object" ? (document as Record<string, unknown>).config : undefined;
  if (section === undefined || section === null || typeof section !== "object" || Array.isArray(section)) {
    throw new StackFileError(`${path}: config must be a map of keys to values, got ${JSON.stringify(section)}`);
  }
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [rawKey, value] of Object.entries(section as Record<string, unknown>)) {
    // Pulumi puts keys without a namespace in the project's namespace.
    const key = rawKey.includes(":") ? rawKey : `${CONFIG_NAMESPACE}:${rawKey}`;
    // Pulumi makes the whole key secret when any value inside it is secure
    if (containsSecure(value)) {
      config[key] = SECRET_CONFIG_PLACEHOLDER;
      secretKeys.push(key);
    } else {
      config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  if (config["aws:region"] === undefined) {
    throw new StackFileError(
      `${path}: config aws:region is missing; set it to the primary region (the default AWS provider needs a region even though every regional resource sets its own)`,
    );
  }
  return { stack, path, config, secretKeys };
}

function isSecure(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 1 && "secure" in value;
}

function containsSecure(value: unknown): boolean {
  if (isSecure(value)) return true;
  if (Array.isArray(value)) return value.some(containsSecure);
  return isRecord(value) && Object.values(value).some(containsSecure);
}

/**
 * Pulumi ESC environments a stack file imports (`environment: [org/project/env, ...]`, or an inline
 * definition with `imports:`). The Pulumi CLI merges their `pulumiConfig` into the stack's config;
 * the offline plan has no Pulumi Cloud login and cannot open them, so it plans without those values
 * and says so instead of ignoring them silently.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { isRecord } from "../../components/lib/guards";

/** The names of the environments a parsed stack document imports, in import order. */
export function escImports(document: unknown): string[] {
  const environment = isRecord(document) ? document.environment : undefined;
  const list = Array.isArray(environment) ? environment : isRecord(environment) && Array.isArray(environment.imports) ? environment.imports : [];
  return list.flatMap((entry: unknown) => {
    if (typeof entry === "string") return [entry];
    // an import with options is a one-key map: `- org/env: { merge: false }`
    if (isRecord(entry) && Object.keys(entry).length === 1) return [Object.keys(entry)[0]];
    return [];
  });
}

/** True when the stack file defines ESC values inline (`environment: { values: ... }`), which the plan cannot evaluate either. */
export function hasInlineEscValues(document: unknown): boolean {
  const environment = isRecord(document) ? document.environment : undefined;
  return isRecord(environment) && environment.values !== undefined;
}

/** The warning for a stack whose file reaches into ESC, or undefined when it does not. */
export function escWarning(stack: string, path: string, document: unknown): string | undefined {
  const imports = escImports(document);
  const inline = hasInlineEscValues(document);
  if (imports.length === 0 && !inline) return undefined;
  const what = [
    imports.length > 0 ? `imports the Pulumi ESC environment${imports.length > 1 ? "s" : ""} ${imports.join(", ")}` : undefined,
    inline ? "defines ESC values inline (environment.values)" : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(" and ");
  const example = imports[0] ?? "<org>/<project>/<env>";
  return [
    `${path}: warning: ${what}; the offline plan cannot open ESC, so any config they provide (pulumiConfig) is missing from this plan.`,
    `  To plan with those values: copy the stack file into a directory outside the repository, add the keys that`,
    `  \`esc env open ${example} pulumiConfig --format yaml\` prints under its config:, and run`,
    `  \`npm run plan -- ${stack} --stacks-dir <that directory>\` (docs/deploying.md#config-kept-in-pulumi-esc).`,
  ].join("\n");
}

/** The ESC warning for `<dir>/Pulumi.<stack>.yaml`, or undefined (also when the file is missing or not YAML: the plan reports that). */
export function stackEscWarning(stack: string, dir: string): string | undefined {
  const path = join(dir, `Pulumi.${stack}.yaml`);
  if (!existsSync(path)) return undefined;
  let document: unknown;
  try {
    document = parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  return escWarning(stack, path, document);
}

/**
 * Config problems and how they are printed: every line names the key path, shows the value and
 * says what is allowed.
 */
import { valueAt, type ConfigIssue } from "../components/lib/settings/engine";
import type { ConfigPath } from "../components/lib/settings/section";
import { looksSecret } from "../components/compute/lib/userData";
import { CONFIG_NAMESPACE } from "./namespace";

export { valueAt, type ConfigIssue } from "../components/lib/settings/engine";
export type { ConfigPath } from "../components/lib/settings/section";

/** Formats a path as the stack file spells it: `blueprint:regions[1].vpcCidr`. */
export function formatPath(path: ConfigPath): string {
  if (path.length === 0) return `${CONFIG_NAMESPACE}:`;
  const [head, ...rest] = path;
  // a map key that looks like a secret is never printed either
  const part = (name: string) => (looksSecret(name) ? "<a key that looks secret>" : name);
  // a key of another namespace (aws:region) is written as it is
  const key = String(head).includes(":") && !looksSecret(String(head)) ? String(head) : `${CONFIG_NAMESPACE}:${part(String(head))}`;
  return rest.reduce<string>((text, name) => (typeof name === "number" ? `${text}[${name}]` : `${text}.${part(name)}`), key);
}

/** Shows a config value compactly (JSON, cut at 160 characters). */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const json = JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 157)}...` : json;
}

/** One printable line for an issue. */
export function formatIssue(issue: ConfigIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  // a value that looks like a password, key or token is never printed, whatever the rule asked
  const secret = value !== undefined && looksSecret(typeof value === "string" ? value : JSON.stringify(value));
  const shown = issue.showValue === false || value === undefined ? "" : secret ? " (the value looks secret and is not shown)" : ` (got ${showValue(value)})`;
  return `${formatPath(issue.path)}: ${issue.message}${shown}`;
}

/**
 * Thrown when a stack's config is invalid. `message` lists every problem, one per line, and the
 * CLI prints it without a stack trace.
 */
export class ConfigError extends Error {
  /** The problems, in the order they were found. */
  readonly issues: readonly ConfigIssue[];
  /** The formatted lines of `message`, one per issue. */
  readonly lines: readonly string[];

  constructor(issues: readonly ConfigIssue[], raw: unknown, source = "stack config") {
    const lines = issues.map((issue) => formatIssue(issue, raw));
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super(`The ${source} is invalid (${count}):\n${lines.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
    this.lines = lines;
  }
}

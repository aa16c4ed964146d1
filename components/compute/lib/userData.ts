/**
 * The instances' user data: a bootstrap that writes the region's endpoints to
 * `/etc/blueprint/env`, then the stack's own script. Endpoints only: secrets stay in Secrets
 * Manager and instances receive their ARNs, because user data is readable by anyone who can
 * describe the instance.
 */
import { bootCertificateSteps } from "./bootCertificate";

/** EC2's limit on user data before base64 encoding. */
export const MAX_USER_DATA_BYTES = 16_384;

/**
 * What the stack's own script may use, leaving room for the bootstrap: the region's endpoints, the
 * instance's TLS certificate and the telemetry agents' install steps (about 6 KB with a long list
 * of queues, tables and topics).
 */
export const MAX_STACK_SCRIPT_BYTES = 10_240;

/** Where the bootstrap writes the environment file. */
export const ENV_FILE = "/etc/blueprint/env";

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/, "an AWS access key ID"],
  [/aws_secret_access_key/i, "an AWS secret access key"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
  // a literal value assigned to a secret-looking name (shell, YAML or JSON); `$(aws secretsmanager ...)`
  // is fine, and so is an ARN (`...:secret:name` follows a colon)
  [/(?<!:)(password|passwd|secret|token|api[_-]?key)["']?\s*[=:]\s*["']?(?![$"'])[^\s"'$]{6,}/i, "a literal password, secret, token or API key"],
  [/--(password|passwd|secret|token|api[_-]?key)[= ]\s*["']?(?![$"'-])[^\s"'$]{6,}/i, "a literal password, secret, token or API key"],
];

/** Why a stack's boot script cannot be used, one message per problem. */
export function userDataProblems(script: string): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(script, "utf8");
  if (bytes > MAX_STACK_SCRIPT_BYTES) {
    problems.push(
      `is ${bytes} bytes; at most ${MAX_STACK_SCRIPT_BYTES} fit next to the bootstrap within EC2's ${MAX_USER_DATA_BYTES}-byte user-data limit (download larger scripts from S3)`,
    );
  }
  for (const [pattern, what] of SECRET_PATTERNS) {
    if (pattern.test(script)) {
      problems.push(
        `contains what looks like ${what}; user data is readable by anyone who can describe the instance, so read secrets from Secrets Manager at boot`,
      );
    }
  }
  // two patterns may spot the same kind of secret
  return [...new Set(problems)];
}

/** True when a value looks like a secret; the bootstrap refuses to write one. */
export function looksSecret(value: string): boolean {
  return SECRET_PATTERNS.some(([pattern]) => pattern.test(value));
}

const ENV_KEY = /^[A-Z][A-Z0-9_]*$/;
const SAFE_VALUE = /^[A-Za-z0-9_.:/@,+=-]*$/;

/** Turns a logical name into an environment variable suffix: `order-events` → `ORDER_EVENTS`. */
export function envSuffix(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * The complete user data: bootstrap, the blueprint's extra boot steps (e.g. the telemetry agents),
 * then the stack's script. Throws when a key or value could break the shell file, when a value
 * looks secret, or when the result exceeds EC2's limit.
 */
export function renderUserData(environment: Readonly<Record<string, string>>, stackScript?: string, bootSteps?: string): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(environment)) {
    if (!ENV_KEY.test(key)) throw new Error(`user data: ${key} is not an environment variable name`);
    if (!SAFE_VALUE.test(value))
      throw new Error(`user data: the value of ${key} has characters that need quoting (the value is not shown: it could be a secret)`);
    if (looksSecret(value)) throw new Error(`user data: the value of ${key} looks like a secret; pass its ARN instead`);
    lines.push(`${key}=${value}`);
  }
  const script = (stackScript ?? "").replace(/^#![^\n]*\n/, "");
  const text = [
    "#!/bin/bash",
    "# Written by the blueprint: the region's endpoints, never a secret (secrets are read by ARN).",
    "set -euo pipefail",
    `install -d -m 0755 ${ENV_FILE.slice(0, ENV_FILE.lastIndexOf("/"))}`,
    `cat > ${ENV_FILE} <<'BLUEPRINT_ENV'`,
    ...lines,
    "BLUEPRINT_ENV",
    `chmod 0644 ${ENV_FILE}`,
    ...bootCertificateSteps(ENV_FILE),
    ...(bootSteps === undefined || bootSteps.trim() === "" ? [] : [bootSteps.trimEnd()]),
    ...(script.trim() === "" ? [] : ["# The stack's own script (blueprint:<tier>.userData)", script.trimEnd()]),
    "",
  ].join("\n");
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_USER_DATA_BYTES) {
    throw new Error(`user data is ${bytes} bytes, above EC2's limit of ${MAX_USER_DATA_BYTES}`);
  }
  return text;
}

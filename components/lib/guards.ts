/**
 * Type guards for values read from a stack file, a plan file or another untyped source: one
 * definition each, so every reader agrees on what "a map" or "a list of strings" is.
 */

/** A plain object (a YAML or JSON map), not an array and not null. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A string. */
export function isString(value: unknown): value is string {
  return typeof value === "string";
}

/** A number (whole or not; the schema tells integers apart). */
export function isNumber(value: unknown): value is number {
  return typeof value === "number";
}

/** true or false. */
export function isBoolean(value: unknown): value is boolean {
  return typeof value === "boolean";
}

/** A list whose every item is a string. */
export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

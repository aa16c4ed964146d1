/**
 * Inclusive integer ranges, the shape every AWS limit table of the components uses, and the one
 * check of a value against such a range that component arguments and config rules share.
 */

/** An inclusive integer range with an optional human reading of its maximum. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
  /** Shown after the maximum in messages, e.g. "12 hours". @default none */
  readonly reading?: string;
}

/** A problem with a field of a settings object. */
export interface FieldProblem {
  /** Key path inside the settings, e.g. `timeoutSeconds`. */
  readonly field: string;
  /** What is wrong and what is allowed. */
  readonly message: string;
}

/** Checks that a value is a whole number inside the range; `unit` is named after the maximum. */
export function rangeProblem(field: string, value: number, range: IntegerRange, unit = ""): FieldProblem | undefined {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return undefined;
  return { field, message: `must be a whole number from ${range.min} to ${range.max}${unit ? ` ${unit}` : ""}` };
}

/**
 * Inclusive integer ranges, the shape every AWS limit table of the components uses.
 */

/** An inclusive integer range with an optional human reading of its maximum. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
  /** Shown after the maximum in messages, e.g. "12 hours". @default none */
  readonly reading?: string;
}

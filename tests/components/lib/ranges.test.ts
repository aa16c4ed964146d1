import * as assert from "node:assert/strict";
import fc from "fast-check";
import { rangeProblem as rangeOf } from "../../../components/lib/ranges";

const rangeProblem = (field: string, value: number, min: number, max: number, unit?: string) => rangeOf(field, value, { min, max }, unit);

describe("rangeProblem", () => {
  it("accepts whole numbers within the bounds, inclusive", () => {
    assert.equal(rangeProblem("intervalSeconds", 5, 5, 300, "seconds"), undefined);
    assert.equal(rangeProblem("intervalSeconds", 300, 5, 300, "seconds"), undefined);
    assert.equal(rangeProblem("delay", 0, 0, 0), undefined);
  });

  it("names the field, the bounds and the unit", () => {
    assert.deepEqual(rangeProblem("intervalSeconds", 4, 5, 300, "seconds"), {
      field: "intervalSeconds",
      message: "must be a whole number from 5 to 300 seconds",
    });
    assert.deepEqual(rangeProblem("healthyThreshold", 11, 2, 10), { field: "healthyThreshold", message: "must be a whole number from 2 to 10" });
  });

  it("rejects fractions, NaN and infinities", () => {
    for (const value of [5.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.deepEqual(rangeProblem("x", value, 0, 10), { field: "x", message: "must be a whole number from 0 to 10" }, String(value));
    }
  });

  it("accepts exactly the integers in [min, max]", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1100, max: 1100 }), (a, b, value) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        assert.equal(rangeProblem("f", value, min, max) === undefined, value >= min && value <= max);
      }),
    );
  });
});

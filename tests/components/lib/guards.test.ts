import * as assert from "node:assert/strict";
import { isBoolean, isNumber, isRecord, isString, isStringArray } from "../../../components/lib/guards";

describe("type guards", () => {
  it("isRecord: a plain object, never null or an array", () => {
    assert.deepEqual([{}, { a: 1 }, Object.create(null)].map(isRecord), [true, true, true]);
    assert.deepEqual([null, undefined, [], [1], "x", 1, true].map(isRecord), [false, false, false, false, false, false, false]);
  });

  it("isString, isNumber, isBoolean: the one primitive each", () => {
    assert.deepEqual(["", "x", 1, true, null].map(isString), [true, true, false, false, false]);
    assert.deepEqual([0, 1.5, Number.NaN, "1", null].map(isNumber), [true, true, true, false, false]);
    assert.deepEqual([true, false, "true", 0, null].map(isBoolean), [true, true, false, false, false]);
  });

  it("isStringArray: an array whose every item is a string (an empty one too)", () => {
    assert.deepEqual([[], ["a", "b"], ["a", 1], "a", null, { 0: "a" }].map(isStringArray), [true, true, false, false, false, false]);
  });
});

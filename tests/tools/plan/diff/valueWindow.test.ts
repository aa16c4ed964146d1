import * as assert from "node:assert/strict";
import { changeWindows, firstDifference } from "../../../../tools/plan/diff/valueWindow";

describe("plan diff value windows", () => {
  // two 500-character values that differ at character 300 (index 300 of the value, 301 of its JSON text)
  const before = `${"a".repeat(300)}X${"b".repeat(199)}`;
  const after = `${"a".repeat(300)}Y${"b".repeat(199)}`;

  it("shows a long value around its first difference on both sides, with … where text is left out", () => {
    const [a, b] = changeWindows(before, after, 80);
    assert.equal(a, `…${"a".repeat(26)}X${"b".repeat(51)}…`);
    assert.equal(b, `…${"a".repeat(26)}Y${"b".repeat(51)}…`);
    assert.equal(a.length, 80);
    assert.equal(firstDifference(JSON.stringify(before), JSON.stringify(after)), 301);
  });

  it("keeps short values whole, and a change near either end in view", () => {
    assert.deepEqual(changeWindows("t-jobs", "t-tasks", 80), ['"t-jobs"', '"t-tasks"']);
    assert.deepEqual(changeWindows(undefined, 7, 80), ["(none)", "7"]);
    const early = changeWindows(`X${"a".repeat(499)}`, `Y${"a".repeat(499)}`, 20);
    assert.deepEqual(early, [`"X${"a".repeat(17)}…`, `"Y${"a".repeat(17)}…`]);
    const late = changeWindows(`${"a".repeat(499)}X`, `${"a".repeat(499)}Y`, 20);
    assert.deepEqual(late, [`…${"a".repeat(17)}X"`, `…${"a".repeat(17)}Y"`]);
    // one side a prefix of the other: the window is where the longer one goes on
    const grown = changeWindows("a".repeat(300), `${"a".repeat(300)}-more`, 20);
    assert.deepEqual(grown, [`…${"a".repeat(18)}"`, `…${"a".repeat(13)}-more"`]);
  });
});

import * as assert from "node:assert/strict";
import { cell, code, splitCodeSpans, table } from "../../../../tools/plan/report/markdown";

describe("report Markdown", () => {
  it("fences a code span one backtick longer than any run inside, padding where CommonMark would strip or merge", () => {
    assert.equal(code("plain"), "`plain`");
    assert.equal(code("a`b"), "``a`b``");
    assert.equal(code("a``b`c"), "```a``b`c```");
    assert.equal(code("`start"), "`` `start ``");
    assert.equal(code("end`"), "`` end` ``");
    assert.equal(code(" both "), "`  both  `");
    assert.equal(code(" left"), "` left`");
    assert.equal(code("two\nlines"), "`two lines`");
  });

  it("keeps backslashes inside code spans, doubles them outside, and escapes every pipe", () => {
    // a JSON value with an escaped backslash and a regex alternation
    const json = JSON.stringify("C:\\dir|x");
    assert.equal(json, '"C:\\\\dir|x"');
    assert.equal(cell(code(json)), '`"C:\\\\dir\\|x"`');
    assert.equal(cell(`input ${json} changes`), 'input "C:\\\\\\\\dir\\|x" changes');
    assert.equal(cell(`${code("a\\b")} and a\\b`), "`a\\b` and a\\\\b");
    // a backslash right before a pipe: GFM reads `\\|` as one cell and turns the `\|` back into `|`
    assert.equal(cell(code("a\\|b")), "`a\\\\|b`");
    assert.equal(cell(code("x`y|z")), "``x`y\\|z``");
    assert.equal(cell("one\ntwo"), "one two");
  });

  it("splits code spans as CommonMark does: a run closes only at a run of the same length", () => {
    assert.deepEqual(splitCodeSpans("a `b` c ``d`e`` `f"), [
      { text: "a ", code: false },
      { text: "`b`", code: true },
      { text: " c ", code: false },
      { text: "``d`e``", code: true },
      { text: " `f", code: false },
    ]);
  });

  it("escapes every cell of a table, the header included", () => {
    assert.deepEqual(table(["a|b", "c"], [[code("x\\y"), "p|q"]]), ["| a\\|b | c |", "| --- | --- |", "| `x\\y` | p\\|q |"]);
  });
});

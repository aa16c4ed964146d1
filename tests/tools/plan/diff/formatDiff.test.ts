import * as assert from "node:assert/strict";
import { formatDiffMarkdown, formatDiffText } from "../../../../tools/plan/diff/formatDiff";
import type { PlanDiff } from "../../../../tools/plan/diff/planDiff";

/** A diff with one changed input of one resource. */
function changed(before: unknown, after: unknown): PlanDiff {
  const urn = "urn:pulumi:t::blueprint::aws:ssm/parameter:Parameter::p";
  return {
    baseStack: "t",
    headStack: "t",
    added: [],
    removed: [],
    changed: [{ urn, type: "aws:ssm/parameter:Parameter", name: "p", region: "us-east-1", inputs: [{ path: "value", before, after }] }],
    dataLoss: [],
    resilienceRegressions: [],
  };
}

const row = (diff: PlanDiff) => formatDiffMarkdown(diff, "base").find((line) => line.startsWith("| `p` |"));

describe("plan diff output", () => {
  // two 500-character values that differ at character 300
  const before = `${"a".repeat(300)}X${"b".repeat(199)}`;
  const after = `${"a".repeat(300)}Y${"b".repeat(199)}`;

  it("shows long values around the first difference in the text, on both sides", () => {
    const line = formatDiffText(changed(before, after), "base.json", "head.json").split("\n")[3];
    assert.equal(line, `      value: …${"a".repeat(40)}X${"b".repeat(77)}… -> …${"a".repeat(40)}Y${"b".repeat(77)}…`);
  });

  it("shows long values around the first difference in Markdown, on both sides", () => {
    assert.equal(row(changed(before, after)), `| \`p\` | \`value\` | \`…${"a".repeat(26)}X${"b".repeat(51)}…\` | \`…${"a".repeat(26)}Y${"b".repeat(51)}…\` |`);
  });

  it("writes backslashes in code spans as they are, backticks inside a longer fence, and pipes escaped", () => {
    assert.equal(row(changed("C:\\dir", "a|b")), '| `p` | `value` | `"C:\\\\dir"` | `"a\\|b"` |');
    assert.equal(row(changed("x`y", "``z")), '| `p` | `value` | ``"x`y"`` | ```"``z"``` |');
  });
});

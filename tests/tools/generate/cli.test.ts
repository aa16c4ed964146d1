import * as assert from "node:assert/strict";
import { main } from "../../../tools/generate/cli";
import { withBlock } from "../../../tools/generate/targets";

describe("npm run generate", () => {
  it("finds every generated file and block up to date (run npm run generate when this fails)", () => {
    const out: string[] = [];
    const err: string[] = [];
    assert.equal(
      main(
        ["--check"],
        (line) => out.push(line),
        (line) => err.push(line),
      ),
      0,
      err.join("\n"),
    );
    assert.deepEqual(err, []);
  });

  it("refuses an unknown argument with exit 2, naming it and what is allowed", () => {
    const err: string[] = [];
    assert.equal(
      main(
        ["--write"],
        () => undefined,
        (line) => err.push(line),
      ),
      2,
    );
    assert.deepEqual(err, ["unknown argument(s) --write; allowed: --check"]);
  });

  it("replaces only the marked block, with the marker style of the file", () => {
    assert.equal(
      withBlock("docs/x.md", "a\n<!-- generated:t -->\nold\n<!-- /generated:t -->\nb\n", "t", ["new"]),
      "a\n<!-- generated:t -->\nnew\n<!-- /generated:t -->\nb\n",
    );
    assert.equal(withBlock("Pulumi.yaml", "a\n# generated:t\nold\n# /generated:t\n", "t", ["x: 1"]), "a\n# generated:t\nx: 1\n# /generated:t\n");
    assert.deepEqual(withBlock("docs/x.md", "no markers\n", "t", ["new"]), { problem: "has no <!-- generated:t --> … <!-- /generated:t --> block" });
  });
});

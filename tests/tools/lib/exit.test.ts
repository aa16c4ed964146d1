import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const EXIT = resolve(__dirname, "../../../tools/lib/exit.ts");

describe("exitWhenDrained", () => {
  it("keeps every line of a long output through a pipe, and exits with the code", () => {
    // 200,000 lines (about 2.5 MB) then exit 1: process.exit right away would cut a pipe off at 64 KiB
    const script = `const { exitWhenDrained } = require(${JSON.stringify(EXIT)}); for (let i = 0; i < 200000; i++) console.log("problem " + i); console.error("done"); void exitWhenDrained(1);`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 200000);
    assert.equal(lines.at(-1), "problem 199999");
    assert.equal(result.stderr, "done\n");
  });
});

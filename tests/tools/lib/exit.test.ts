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

describe("runCli", () => {
  const run = (body: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "-e", `const { runCli } = require(${JSON.stringify(EXIT)}); ${body}`], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });

  it("exits with the code main returns, sync or async, after the whole output", () => {
    const sync = run(`void runCli(() => { for (let i = 0; i < 100000; i++) console.log("line " + i); return 4; }, 3);`);
    assert.equal(sync.status, 4, sync.stderr);
    assert.equal(sync.stdout.trimEnd().split("\n").length, 100000);
    const later = run(`void runCli(async () => 5, 3);`);
    assert.equal(later.status, 5, later.stderr);
  });

  it("prints an unexpected failure with its stack trace and exits with the crash code", () => {
    const thrown = run(`void runCli(() => { throw new Error("a bug"); }, 3);`);
    assert.equal(thrown.status, 3);
    assert.match(thrown.stderr, /^Error: a bug\n {4}at /);
    const rejected = run(`void runCli(async () => { throw new Error("a later bug"); }, 7);`);
    assert.equal(rejected.status, 7);
    assert.match(rejected.stderr, /^Error: a later bug\n {4}at /);
  });
});

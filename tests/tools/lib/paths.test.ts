import * as assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inputDirectoryProblem, outputDirectoryProblem, outputFileProblem } from "../../../tools/lib/paths";

describe("CLI path checks", () => {
  const dir = mkdtempSync(join(tmpdir(), "paths-"));
  const file = join(dir, "f");
  writeFileSync(file, "");

  it("accepts an existing or creatable directory, refuses a file, a path under a file and an empty path", () => {
    assert.equal(outputDirectoryProblem("--out-dir", dir), undefined);
    assert.equal(outputDirectoryProblem("--out-dir", join(dir, "a", "b")), undefined);
    assert.equal(outputDirectoryProblem("--out-dir", file), `--out-dir ${file} is a file; give a directory (it is created when missing)`);
    assert.equal(
      outputDirectoryProblem("--out-dir", join(file, "x", "y")),
      `--out-dir ${join(file, "x", "y")} cannot be created: ${file} is a file, not a directory`,
    );
    assert.equal(outputDirectoryProblem("--out-dir", " "), "--out-dir is empty; give a directory");
  });

  it("accepts a writable file path, refuses a directory and a path under a file", () => {
    assert.equal(outputFileProblem("--markdown", join(dir, "new", "d.md")), undefined);
    assert.equal(outputFileProblem("--markdown", file), undefined);
    assert.equal(outputFileProblem("--markdown", dir), `--markdown ${dir} is a directory; give a file path`);
    assert.equal(outputFileProblem("--markdown", join(file, "d.md")), `--markdown ${join(file, "d.md")} cannot be written: ${file} is a file, not a directory`);
    assert.equal(outputFileProblem("--markdown", ""), "--markdown is empty; give a file path");
  });

  it("wants an existing directory to read", () => {
    assert.equal(inputDirectoryProblem("--stacks-dir", dir), undefined);
    assert.equal(inputDirectoryProblem("--stacks-dir", file), `--stacks-dir ${file} is a file; give a directory`);
    assert.equal(inputDirectoryProblem("--stacks-dir", join(dir, "none")), `--stacks-dir ${join(dir, "none")}: no such directory`);
  });
});

/**
 * The layout of the test tree (the tests of the tests). One rule for every test:
 *
 *   the tests of `<dir>/<name>.ts` are in `tests/<dir>/<name>.test.ts`
 *
 * (a component's `index.ts` → `tests/components/<x>/index.test.ts`, `infra/config.ts` →
 * `tests/infra/config.test.ts`), so every `*.test.ts` under tests/ mirrors a TypeScript source that
 * exists. A test file that tested several source files is split by the file each test tests.
 *
 * The exceptions are folders whose tests test something that is not one TypeScript file (EXCEPTIONS
 * below), and the support modules: every file under tests/ that is not a test lives in
 * tests/support/ (policies' harness and fixtures in tests/support/policies/). No folder under tests/
 * is hidden: tsconfig.json's `tests/**\/*.ts` and mocha's glob skip dot folders, which is why the
 * workflow tests are in tests/workflows/ rather than a mirrored tests/.github/workflows/.
 */
import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import * as ts from "typescript";

/** The folders of tests that test no single TypeScript source, with what they test instead. */
const EXCEPTIONS: ReadonlyArray<{ folder: string; subjects: readonly string[]; what: string }> = [
  { folder: "tests/stacks", subjects: ["stacks"], what: "the shipped stack files (stacks/Pulumi.<stack>.yaml) and generated stacks, planned end to end" },
  { folder: "tests/docs", subjects: ["README.md", "docs"], what: "README.md and docs/" },
  { folder: "tests/workflows", subjects: [".github/workflows"], what: "the GitHub workflows, .github/workflows/*.yml" },
  { folder: "tests/meta", subjects: ["tests"], what: "the test tree itself" },
];

/** Where the test support modules (and any fixture data) live. */
const SUPPORT = "tests/support";

const TEST = /\.test\.ts$/;
/**
 * A slow test, kept out of `npm test` (its 60 s budget) and run by its own npm script and by
 * .ci/run: `<dir>/<name>.slow.ts`, at the mirror of its source like a test.
 */
const SLOW_TEST = /\.slow\.ts$/;

/** Every file under `dir`, hidden ones included, as repository-relative paths with `/`. */
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** The problems of a test tree's `files` (paths under tests/), given which repository paths exist. */
function layoutProblems(files: readonly string[], exists: (path: string) => boolean): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const inside = (folder: string) => file.startsWith(`${folder}/`);
    if (file.split("/").some((segment) => segment.startsWith("."))) {
      problems.push(`${file}: is in a hidden folder, which tsconfig.json's tests/**/*.ts and mocha's glob do not reach`);
    } else if (inside(SUPPORT)) {
      if (TEST.test(file) || SLOW_TEST.test(file))
        problems.push(`${file}: is a test in ${SUPPORT}/, which holds support modules only; put it at the mirror of the source it tests`);
    } else if (!TEST.test(file) && !SLOW_TEST.test(file)) {
      problems.push(`${file}: is not a test; support modules and fixture data belong in ${SUPPORT}/`);
    } else if (!EXCEPTIONS.some((exception) => inside(exception.folder))) {
      const source = file.slice("tests/".length).replace(TEST, ".ts").replace(SLOW_TEST, ".ts");
      if (!exists(source))
        problems.push(`${file}: mirrors no source (${source} does not exist); the tests of <dir>/<name>.ts belong in tests/<dir>/<name>.test.ts`);
    }
  }
  return problems;
}

/** What mocha's option loading gives for the options that decide which files run. */
interface MochaOptions {
  readonly _?: unknown[];
  readonly spec?: unknown[];
  readonly ignore?: string[];
  readonly extension?: string[];
  readonly file?: string[];
  readonly recursive?: boolean;
  readonly sort?: boolean;
}

/** The test files mocha runs with this repository's .mocharc.json, the way `mocha` collects them. */
function mochaSpecFiles(): string[] {
  /* eslint-disable @typescript-eslint/no-require-imports -- mocha's own option loading and file collection, which ship no types */
  const { loadOptions } = require("mocha/lib/cli/options.cjs") as { loadOptions: (argv: string[]) => MochaOptions };
  const collectFiles = require("mocha/lib/cli/collect-files.cjs") as (options: Record<string, unknown>) => { files: string[] };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const options = loadOptions([]);
  const { files } = collectFiles({
    allowEmpty: false,
    ignore: options.ignore ?? [],
    extension: options.extension ?? [],
    file: options.file ?? [],
    recursive: options.recursive ?? false,
    sort: options.sort ?? false,
    spec: [...(options.spec ?? []), ...(options._ ?? [])].map(String),
  });
  return files.map((file) => relative(".", file).split(sep).join("/")).sort();
}

describe("the test tree", () => {
  const files = walk("tests").sort();

  it("puts every test at the mirror of an existing source, outside the declared exceptions, and everything else in tests/support", () => {
    assert.deepEqual(layoutProblems(files, existsSync), []);
  });

  it("refuses a test without its source, a support module or data outside tests/support, a test inside it, and hidden folders", () => {
    const existing = new Set(["components/cache/index.ts", "components/lib/cidr.ts"]);
    const problems = layoutProblems(
      [
        "tests/components/cache/index.test.ts",
        "tests/components/lib/cidr.test.ts",
        "tests/stacks/anything.test.ts",
        "tests/support/policies/harness.ts",
        "tests/support/fixture.json",
        "tests/lib/cidr.test.ts",
        "tests/components/support.ts",
        "tests/policies/fixture.json",
        "tests/support/sections.test.ts",
        "tests/.github/workflows/deploy.test.ts",
      ],
      (path) => existing.has(path),
    );
    assert.deepEqual(
      problems.map((problem) => problem.split(":")[0]),
      [
        "tests/lib/cidr.test.ts",
        "tests/components/support.ts",
        "tests/policies/fixture.json",
        "tests/support/sections.test.ts",
        "tests/.github/workflows/deploy.test.ts",
      ],
    );
    assert.match(problems[0], /mirrors no source \(lib\/cidr\.ts does not exist\)/);
  });

  it("declares only exceptions whose folder holds tests and whose subjects exist", () => {
    for (const exception of EXCEPTIONS) {
      assert.ok(
        files.some((file) => file.startsWith(`${exception.folder}/`) && TEST.test(file)),
        `${exception.folder} holds the tests of ${exception.what}`,
      );
      for (const subject of exception.subjects) assert.ok(existsSync(subject), `${exception.folder} tests ${subject}, which exists`);
    }
  });

  it("has .mocharc.json's spec find every test file under tests/, and nothing else", () => {
    assert.deepEqual(
      mochaSpecFiles(),
      files.filter((file) => TEST.test(file)),
    );
  });

  it("runs every slow test by an npm script that .ci/run runs", () => {
    const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
    const ci = readFileSync(".ci/run", "utf8");
    const unrun = files
      .filter((file) => SLOW_TEST.test(file))
      .filter((file) => !Object.entries(scripts).some(([name, command]) => command.includes(file) && ci.includes(`npm run ${name}\n`)));
    assert.deepEqual(unrun, []);
  });

  it("has tsconfig.json type-check every TypeScript file under tests/", () => {
    const { config } = ts.readConfigFile("tsconfig.json", (path) => readFileSync(path, "utf8")) as { config: unknown };
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, resolve("."));
    const checked = new Set(parsed.fileNames.map((file) => relative(".", file).split(sep).join("/")));
    assert.deepEqual(
      files.filter((file) => file.endsWith(".ts") && !checked.has(file)),
      [],
    );
  });
});

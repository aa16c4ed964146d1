#!/usr/bin/env node
/**
 * `node tools/launch.cjs <entry.ts> [args…]`: runs a TypeScript command-line tool from a prebuilt
 * CommonJS bundle instead of transpiling its few hundred source files at every start (tsx spends
 * more than a second on that for the plan). The bundle (build/<entry>.cjs, gitignored) holds the
 * repository's own code only; node_modules stay external and load as they would under tsx. It is
 * rebuilt with esbuild (the transpiler tsx itself uses) whenever any file it was built from, or
 * tsconfig.json, is newer than it, so an edit is always picked up. Then the bundle runs as the
 * main module, exactly as `node <bundle> [args…]` would.
 *
 * Plain JavaScript on purpose: it must start without a transpiler.
 */
"use strict";
const { createRequire, runMain } = require("node:module");
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { dirname, join, relative, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..");
const BUILD_DIR = join(ROOT, "build");

/** The bundle of an entry point: build/tools/plan/cli.cjs for tools/plan/cli.ts. */
function bundlePath(entry) {
  return join(BUILD_DIR, relative(ROOT, resolve(entry)).replace(/\.ts$/, ".cjs"));
}

/** True when the bundle exists and no file it was built from changed since. */
function isFresh(bundle) {
  const inputsFile = `${bundle}.inputs.json`;
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
  return [...inputs, "tsconfig.json"].every((input) => {
    const path = join(ROOT, input);
    return existsSync(path) && statSync(path).mtimeMs <= builtAt;
  });
}

/**
 * An esbuild plugin that gives every bundled module its own `__dirname` and `__filename` (its
 * source file's), as under tsx: the code resolves paths next to itself (the policy config, the
 * report's renderers), and in one bundle those would otherwise all be the bundle's.
 */
const ownPaths = {
  name: "own-paths",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      let contents = readFileSync(args.path, "utf8");
      if (/\b__(dirname|filename)\b/.test(contents)) {
        const file = relative(ROOT, args.path).split("\\").join("/");
        contents =
          `const __filename = require("node:path").join(__bundleRoot, ${JSON.stringify(file)});\n` +
          `const __dirname = require("node:path").dirname(__filename);\n${contents}`;
      }
      return { contents, loader: "ts" };
    });
  },
};

/** Builds the bundle (to a temporary name first, so a concurrent run never reads half a file). */
async function build(entry, bundle) {
  // esbuild is tsx's own transpiler: resolved through tsx, so it is the version tsx pins.
  const esbuild = createRequire(require.resolve("tsx/package.json"))("esbuild");
  mkdirSync(dirname(bundle), { recursive: true });
  const temporary = `${bundle}.${process.pid}.tmp`;
  const result = await esbuild.build({
    entryPoints: [resolve(entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: temporary,
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "error",
    banner: { js: `const __bundleRoot = require("node:path").resolve(__dirname, ${JSON.stringify(relative(dirname(bundle), ROOT) || ".")});` },
    plugins: [ownPaths],
  });
  // a linked source map names the temporary file: point it at the final one
  const code = readFileSync(temporary, "utf8").replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${bundle.split("/").pop()}.map`);
  writeFileSync(temporary, code);
  renameSync(`${temporary}.map`, `${bundle}.map`);
  writeFileSync(`${bundle}.inputs.json`, JSON.stringify(Object.keys(result.metafile.inputs)));
  renameSync(temporary, bundle);
}

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node tools/launch.cjs <entry.ts> [args…]");
  process.exit(2);
}
const bundle = bundlePath(entry);
(isFresh(bundle) ? Promise.resolve() : build(entry, bundle)).then(
  () => {
    // stack traces of a crash name the TypeScript sources, as under tsx
    process.setSourceMapsEnabled(true);
    process.argv = [process.argv[0], bundle, ...args];
    runMain();
  },
  (error) => {
    console.error(`could not build ${relative(ROOT, bundle)} from ${entry}: ${error.message}`);
    process.exit(3);
  },
);

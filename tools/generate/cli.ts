/**
 * `npm run generate`: writes every generated file (the stack schema, the config reference, the
 * generated blocks of the docs); `npm run generate -- --check` writes nothing and exits 1 when one
 * is stale, naming it. Exit 2 on a bad argument.
 */
import { exitWhenDrained } from "../lib/exit";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { TARGETS, withBlock } from "./targets";

/** Runs the command; returns its exit code. */
export function main(argv: readonly string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): number {
  const unknown = argv.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    err(`unknown argument(s) ${unknown.join(" ")}; allowed: --check`);
    return 2;
  }
  const check = argv.includes("--check");
  // blocks of one file are applied in turn to the same text
  const next = new Map<string, string>();
  const problems: string[] = [];
  for (const target of TARGETS) {
    const current = next.get(target.path) ?? (existsSync(target.path) ? readFileSync(target.path, "utf8") : "");
    if (target.kind === "file") {
      next.set(target.path, target.render());
      continue;
    }
    const updated = withBlock(target.path, current, target.name, target.render());
    if (typeof updated === "string") next.set(target.path, updated);
    else problems.push(`${target.path} ${updated.problem}`);
  }
  const stale = [...next].filter(([path, text]) => (existsSync(path) ? readFileSync(path, "utf8") : undefined) !== text).map(([path]) => path);
  for (const problem of problems) err(problem);
  if (check) {
    for (const path of stale) err(`${path} is stale; run npm run generate`);
    if (stale.length === 0 && problems.length === 0) out(`${next.size} generated file(s) up to date`);
    return stale.length > 0 || problems.length > 0 ? 1 : 0;
  }
  for (const path of stale) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, next.get(path)!);
    out(`wrote ${path}`);
  }
  if (stale.length === 0) out(`${next.size} generated file(s) up to date`);
  return problems.length > 0 ? 1 : 0;
}

if (require.main === module) void exitWhenDrained(main(process.argv.slice(2)));

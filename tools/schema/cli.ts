/**
 * `npm run schema`: writes stacks/stack.schema.json; `npm run schema -- --check` exits 1 when the
 * checked-in file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { renderStackSchema, STACK_SCHEMA_PATH } from "../../infra/stackSchema";

function main(argv: readonly string[]): number {
  const unknown = argv.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`unknown argument(s) ${unknown.join(" ")}; allowed: --check`);
    return 2;
  }
  const rendered = renderStackSchema();
  if (argv.includes("--check")) {
    const current = existsSync(STACK_SCHEMA_PATH) ? readFileSync(STACK_SCHEMA_PATH, "utf8") : "";
    if (current !== rendered) {
      console.error(`${STACK_SCHEMA_PATH} is stale; run npm run schema`);
      return 1;
    }
    console.log(`${STACK_SCHEMA_PATH} is up to date`);
    return 0;
  }
  writeFileSync(STACK_SCHEMA_PATH, rendered);
  console.log(`wrote ${STACK_SCHEMA_PATH}`);
  return 0;
}

process.exit(main(process.argv.slice(2)));

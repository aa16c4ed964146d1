import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../tools/plan/cli";
import { STACK_TAGS_USAGE } from "../../../tools/plan/stackTags";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run plan -- stack-tags", () => {
  it("prints the environment tag of each shipped stack and a null waiver", async () => {
    for (const stack of ["dev", "staging", "prod"])
      assert.deepEqual(await run(["stack-tags", stack]), { code: 0, out: `{"blueprint:environment":"${stack}","blueprint:resilience-waiver":null}`, err: "" });
  });

  it("prints the waiver's reason as the tag the resilience policies read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tags-"));
    const reason = "single-region pilot until the second region is approved";
    writeFileSync(join(dir, "Pulumi.pilot.yaml"), `${readFileSync("stacks/Pulumi.dev.yaml", "utf8")}\n  blueprint:resilienceWaiver:\n    reason: ${reason}\n`);
    const result = await run(["stack-tags", "pilot", "--stacks-dir", dir]);
    assert.equal(result.err, "");
    assert.deepEqual(JSON.parse(result.out), { "blueprint:environment": "dev", "blueprint:resilience-waiver": reason });
  });

  it("exits 1 for an unknown stack and 2 for bad arguments", async () => {
    const unknown = await run(["stack-tags", "nope"]);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.err, 'Unknown stack "nope": stacks/Pulumi.nope.yaml does not exist. Known stacks: dev, prod, staging.');
    assert.deepEqual(await run(["stack-tags", "dev", "prod", "--x"]), {
      code: 2,
      out: "",
      err: `stack-tags needs exactly one stack; got 2 (dev, prod)\nunknown option --x; allowed: --stacks-dir, --help\n\n${STACK_TAGS_USAGE}`,
    });
  });
});

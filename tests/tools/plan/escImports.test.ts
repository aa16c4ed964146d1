import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../tools/plan/cli";
import { escImports, escWarning } from "../../../tools/plan/escImports";

describe("Pulumi ESC imports in a stack file", () => {
  it("reads the list form, the imports of an inline definition and imports with options", () => {
    assert.deepEqual(escImports({ environment: ["acme/common", "acme/blueprint/prod"] }), ["acme/common", "acme/blueprint/prod"]);
    assert.deepEqual(escImports({ environment: { imports: ["acme/common", { "acme/secrets": { merge: false } }] } }), ["acme/common", "acme/secrets"]);
    assert.deepEqual(escImports({ config: {} }), []);
    assert.deepEqual(escImports({ environment: "acme/x" }), []);
  });

  it("warns naming every environment and how to supply its values locally; says nothing without ESC", () => {
    assert.equal(
      escWarning("prod", "stacks/Pulumi.prod.yaml", { environment: ["acme/common", "acme/blueprint/prod"] }),
      [
        "stacks/Pulumi.prod.yaml: warning: imports the Pulumi ESC environments acme/common, acme/blueprint/prod; the offline plan cannot open ESC, so any config they provide (pulumiConfig) is missing from this plan.",
        "  To plan with those values: copy the stack file into a directory outside the repository, add the keys that",
        "  `esc env open acme/common pulumiConfig --format yaml` prints under its config:, and run",
        "  `npm run plan -- prod --stacks-dir <that directory>` (docs/deploying.md#config-kept-in-pulumi-esc).",
      ].join("\n"),
    );
    assert.match(
      escWarning("dev", "f.yaml", { environment: { values: { pulumiConfig: { "blueprint:owner": "x" } } } })!,
      /^f\.yaml: warning: defines ESC values inline \(environment\.values\); the offline plan cannot open ESC/,
    );
    assert.equal(escWarning("dev", "f.yaml", { config: { "aws:region": "us-east-1" } }), undefined);
  });

  it("prints the warning on stderr when planning such a stack, and still plans it", async function () {
    this.timeout(60000);
    const dir = mkdtempSync(join(tmpdir(), "esc-"));
    writeFileSync(join(dir, "Pulumi.dev.yaml"), `environment:\n  - acme/blueprint/dev\n${readFileSync("stacks/Pulumi.dev.yaml", "utf8")}`);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      ["dev", "--quiet", "--stacks-dir", dir, "--out-dir", join(dir, "plan")],
      (l) => out.push(l),
      (l) => err.push(l),
    );
    assert.equal(code, 0, err.join("\n"));
    assert.equal(err.length, 1);
    assert.ok(err[0].startsWith(`${join(dir, "Pulumi.dev.yaml")}: warning: imports the Pulumi ESC environment acme/blueprint/dev; `), err[0]);
    assert.match(out.join("\n"), /^dev: \d+ resources, 0 mandatory/);
  });
});

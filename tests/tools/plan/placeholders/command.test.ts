import * as assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../../tools/plan/cli";
import { EXIT_PLACEHOLDERS_FOUND, PLACEHOLDERS_USAGE } from "../../../../tools/plan/placeholders/command";

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

const ACCOUNT = "the AWS documentation account 123456789012";
const DOMAIN = "a domain reserved for documentation (RFC 2606)";

/** Every placeholder the shipped stacks carry: the walkthrough in docs/deploying.md replaces these. */
const SHIPPED = [
  'stacks/Pulumi.prod.yaml:36: blueprint:domain.name = "example.com": ' + DOMAIN,
  'stacks/Pulumi.prod.yaml:37: blueprint:domain.hostedZoneId = "Z0123456789ABCDEFGHIJ": a made-up ID (a counting run such as 0123456789)',
  'stacks/Pulumi.prod.yaml:91: blueprint:alarms.email = "oncall@example.com": ' + DOMAIN,
  'stacks/Pulumi.staging.yaml:30: blueprint:domain.name = "staging.example.com": ' + DOMAIN,
  'stacks/Pulumi.staging.yaml:32: blueprint:domain.certificateArns.us-east-1 = "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a": ' +
    ACCOUNT,
  'stacks/Pulumi.staging.yaml:33: blueprint:domain.certificateArns.eu-west-1 = "arn:aws:acm:eu-west-1:123456789012:certificate/6b7c8d9e-0a1b-4c2d-8e3f-4a5b6c7d8e9f": ' +
    ACCOUNT,
  'stacks/Pulumi.staging.yaml:39: blueprint:cdn.certificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f": ' +
    ACCOUNT,
  'stacks/Pulumi.staging.yaml:40: blueprint:cdn.certificateNames[0] = "www.staging.example.com": ' + DOMAIN,
  'stacks/Pulumi.staging.yaml:78: blueprint:alarms.email = "platform-alerts@example.com": ' + DOMAIN,
];

describe("npm run plan -- placeholders", () => {
  it("lists exactly the shipped stacks' placeholders with file, line and key, and exits 7", async () => {
    const { code, out, err } = await run(["placeholders"]);
    assert.equal(code, EXIT_PLACEHOLDERS_FOUND);
    assert.equal(code, 7);
    assert.equal(err, "");
    assert.deepEqual(out.split("\n"), [
      ...SHIPPED,
      "Placeholders: 3 in prod, 6 in staging; none in dev. Replace each with your own value (pulumi config set --path '<key>' <value>, or edit the file) before pulumi up.",
    ]);
  });

  it("exits 0 for a stack without placeholders, and prints JSON with --json", async () => {
    assert.deepEqual(await run(["placeholders", "dev"]), { code: 0, out: "No placeholders in dev.", err: "" });
    const json = await run(["placeholders", "prod", "--json"]);
    assert.equal(json.code, 7);
    const parsed = JSON.parse(json.out) as Array<{ file: string; line: number; key: string; value: string; reasons: string[] }>;
    assert.deepEqual(
      parsed.map((p) => `${p.file}:${p.line}: ${p.key}`),
      [
        "stacks/Pulumi.prod.yaml:36: blueprint:domain.name",
        "stacks/Pulumi.prod.yaml:37: blueprint:domain.hostedZoneId",
        "stacks/Pulumi.prod.yaml:91: blueprint:alarms.email",
      ],
    );
    assert.deepEqual(parsed[2], { file: "stacks/Pulumi.prod.yaml", line: 91, key: "blueprint:alarms.email", value: "oncall@example.com", reasons: [DOMAIN] });
  });

  it("exits 1 for an unknown stack or a broken file, still listing the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "placeholders-"));
    writeFileSync(join(dir, "Pulumi.a.yaml"), "config:\n  blueprint:alarms:\n    email: x@example.com\n");
    writeFileSync(join(dir, "Pulumi.b.yaml"), "config: [\n");
    const result = await run(["placeholders", "a", "b", "c", "--stacks-dir", dir]);
    assert.equal(result.code, 1);
    assert.equal(result.out.split("\n")[0], `${join(dir, "Pulumi.a.yaml")}:3: blueprint:alarms.email = "x@example.com": ${DOMAIN}`);
    const errors = result.err.split("\n");
    assert.match(errors[0], new RegExp(`^${join(dir, "Pulumi.b.yaml").replace(/[.]/g, "\\.")} is not valid YAML: `));
    assert.equal(errors.at(-1), `Unknown stack "c": ${join(dir, "Pulumi.c.yaml")} does not exist. Known stacks: a, b.`);
  });

  it("refuses bad arguments with exit 2 and the usage, and prints the usage for --help", async () => {
    const bad = await run(["placeholders", "--stacks-dir", "--json", "--frob", "a/b"]);
    assert.equal(bad.code, 2);
    assert.equal(
      bad.err,
      `--stacks-dir needs a value (a directory)\nunknown option --frob; allowed: --stacks-dir, --json, --help\nstack name "a/b" may only contain letters, digits, "-", "_" and "."\n\n${PLACEHOLDERS_USAGE}`,
    );
    assert.deepEqual(await run(["placeholders", "--help"]), { code: 0, out: PLACEHOLDERS_USAGE, err: "" });
  });
});

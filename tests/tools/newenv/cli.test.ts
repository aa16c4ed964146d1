import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { formatCidr, mustParseCidr, overlaps } from "../../../components/lib/cidr";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from "../../../tools/newenv/cli";
import { validateStackText } from "../../../tools/newenv/validateStack";
import { allVpcBlocks, assertSourceValid, run, tempStacks } from "../../support/newenv";

/** The problem lines of a usage error (between the header and the usage text). */
function usageProblems(err: string): string[] {
  const [head] = err.split("\n\nUsage:");
  return head
    .split("\n")
    .slice(1)
    .map((line) => line.replace(/^ {2}- /, ""));
}

describe("new-env: the command", () => {
  it("exits 2 with every argument problem, the stacks included, and no stack trace", () => {
    const dir = tempStacks();
    const result = run(["--name", "dev", "--from", "qa", "--regions", "eu-wset-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_USAGE);
    assert.deepEqual(usageProblems(result.err), [
      '--regions "eu-wset-1" is not a known AWS region; did you mean eu-west-1 or eu-west-2 or eu-west-3?',
      `--from "qa" is not a stack: ${join(dir, "Pulumi.qa.yaml")} does not exist; existing stacks: dev, prod, staging`,
      `--name "dev": ${join(dir, "Pulumi.dev.yaml")} already exists; new-env never overwrites a stack file (choose another name or delete the file)`,
    ]);
    assert.match(result.err, /^new-env: 3 problems with the arguments:\n/);
    assert.doesNotMatch(result.err, /\n\s+at /);
    assert.equal(result.out, "");
  });

  it("refuses to overwrite an existing stack file and leaves it untouched", () => {
    const dir = tempStacks({ perf: "config:\n  aws:region: us-east-1\n" });
    const result = run(["--name", "perf", "--from", "dev", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_USAGE);
    assert.equal(readFileSync(join(dir, "Pulumi.perf.yaml"), "utf8"), "config:\n  aws:region: us-east-1\n");
  });

  it("refuses a name whose physical-name prefix another stack already has", () => {
    const dir = tempStacks();
    const result = run(["--name", "DEV.", "--from", "dev", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_USAGE);
    assert.deepEqual(usageProblems(result.err), [
      '--name "DEV." gives the physical-name prefix blueprint-dev, which stack dev already uses; AWS names (queues, topics, buckets) would collide, so choose a name that differs by more than case or punctuation',
    ]);
  });

  it("refuses a primary that is not one of the source's regions when --regions is not given", () => {
    const result = run(["--name", "x", "--from", "prod", "--primary", "eu-central-1", "--stacks-dir", tempStacks()]);
    assert.equal(result.code, EXIT_USAGE);
    assert.deepEqual(usageProblems(result.err), [
      `--primary "eu-central-1" is not one of prod's regions (us-east-1, eu-west-1, ap-southeast-2); pick one of them or list the regions with --regions`,
    ]);
  });

  it("refuses a stacks directory that does not exist", () => {
    const result = run(["--name", "x", "--from", "dev", "--stacks-dir", join(tmpdir(), "no-such-stacks-dir")]);
    assert.equal(result.code, EXIT_USAGE);
    assert.deepEqual(usageProblems(result.err), [
      `--stacks-dir "${join(tmpdir(), "no-such-stacks-dir")}" is not a directory; it must hold the Pulumi.<stack>.yaml files`,
    ]);
  });

  it("exits 1 without writing when the result is invalid, printing parseConfig's problems", () => {
    const dir = tempStacks();
    const result = run(["--name", "solo", "--from", "prod", "--regions", "us-east-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_INVALID);
    assert.equal(
      result.err,
      `new-env: ${join(dir, "Pulumi.solo.yaml")} would be invalid (1 problem); nothing was written:\n` +
        "  - blueprint:regions: lists 1 region(s); prod needs at least 2, or a blueprint:resilienceWaiver with a reason",
    );
    assert.equal(existsSync(join(dir, "Pulumi.solo.yaml")), false);
  });

  it("exits 1 when another stack file is not YAML, since its CIDRs are unknown", () => {
    const dir = tempStacks({ broken: "config: [unclosed\n" });
    const result = run(["--name", "x", "--from", "dev", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_INVALID);
    assert.match(
      result.err,
      new RegExp(`^new-env: ${join(dir, "Pulumi.broken.yaml").replace(/[.]/g, "\\.")} is not valid YAML, so its VPC CIDRs are unknown: `),
    );
    assert.equal(existsSync(join(dir, "Pulumi.x.yaml")), false);
  });

  it("prints the file with --dry-run and writes nothing", () => {
    const dir = tempStacks();
    const result = run(["--name", "perf", "--from", "dev", "--dry-run", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK);
    assert.equal(existsSync(join(dir, "Pulumi.perf.yaml")), false);
    assert.equal(parse(result.out).config["blueprint:regions"][0].vpcCidr, "10.1.0.0/16");
    assert.equal(result.err, `new-env: dry run, ${join(dir, "Pulumi.perf.yaml")} was not written.`);
  });

  it("writes a dev fork that keeps every setting and comment and only changes the CIDR", () => {
    const dir = tempStacks();
    const result = run(["--name", "perf", "--from", "dev", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    assert.equal(
      result.out,
      `Wrote ${join(dir, "Pulumi.perf.yaml")} (from dev):\n  us-east-1 (primary): 10.1.0.0/16, us-east-1a, us-east-1b\nNext: npm run plan -- perf; then pulumi stack init perf and pulumi up --stack perf.`,
    );
    const source = readFileSync("stacks/Pulumi.dev.yaml", "utf8");
    const written = readFileSync(join(dir, "Pulumi.perf.yaml"), "utf8");
    // every source line is still there, in order, except the one CIDR
    const sourceLines = source.split("\n").filter((line) => !line.includes("vpcCidr"));
    let cursor = 0;
    const writtenLines = written.split("\n");
    for (const line of sourceLines) {
      const found = writtenLines.indexOf(line, cursor);
      assert.ok(found >= 0, `line lost or moved: ${JSON.stringify(line)}`);
      cursor = found + 1;
    }
    assert.equal(writtenLines[0], "# yaml-language-server: $schema=./stack.schema.json", "the schema modeline stays first");
    assert.ok(written.includes("# perf: created by `npm run new-env -- --name perf --from dev` from Pulumi.dev.yaml."));
    assert.ok(written.includes("      vpcCidr: 10.1.0.0/16\n"));
    const sourceValues = parse(source).config;
    const writtenValues = parse(written).config;
    assert.deepEqual(writtenValues, {
      ...sourceValues,
      "blueprint:regions": [{ ...sourceValues["blueprint:regions"][0], vpcCidr: "10.1.0.0/16" }],
    });
  });

  for (const [from, regions] of [
    ["dev", undefined],
    ["staging", undefined],
    ["prod", undefined],
    ["dev", "eu-central-1"],
    ["staging", "us-east-1,ap-southeast-1"],
    ["prod", "eu-west-1,eu-central-1,ap-northeast-1"],
  ] as const) {
    it(`writes a ${from} fork${regions ? ` in ${regions}` : ""} that passes parseConfig and overlaps no stack`, () => {
      assertSourceValid(from);
      const dir = tempStacks();
      const before = allVpcBlocks(dir).map((block) => block.cidr);
      const result = run(["--name", "fork", "--from", from, ...(regions ? ["--regions", regions] : []), "--stacks-dir", dir]);
      assert.equal(result.code, EXIT_OK, result.err);
      const text = readFileSync(join(dir, "Pulumi.fork.yaml"), "utf8");
      const validation = validateStackText("fork", "Pulumi.fork.yaml", text);
      assert.ok(validation.ok, validation.ok ? "" : validation.problems.join("\n"));
      const config = validation.config;
      assert.equal(config.environment, from);
      assert.deepEqual(
        config.regions.map((region) => region.name),
        regions
          ? regions.split(",")
          : parse(readFileSync(`stacks/Pulumi.${from}.yaml`, "utf8")).config["blueprint:regions"].map((r: { name: string }) => r.name),
      );
      assert.equal(config.primaryRegion, config.regions[0].name);
      assert.equal(parse(text).config["aws:region"], config.primaryRegion);
      for (const region of config.regions) {
        const block = mustParseCidr(region.vpcCidr);
        for (const other of before) assert.ok(!overlaps(block, other), `${region.vpcCidr} overlaps ${formatCidr(other)}`);
      }
    });
  }
});

import * as assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { formatCidr, isRfc1918, mustParseCidr, overlaps, RFC1918_RANGES, size, type Cidr } from "../../../components/lib/cidr";
import { MAX_STACK_NAME_LENGTH, parseNewEnvArgs } from "../../../tools/newenv/args";
import { allocateVpcCidrs, AVOIDED_RANGES, CidrSpaceExhaustedError } from "../../../tools/newenv/cidrAllocation";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, main } from "../../../tools/newenv/cli";
import { forkStackText } from "../../../tools/newenv/forkStack";
import { azCountForNewRegions, pickAvailabilityZones, planRegions, sourceRegionsOf } from "../../../tools/newenv/regionPlan";
import { readStackInventory } from "../../../tools/newenv/stackInventory";
import { validateStackText } from "../../../tools/newenv/validateStack";

/** Regions none of the repository's stacks use. */
const NEW_REGIONS = ["us-west-2", "eu-central-1", "ap-northeast-1", "sa-east-1"];

/** A temporary copy of the repository's stack files, plus any extra files. */
function tempStacks(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "newenv-"));
  for (const file of readdirSync("stacks").filter((name) => /^Pulumi\..+\.yaml$/.test(name))) {
    copyFileSync(join("stacks", file), join(dir, file));
  }
  for (const [stack, text] of Object.entries(extra)) writeFileSync(join(dir, `Pulumi.${stack}.yaml`), text);
  return dir;
}

function run(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (text) => out.push(text), (text) => err.push(text));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The problem lines of a usage error (between the header and the usage text). */
function usageProblems(err: string): string[] {
  const [head] = err.split("\n\nUsage:");
  return head.split("\n").slice(1).map((line) => line.replace(/^ {2}- /, ""));
}

/** A fork can only be as valid as its source: say so plainly when the source stack is the problem. */
function assertSourceValid(stack: string): void {
  const source = validateStackText(stack, `stacks/Pulumi.${stack}.yaml`, readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8"));
  assert.ok(source.ok, `stacks/Pulumi.${stack}.yaml itself is invalid, so no fork of it can be valid:\n${source.ok ? "" : source.problems.join("\n")}`);
}

/** Every VPC block of every stack in `dir`. */
function allVpcBlocks(dir: string): Array<{ stack: string; cidr: Cidr }> {
  return readStackInventory(dir).flatMap((stack) => stack.vpcCidrs.map((cidr) => ({ stack: stack.name, cidr })));
}

/** Reference first fit: every aligned block of every private range, in order, checked one by one. */
function naiveFirstFit(taken: readonly Cidr[], prefixes: readonly number[]): Cidr[] | "exhausted" {
  const used = [...taken, ...AVOIDED_RANGES];
  const result: Cidr[] = [];
  for (const prefix of prefixes) {
    let found: Cidr | undefined;
    for (const range of RFC1918_RANGES) {
      for (let base = range.base; base + 2 ** (32 - prefix) <= range.base + size(range) && !found; base += 2 ** (32 - prefix)) {
        const candidate = { base, prefix };
        if (!used.some((block) => overlaps(block, candidate))) found = candidate;
      }
      if (found) break;
    }
    if (!found) return "exhausted";
    result.push(found);
    used.push(found);
  }
  return result;
}

/** A block anywhere in IPv4, mostly inside the private ranges, sometimes a whole range or more. */
const blockArbitrary: fc.Arbitrary<Cidr> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...RFC1918_RANGES).chain((range) => fc.integer({ min: range.base, max: range.base + size(range) - 1 })) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffffffff }) },
    ),
    fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 14, max: 24 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 13 }) }),
  )
  .map(([address, prefix]) => ({ base: (address - (address % 2 ** (32 - prefix))) >>> 0, prefix }));

describe("new-env: VPC CIDR allocation", () => {
  it("never overlaps a taken block, another new block or 172.17.0.0/16, stays in RFC 1918 with the asked prefix, and is first fit", () => {
    fc.assert(
      fc.property(
        fc.array(blockArbitrary, { maxLength: 30 }),
        fc.array(fc.integer({ min: 16, max: 21 }), { minLength: 1, maxLength: 6 }),
        (taken, prefixes) => {
          const expected = naiveFirstFit(taken, prefixes);
          let allocated: Cidr[];
          try {
            allocated = allocateVpcCidrs(taken, prefixes);
          } catch (error) {
            assert.ok(error instanceof CidrSpaceExhaustedError, String(error));
            assert.equal(expected, "exhausted", "the allocator gave up although a free block existed");
            return;
          }
          assert.deepEqual(allocated, expected);
          assert.equal(allocated.length, prefixes.length);
          allocated.forEach((block, index) => {
            assert.equal(block.prefix, prefixes[index]);
            assert.equal(block.base % size(block), 0, `${formatCidr(block)} is not aligned`);
            assert.deepEqual(mustParseCidr(formatCidr(block)), block);
            assert.ok(isRfc1918(block), `${formatCidr(block)} is outside RFC 1918`);
            for (const used of [...taken, ...AVOIDED_RANGES]) {
              assert.ok(!overlaps(block, used), `${formatCidr(block)} overlaps ${formatCidr(used)}`);
            }
            allocated.slice(index + 1).forEach((other) => assert.ok(!overlaps(block, other), `${formatCidr(block)} overlaps ${formatCidr(other)}`));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never overlaps any existing stack's region: repeated forks of every stack stay disjoint from all", () => {
    let written = 0;
    const fork = fc.oneof(
      fc.tuple(fc.constant("dev"), fc.subarray(NEW_REGIONS, { minLength: 1, maxLength: 1 })),
      fc.tuple(fc.constantFrom("staging", "prod"), fc.subarray(NEW_REGIONS, { minLength: 2, maxLength: 3 })),
    );
    fc.assert(
      // a one-region dev fork first, so every run writes at least one file whatever the rules
      fc.property(fc.constantFrom(...NEW_REGIONS), fc.array(fork, { maxLength: 3 }), (devRegion, more) => {
        const dir = tempStacks();
        const forks: Array<[string, string[]]> = [["dev", [devRegion]], ...more];
        forks.forEach(([from, regions], index) => {
          const result = run(["--name", `fork${index}`, "--from", from, "--regions", regions.join(","), "--stacks-dir", dir]);
          // A fork the config rules refuse (they evolve with the blueprint) is never written; the
          // CIDRs are never the reason.
          if (result.code === EXIT_OK) written++;
          else {
            assert.equal(result.code, EXIT_INVALID, result.err);
            assert.match(result.err, /would be invalid .*; nothing was written/);
            assert.doesNotMatch(result.err, /vpcCidr/);
            assert.equal(existsSync(join(dir, `Pulumi.fork${index}.yaml`)), false);
          }
        });
        const blocks = allVpcBlocks(dir);
        blocks.forEach((a, i) =>
          blocks.slice(i + 1).forEach((b) => assert.ok(!overlaps(a.cidr, b.cidr), `${a.stack} ${formatCidr(a.cidr)} overlaps ${b.stack} ${formatCidr(b.cidr)}`)),
        );
      }),
      { numRuns: 8 },
    );
    assert.ok(written >= 8, `only ${written} forks were written`);
  });

  it("takes the lowest free block: a dev fork gets 10.1.0.0/16 next to dev's 10.0.0.0/16", () => {
    const taken = allVpcBlocks("stacks").map((block) => block.cidr);
    assert.deepEqual(allocateVpcCidrs(taken, [16, 16, 20]).map(formatCidr), ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/20"]);
  });

  it("skips 172.17.0.0/16 and moves on to 192.168.0.0/16 when the larger ranges are full", () => {
    const taken = [mustParseCidr("10.0.0.0/8"), mustParseCidr("172.16.0.0/16"), ...["172.18.0.0/15", "172.20.0.0/14", "172.24.0.0/13"].map(mustParseCidr)];
    // the only room left in 172.16.0.0/12 is 172.17.0.0/16, which is avoided at every size
    assert.deepEqual(allocateVpcCidrs(taken, [16]).map(formatCidr), ["192.168.0.0/16"]);
    assert.deepEqual(allocateVpcCidrs(taken, [21]).map(formatCidr), ["192.168.0.0/21"]);
  });

  it("says which region ran out of space", () => {
    assert.throws(
      () => allocateVpcCidrs(RFC1918_RANGES.slice(0, 2), [16, 16]),
      (error: Error) =>
        error instanceof CidrSpaceExhaustedError &&
        error.message ===
          "no free /16 is left in the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) for region 2 of 2: every block overlaps a VPC of an existing stack; free a range or use a smaller VPC",
    );
    assert.throws(() => allocateVpcCidrs([], [15]), /a VPC block must be \/16 to \/21, got \/15/);
  });
});

describe("new-env: regions and AZs", () => {
  it("gives a new region the first AZs of the region table, as many as the source's regions use", () => {
    const prod = sourceRegionsOf(parse(readFileSync("stacks/Pulumi.prod.yaml", "utf8")).config["blueprint:regions"]);
    assert.equal(azCountForNewRegions(prod), 3);
    // ap-northeast-1 has no AZ b in the table
    assert.deepEqual(pickAvailabilityZones("ap-northeast-1", 3), ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]);
    const planned = planRegions(prod, { regions: ["eu-west-1", "ap-northeast-1"], primary: "ap-northeast-1" }, []);
    assert.deepEqual(planned, [
      { name: "eu-west-1", primary: false, vpcCidr: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], fromSource: true },
      { name: "ap-northeast-1", primary: true, vpcCidr: "10.1.0.0/16", availabilityZones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"], fromSource: false },
    ]);
  });

  it("keeps the source's regions and primary when --regions is not given, and the first of --regions otherwise", () => {
    const staging = sourceRegionsOf(parse(readFileSync("stacks/Pulumi.staging.yaml", "utf8")).config["blueprint:regions"]);
    assert.deepEqual(planRegions(staging, {}, []).map((r) => [r.name, r.primary]), [["us-east-1", true], ["eu-west-1", false]]);
    assert.deepEqual(planRegions(staging, { regions: ["eu-west-1", "us-east-1"] }, []).map((r) => [r.name, r.primary]), [["eu-west-1", true], ["us-east-1", false]]);
    assert.deepEqual(planRegions(staging, { primary: "eu-west-1" }, []).map((r) => [r.name, r.primary]), [["us-east-1", false], ["eu-west-1", true]]);
  });
});

describe("new-env: arguments", () => {
  const cases: Array<{ name: string; argv: string[]; problems: string[] }> = [
    { name: "missing flags", argv: [], problems: ["--name is required (the new stack's name, e.g. perf)", "--from is required (the stack to copy, e.g. dev)"] },
    { name: "a flag without its value", argv: ["--name", "--from", "dev"], problems: ["--name needs a value (the new stack's name, e.g. perf)"] },
    {
      name: "an invalid stack name",
      argv: ["--name", "my stack!", "--from", "dev"],
      problems: ['--name "my stack!" is not a Pulumi stack name; use letters, digits, "-", "_" and "." only'],
    },
    {
      name: "a stack name over 100 characters",
      argv: ["--name", "a".repeat(MAX_STACK_NAME_LENGTH + 1), "--from", "dev"],
      problems: ['--name "aaaaaaaaaaaaaaaaaaaa..." is 101 characters long; Pulumi stack names have at most 100'],
    },
    {
      name: "an unknown region, with close names",
      argv: ["--name", "x", "--from", "dev", "--regions", "us-east-1,eu-wset-1"],
      problems: ['--regions "eu-wset-1" is not a known AWS region; did you mean eu-west-1 or eu-west-2 or eu-west-3?'],
    },
    {
      name: "an empty and a repeated region",
      argv: ["--name", "x", "--from", "dev", "--regions", "us-east-1,,us-east-1"],
      problems: ["--regions has an empty entry at position 2; separate region names with single commas", '--regions lists "us-east-1" twice; each region may appear once'],
    },
    {
      name: "a primary outside --regions",
      argv: ["--name", "x", "--from", "dev", "--regions", "us-east-1,eu-west-1", "--primary", "us-west-2"],
      problems: ['--primary "us-west-2" is not one of --regions (us-east-1, eu-west-1); pick one of them or add it to --regions'],
    },
    {
      name: "unknown options and stray arguments",
      argv: ["--name=x", "--from=dev", "--force", "extra"],
      problems: ["unknown option --force; allowed: --name, --from, --regions, --primary, --stacks-dir, --dry-run, --help", 'unexpected argument "extra"; name the stacks with --name and --from'],
    },
  ];
  for (const c of cases) {
    it(`lists every problem at once: ${c.name}`, () => {
      assert.deepEqual(parseNewEnvArgs(c.argv).problems, c.problems);
    });
  }

  it("ignores the bare -- that npx passes through", () => {
    const parsed = parseNewEnvArgs(["--", "--name", "x", "--from", "dev", "--dry-run"]);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.args, { name: "x", from: "dev", dryRun: true, stacksDir: "stacks", help: false });
  });

  it("suggests nothing for a name far from every region and lists the known ones instead", () => {
    const [problem] = parseNewEnvArgs(["--name", "x", "--from", "dev", "--primary", "moon-base-1"]).problems;
    assert.match(problem, /^--primary "moon-base-1" is not a known AWS region; known regions: us-east-1, us-east-2, .*, af-south-1$/);
  });
});

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
    assert.deepEqual(usageProblems(result.err), [`--stacks-dir "${join(tmpdir(), "no-such-stacks-dir")}" is not a directory; it must hold the Pulumi.<stack>.yaml files`]);
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
    assert.match(result.err, new RegExp(`^new-env: ${join(dir, "Pulumi.broken.yaml").replace(/[.]/g, "\\.")} is not valid YAML, so its VPC CIDRs are unknown: `));
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
        regions ? regions.split(",") : parse(readFileSync(`stacks/Pulumi.${from}.yaml`, "utf8")).config["blueprint:regions"].map((r: { name: string }) => r.name),
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

describe("new-env: adapting what belongs to the source", () => {
  it("keeps staging's certificate for a kept region and drops the left-out region's, with a comment", () => {
    assertSourceValid("staging");
    const dir = tempStacks();
    const result = run(["--name", "qa", "--from", "staging", "--regions", "us-east-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    const text = readFileSync(join(dir, "Pulumi.qa.yaml"), "utf8");
    const domain = parse(text).config["blueprint:domain"];
    assert.deepEqual(Object.keys(domain.certificateArns), ["us-east-1"]);
    assert.ok(text.includes("    # new-env: dropped the entries for eu-west-1: qa does not run there.\n    certificateArns:\n"));
    assert.ok(result.out.includes("  - dropped blueprint:domain.certificateArns entries for eu-west-1\n"));
  });

  it("drops the domain when a new region has no certificate and there is no hosted zone to issue one", () => {
    const dir = tempStacks();
    const result = run(["--name", "qa", "--from", "staging", "--regions", "us-east-1,eu-central-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    const text = readFileSync(join(dir, "Pulumi.qa.yaml"), "utf8");
    assert.equal(parse(text).config["blueprint:domain"], undefined);
    assert.ok(
      text.includes(
        "  # new-env: blueprint:domain was dropped: certificateArns has no certificate for eu-central-1 (ACM certificates are regional).\n",
      ),
    );
    assert.ok(!text.includes("certificate/"), "no certificate ARN is left");
  });

  it("keeps a domain with a hosted zone and asks for the new stack's own name", () => {
    const dir = tempStacks();
    const result = run(["--name", "prod-eu", "--from", "prod", "--regions", "eu-west-1,eu-central-1", "--stacks-dir", dir]);
    assert.equal(result.code, EXIT_OK, result.err);
    const text = readFileSync(join(dir, "Pulumi.prod-eu.yaml"), "utf8");
    assert.deepEqual(parse(text).config["blueprint:domain"], { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" });
    assert.ok(text.includes("  # new-env: copied from prod: give prod-eu its own domain name (and certificates for it)\n"));
    assert.ok(result.out.includes("  - blueprint:domain is prod's: give prod-eu its own domain name before deploying\n"));
  });

  it("drops the source's secrets and secrets provider, region-keyed entries and region list items; flags values naming a left-out region", () => {
    const source = [
      "# yaml-language-server: $schema=./stack.schema.json",
      "# src: the source stack.",
      "secretsprovider: awskms://alias/source-key",
      "encryptedkey: AQICAHh...",
      "config:",
      "  aws:region: us-east-1",
      "  # a token only the source can decrypt",
      "  myapp:apiToken:",
      "    secure: v1:abc==",
      "  blueprint:regions:",
      "    - name: us-east-1",
      "      primary: true",
      "      vpcCidr: 10.0.0.0/16",
      "      availabilityZones: [us-east-1a, us-east-1b]",
      "    - name: eu-west-1",
      "      vpcCidr: 10.1.0.0/16",
      "      availabilityZones: [eu-west-1a, eu-west-1b]",
      "  myapp:perRegion:",
      "    us-east-1: 1",
      "    eu-west-1: 2",
      "  myapp:failoverRegions: [us-east-1, eu-west-1]",
      "  myapp:topicArn: arn:aws:sns:eu-west-1:123456789012:alerts",
      "  myapp:replica:",
      "    region: eu-west-1",
      "    copies: 2",
      "",
    ].join("\n");
    const regions = planRegions(sourceRegionsOf(parse(source).config["blueprint:regions"]), { regions: ["us-east-1", "ap-south-1"] }, []);
    const result = forkStackText(source, "Pulumi.src.yaml", { name: "new", from: "src", regions, command: "npm run new-env -- --name new --from src" });
    const config = parse(result.text);
    assert.deepEqual(Object.keys(config), ["config"]);
    assert.ok(
      result.text.startsWith(
        "# yaml-language-server: $schema=./stack.schema.json\n#\n# new: created by `npm run new-env -- --name new --from src` from Pulumi.src.yaml.\n",
      ),
      result.text,
    );
    assert.ok(result.text.includes("#\n# src: the source stack.\nconfig:\n"), "the source's header comment is kept");
    assert.deepEqual(config.config, {
      "aws:region": "us-east-1",
      "blueprint:regions": [
        { name: "us-east-1", primary: true, vpcCidr: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] },
        { name: "ap-south-1", vpcCidr: "10.1.0.0/16", availabilityZones: ["ap-south-1a", "ap-south-1b"] },
      ],
      "myapp:perRegion": { "us-east-1": 1 },
      "myapp:failoverRegions": ["us-east-1"],
      "myapp:topicArn": "arn:aws:sns:eu-west-1:123456789012:alerts",
      "myapp:replica": { copies: 2 },
    });
    assert.ok(result.text.includes("  # new-env: myapp:apiToken was a secret encrypted with src's key; set it again with\n  #   pulumi config set --secret myapp:apiToken <value> --stack new\n"));
    assert.ok(result.text.includes("  # new-env: no entry for ap-south-1; add one per region.\n"));
    assert.ok(result.text.includes("  # new-env: removed eu-west-1 from this list: new does not run there.\n"));
    assert.ok(result.text.includes("  # new-env: this value names eu-west-1, where new does not run; review it.\n"));
    assert.ok(result.text.includes("    # new-env: myapp:replica.region was eu-west-1, where new does not run; dropped so that its default applies.\n    copies: 2\n"));
    assert.deepEqual(result.notes, [
      "dropped secretsprovider: it belongs to src's secrets provider; `pulumi stack init new` writes the new stack's own",
      "dropped encryptedkey: it belongs to src's secrets provider; `pulumi stack init new` writes the new stack's own",
      "left out src's region(s) eu-west-1",
      "added ap-south-1 with AZs ap-south-1a, ap-south-1b (from the region table; check the account has them)",
      "dropped the secret myapp:apiToken: set it with `pulumi config set --secret` for new",
      "dropped myapp:perRegion entries for eu-west-1",
      "myapp:perRegion has no entry for ap-south-1: add one per region",
      "removed eu-west-1 from myapp:failoverRegions",
      "myapp:topicArn names eu-west-1, which new does not run in: review it",
      "dropped myapp:replica.region: it was eu-west-1, where new does not run (its default applies)",
    ]);
  });

  it("drops CloudFront's certificate with the domain, and does not flag us-east-1 edge ARNs as region references", () => {
    const source = [
      "config:",
      "  aws:region: us-east-1",
      "  blueprint:regions:",
      "    - name: us-east-1",
      "      primary: true",
      "      vpcCidr: 10.0.0.0/16",
      "      availabilityZones: [us-east-1a, us-east-1b]",
      "  blueprint:domain:",
      "    name: example.com",
      "    certificateArns:",
      "      us-east-1: arn:aws:acm:us-east-1:123456789012:certificate/a",
      "  blueprint:cdn:",
      "    priceClass: PriceClass_100",
      "    certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/b",
      "    certificateNames: [www.example.com]",
      "  myapp:wafArn: arn:aws:wafv2:us-east-1:123456789012:global/webacl/x/1",
      "  myapp:queueArn: arn:aws:sqs:us-east-1:123456789012:jobs",
      "",
    ].join("\n");
    const regions = planRegions(sourceRegionsOf(parse(source).config["blueprint:regions"]), { regions: ["eu-west-1"] }, []);
    const result = forkStackText(source, "Pulumi.src.yaml", { name: "eu", from: "src", regions, command: "npm run new-env -- --name eu --from src --regions eu-west-1" });
    const config = parse(result.text).config;
    assert.equal(config["aws:region"], "eu-west-1");
    assert.equal(config["blueprint:domain"], undefined);
    assert.deepEqual(config["blueprint:cdn"], { priceClass: "PriceClass_100" });
    assert.deepEqual(
      result.notes.filter((note) => /domain|cdn|ARN|Arn/.test(note)),
      [
        "myapp:queueArn names us-east-1, which eu does not run in: review it",
        "dropped blueprint:domain: certificateArns has no certificate for eu-west-1 (ACM certificates are regional); add a domain with a certificate per region or a hostedZoneId",
        "dropped blueprint:cdn.certificateArn with blueprint:domain",
        "dropped blueprint:cdn.certificateNames with blueprint:domain",
      ],
    );
  });
});

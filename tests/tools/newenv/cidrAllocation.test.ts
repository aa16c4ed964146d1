import * as assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { formatCidr, isRfc1918, mustParseCidr, overlaps, RFC1918_RANGES, size, type Cidr } from "../../../components/lib/cidr";
import { allocateVpcCidrs, AVOIDED_RANGES, CidrSpaceExhaustedError } from "../../../tools/newenv/cidrAllocation";
import { EXIT_INVALID, EXIT_OK } from "../../../tools/newenv/cli";
import { allVpcBlocks, run, tempStacks } from "../../support/newenv";

/** Regions none of the repository's stacks use. */
const NEW_REGIONS = ["us-west-2", "eu-central-1", "ap-northeast-1", "sa-east-1"];

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
          blocks
            .slice(i + 1)
            .forEach((b) => assert.ok(!overlaps(a.cidr, b.cidr), `${a.stack} ${formatCidr(a.cidr)} overlaps ${b.stack} ${formatCidr(b.cidr)}`)),
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

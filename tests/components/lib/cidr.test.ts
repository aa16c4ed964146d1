import * as assert from "node:assert/strict";
import fc from "fast-check";
import { contains, formatCidr, isRfc1918, mustParseCidr, overlaps, parseCidr, subBlock } from "../../../components/lib/cidr";

describe("cidr", () => {
  const invalid: Array<[string, RegExp]> = [
    ["10.0.0.0", /not an IPv4 CIDR block/],
    ["10.0.0.256/24", /octet above 255/],
    ["10.0.0.0/33", /prefix length above 32/],
    ["10.0.0.1/16", /host bits set; the network address is 10\.0\.0\.0\/16/],
  ];
  for (const [text, message] of invalid) {
    it(`rejects ${text}`, () => {
      const parsed = parseCidr(text);
      assert.equal(typeof parsed, "string");
      assert.match(parsed as string, message);
    });
  }

  it("formats what it parses", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const cidr = { base: (address & mask) >>> 0, prefix };
        assert.deepEqual(mustParseCidr(formatCidr(cidr)), cidr);
      }),
    );
  });

  it("decides overlap and containment", () => {
    const a = mustParseCidr("10.0.0.0/16");
    assert.equal(overlaps(a, mustParseCidr("10.0.128.0/17")), true);
    assert.equal(overlaps(a, mustParseCidr("10.1.0.0/16")), false);
    assert.equal(contains(a, mustParseCidr("10.0.255.0/24")), true);
    assert.equal(contains(mustParseCidr("10.0.255.0/24"), a), false);
  });

  it("knows the RFC 1918 ranges", () => {
    assert.equal(isRfc1918(mustParseCidr("172.31.0.0/16")), true);
    assert.equal(isRfc1918(mustParseCidr("172.32.0.0/16")), false);
    assert.equal(isRfc1918(mustParseCidr("192.168.10.0/24")), true);
    assert.equal(isRfc1918(mustParseCidr("100.64.0.0/16")), false);
  });

  it("cuts sub-blocks and refuses out-of-range ones", () => {
    assert.equal(formatCidr(subBlock(mustParseCidr("10.0.0.0/16"), 19, 7)), "10.0.224.0/19");
    assert.throws(() => subBlock(mustParseCidr("10.0.0.0/16"), 19, 8), /has 8 \/19 blocks; index 8 is out of range/);
    assert.throws(() => subBlock(mustParseCidr("10.0.0.0/16"), 15, 0), /cannot take a \/15 out of 10\.0\.0\.0\/16/);
  });
});

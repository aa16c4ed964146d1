import * as assert from "node:assert/strict";
import fc from "fast-check";
import { contains, mustParseCidr, overlaps } from "../../../components/lib/cidr";
import { azSlot, planSubnets, subnetCidr, MIN_ALB_SUBNET_PREFIX } from "../../../components/lib/subnetLayout";

const letters = "abcdefgh".split("");

describe("subnet layout", () => {
  it("lays out a /16 AZ by letter: private /20, isolated /21, public /22", () => {
    const vpc = mustParseCidr("10.0.0.0/16");
    assert.deepEqual(
      planSubnets(vpc, ["us-east-1a", "us-east-1c"]).map((s) => `${s.availabilityZone} ${s.tier} ${s.cidrBlock}`),
      [
        "us-east-1a public 10.0.24.0/22",
        "us-east-1a private 10.0.0.0/20",
        "us-east-1a isolated 10.0.16.0/21",
        "us-east-1c public 10.0.88.0/22",
        "us-east-1c private 10.0.64.0/20",
        "us-east-1c isolated 10.0.80.0/21",
      ],
    );
  });

  it("keeps a /21 VPC's public subnets at the ALB minimum of /27", () => {
    assert.equal(subnetCidr(mustParseCidr("10.0.0.0/21"), "public", "eu-west-1a"), "10.0.0.192/27");
  });

  it("refuses VPCs outside /16-/21 and AZ letters without a slot", () => {
    assert.throws(() => subnetCidr(mustParseCidr("10.0.0.0/22"), "public", "eu-west-1a"), /needs a \/16 to \/21 VPC, got 10\.0\.0\.0\/22/);
    assert.throws(() => subnetCidr(mustParseCidr("10.0.0.0/16"), "public", "eu-west-1z"), /AZ eu-west-1z has no slot/);
    assert.equal(azSlot("us-east-1f"), 5);
  });

  it("property: subnets never overlap, lie inside the VPC and are big enough for an ALB", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 21 }),
        fc.integer({ min: 0, max: 255 }),
        fc.uniqueArray(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }),
        (prefix, second, zoneLetters) => {
          const vpc = mustParseCidr(`10.${prefix === 16 ? second : second & (0xff << (24 - prefix))}.0.0/${prefix}`);
          const subnets = planSubnets(
            vpc,
            zoneLetters.map((l) => `us-east-1${l}`),
          ).map((s) => mustParseCidr(s.cidrBlock));
          for (const [i, subnet] of subnets.entries()) {
            assert.ok(contains(vpc, subnet));
            assert.ok(subnet.prefix <= MIN_ALB_SUBNET_PREFIX);
            for (const other of subnets.slice(i + 1)) assert.equal(overlaps(subnet, other), false);
          }
        },
      ),
    );
  });

  it("property: adding or reordering AZs never re-addresses another AZ's subnets", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...letters), { minLength: 2, maxLength: 8 }), (zoneLetters) => {
        const vpc = mustParseCidr("10.64.0.0/16");
        const zones = zoneLetters.map((l) => `eu-west-1${l}`);
        const before = new Map(planSubnets(vpc, zones.slice(0, -1)).map((s) => [`${s.availabilityZone}/${s.tier}`, s.cidrBlock]));
        const after = planSubnets(vpc, [...zones].reverse());
        for (const subnet of after) {
          const previous = before.get(`${subnet.availabilityZone}/${subnet.tier}`);
          if (previous !== undefined) assert.equal(subnet.cidrBlock, previous);
        }
      }),
    );
  });
});

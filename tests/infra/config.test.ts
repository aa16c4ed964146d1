import * as assert from "node:assert/strict";
import fc from "fast-check";
import { problems } from "../support/config";
import { ConfigError, parseConfig, type BlueprintConfig } from "../../infra/config";
import { REGION_NAMES, regionInfo } from "../../components/lib/regions";

/** A valid prod config; tests mutate one thing at a time. */
function prodConfig(): Record<string, any> {
  return {
    environment: "prod",
    owner: "platform-team",
    costCenter: "CC-2001",
    regions: [
      { name: "us-east-1", primary: true, vpcCidr: "10.128.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
      { name: "eu-west-1", vpcCidr: "10.129.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
    ],
  };
}

describe("parseConfig", () => {
  it("applies the prod profile", () => {
    const { loadBalancer, web, worker, queues, alarms, database, cache, cdn, dns, chaos, ...config }: BlueprintConfig = parseConfig(prodConfig());
    assert.equal(chaos.enabled, false, "chaos experiments are off unless a stack enables them");
    // the application tier's defaults are asserted in appConfig.test.ts, the data tier's and the
    // edge's in their own config tests; here only the modes the prod profile picks
    assert.ok(loadBalancer && web && worker && queues && alarms);
    assert.deepEqual([database.mode, database.service, cache.mode, cdn.waf.enabled, cdn.priceClass], ["aurora-global", "aurora", "global", true, "PriceClass_All"]);
    assert.equal(database.instanceCount, 3, "prod's primary cluster has one instance per AZ of the primary region");
    assert.equal(dns.healthCheck.intervalSeconds, 10);
    assert.deepEqual(
      { ...config, regions: config.regions.map((r) => r.name) },
      {
        environment: "prod",
        owner: "platform-team",
        costCenter: "CC-2001",
        regions: ["us-east-1", "eu-west-1"],
        primaryRegion: "us-east-1",
        network: { natGateways: "OnePerAz", flowLogRetentionDays: 365 },
        protect: true,
        policyEnforcement: "mandatory",
        tags: {},
      },
    );
  });

  it("applies the dev profile and makes a lone region primary", () => {
    const config = parseConfig({
      environment: "dev",
      owner: "me",
      costCenter: "1234",
      regions: [{ name: "eu-west-1", vpcCidr: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"] }],
    });
    assert.equal(config.primaryRegion, "eu-west-1");
    assert.deepEqual(config.network, { natGateways: "Single", flowLogRetentionDays: 7 });
    assert.equal(config.protect, false);
    assert.equal(config.policyEnforcement, "advisory");
  });

  it("lets the stack override profile defaults", () => {
    const raw = { ...prodConfig(), network: { natGateways: "Single", flowLogRetentionDays: 30 }, protect: false };
    const config = parseConfig(raw);
    assert.deepEqual(config.network, { natGateways: "Single", flowLogRetentionDays: 30 });
    assert.equal(config.protect, false);
  });

  const cases: Array<{ name: string; mutate: (raw: Record<string, any>) => void; expected: string[] }> = [
    {
      name: "an unknown environment",
      mutate: (raw) => (raw.environment = "qa"),
      expected: ['blueprint:environment: must be one of dev, staging, prod (got "qa")'],
    },
    {
      name: "a missing owner",
      mutate: (raw) => delete raw.owner,
      expected: ["blueprint:owner: is required (a string)"],
    },
    {
      name: "an empty cost centre",
      mutate: (raw) => (raw.costCenter = " "),
      expected: ['blueprint:costCenter: must not be empty; it becomes a tag on every resource (got " ")'],
    },
    {
      name: "an unknown key",
      mutate: (raw) => (raw.regoins = []),
      expected: [
        "blueprint:regoins: is not a known key; allowed here: blueprint:environment, blueprint:owner, blueprint:costCenter, blueprint:regions, blueprint:resilienceWaiver, blueprint:protect, blueprint:tags, blueprint:network, blueprint:loadBalancer, blueprint:web, blueprint:worker, blueprint:queues, blueprint:alarms, blueprint:database, blueprint:cache, blueprint:cdn, blueprint:domain, blueprint:dns, blueprint:chaos",
      ],
    },
    {
      name: "an unknown region",
      mutate: (raw) => (raw.regions[1].name = "eu-wset-1"),
      expected: [
        'blueprint:regions[1].name: is not a known AWS region; did you mean eu-west-1 or eu-west-2 or eu-west-3? known regions are listed in components/lib/regions.ts (got "eu-wset-1")',
      ],
    },
    {
      name: "a duplicated region",
      mutate: (raw) => {
        raw.regions[1].name = "us-east-1";
        raw.regions[1].availabilityZones = ["us-east-1a", "us-east-1b", "us-east-1c"];
      },
      expected: ['blueprint:regions[1].name: duplicates regions[0].name; each region may appear once (got "us-east-1")'],
    },
    {
      name: "no primary region",
      mutate: (raw) => delete raw.regions[0].primary,
      expected: ["blueprint:regions: has no primary region; set primary: true on exactly one region"],
    },
    {
      name: "two primary regions",
      mutate: (raw) => (raw.regions[1].primary = true),
      expected: ["blueprint:regions[1].primary: makes a second primary region (regions[0] is already primary); exactly one region is primary (got true)"],
    },
    {
      name: "a public VPC range",
      mutate: (raw) => (raw.regions[0].vpcCidr = "100.64.0.0/16"),
      expected: [
        'blueprint:regions[0].vpcCidr: must lie inside an RFC 1918 private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) (got "100.64.0.0/16")',
      ],
    },
    {
      name: "a VPC larger than AWS allows",
      mutate: (raw) => (raw.regions[0].vpcCidr = "10.0.0.0/8"),
      expected: [
        'blueprint:regions[0].vpcCidr: is a /8; AWS accepts VPC blocks from /16 to /28 (got "10.0.0.0/8")',
        'blueprint:regions[1].vpcCidr: overlaps regions[0].vpcCidr 10.0.0.0/8; region VPCs must be disjoint so they can be peered (got "10.129.0.0/16")',
      ],
    },
    {
      name: "a VPC too small for the subnet layout",
      mutate: (raw) => (raw.regions[0].vpcCidr = "10.128.0.0/24"),
      expected: [
        'blueprint:regions[0].vpcCidr: is a /24, too small for the subnet layout; use /16 to /21 (each AZ needs a public subnet of at least /27 for the ALB) (got "10.128.0.0/24")',
      ],
    },
    {
      name: "a malformed CIDR",
      mutate: (raw) => (raw.regions[0].vpcCidr = "10.128.0.1/16"),
      expected: ['blueprint:regions[0].vpcCidr: has host bits set; the network address is 10.128.0.0/16 (got "10.128.0.1/16")'],
    },
    {
      name: "overlapping VPCs",
      mutate: (raw) => (raw.regions[1].vpcCidr = "10.128.128.0/17"),
      expected: [
        'blueprint:regions[1].vpcCidr: overlaps regions[0].vpcCidr 10.128.0.0/16; region VPCs must be disjoint so they can be peered (got "10.128.128.0/17")',
      ],
    },
    {
      name: "an AZ of another region",
      mutate: (raw) => (raw.regions[0].availabilityZones[2] = "eu-west-1c"),
      expected: [
        'blueprint:regions[0].availabilityZones[2]: does not belong to region us-east-1; its AZs are us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f (got "eu-west-1c")',
      ],
    },
    {
      name: "an AZ letter the region does not have",
      mutate: (raw) => (raw.regions[1].availabilityZones[2] = "eu-west-1d"),
      expected: ['blueprint:regions[1].availabilityZones[2]: is not an AZ of eu-west-1; its AZs are eu-west-1a, eu-west-1b, eu-west-1c (got "eu-west-1d")'],
    },
    {
      name: "a repeated AZ",
      mutate: (raw) => (raw.regions[0].availabilityZones = ["us-east-1a", "us-east-1b", "us-east-1a"]),
      expected: ['blueprint:regions[0].availabilityZones[2]: duplicates availabilityZones[0] (got "us-east-1a")'],
    },
    {
      name: "seven AZs",
      mutate: (raw) => (raw.regions[0].availabilityZones = ["a", "b", "c", "d", "e", "f", "a"].map((l) => `us-east-1${l}`)),
      expected: [
        'blueprint:regions[0].availabilityZones: lists 7 AZs; use 2 to 6 (got ["us-east-1a","us-east-1b","us-east-1c","us-east-1d","us-east-1e","us-east-1f","us-east-1a"])',
        'blueprint:regions[0].availabilityZones[6]: duplicates availabilityZones[0] (got "us-east-1a")',
      ],
    },
    {
      name: "a prod stack in one region",
      mutate: (raw) => raw.regions.pop(),
      expected: ["blueprint:regions: lists 1 region(s); prod needs at least 2, or a blueprint:resilienceWaiver with a reason"],
    },
    {
      name: "a prod region with two AZs",
      mutate: (raw) => raw.regions[1].availabilityZones.pop(),
      expected: [
        'blueprint:regions[1].availabilityZones: lists 2 AZs; prod needs at least 3 per region, or a blueprint:resilienceWaiver with a reason (got ["eu-west-1a","eu-west-1b"])',
      ],
    },
    {
      name: "a waiver without a real reason",
      mutate: (raw) => {
        raw.regions.pop();
        raw.resilienceWaiver = { reason: "n/a" };
      },
      expected: ['blueprint:resilienceWaiver.reason: is too short to explain anything; write at least 20 characters (got "n/a")'],
    },
    {
      name: "a flow log retention CloudWatch does not accept",
      mutate: (raw) => (raw.network = { flowLogRetentionDays: 10 }),
      expected: [
        "blueprint:network.flowLogRetentionDays: is not a retention CloudWatch Logs accepts; use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 (got 10)",
      ],
    },
    {
      name: "an unknown NAT strategy",
      mutate: (raw) => (raw.network = { natGateways: "PerAz" }),
      expected: ['blueprint:network.natGateways: must be one of None, Single, OnePerAz (got "PerAz")'],
    },
    {
      name: "a tag that redefines a standard key",
      mutate: (raw) => (raw.tags = { Owner: "someone" }),
      expected: [
        'blueprint:tags.Owner: redefines a standard tag; Environment, Project, Owner, CostCenter, ManagedBy, Region are set by the blueprint (use owner/costCenter) (got "someone")',
      ],
    },
    {
      name: "a tag key AWS reserves",
      mutate: (raw) => (raw.tags = { "aws:team": "x" }),
      expected: ["blueprint:tags.aws:team: has an invalid tag key: it must not start with aws: (reserved by AWS)"],
    },
    {
      name: "a region that is not a map",
      mutate: (raw) => (raw.regions[1] = "eu-west-1"),
      expected: ['blueprint:regions[1]: must be a map of keys to values (got "eu-west-1")'],
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const raw = prodConfig();
      c.mutate(raw);
      assert.deepEqual(problems(raw), c.expected);
    });
  }

  it("reports every problem at once: overlapping CIDRs, a foreign AZ and an unknown region", () => {
    const raw = prodConfig();
    raw.regions[1].vpcCidr = "10.128.0.0/17";
    raw.regions[0].availabilityZones[0] = "eu-west-1a";
    raw.regions.push({ name: "eu-mars-1", vpcCidr: "10.131.0.0/16", availabilityZones: ["eu-mars-1a", "eu-mars-1b", "eu-mars-1c"] });
    try {
      parseConfig(raw);
      assert.fail("expected a ConfigError");
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /^The stack config is invalid \(3 problems\):\n/);
      assert.match(error.message, /regions\[0\]\.availabilityZones\[0\]: does not belong to region us-east-1/);
      assert.match(error.message, /regions\[1\]\.vpcCidr: overlaps regions\[0\]\.vpcCidr 10\.128\.0\.0\/16/);
      assert.match(error.message, /regions\[2\]\.name: is not a known AWS region/);
    }
  });

  it("accepts a waived prod stack in one region and records the reason", () => {
    const raw = prodConfig();
    raw.regions.pop();
    raw.regions[0].availabilityZones.pop();
    raw.resilienceWaiver = { reason: "Data residency: only us-east-1 is approved until the 2027 audit." };
    assert.equal(parseConfig(raw).resilienceWaiver, "Data residency: only us-east-1 is approved until the 2027 audit.");
  });

  const regionWithAzs = REGION_NAMES.filter((name) => regionInfo(name)!.azLetters.length >= 3);

  it("property: generated valid configs parse", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("dev", "staging", "prod"),
        fc.uniqueArray(fc.constantFrom(...regionWithAzs), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: 16, max: 21 }),
        (environment, regions, primarySeed, prefix) => {
          const primary = primarySeed % regions.length;
          const raw = {
            environment,
            owner: "team",
            costCenter: "CC-1",
            regions: regions.map((name, index) => ({
              name,
              ...(index === primary ? { primary: true } : {}),
              vpcCidr: `10.${index * 4}.0.0/${prefix}`,
              availabilityZones: regionInfo(name)!.azLetters.slice(0, 3).map((l) => `${name}${l}`),
            })),
            // a Global Datastore spans at most three regions; dev's single-region database, one
            ...(regions.length > 3 ? { cache: { mode: "regional" } } : {}),
            // and ap-southeast-7 has no Aurora global database
            ...(environment === "dev" || regions.includes("ap-southeast-7") ? { database: { mode: "rds-replicas" } } : {}),
          };
          const config = parseConfig(raw);
          assert.equal(config.primaryRegion, regions[primary]);
          assert.equal(config.regions.length, regions.length);
        },
      ),
    );
  });

  it("property: generated overlapping CIDRs are rejected", () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 21 }), fc.integer({ min: 16, max: 21 }), fc.nat(), (prefixA, prefixB, offset) => {
        // B starts inside A whatever the two sizes are
        const a = { prefix: prefixA, base: 10 << 24 };
        const sizeB = 2 ** (32 - prefixB);
        const start = a.base + (Math.floor((offset % 2 ** (32 - prefixA)) / sizeB) * sizeB);
        const b = `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${prefixB}`;
        const raw = prodConfig();
        raw.regions[0].vpcCidr = `10.0.0.0/${prefixA}`;
        raw.regions[1].vpcCidr = b;
        assert.ok(problems(raw).some((line) => line.startsWith("blueprint:regions[1].vpcCidr: overlaps regions[0].vpcCidr")));
      }),
    );
  });
});

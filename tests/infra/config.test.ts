import { DEFAULT_ROUTES } from "../../components/cdn/routesSettings";
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
    const {
      loadBalancer,
      web,
      worker,
      queues,
      alarms,
      database,
      cache,
      cdn,
      routes,
      dns,
      chaos,
      backup,
      resilience,
      telemetry,
      proxy,
      tables,
      topics,
      eventBus,
      ...config
    }: BlueprintConfig = parseConfig(prodConfig());
    // prod backs up with a copy in another region, locked, and autoshifts
    assert.deepEqual([backup.enabled, backup.vaultLock, backup.retentionDays, resilience.zonalAutoshift], [true, true, 35, true]);
    assert.deepEqual(routes, DEFAULT_ROUTES);
    // prod pools connections by default; tables and topics exist only where a stack lists them
    assert.equal(proxy.enabled, true);
    assert.deepEqual([tables, topics, eventBus], [[], [], { enabled: false, rules: [] }]);
    assert.equal(chaos.enabled, false, "chaos experiments are off unless a stack enables them");
    // agents, SLOs and canaries everywhere in prod, Prometheus too; Grafana once the stack says how users sign in
    assert.deepEqual(telemetry, {
      agents: true,
      logRetentionDays: 365,
      prometheus: true,
      grafana: false,
      grafanaTokenRotation: 1,
      canaries: true,
      canaryIntervalMinutes: 5,
      availabilityObjectivePercent: 99.9,
      latencyThresholdSeconds: 0.5,
      latencyObjectivePercent: 99,
      // per route class, on thresholds that are bucket bounds of the OpenTelemetry histogram
      classObjectives: {
        write: { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 1 },
        "read-your-writes": { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.5 },
        "read-any": { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.25 },
        cacheable: { availabilityPercent: 99.9, latencyPercent: 99, latencyThresholdSeconds: 0.25 },
      },
    });
    // the application tier's defaults are asserted under "application-tier config" below, the data
    // tier's and the edge's in their own config tests; here only the modes the prod profile picks
    assert.ok(loadBalancer && web && worker && queues && alarms);
    assert.deepEqual(
      [database.mode, database.service, cache.mode, cdn.waf.enabled, cdn.priceClass],
      ["aurora-global", "aurora", "global", true, "PriceClass_All"],
    );
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
        writerRegion: "us-east-1",
        network: { natGateways: "OnePerAz", flowLogRetentionDays: 365, interfaceEndpoints: true },
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
    assert.deepEqual(config.network, { natGateways: "Single", flowLogRetentionDays: 7, interfaceEndpoints: false });
    assert.equal(config.protect, false);
    assert.equal(config.policyEnforcement, "advisory");
  });

  it("lets the stack override profile defaults", () => {
    const raw = { ...prodConfig(), network: { natGateways: "Single", flowLogRetentionDays: 30, interfaceEndpoints: false }, protect: false };
    const config = parseConfig(raw);
    assert.deepEqual(config.network, { natGateways: "Single", flowLogRetentionDays: 30, interfaceEndpoints: false });
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
        "blueprint:regoins: is not a known key; allowed here: blueprint:environment, blueprint:owner, blueprint:costCenter, blueprint:regions, blueprint:resilienceWaiver, blueprint:writerRegion, blueprint:protect, blueprint:tags, blueprint:network, blueprint:loadBalancer, blueprint:web, blueprint:worker, blueprint:queues, blueprint:alarms, blueprint:database, blueprint:cache, blueprint:cdn, blueprint:routes, blueprint:domain, blueprint:dns, blueprint:chaos, blueprint:backup, blueprint:resilience, blueprint:telemetry, blueprint:proxy, blueprint:tables, blueprint:topics, blueprint:eventBus",
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
      expected: ['blueprint:regions[0].vpcCidr: must lie inside an RFC 1918 private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16) (got "100.64.0.0/16")'],
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
      name: "no NAT gateway and no interface endpoints",
      mutate: (raw) => (raw.network = { natGateways: "None", interfaceEndpoints: false }),
      expected: [
        'blueprint:network.natGateways: is None while interfaceEndpoints is false: the private subnets would reach no AWS API but S3 (no secrets, queues, SSM or CloudWatch); turn interfaceEndpoints on or keep a NAT gateway (got "None")',
      ],
    },
    {
      name: "more extra tags than fit next to the blueprint's own",
      mutate: (raw) => (raw.tags = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`T${i}`, "v"]))),
      expected: ["blueprint:tags: lists 40 tags; at most 39 fit: AWS allows 50 per resource and the blueprint sets up to 11 itself"],
    },
    {
      name: "a tag the blueprint's components set",
      mutate: (raw) => (raw.tags = { Tier: "web" }),
      expected: [
        'blueprint:tags.Tier: is a tag the blueprint sets on some resources (Name, Tier, Purpose, ServingRole, ChaosTarget); yours would be overwritten, choose another key (got "web")',
      ],
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
              availabilityZones: regionInfo(name)!
                .azLetters.slice(0, 3)
                .map((l) => `${name}${l}`),
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
        const start = a.base + Math.floor((offset % 2 ** (32 - prefixA)) / sizeB) * sizeB;
        const b = `${start >>> 24}.${(start >>> 16) & 255}.${(start >>> 8) & 255}.${start & 255}/${prefixB}`;
        const raw = prodConfig();
        raw.regions[0].vpcCidr = `10.0.0.0/${prefixA}`;
        raw.regions[1].vpcCidr = b;
        assert.ok(problems(raw).some((line) => line.startsWith("blueprint:regions[1].vpcCidr: overlaps regions[0].vpcCidr")));
      }),
    );
  });
});

/** 45 distinct arm64 type names (nine Graviton families, five sizes each). */
const MANY_GRAVITON_TYPES = ["m6g", "m7g", "m8g", "c6g", "c7g", "c8g", "r6g", "r7g", "r8g"].flatMap((family) =>
  ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"].map((size) => `${family}.${size}`),
);

function devConfig(): Record<string, any> {
  return {
    environment: "dev",
    owner: "platform-team",
    costCenter: "CC-1001",
    regions: [{ name: "us-east-1", vpcCidr: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }],
  };
}

describe("application-tier config", () => {
  describe("profile defaults", () => {
    it("sizes prod's web tier at one instance per AZ of each region, on demand", () => {
      const raw = prodConfig();
      raw.regions[1].availabilityZones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"];
      const config = parseConfig(raw);
      const capacity = (region: string) => ({
        minSize: config.web[region].minSize,
        maxSize: config.web[region].maxSize,
        desiredCapacity: config.web[region].desiredCapacity,
      });
      assert.deepEqual(capacity("us-east-1"), { minSize: 3, maxSize: 12, desiredCapacity: 3 });
      assert.deepEqual(capacity("eu-west-1"), { minSize: 3, maxSize: 12, desiredCapacity: 3 });
      assert.equal(config.web["us-east-1"].spot.spotPercentage, 0);
      assert.deepEqual(config.web["us-east-1"].instanceTypes, ["m7g.large", "m6g.large"]);
      assert.equal(config.loadBalancer.deletionProtection, true);
      assert.equal(config.loadBalancer.accessLogRetentionDays, 365);
      assert.equal(config.loadBalancer.sslPolicy, "ELBSecurityPolicy-TLS13-1-2-2021-06");
    });

    it("lets dev run Spot and scale the worker to zero", () => {
      const config = parseConfig(devConfig());
      const worker = config.worker["us-east-1"];
      assert.deepEqual([worker.minSize, worker.maxSize, worker.desiredCapacity], [0, 2, 0]);
      assert.equal(config.web["us-east-1"].spot.spotPercentage, 100);
      assert.equal(config.loadBalancer.deletionProtection, false);
      assert.equal(config.domain, undefined);
    });

    it("gives a stack without queues the default standard queue with a maximal dead-letter retention", () => {
      assert.deepEqual(parseConfig(devConfig()).queues, [
        {
          name: "jobs",
          type: "standard",
          visibilityTimeoutSeconds: 60,
          messageRetentionSeconds: 345600,
          delaySeconds: 0,
          receiveWaitTimeSeconds: 20,
          maxMessageSizeBytes: 262144,
          maxReceiveCount: 5,
          contentBasedDeduplication: false,
          deadLetter: { type: "standard", messageRetentionSeconds: 1209600 },
        },
      ]);
    });

    it("makes a FIFO queue's dead-letter queue FIFO by default", () => {
      const raw = devConfig();
      raw.queues = [{ name: "orders", type: "fifo" }];
      assert.equal(parseConfig(raw).queues[0].deadLetter.type, "fifo");
    });

    it("derives the API and app names from the domain", () => {
      const raw = prodConfig();
      raw.domain = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" };
      assert.deepEqual(parseConfig(raw).domain, {
        name: "example.com",
        hostedZoneId: "Z0123456789ABCDEFGHIJ",
        apiName: "api.example.com",
        appName: "www.example.com",
        certificateArns: {},
      });
    });
  });

  describe("the issue's three deploy-time failures, reported together", () => {
    it("names minSize above maxSize, a FIFO queue with a standard DLQ and a timeout not below its interval", () => {
      const raw = prodConfig();
      raw.web = { minSize: 5, maxSize: 4 };
      raw.queues = [{ name: "orders", type: "fifo", deadLetter: { type: "standard" } }];
      raw.web.healthCheck = { intervalSeconds: 10, timeoutSeconds: 10 };
      const lines = problems(raw);
      assert.deepEqual(lines, [
        // in the order of the stack file's sections: web before queues
        "blueprint:web.minSize: is above maxSize (4); AWS requires minSize <= desiredCapacity <= maxSize (got 5)",
        "blueprint:web.healthCheck.timeoutSeconds: must be less than intervalSeconds (10); AWS rejects a health-check timeout that is not below its interval (got 10)",
        'blueprint:queues[0].deadLetter.type: is standard but the queue is fifo; a FIFO queue\'s dead-letter queue must also be FIFO (got "standard")',
      ]);
    });
  });

  describe("rules", () => {
    const cases: Array<[string, (raw: Record<string, any>) => void, string]> = [
      [
        "desired outside the range",
        (raw) => (raw.web = { minSize: 3, maxSize: 6, desiredCapacity: 7 }),
        "blueprint:web.desiredCapacity: must lie between minSize (3) and maxSize (6) (got 7)",
      ],
      [
        "prod web below the AZ count",
        (raw) => (raw.web = { minSize: 2 }),
        "blueprint:web.minSize: is 2, below us-east-1's 3 AZs; prod keeps an instance per AZ (or set resilienceWaiver.reason)",
      ],
      [
        "a worker at zero outside dev",
        (raw) => (raw.worker = { minSize: 0 }),
        "blueprint:worker.minSize: may only be 0 in dev; prod keeps a worker running so queues drain without a cold start (got 0)",
      ],
      [
        "an x86 type on an arm64 tier",
        (raw) => (raw.web = { instanceTypes: ["m7g.large", "m7i.large"] }),
        "blueprint:web.instanceTypes[1]: runs x86_64 but the tier's architecture is arm64; every type must run the tier's AMI (set web.architecture or pick arm64 types) (got \"m7i.large\")",
      ],
      [
        "more instance types than an auto-scaling group takes",
        (raw) => (raw.worker = { instanceTypes: MANY_GRAVITON_TYPES.slice(0, 41) }),
        "blueprint:worker.instanceTypes: lists 41 types; list 1 to 40 (an auto-scaling group's limit)",
      ],
      [
        "a made-up instance type",
        (raw) => (raw.worker = { instanceTypes: ["large"] }),
        'blueprint:worker.instanceTypes[0]: is not an EC2 instance type name such as m7g.large or t3.small (got "large")',
      ],
      [
        "Spot in prod",
        (raw) => (raw.web = { spot: { spotPercentage: 50 } }),
        "blueprint:web.spot.spotPercentage: is above prod's limit of 0; prod runs on demand so a Spot reclaim never removes capacity (got 50)",
      ],
      [
        "a root volume below the image",
        (raw) => (raw.web = { rootVolumeGiB: 4 }),
        "blueprint:web.rootVolumeGiB: must be a whole number from 8 to 16384 GiB (got 4)",
      ],
      [
        "a health-check path without a slash",
        (raw) => (raw.web = { healthCheck: { path: "health" } }),
        'blueprint:web.healthCheck.path: must start with / (got "health")',
      ],
      [
        "a matcher outside 200-499",
        (raw) => (raw.web = { healthCheck: { matcher: "200-502" } }),
        'blueprint:web.healthCheck.matcher: may only use codes from 200 to 499 (the ALB API rejects others) (got "200-502")',
      ],
      [
        "a health-check interval too long",
        (raw) => (raw.web = { healthCheck: { intervalSeconds: 301 } }),
        "blueprint:web.healthCheck.intervalSeconds: must be a whole number from 5 to 300 seconds (got 301)",
      ],
      [
        "a TLS 1.3-only policy behind CloudFront and Route 53",
        (raw) => {
          raw.domain = { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" };
          raw.loadBalancer = { sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" };
        },
        'blueprint:loadBalancer.sslPolicy: ELBSecurityPolicy-TLS13-1-3-2021-06 offers only TLS 1.3, but CloudFront and Route 53 health checks connect with at most TLS 1.2; use one of ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04 (got "ELBSecurityPolicy-TLS13-1-3-2021-06")',
      ],
      [
        "more days between AUTH token rotations than Secrets Manager takes",
        (raw) => (raw.cache = { authRotationDays: 1001 }),
        "blueprint:cache.authRotationDays: must be a whole number from 0 to 1000 (days between rotations; 0 turns rotation off, Secrets Manager rotates every 1 to 1000 days); got 1001",
      ],
      [
        "AUTH token rotation without a cache",
        (raw) => (raw.cache = { mode: "none", authRotationDays: 30 }),
        'blueprint:cache.authRotationDays: is 30 but mode is "none": there is no AUTH token to rotate (set 0, or choose a cache mode)',
      ],
      [
        "an idle timeout too long",
        (raw) => (raw.loadBalancer = { idleTimeoutSeconds: 5000 }),
        "blueprint:loadBalancer.idleTimeoutSeconds: must be a whole number from 1 to 4000 seconds (got 5000)",
      ],
      [
        "a secret in user data",
        (raw) => (raw.worker = { userData: "export DB_PASSWORD=hunter2hunter2" }),
        "blueprint:worker.userData: contains what looks like a literal password, secret, token or API key; user data is readable by anyone who can describe the instance, so read secrets from Secrets Manager at boot (the value looks secret and is not shown)",
      ],
      [
        "duplicate queue names",
        (raw) => (raw.queues = [{ name: "jobs" }, { name: "jobs" }]),
        'blueprint:queues[1].name: duplicates queues[0].name once case, - and _ are ignored (both would be BLUEPRINT_QUEUE_JOBS_URL); queue names must be unique (got "jobs")',
      ],
      [
        "no queues",
        (raw) => (raw.queues = []),
        "blueprint:queues: must list at least one queue: the worker tier consumes them (omit the key for the default queue) (got [])",
      ],
      [
        "an alarm age above the retention",
        (raw) => {
          raw.queues = [{ name: "jobs", messageRetentionSeconds: 600 }];
          raw.alarms = { queueOldestMessageAgeSeconds: 900 };
        },
        "blueprint:alarms.queueOldestMessageAgeSeconds: must be below the shortest queue retention (600 s); messages expire before the alarm could fire (got 900)",
      ],
      [
        "a bad alarm email",
        (raw) => (raw.alarms = { email: "oncall" }),
        'blueprint:alarms.email: must be an email address such as ops@example.com (got "oncall")',
      ],
      [
        "an unknown key inside web",
        (raw) => (raw.web = { minsize: 2 }),
        "blueprint:web.minsize: is not a known key; allowed here: instanceTypes, architecture, os, minSize, maxSize, desiredCapacity, rootVolumeGiB, spot, instanceRefreshMinHealthyPercent, userData, healthCheck, healthCheckGracePeriodSeconds, targetRequestsPerInstance, targetCpuPercent",
      ],
      [
        "a domain with a trailing dot",
        (raw) => (raw.domain = { name: "example.com.", hostedZoneId: "Z0123456789ABCDEFGHIJ" }),
        'blueprint:domain.name: must not end with a dot (got "example.com.")',
      ],
      [
        "a hosted zone ID with its path",
        (raw) => (raw.domain = { name: "example.com", hostedZoneId: "/hostedzone/Z0123" }),
        'blueprint:domain.hostedZoneId: must be a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (without /hostedzone/) (got "/hostedzone/Z0123")',
      ],
      [
        "a domain with neither zone nor certificates",
        (raw) => {
          raw.domain = {
            name: "example.com",
            certificateArns: { "us-east-1": "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a" },
          };
          // CloudFront's own certificate is given, so only the load balancers' is missing
          raw.cdn = {
            certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a",
            certificateNames: ["www.example.com"],
          };
        },
        "blueprint:domain: needs hostedZoneId (the stack then creates DNS-validated certificates) or certificateArns for every region; missing a certificate for eu-west-1",
      ],
      [
        "a certificate from another region",
        (raw) =>
          (raw.domain = {
            name: "example.com",
            hostedZoneId: "Z0123",
            certificateArns: { "eu-west-1": "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a" },
          }),
        'blueprint:domain.certificateArns.eu-west-1: is a certificate in us-east-1; a load balancer can only use a certificate from its own region (eu-west-1) (got "arn:aws:acm:us-east-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a")',
      ],
      [
        "a certificate for a region the stack lacks",
        (raw) =>
          (raw.domain = {
            name: "example.com",
            hostedZoneId: "Z0123",
            certificateArns: { "ap-south-1": "arn:aws:acm:ap-south-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a" },
          }),
        'blueprint:domain.certificateArns.ap-south-1: names a region the stack does not run in; the stack\'s regions are us-east-1, eu-west-1 (got "arn:aws:acm:ap-south-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a")',
      ],
      [
        "the same name for app and API",
        (raw) => (raw.domain = { name: "example.com", hostedZoneId: "Z0123", apiSubdomain: "www" }),
        "blueprint:domain.appSubdomain: must differ from apiSubdomain: CloudFront serves www.example.com and the load balancers serve www.example.com",
      ],
    ];
    for (const [what, mutate, expected] of cases) {
      it(`rejects ${what}`, () => {
        const raw = prodConfig();
        mutate(raw);
        assert.deepEqual(problems(raw), [expected]);
      });
    }

    it("accepts a waiver for a prod web tier below the AZ count", () => {
      const raw = prodConfig();
      raw.web = { minSize: 2 };
      raw.resilienceWaiver = { reason: "load test environment, one instance per AZ is not needed" };
      assert.equal(parseConfig(raw).web["us-east-1"].minSize, 2);
    });
  });

  it("property: any in-range capacity triple parses and keeps min <= desired <= max", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (min, extra, desiredOffset) => {
        const raw = prodConfig();
        const max = min + extra;
        raw.web = { minSize: min, maxSize: max, desiredCapacity: min + (desiredOffset % (extra + 1)) };
        const capacity = parseConfig(raw).web["eu-west-1"];
        return capacity.minSize <= capacity.desiredCapacity && capacity.desiredCapacity <= capacity.maxSize;
      }),
    );
  });

  it("property: a queue and its dead-letter queue of different kinds are always rejected", () => {
    fc.assert(
      fc.property(fc.constantFrom("standard", "fifo"), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), (type, name) => {
        const raw = devConfig();
        raw.queues = [{ name, type, deadLetter: { type: type === "fifo" ? "standard" : "fifo" } }];
        return problems(raw).some((line) => line.startsWith("blueprint:queues[0].deadLetter.type:"));
      }),
    );
  });
});

/*
 * The issues' "done when" cases for the data tier and the edge, end to end through `parseConfig`:
 * each AWS rule a stack file can break fails offline, all problems in one error, each naming its key.
 */
const REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1"];

function stack(regions: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    environment: "prod",
    owner: "platform-team",
    costCenter: "CC-1",
    regions: regions.map((name, i) => ({
      name,
      ...(i === 0 ? { primary: true } : {}),
      vpcCidr: `10.${i}.0.0/16`,
      availabilityZones: ["a", "b", "c"].map((letter) => `${name}${letter}`),
    })),
    domain: { name: "example.com", hostedZoneId: "Z0123456789ABCDEFGHIJ" },
    ...extra,
  };
}

function problemsOrNone(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return [...error.lines];
  }
  return [];
}

describe("data tier and edge config, end to end", () => {
  it("accepts the prod defaults in three regions: a global database and a Global Datastore", () => {
    const config = parseConfig(stack(REGIONS.slice(0, 3)));
    assert.deepEqual([config.database.mode, config.cache.mode], ["aurora-global", "global"]);
  });

  it("names a burstable class on a global database, a Global Datastore in too many regions and a node type it does not support, together", () => {
    const found = problemsOrNone(stack(REGIONS, { database: { instanceClass: "db.t4g.medium" }, cache: { nodeType: "cache.t4g.medium" } }));
    assert.deepEqual(found, [
      "blueprint:database.instanceClass: db.t4g.medium is a burstable class; an Aurora global database only runs memory-optimised classes (db.r5 and newer r classes, db.x2g), e.g. db.r7g.large; burstable classes are allowed in single-region mode only",
      'blueprint:cache.mode: is "global" but the stack has 4 regions (us-east-1, eu-west-1, ap-southeast-2, eu-central-1); a Global Datastore has one primary region and at most 2 secondary regions (run at most 3 regions, or use mode "regional")',
      'blueprint:cache.nodeType: cache.t4g.medium cannot join a Global Datastore: burstable (T) nodes are not supported; use m8g, m7g, m6g, m5, r8g, r7g, r6g, r5, c8gn, c7gn at size large or above (mode "global")',
    ]);
  });

  it("names a CloudFront certificate outside us-east-1 and an alias it does not cover, together", () => {
    const found = problemsOrNone(
      stack(REGIONS.slice(0, 2), {
        cdn: { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a", certificateNames: ["shop.example.com"] },
      }),
    );
    assert.deepEqual(found, [
      'blueprint:cdn.certificateArn: is a certificate in eu-west-1; CloudFront only uses ACM certificates from us-east-1 (got "arn:aws:acm:eu-west-1:123456789012:certificate/0f5a8f0e-3c1b-4d7e-9a55-1f2e3d4c5b6a")',
      'blueprint:cdn.certificateNames: do not cover the alias www.example.com; CloudFront rejects a certificate that does not cover every alias (covered: shop.example.com) (got ["shop.example.com"])',
    ]);
  });
});

describe("values `pulumi config set --path` stores as numbers or booleans", () => {
  it("accepts a health-check matcher 200 and a tag value 1234 where the schema takes text", () => {
    const raw = { ...prodConfig(), web: { healthCheck: { matcher: 200 } }, tags: { CostCode: 1234, Shared: true } };
    const config = parseConfig(raw);
    assert.equal(config.web["us-east-1"].healthCheck.matcher, "200");
    assert.equal(config.tags.CostCode, "1234");
    assert.equal(config.tags.Shared, "true");
  });

  it("still refuses text where the schema takes a number: only text positions are coerced", () => {
    assert.deepEqual(problems({ ...prodConfig(), web: { healthCheck: { intervalSeconds: "15" } } }), [
      'blueprint:web.healthCheck.intervalSeconds: must be a number (got "15")',
    ]);
  });
});

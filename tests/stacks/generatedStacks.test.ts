/**
 * The pack's promise to a team that forks a stack: any valid config, in any environment, mode and
 * region mix, plans with zero mandatory violations. Configs are generated, parsed (so only valid ones
 * are planned), planned under the recording mocks and checked by the whole pack.
 */
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { regionInfo, REGIONS } from "../../components/lib/regions";
import { parseConfig } from "../../infra/config";
import { physicalNamePrefix } from "../../components/lib/naming";
import { policyContext } from "../../tools/plan/planStack";
import { runPolicies } from "../../tools/plan/policyRunner";
import { parseRoutingData } from "../../components/cdn/lib/routes/edgeFunction";
import { runProgram } from "../../tools/plan/runProgram";
import type { StackFile } from "../../tools/plan/stackFile";

/** Regions with at least three AZs that offer every service the blueprint uses in every mode. */
const CANDIDATE_REGIONS = [...REGIONS.values()].filter((r) => r.azLetters.length >= 3 && !r.optIn && r.name !== "ap-southeast-7").map((r) => r.name);

interface Shape {
  readonly environment: "dev" | "staging" | "prod";
  readonly regions: readonly string[];
  readonly primary: number;
  readonly azCount: number;
  readonly domain: "none" | "zone";
  readonly database: "aurora-global" | "rds-replicas" | "single-region";
  readonly cache: "global" | "regional" | "none";
  readonly queues: readonly ("standard" | "fifo")[];
}

const shapes: fc.Arbitrary<Shape> = fc
  .record({
    environment: fc.constantFrom("dev" as const, "staging" as const, "prod" as const),
    regions: fc.uniqueArray(fc.constantFrom(...CANDIDATE_REGIONS), { minLength: 1, maxLength: 4 }),
    primary: fc.nat(),
    azCount: fc.constantFrom(2, 3),
    domain: fc.constantFrom("none" as const, "zone" as const),
    database: fc.constantFrom("aurora-global" as const, "rds-replicas" as const, "single-region" as const),
    cache: fc.constantFrom("global" as const, "regional" as const, "none" as const),
    queues: fc.array(fc.constantFrom("standard" as const, "fifo" as const), { minLength: 1, maxLength: 2 }),
  })
  // what the profiles and AWS require; everything else is the generator's to vary
  .map((shape) => ({
    ...shape,
    regions:
      shape.environment === "prod" && shape.regions.length < 2
        ? [...shape.regions, shape.regions[0] === "eu-west-1" ? "us-east-1" : "eu-west-1"]
        : shape.regions,
    azCount: shape.environment === "prod" ? 3 : shape.azCount,
    // staging and prod serve HTTPS under a domain (plain HTTP is the dev exception)
    domain: shape.environment === "dev" ? shape.domain : ("zone" as const),
  }))
  .map((shape) => ({
    ...shape,
    database: shape.regions.length > 1 && shape.database === "single-region" ? ("aurora-global" as const) : shape.database,
    cache: shape.regions.length > 3 && shape.cache === "global" ? ("regional" as const) : shape.cache,
  }));

/** The stack file of a shape, in the form Pulumi hands it to the program. */
function stackFile(shape: Shape, index: number): StackFile {
  const primary = shape.primary % shape.regions.length;
  const regions = shape.regions.map((name, i) => ({
    name,
    ...(i === primary ? { primary: true } : {}),
    vpcCidr: `10.${16 * i}.0.0/16`,
    availabilityZones: regionInfo(name)!
      .azLetters.slice(0, shape.azCount)
      .map((letter) => `${name}${letter}`),
  }));
  const raw: Record<string, unknown> = {
    environment: shape.environment,
    owner: "property-team",
    costCenter: "CC-42",
    regions,
    queues: shape.queues.map((type, i) => ({ name: `q${i}`, type })),
    database: {
      mode: shape.database,
      ...(shape.database === "rds-replicas" ? { instanceClass: "db.m7g.large" } : {}),
      ...(shape.database === "aurora-global" ? { instanceClass: "db.r7g.large" } : {}),
    },
    cache: {
      mode: shape.cache,
      ...(shape.cache === "global" ? { nodeType: "cache.r7g.large", replicasPerNodeGroup: 1, automaticFailover: true, multiAz: true } : {}),
    },
    ...(shape.domain === "zone" ? { domain: { name: "example.org", hostedZoneId: "Z0123456789ABCDEFGHIJ" } } : {}),
  };
  const stack = `gen${index}`;
  // only configs the parser accepts are planned: the property is about valid configs
  parseConfig(raw, { namePrefix: physicalNamePrefix("blueprint", stack) });
  const config: Record<string, string> = { "aws:region": regions[primary].name };
  for (const [key, value] of Object.entries(raw)) config[`blueprint:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
  return { stack, path: "(generated)", config, secretKeys: [] };
}

describe("generated stacks", () => {
  it("property: any valid generated config plans with zero mandatory policy violations", async function () {
    // eight whole plans, each 0.3 to 1.5 s alone and slower beside the other test worker
    this.timeout(60_000);
    let index = 0;
    await fc.assert(
      fc.asyncProperty(shapes, async (shape) => {
        const file = stackFile(shape, index++);
        const run = await runProgram(file);
        const { violations } = await runPolicies(run.plan, policyContext(run, file));
        const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => `${v.policy}: ${v.message} [${v.urn}]`);
        assert.deepEqual(mandatory, [], JSON.stringify(shape));
      }),
      // each run plans a whole stack (0.3 to 1.5 s); the shapes' variety comes from the seed across CI runs
      { numRuns: 8 },
    );
  });
});

/** A prod stack file in the given regions, primary eu-west-1, with a hosted zone. */
function twoRegionProdFile(stack: string, regions: readonly Record<string, unknown>[]): StackFile {
  return {
    stack,
    path: "(generated)",
    config: {
      "aws:region": "eu-west-1",
      "blueprint:environment": "prod",
      "blueprint:owner": "o",
      "blueprint:costCenter": "c",
      "blueprint:regions": JSON.stringify(regions),
      "blueprint:domain": JSON.stringify({ name: "example.org", hostedZoneId: "Z0123456789ABCDEFGHIJ" }),
    },
    secretKeys: [],
  };
}

describe("a stack whose regions exclude us-east-1", () => {
  it("still places CloudFront's certificate and web ACL, and the health-check alarms, in us-east-1", async () => {
    const regions = [
      { name: "eu-west-1", primary: true, vpcCidr: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
      { name: "ap-southeast-2", vpcCidr: "10.1.0.0/16", availabilityZones: ["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"] },
    ];
    const file = twoRegionProdFile("europe", regions);
    const run = await runProgram(file);
    const inRegion = (type: string) => run.plan.resources.filter((r) => r.type === type && r.urn.includes("blueprint:cdn:Cdn$")).map((r) => r.region);
    assert.deepEqual(inRegion("aws:acm/certificate:Certificate"), ["us-east-1"]);
    assert.deepEqual(inRegion("aws:wafv2/webAcl:WebAcl"), ["us-east-1"]);
    const healthAlarms = run.plan.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.urn.includes("blueprint:dns:Dns$"));
    // per region: the health check's alarm in us-east-1, and the healthy-targets alarm the check reads in the region
    assert.equal(healthAlarms.length, 4);
    assert.deepEqual(
      healthAlarms.filter((r) => r.name.endsWith("-health")).map((r) => r.region),
      ["us-east-1", "us-east-1"],
    );
    assert.deepEqual(
      healthAlarms.filter((r) => r.name.endsWith("-targets")).map((r) => r.region),
      regions.map((region) => region.name),
    );
    const { violations } = await runPolicies(run.plan, policyContext(run, file));
    assert.deepEqual(
      violations.filter((v) => v.enforcementLevel === "mandatory"),
      [],
    );
  });
});

describe("a stack whose primary is not the first region listed", () => {
  it("sends writes and the routers' primary to the primary, the write marker and forwarding to the others", async () => {
    // listed last: building CloudFront's origins in file order would send every write to a read-only secondary
    const regions = [
      { name: "ap-southeast-2", vpcCidr: "10.1.0.0/16", availabilityZones: ["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"] },
      { name: "eu-west-1", primary: true, vpcCidr: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
    ];
    const file = twoRegionProdFile("primary-last", regions);
    const run = await runProgram(file);
    const distribution = run.plan.resources.find((r) => r.type === "aws:cloudfront/distribution:Distribution")!;
    const behaviours = [distribution.inputs.defaultCacheBehavior, ...(distribution.inputs.orderedCacheBehaviors as unknown[])] as Array<
      Record<string, unknown>
    >;
    const writes = behaviours.filter((b) => (b.allowedMethods as string[]).includes("POST"));
    assert.deepEqual(
      writes.map((b) => b.targetOriginId),
      ["alb-eu-west-1", "alb-eu-west-1"],
    );
    const groups = distribution.inputs.originGroups as Array<{ originId: string; members: Array<{ originId: string }> }>;
    assert.deepEqual(groups.find((g) => g.originId === "alb-failover")!.members, [{ originId: "alb-eu-west-1" }, { originId: "alb-ap-southeast-2" }]);
    for (const router of run.plan.resources.filter((r) => r.type === "aws:cloudfront/function:Function" && r.name.includes("-route-"))) {
      const data = parseRoutingData(router.inputs.code as string)!;
      assert.equal(data.regions[data.primary], "eu-west-1", router.name);
      assert.deepEqual(
        data.fallback.map((index) => data.regions[index]),
        ["eu-west-1", "ap-southeast-2"],
        router.name,
      );
    }
    const clusters = run.plan.resources.filter((r) => r.type === "aws:rds/cluster:Cluster");
    assert.deepEqual(
      clusters.map((r) => [r.region, r.inputs.enableGlobalWriteForwarding, r.inputs.masterUsername !== undefined]),
      [
        ["eu-west-1", false, true],
        ["ap-southeast-2", true, false],
      ],
    );
  });
});

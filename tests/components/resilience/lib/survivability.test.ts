import * as assert from "node:assert/strict";
import { planGraph } from "../../../../components/lib/plan/planGraph";
import { failureDomains, survivability, type DomainOutcome } from "../../../../components/resilience/lib/survivability";
import { topologyOf } from "../../../../components/resilience/lib/topology";
import { handBuiltPlan, handBuiltRoutes, type HandRegion } from "../../../support/resilienceTopology";

const THREE: readonly HandRegion[] = [
  { name: "us-east-1", azs: ["us-east-1a", "us-east-1b", "us-east-1c"] },
  { name: "eu-west-1", azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
  { name: "ap-southeast-2", azs: ["ap-southeast-2a", "ap-southeast-2b", "ap-southeast-2c"] },
];
/** Viewers near each region, each failing over to the next. */
const VIEWERS: readonly { region: string; failover?: string }[] = [
  { region: "us-east-1", failover: "eu-west-1" },
  { region: "eu-west-1", failover: "us-east-1" },
  { region: "ap-southeast-2", failover: "us-east-1" },
];

function analyse(regions: readonly HandRegion[], viewers = VIEWERS): DomainOutcome[] {
  const resources = handBuiltPlan(regions);
  const names = regions.map((region) => region.name);
  return survivability(topologyOf(planGraph({ resources }), names, names[0]), handBuiltRoutes(names[0], viewers));
}
const outcome = (outcomes: readonly DomainOutcome[], key: string) => {
  const found = outcomes.find((candidate) => candidate.key === key);
  assert.ok(found, key);
  return found;
};
const statuses = (result: DomainOutcome) => Object.fromEntries(result.routes.map((route) => [route.pathPattern, route.status]));

describe("survivability", () => {
  it("covers every AZ of every region, every region, the writer and the primary cache node", () => {
    const keys = analyse(THREE).map((result) => result.key);
    assert.deepEqual(keys, [
      ...THREE.flatMap((region) => region.azs.map((az) => `az:${az}`)),
      "region:us-east-1",
      "region:eu-west-1",
      "region:ap-southeast-2",
      "writer",
      "cache-primary",
    ]);
  });

  it("adds us-east-1's control planes when a distribution fronts the regions", () => {
    const resources = [...handBuiltPlan(THREE), { ...handBuiltPlan(THREE)[0], urn: "urn:cdn", type: "aws:cloudfront/distribution:Distribution" }];
    const names = THREE.map((region) => region.name);
    const domains = failureDomains(topologyOf(planGraph({ resources }), names, names[0]));
    assert.deepEqual(domains.at(-1), { kind: "edge-control", region: "us-east-1" });
  });

  it("loses the writer's AZ without losing data: writes pause while Aurora promotes a reader, reads serve", () => {
    const result = outcome(analyse(THREE), "az:us-east-1a");
    assert.deepEqual(statuses(result), { "/api/*": "interrupted", "/read/*": "serves" });
    assert.deepEqual(result.rpo, { database: 0, cache: 10 });
    assert.deepEqual(result.readOnly, []);
    // 9 required (3 per region), 1 instance lost with the AZ, 36 reachable by scaling
    assert.deepEqual(result.capacity, { required: 9, immediate: 8, reachable: 36 });
    assert.equal(result.regionsServing, 3);
  });

  it("loses the primary region: writes stop until a switchover, reads fail over, the data turns read-only with the lag alarms' RPO", () => {
    const result = outcome(analyse(THREE), "region:us-east-1");
    assert.deepEqual(statuses(result), { "/api/*": "down", "/read/*": "fails over" });
    assert.deepEqual(
      result.readOnly.map((entry) => `${entry.store} until ${entry.until}`),
      ["database until a switchover to eu-west-1", "cache until the Global Datastore fails over"],
    );
    assert.deepEqual(result.rpo, { database: 60, cache: 10 });
    assert.deepEqual(result.capacity, { required: 9, immediate: 6, reachable: 24 });
    assert.equal(result.regionsServing, 2);
    assert.equal(result.promotionTargets, 2);
    assert.equal(result.recovery, "switchover: `npm run switchover -- <stack> --to eu-west-1`; reads keep serving from the other regions meanwhile");
  });

  it("loses a secondary region: its viewers fail over, nothing turns read-only", () => {
    const result = outcome(analyse(THREE), "region:eu-west-1");
    assert.deepEqual(statuses(result), { "/api/*": "serves", "/read/*": "fails over" });
    assert.deepEqual(result.readOnly, []);
    assert.deepEqual(result.rpo, {});
    assert.equal(result.promotionTargets, 1);
  });

  it("with one AZ removed from a region, that region has two AZ domains and loses half its instances with one", () => {
    const twoAz = [THREE[0], { ...THREE[1], azs: ["eu-west-1a", "eu-west-1b"] }, THREE[2]];
    const outcomes = analyse(twoAz);
    assert.equal(outcomes.filter((result) => result.domain.kind === "az" && result.domain.region === "eu-west-1").length, 2);
    assert.equal(
      outcomes.find((result) => result.key === "az:eu-west-1c"),
      undefined,
    );
    // 2 instances in eu-west-1 (one per AZ): one goes with the AZ
    assert.deepEqual(outcome(outcomes, "az:eu-west-1a").capacity, { required: 8, immediate: 7, reachable: 36 });
  });

  it("with a region removed, losing the primary leaves one region to serve and to take the writer", () => {
    const two = [THREE[0], THREE[2]];
    const outcomes = analyse(two, [
      { region: "us-east-1", failover: "ap-southeast-2" },
      { region: "ap-southeast-2", failover: "us-east-1" },
    ]);
    assert.equal(
      outcomes.find((result) => result.key === "region:eu-west-1"),
      undefined,
    );
    const primary = outcome(outcomes, "region:us-east-1");
    assert.equal(primary.regionsServing, 1);
    assert.equal(primary.promotionTargets, 1);
    assert.deepEqual(primary.capacity, { required: 6, immediate: 3, reachable: 12 });
    assert.equal(primary.readOnly[0].until, "a switchover to ap-southeast-2");
  });

  it("follows the writer the Region switch plan declares after a switchover", () => {
    const resources = [
      ...handBuiltPlan(THREE),
      {
        ...handBuiltPlan(THREE)[0],
        urn: "urn:switch",
        type: "aws:arcregionswitch/plan:Plan",
        inputs: { primaryRegion: "eu-west-1", regions: ["us-east-1", "eu-west-1", "ap-southeast-2"] },
      },
    ];
    const names = THREE.map((region) => region.name);
    const topology = topologyOf(planGraph({ resources }), names, "us-east-1");
    assert.equal(topology.primaryRegion, "eu-west-1");
    assert.deepEqual(topology.switchPlanRegions, names);
    assert.deepEqual(
      topology.regions.map((region) => region.database?.role),
      ["reader", "writer", "reader"],
    );
  });

  it("a single-AZ region serves nothing when its AZ goes, and a single-region stack has no copy of its data", () => {
    const outcomes = analyse([{ name: "us-east-1", azs: ["us-east-1a"], webMin: 1, webMax: 2 }], [{ region: "us-east-1" }]);
    const az = outcome(outcomes, "az:us-east-1a");
    assert.deepEqual(statuses(az), { "/api/*": "down", "/read/*": "down" });
    assert.deepEqual(az.capacity, { required: 1, immediate: 0, reachable: 0 });
    assert.equal(az.rpo.database, 300);
    const region = outcome(outcomes, "region:us-east-1");
    assert.deepEqual(region.rpo, { database: null, cache: null });
    assert.deepEqual(region.readOnly, [{ store: "database", until: "a restore from a backup copy in another region" }]);
  });
});

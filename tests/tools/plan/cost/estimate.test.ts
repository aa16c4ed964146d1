import * as assert from "node:assert/strict";
import { free, hours, traffic } from "../../../../components/lib/plan/cost";
import type { ComponentPlanFacts } from "../../../../components/lib/plan/facts";
import type { PlannedResource } from "../../../../components/lib/plan/plannedResource";
import { costSection, costDeltaLine } from "../../../../tools/plan/cost/costSection";
import { costCatalog, estimateCost } from "../../../../tools/plan/cost/estimate";
import { planCost } from "../../../../tools/plan/cost/planCost";
import type { PriceSnapshot } from "../../../../tools/plan/cost/snapshot";
import { shippedPlan } from "../../../support/shippedPlans";

const resource = (type: string, region: string | null, inputs: Record<string, unknown> = {}, custom = true): PlannedResource => ({
  urn: `urn:pulumi:t::p::${type}::${type}-${region}-${JSON.stringify(inputs).length}`,
  type,
  name: "r",
  custom,
  parent: null,
  region,
  inputs,
  outputs: {},
  dependencies: [],
  propertyDependencies: {},
  protect: false,
  ignoreChanges: [],
  deleteBeforeReplace: false,
});

const SNAPSHOT: PriceSnapshot = {
  version: 1,
  date: "2026-01-01",
  currency: "USD",
  source: "test",
  units: { "t:": "hour" },
  global: { "t:check": 0.5 },
  regions: { "r-1": { "t:vm": 0.1, "t:key": 1 }, "r-2": { "t:vm": 0.2, "t:key": 1 } },
};

/** A component with a VM (min/max from inputs), a key (monthly), a free and a traffic-only type. */
const FACTS: ComponentPlanFacts = {
  component: "test",
  types: [],
  costs: {
    vm: { rule: "hours", meters: (r) => [{ sku: "t:vm", what: "vm hours", min: (r.inputs.min as number) * 730, max: (r.inputs.max as number) * 730 }] },
    key: { rule: "monthly", meters: () => [hours("t:key", 1 / 730, "key")] },
    check: { rule: "monthly", meters: () => [{ sku: "t:check", what: "checks", min: 1, max: 1 }] },
    role: free("IAM"),
    queue: traffic("requests"),
  },
  servingRegions: () => ["r-1"],
};

describe("cost estimate", () => {
  const plan = {
    regions: ["r-1", "r-2"],
    primaryRegion: "r-1",
    resources: [
      resource("vm", "r-1", { min: 2, max: 4 }),
      resource("vm", "r-2", { min: 1, max: 3 }),
      resource("key", "r-1"),
      resource("check", null),
      resource("role", null),
      resource("queue", "r-1"),
      resource("unknown:type", "r-1"),
      resource("blueprint:component", "r-1", {}, false),
    ],
  };

  it("prices a hand-built plan exactly, per region and in total, with the standby region", () => {
    const estimate = estimateCost(plan, costCatalog([FACTS]), SNAPSHOT);
    // r-1: 2..4 × 730 h × $0.10 + $1 key; r-2: 1..3 × 730 h × $0.20 (standby: no route served from it); global: $0.50
    assert.deepEqual(estimate.locations, [
      { location: "r-1", monthly: { min: 147, max: 293 }, standby: { min: 0, max: 0 } },
      { location: "r-2", monthly: { min: 146, max: 438 }, standby: { min: 146, max: 438 } },
      { location: "global", monthly: { min: 0.5, max: 0.5 }, standby: { min: 0, max: 0 } },
    ]);
    assert.deepEqual(estimate.total, { min: 293.5, max: 731.5 });
    assert.deepEqual(estimate.standby, { min: 146, max: 438 });
    assert.deepEqual(estimate.standbyRegions, ["r-2"]);
    assert.deepEqual(estimate.unclassified, ["unknown:type"]);
    assert.deepEqual([...estimate.free.keys()], ["role"]);
    assert.deepEqual([...estimate.assumptions.entries()], [["queue", "requests"]]);
  });

  it("notes a region missing from the snapshot instead of failing", () => {
    const estimate = estimateCost({ ...plan, regions: ["r-1", "r-9"], resources: [resource("vm", "r-9", { min: 1, max: 1 })] }, costCatalog([FACTS]), SNAPSHOT);
    assert.deepEqual(estimate.missingPrices, ["region r-9: not in the snapshot of 2026-01-01, its resources are not priced"]);
    assert.deepEqual(estimate.total, { min: 0, max: 0 });
    assert.ok(costSection(estimate).includes("- :warning: region r-9: not in the snapshot of 2026-01-01, its resources are not priced"));
  });

  it("refuses a type priced by two components, naming both", () => {
    assert.throws(() => costCatalog([FACTS, { ...FACTS, component: "other" }]), /Two components state the cost of vm: test and other/);
  });

  it("states the delta against a base, and no base cost without one", () => {
    const head = estimateCost(plan, costCatalog([FACTS]), SNAPSHOT);
    const base = estimateCost({ ...plan, resources: plan.resources.slice(0, 1) }, costCatalog([FACTS]), SNAPSHOT);
    assert.equal(costDeltaLine(head, base), "**Cost:** $294–$732 a month, +$148 to +$440 against the base ($146–$292).");
    assert.equal(costDeltaLine(head, undefined), "**Cost:** $294–$732 a month; no base cost (no base plan of this stack).");
  });
});

describe("cost of the shipped prod stack", () => {
  it("prices every region, classifies every type and finds every price", async function () {
    this.timeout(60_000);
    const prod = await shippedPlan("prod");
    const estimate = planCost(prod);
    assert.deepEqual(
      estimate.locations.map((entry) => entry.location),
      ["us-east-1", "eu-west-1", "ap-southeast-2", "global"],
    );
    assert.deepEqual(estimate.unclassified, []);
    assert.deepEqual(estimate.missingPrices, []);
    for (const entry of estimate.locations.slice(0, 3)) assert.ok(entry.monthly.min > 1000 && entry.monthly.max > entry.monthly.min, entry.location);
    // the secondary regions' database instances and cache nodes are standby; us-east-1 (the writer) has none
    assert.deepEqual(
      estimate.locations.map((entry) => entry.standby.max > 0),
      [false, true, true, false],
    );
  });
});

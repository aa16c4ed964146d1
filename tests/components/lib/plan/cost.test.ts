import * as assert from "node:assert/strict";
import { PLAN_FACTS } from "../../../../components/catalog";
import { HOURS_PER_MONTH, hours, monthly } from "../../../../components/lib/plan/cost";
import { shippedPlan } from "../../../support/shippedPlans";

const SHIPPED_STACKS = ["dev", "staging", "prod"];

describe("cost rules (components/*/plan.ts)", () => {
  it("counts a month as 730 hours", () => {
    assert.equal(HOURS_PER_MONTH, 730);
    assert.deepEqual(hours("x", 3, "x hours"), { sku: "x", what: "x hours", min: 2190, max: 2190 });
    assert.ok("meters" in monthly("k", "keys", "fee"));
  });

  it("classifies every type a component declares (priced, free or traffic-only)", () => {
    const classified = new Set(PLAN_FACTS.flatMap((component) => Object.keys(component.costs ?? {})));
    const missing = PLAN_FACTS.flatMap((component) => component.types.filter((t) => !classified.has(t.type)).map((t) => `${component.component}: ${t.type}`));
    assert.deepEqual(missing, [], `types without a cost rule (add one to the component's costs in plan.ts): ${missing.join(", ")}`);
  });

  it("classifies every custom type the shipped stacks create", async function () {
    this.timeout(120_000);
    const classified = new Set(PLAN_FACTS.flatMap((component) => Object.keys(component.costs ?? {})));
    const missing = new Set<string>();
    for (const stack of SHIPPED_STACKS) {
      for (const resource of (await shippedPlan(stack)).resources) if (resource.custom && !classified.has(resource.type)) missing.add(resource.type);
    }
    assert.deepEqual([...missing], []);
  });
});

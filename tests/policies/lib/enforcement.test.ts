import * as assert from "node:assert/strict";
import { configOf, enforcementOf } from "../../../policies/lib/enforcement";

describe("pack config resolution (as the Pulumi CLI resolves it)", () => {
  const policy = {
    name: "p",
    configSchema: {
      properties: { limit: { type: "integer" as const, default: 3 }, list: { type: "array" as const, default: ["a"] }, free: { type: "string" as const } },
    },
  };

  it("merges schema defaults under the policy's entry, without enforcementLevel", () => {
    assert.deepEqual(configOf(policy, {}), { limit: 3, list: ["a"] });
    assert.deepEqual(configOf(policy, { p: { enforcementLevel: "advisory", limit: 5, free: "x" } }), { limit: 5, list: ["a"], free: "x" });
    assert.deepEqual(configOf(policy, { p: "disabled" }), { limit: 3, list: ["a"] });
    const first = configOf(policy, {});
    (first.list as string[]).push("mutated");
    assert.deepEqual(configOf(policy, {}).list, ["a"], "defaults are copied");
  });

  it("takes the level from the policy's entry, then `all`, then the policy, then the pack default", () => {
    assert.equal(enforcementOf({ name: "p" }, {}), "mandatory");
    assert.equal(enforcementOf({ name: "p", enforcementLevel: "advisory" }, {}), "advisory");
    assert.equal(enforcementOf({ name: "p", enforcementLevel: "mandatory" }, { all: "advisory" }), "advisory");
    assert.equal(enforcementOf({ name: "p" }, { all: "advisory", p: "disabled" }), "disabled");
    assert.equal(enforcementOf({ name: "p" }, { all: "advisory", p: { enforcementLevel: "mandatory", limit: 1 } }), "mandatory");
    assert.equal(enforcementOf({ name: "p" }, { all: "mandatory", p: { limit: 1 } }), "mandatory", "an entry without a level keeps `all`");
    assert.equal(enforcementOf({ name: "p" }, {}, "advisory"), "advisory");
  });
});

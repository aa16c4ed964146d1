import * as assert from "node:assert/strict";
import { globalDatastoreNodeTypeProblem, nodeTypeEngineProblem, parseNodeType } from "../../../../components/cache/lib/nodeTypes";

describe("cache engine versions and node types", () => {
  it("knows t4g.micro runs older Redis OSS than t4g.small", () => {
    const micro = parseNodeType("cache.t4g.micro");
    const small = parseNodeType("cache.t4g.small");
    assert.ok(!("problem" in micro) && !("problem" in small));
    assert.equal(nodeTypeEngineProblem(micro, "redis", "4.0.10"), undefined);
    assert.equal(nodeTypeEngineProblem(small, "redis", "4.0.10"), "cache.t4g.small needs Redis OSS 5.0.6 or later; the engine version is 4.0.10");
  });

  it("accepts every documented Global Datastore family at size large", () => {
    for (const family of ["m5", "m6g", "m7g", "r5", "r6g", "r7g", "c7gn"]) {
      const parsed = parseNodeType(`cache.${family}.large`);
      assert.ok(!("problem" in parsed), family);
      assert.equal(globalDatastoreNodeTypeProblem(parsed), undefined, family);
    }
  });
});

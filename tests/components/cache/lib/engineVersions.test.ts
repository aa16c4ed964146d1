import * as assert from "node:assert/strict";
import { compareVersions, DEFAULT_ENGINE_VERSIONS, ENGINE_VERSIONS } from "../../../../components/cache/lib/engineVersions";

describe("cache engine versions and node types", () => {
  it("orders versions numerically, 6.x as 6.2", () => {
    assert.ok(compareVersions("9.1", "9.0") > 0);
    assert.ok(compareVersions("10.0", "9.1") > 0);
    assert.ok(compareVersions("5.0.6", "5.0.10") < 0);
    assert.equal(compareVersions("6.x", "6.2"), 0);
    assert.equal(compareVersions("7.2", "7.2.0"), 0);
  });

  it("defaults to the newest version of each engine", () => {
    for (const engine of ["valkey", "redis"] as const) {
      const versions = ENGINE_VERSIONS[engine];
      assert.equal(DEFAULT_ENGINE_VERSIONS[engine], versions[versions.length - 1]);
    }
  });
});

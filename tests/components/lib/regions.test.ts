import * as assert from "node:assert/strict";
import { availabilityZonesOf, REGION_NAMES, regionInfo, suggestRegions } from "../../../components/lib/regions";

describe("regions table", () => {
  it("names every region once, each with at least three documented AZs", () => {
    assert.equal(new Set(REGION_NAMES).size, REGION_NAMES.length);
    assert.deepEqual(availabilityZonesOf("ca-central-1"), ["ca-central-1a", "ca-central-1b", "ca-central-1d"]);
    assert.deepEqual(availabilityZonesOf("ap-northeast-1"), ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]);
    for (const name of REGION_NAMES) assert.ok(regionInfo(name)!.azLetters.length >= 3, name);
  });

  it("suggests the closest region names for a typo", () => {
    assert.deepEqual(suggestRegions("eu-wset-1"), ["eu-west-1", "eu-west-2", "eu-west-3"]);
    assert.deepEqual(suggestRegions("mars-north-9"), []);
  });
});

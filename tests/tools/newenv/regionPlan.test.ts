import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { azCountForNewRegions, pickAvailabilityZones, planRegions, sourceRegionsOf } from "../../../tools/newenv/regionPlan";

describe("new-env: regions and AZs", () => {
  it("gives a new region the first AZs of the region table, as many as the source's regions use", () => {
    const prod = sourceRegionsOf(parse(readFileSync("stacks/Pulumi.prod.yaml", "utf8")).config["blueprint:regions"]);
    assert.equal(azCountForNewRegions(prod), 3);
    // ap-northeast-1 has no AZ b in the table
    assert.deepEqual(pickAvailabilityZones("ap-northeast-1", 3), ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"]);
    const planned = planRegions(prod, { regions: ["eu-west-1", "ap-northeast-1"], primary: "ap-northeast-1" }, []);
    assert.deepEqual(planned, [
      { name: "eu-west-1", primary: false, vpcCidr: "10.0.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"], fromSource: true },
      {
        name: "ap-northeast-1",
        primary: true,
        vpcCidr: "10.1.0.0/16",
        availabilityZones: ["ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"],
        fromSource: false,
      },
    ]);
  });

  it("keeps the source's regions and primary when --regions is not given, and the first of --regions otherwise", () => {
    const staging = sourceRegionsOf(parse(readFileSync("stacks/Pulumi.staging.yaml", "utf8")).config["blueprint:regions"]);
    assert.deepEqual(
      planRegions(staging, {}, []).map((r) => [r.name, r.primary]),
      [
        ["us-east-1", true],
        ["eu-west-1", false],
      ],
    );
    assert.deepEqual(
      planRegions(staging, { regions: ["eu-west-1", "us-east-1"] }, []).map((r) => [r.name, r.primary]),
      [
        ["eu-west-1", true],
        ["us-east-1", false],
      ],
    );
    assert.deepEqual(
      planRegions(staging, { primary: "eu-west-1" }, []).map((r) => [r.name, r.primary]),
      [
        ["us-east-1", false],
        ["eu-west-1", true],
      ],
    );
  });
});

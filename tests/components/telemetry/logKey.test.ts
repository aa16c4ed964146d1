import * as assert from "node:assert/strict";
import { RegionalLogKey } from "../../../components/telemetry/logKey";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, one } from "../../support/resources";

describe("RegionalLogKey component", () => {
  let resources: PlannedResource[];
  before(async () => {
    ({ resources } = await recordProgram(
      () => {
        const key = new RegionalLogKey("eu-west-1", {
          region: "eu-west-1",
          aliasName: "alias/blueprint-prod/logs",
          protect: true,
          tags: { Region: "eu-west-1" },
        });
        return { keyArn: key.keyArn };
      },
      { stack: "test", config: { "aws:region": "us-east-1" } },
    ));
  });

  it("declares one rotating key and its alias in the region", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:telemetry:RegionalLogKey": 1,
      "aws:kms/key:Key": 1,
      "aws:kms/alias:Alias": 1,
    });
    const key = one(resources, "aws:kms/key:Key");
    assert.equal(key.region, "eu-west-1");
    assert.equal(key.inputs.enableKeyRotation, true);
    assert.equal(key.inputs.deletionWindowInDays, 30);
    const policy = JSON.parse(key.inputs.policy as string);
    assert.deepEqual(policy.Statement[1].Principal, { Service: "logs.eu-west-1.amazonaws.com" });
    assert.equal(one(resources, "aws:kms/alias:Alias").inputs.name, "alias/blueprint-prod/logs");
  });

  it("refuses a bad alias and deletion window, both at once", () => {
    assert.throws(
      () => new RegionalLogKey("bad", { region: "eu-west-1", aliasName: "logs", deletionWindowDays: 3 }),
      (error: Error) =>
        error.message ===
        'RegionalLogKey bad has invalid arguments:\n  - aliasName must start with "alias/", got "logs"\n  - deletionWindowDays must be a whole number of days from 7 to 30, got 3',
    );
  });
});

import * as assert from "node:assert/strict";
import { drillProblems, isolateRegionSpec, pauseReplicationSpec } from "../../../../components/resilience/lib/drills";

describe("region-scale drills", () => {
  it("isolates a region's subnets from another region, and pauses the static bucket's replication", () => {
    assert.deepEqual(isolateRegionSpec("eu-west-1", "us-east-1", ["subnet-a"], "PT10M"), {
      drill: "isolate-region",
      description: "Cut eu-west-1's private subnets off from us-east-1 for PT10M: the tiers must keep serving reads and fail writes fast",
      actionId: "aws:network:route-table-disrupt-cross-region-connectivity",
      targetKey: "Subnets",
      resourceType: "aws:ec2:subnet",
      resourceArns: ["subnet-a"],
      parameters: { duration: "PT10M", region: "us-east-1" },
    });
    const pause = pauseReplicationSpec("arn:aws:s3:::static", "eu-west-1", "PT10M");
    assert.deepEqual(
      [pause.actionId, pause.targetKey, pause.resourceType, pause.parameters],
      ["aws:s3:bucket-pause-replication", "Buckets", "aws:s3:bucket", { duration: "PT10M", region: "eu-west-1" }],
    );
  });

  it("refuses what FIS refuses: no stop alarm or more than five, more than six subnets, a duration outside PT1M-PT12H", () => {
    const isolate = isolateRegionSpec("eu-west-1", "us-east-1", [], "PT13H");
    assert.deepEqual(drillProblems([isolate], 0, 9), [
      "a drill needs 1 to 5 stop alarms (FIS's limit); got 0",
      "isolate-region acts on at most 6 subnets (FIS's quota); got 9",
      "isolate-region: duration PT13H must be an ISO 8601 duration from PT1M to PT12H",
    ]);
    assert.deepEqual(drillProblems([isolateRegionSpec("eu-west-1", "us-east-1", [], "PT10M")], 2, 3), []);
  });
});

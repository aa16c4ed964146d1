import * as assert from "node:assert/strict";
import fc from "fast-check";
import { defaultReplicaRegion, replicaRegionProblem } from "../../../../components/cdn/lib/cdnRules";
import { REGION_NAMES } from "../../../../components/lib/regions";

describe("static replica region", () => {
  it("defaults to the stack's next region, else a neighbour without opt-in", () => {
    assert.equal(defaultReplicaRegion("us-east-1", ["us-east-1", "eu-west-1"]), "eu-west-1");
    assert.equal(defaultReplicaRegion("eu-west-1", ["us-east-1", "eu-west-1"]), "us-east-1");
    assert.equal(defaultReplicaRegion("us-east-1", ["us-east-1"]), "us-east-2");
    assert.equal(defaultReplicaRegion("eu-west-1", ["eu-west-1"]), "eu-west-2");
    assert.equal(defaultReplicaRegion("ap-southeast-2", ["ap-southeast-2"]), "ap-northeast-1");
  });

  it("never defaults to the primary itself", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGION_NAMES), (primary) => {
        const replica = defaultReplicaRegion(primary, [primary]);
        return replica !== primary && replicaRegionProblem(primary, replica) === undefined;
      }),
    );
  });

  it("rejects the primary and unknown regions", () => {
    assert.equal(
      replicaRegionProblem("eu-west-1", "eu-west-1"),
      "must differ from the primary region eu-west-1: the replica is the static assets' failover origin",
    );
    assert.equal(replicaRegionProblem("eu-west-1", "eu-west-9"), "must be a known AWS region (us-east-1, us-east-2, us-west-1, us-west-2, ...)");
  });
});

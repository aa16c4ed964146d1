import * as assert from "node:assert/strict";
import { copyRegions } from "../../../../components/backup/lib/copyTargets";

describe("backup copy targets", () => {
  it("copies each region to the next one, the last to the first, never to itself", () => {
    assert.deepEqual(copyRegions(["us-east-1", "eu-west-1", "ap-southeast-2"]), {
      "us-east-1": "eu-west-1",
      "eu-west-1": "ap-southeast-2",
      "ap-southeast-2": "us-east-1",
    });
    assert.deepEqual(copyRegions(["us-east-1", "eu-west-1"]), { "us-east-1": "eu-west-1", "eu-west-1": "us-east-1" });
    assert.deepEqual(copyRegions(["us-east-1"]), { "us-east-1": undefined });
  });
});

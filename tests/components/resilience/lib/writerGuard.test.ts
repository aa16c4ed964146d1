import * as assert from "node:assert/strict";
import { checkWriter, clusterRegion, writerAssumption } from "../../../../components/resilience/lib/writerGuard";

const member = (region: string, isWriter: boolean) => ({ dbClusterArn: `arn:aws:rds:${region}:123456789012:cluster:blueprint-prod-${region}`, isWriter });

describe("writer guard", () => {
  it("passes when the live writer is the declared one, or when there is no writer yet", () => {
    assert.deepEqual(checkWriter("prod", "us-east-1", [member("us-east-1", true), member("eu-west-1", false)]), { declared: "us-east-1", live: "us-east-1" });
    assert.deepEqual(checkWriter("prod", "us-east-1", []), { declared: "us-east-1" });
  });

  it("stops when AWS moved the writer, naming the command to run", () => {
    assert.deepEqual(checkWriter("prod", "us-east-1", [member("us-east-1", false), member("eu-west-1", true)]), {
      declared: "us-east-1",
      live: "eu-west-1",
      problem:
        "The global database's writer is in eu-west-1, but the stack declares us-east-1 (blueprint:writerRegion): an update now would send writes to a reader and fight the promotion. " +
        "Run `npm run switchover -- prod --to eu-west-1`, commit the stack file, then run pulumi up again.",
    });
  });

  it("reads the region of a cluster ARN, and records the offline assumption", () => {
    assert.equal(clusterRegion("arn:aws:rds:ap-southeast-2:123456789012:cluster:x"), "ap-southeast-2");
    assert.equal(clusterRegion("arn:aws:rds:ap-southeast-2:123456789012:db:x"), undefined);
    assert.match(writerAssumption("us-east-1"), /^assumed in us-east-1 \(blueprint:writerRegion\): /);
  });
});

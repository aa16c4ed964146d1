import * as assert from "node:assert/strict";
import { drillRoleStatements } from "../../../../components/resilience/lib/drillRole";

describe("drill role", () => {
  it("scopes the route changes to the region and account, and the replication pause to the static bucket", () => {
    const statements = drillRoleStatements({
      partition: "aws",
      accountId: "123456789012",
      region: "eu-west-1",
      isolates: true,
      bucketArn: "arn:aws:s3:::static",
    });
    assert.deepEqual(
      statements.map((statement) => statement.Sid),
      ["DisruptCrossRegionRoutes", "ReadNetwork", "PauseStaticReplication", "FindBuckets"],
    );
    for (const resource of statements[0].Resource as string[]) assert.match(resource, /^arn:aws:ec2:eu-west-1:123456789012:[a-z-]+\/\*$/);
    assert.deepEqual(statements[2].Resource, ["arn:aws:s3:::static"]);
    assert.deepEqual(drillRoleStatements({ partition: "aws", accountId: "1", region: "eu-west-1", isolates: false }), []);
  });
});

import * as assert from "node:assert/strict";
import { globalClusterIdentifier, regionalDatabaseNames } from "../../../../components/database/lib/naming";

describe("database engines, windows and names", () => {
  it("names resources after the region, never the role", () => {
    assert.deepEqual(regionalDatabaseNames("blueprint-prod", "eu-west-1", "aurora-mysql8.0", true, 2), {
      identifier: "blueprint-prod-eu-west-1",
      instances: ["blueprint-prod-eu-west-1-1", "blueprint-prod-eu-west-1-2"],
      finalSnapshot: "blueprint-prod-eu-west-1-final",
      clusterParameterGroup: "blueprint-prod-eu-west-1-aurora-mysql8-0-cluster",
      parameterGroup: "blueprint-prod-eu-west-1-aurora-mysql8-0",
      monitoringRole: "blueprint-prod-eu-west-1-rds-mon",
      alarmPrefix: "blueprint-prod-eu-west-1-db",
    });
    assert.equal(globalClusterIdentifier("blueprint-prod"), "blueprint-prod-global");
    // the longest prefix (40) and region name (14) still fit every limit
    const longest = regionalDatabaseNames("a".repeat(40), "ap-southeast-2", "aurora-postgresql16", true, 16);
    assert.ok(longest.instances.at(-1)!.length <= 63 && longest.monitoringRole.length <= 64, JSON.stringify(longest));
  });
});

import * as assert from "node:assert/strict";
import { TABLE_ITEM_ACTIONS, tablePhysicalName, tableUserStatements } from "../../../../components/tables/lib/tableRules";

describe("table rules", () => {
  it("names a table the same in every region", () => {
    assert.equal(tablePhysicalName("blueprint-prod", "sessions"), "blueprint-prod-sessions");
  });

  it("lets a tier use items of its own region's replicas and their indexes, and nothing else", () => {
    const replica = "arn:aws:dynamodb:eu-west-1:123456789012:table/blueprint-prod-sessions";
    assert.deepEqual(
      tableUserStatements([replica], (arn) => `${arn}/index/*`),
      [{ Sid: "RegionTables", Effect: "Allow", Action: [...TABLE_ITEM_ACTIONS], Resource: [replica, `${replica}/index/*`] }],
    );
    assert.ok(TABLE_ITEM_ACTIONS.every((action) => action.startsWith("dynamodb:") && !action.includes("*")));
    assert.ok(!TABLE_ITEM_ACTIONS.some((action) => /DeleteTable|UpdateTable|CreateTable|Restore|Export/.test(action)), "no table management");
    assert.deepEqual(
      tableUserStatements([], (arn) => arn),
      [],
    );
  });
});

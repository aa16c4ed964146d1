import * as assert from "node:assert/strict";
import { tablesSection } from "../../../components/tables/section";
import { frame, resolveSection, sectionLines } from "../../support/sections";

const TWO_REGIONS = frame("prod", ["us-east-1", "eu-west-1"]);

describe("tables config", () => {
  it("resolves a table with the profile's defaults: on demand, PITR, deletion protection in prod, the global table's stream", () => {
    assert.deepEqual(resolveSection(tablesSection, [{ name: "sessions", partitionKey: "sessionId", ttlAttribute: "expiresAt" }], TWO_REGIONS), [
      {
        name: "sessions",
        partitionKey: "sessionId",
        partitionKeyType: "S",
        sortKeyType: "S",
        ttlAttribute: "expiresAt",
        billingMode: "PAY_PER_REQUEST",
        stream: "NEW_AND_OLD_IMAGES",
        pointInTimeRecovery: true,
        deletionProtection: true,
        alarms: { throttleEvents: 10, replicationLatencySeconds: 60 },
      },
    ]);
    assert.equal(resolveSection(tablesSection, [{ name: "t", partitionKey: "k" }], frame("dev", ["us-east-1"]))[0].stream, "none");
    assert.deepEqual(resolveSection(tablesSection, undefined, TWO_REGIONS), []);
  });

  it("refuses what DynamoDB would refuse, naming each key, all at once", () => {
    assert.deepEqual(
      sectionLines(
        tablesSection,
        [
          { name: "sessions", partitionKey: "id", sortKey: "id", ttlAttribute: "id", billingMode: "PROVISIONED", stream: "KEYS_ONLY" },
          { name: "Sessions", partitionKey: "k", readCapacity: 5 },
          { name: "bad name!", partitionKey: "k" },
        ],
        TWO_REGIONS,
      ),
      [
        'blueprint:tables[0].sortKey: must differ from partitionKey ("id"): DynamoDB refuses a key schema that names one attribute twice (got "id")',
        `blueprint:tables[0].ttlAttribute: must not be a key attribute: DynamoDB's TTL attribute holds a number of epoch seconds that changes, keys never change (got "id")`,
        "blueprint:tables[0].readCapacity: is required with billingMode PROVISIONED (DynamoDB refuses a provisioned table without capacity)",
        "blueprint:tables[0].writeCapacity: is required with billingMode PROVISIONED (DynamoDB refuses a provisioned table without capacity)",
        'blueprint:tables[0].stream: must be NEW_AND_OLD_IMAGES in a stack with 2 regions: a global table replicates through its stream (got "KEYS_ONLY")',
        'blueprint:tables[1].name: duplicates tables[0].name once case, - and _ are ignored (both would be BLUEPRINT_TABLE_SESSIONS_NAME) (got "Sessions")',
        "blueprint:tables[1].readCapacity: applies only with billingMode PROVISIONED (DynamoDB refuses capacity on an on-demand table) (got 5)",
        'blueprint:tables[2].name: must be 1-64 letters, digits, - or _ (got "bad name!")',
      ],
    );
  });
});

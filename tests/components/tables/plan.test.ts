import * as assert from "node:assert/strict";
import { table, tableReplica } from "../../../components/tables/plan";

const input = (type: string, name: string, inputs: Record<string, unknown>) => ({ type, name, urn: `urn:pulumi:prod::blueprint::${type}::${name}`, inputs });

describe("tables plan facts", () => {
  it("mocks a table by its name, with the stream's ARN and label only when the stream is on", () => {
    assert.deepEqual(table(input("aws:dynamodb/table:Table", "t", { name: "blueprint-prod-sessions", streamEnabled: false }), "us-east-1"), {
      id: "blueprint-prod-sessions",
      outputs: { arn: "arn:aws:dynamodb:us-east-1:123456789012:table/blueprint-prod-sessions" },
    });
    const streamed = table(input("aws:dynamodb/table:Table", "t", { name: "blueprint-prod-sessions", streamEnabled: true }), "us-east-1").outputs;
    assert.match(String(streamed.streamArn), /^arn:aws:dynamodb:us-east-1:123456789012:table\/blueprint-prod-sessions\/stream\//);
  });

  it("mocks a replica as the provider names it (<table>:<main region>) with the table's ARN in its own region", () => {
    const replica = tableReplica(
      input("aws:dynamodb/tableReplica:TableReplica", "r", { globalTableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/blueprint-prod-sessions" }),
      "eu-west-1",
    );
    assert.deepEqual(replica, {
      id: "blueprint-prod-sessions:us-east-1",
      outputs: { arn: "arn:aws:dynamodb:eu-west-1:123456789012:table/blueprint-prod-sessions" },
    });
  });
});

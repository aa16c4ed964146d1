import * as assert from "node:assert/strict";
import { telemetryPlanFacts } from "../../../components/telemetry/plan";

const facts = (type: string) => telemetryPlanFacts.types.find((t) => t.type === type)!;
const input = (name: string, inputs: Record<string, unknown>) => ({ name, urn: `urn:pulumi:test::p::t::${name}`, inputs }) as never;

describe("telemetry plan facts", () => {
  it("mocks a workspace with the ID, ARN and endpoint AMP returns", () => {
    const { id, outputs } = facts("aws:amp/workspace:Workspace").mock(input("w", { alias: "a" }), "eu-west-1");
    assert.match(id ?? "", /^ws-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(outputs, {
      arn: `arn:aws:aps:eu-west-1:123456789012:workspace/${id}`,
      prometheusEndpoint: `https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/${id}/`,
    });
  });

  it("mocks a composite alarm's ARN from its name", () => {
    assert.deepEqual(facts("aws:cloudwatch/compositeAlarm:CompositeAlarm").mock(input("c", { alarmName: "x" }), "eu-west-1"), {
      id: "x",
      outputs: { arn: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x" },
    });
  });

  it("mocks the service account's and token's comma-joined IDs and the token's key, which the class marks secret", () => {
    const account = facts("aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount").mock(
      input("a", { workspaceId: "g-1", grafanaRole: "ADMIN" }),
      "us-east-1",
    );
    assert.match(account.id ?? "", /^g-1,\d+$/);
    assert.deepEqual(Object.keys(account.outputs), ["serviceAccountId"]);
    assert.equal(account.id, `g-1,${account.outputs.serviceAccountId as string}`);
    const token = facts("aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken").mock(
      input("t", { workspaceId: "g-1", serviceAccountId: "7", secondsToLive: 60 }),
      "us-east-1",
    );
    assert.equal(token.id, `g-1,7,${token.outputs.serviceAccountTokenId as string}`);
    assert.deepEqual(Object.keys(token.outputs), ["serviceAccountTokenId", "key"]);
    assert.match(token.outputs.key as string, /^glsa_[0-9a-f]{32}$/);
  });

  it("mocks a Grafana data source's ID as Grafana's provider gives it: organization and uid", () => {
    assert.deepEqual(facts("grafana:oss/dataSource:DataSource").mock(input("d", { uid: "prometheus-eu-west-1", type: "prometheus" }), "us-east-1"), {
      id: "1:prometheus-eu-west-1",
      outputs: {},
    });
  });

  it("marks the workspace stateful, replaced by its region or key, and gives each slow type its basis", () => {
    assert.deepEqual(
      facts("aws:amp/workspace:Workspace").stateful?.replacedBy.map((rule) => rule.input),
      ["region", "kmsKeyArn"],
    );
    for (const type of ["aws:grafana/workspace:Workspace", "aws:synthetics/canary:Canary", "aws:amp/workspace:Workspace"])
      assert.ok(facts(type).creation.seconds >= 60, type);
  });
});

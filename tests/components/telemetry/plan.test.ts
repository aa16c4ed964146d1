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

  it("marks the workspace stateful, replaced by its region or key, and gives each slow type its basis", () => {
    assert.deepEqual(
      facts("aws:amp/workspace:Workspace").stateful?.replacedBy.map((rule) => rule.input),
      ["region", "kmsKeyArn"],
    );
    for (const type of ["aws:grafana/workspace:Workspace", "aws:synthetics/canary:Canary", "aws:amp/workspace:Workspace"])
      assert.ok(facts(type).creation.seconds >= 60, type);
  });
});

import * as assert from "node:assert/strict";
import { GrafanaWorkspace } from "../../../components/telemetry/grafana";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, one } from "../../support/resources";

const WORKSPACES = ["arn:aws:aps:us-east-1:123456789012:workspace/ws-1", "arn:aws:aps:eu-west-1:123456789012:workspace/ws-2"];

describe("GrafanaWorkspace component", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordProgram(
      () => {
        const grafana = new GrafanaWorkspace("telemetry", {
          region: "us-east-1",
          namePrefix: "blueprint-prod",
          authentication: "AWS_SSO",
          workspaceArns: WORKSPACES,
          tags: { Region: "us-east-1" },
        });
        return { endpoint: grafana.endpoint };
      },
      { stack: "prod", config: { "aws:region": "us-east-1" } },
    ));
  });

  it("declares the workspace and its customer managed role", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:telemetry:GrafanaWorkspace": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicy:RolePolicy": 1,
      "aws:grafana/workspace:Workspace": 1,
    });
    const workspace = one(resources, "aws:grafana/workspace:Workspace").inputs;
    assert.deepEqual(
      [workspace.accountAccessType, workspace.authenticationProviders, workspace.permissionType, workspace.dataSources],
      ["CURRENT_ACCOUNT", ["AWS_SSO"], "CUSTOMER_MANAGED", ["PROMETHEUS", "CLOUDWATCH", "XRAY"]],
    );
    assert.match(outputs.endpoint as string, /^g-[0-9a-f]+\.grafana-workspace\.us-east-1\.amazonaws\.com$/);
  });

  it("lets only this account's Grafana in the region assume the role, which queries exactly the regions' workspaces", () => {
    const trust = JSON.parse(one(resources, "aws:iam/role:Role").inputs.assumeRolePolicy as string);
    assert.deepEqual(trust.Statement[0].Principal, { Service: "grafana.amazonaws.com" });
    assert.deepEqual(trust.Statement[0].Condition.ArnLike, { "aws:SourceArn": "arn:aws:grafana:us-east-1:123456789012:/workspaces/*" });
    const policy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy as string);
    assert.deepEqual(policy.Statement[0].Resource, WORKSPACES);
    assert.ok(!JSON.stringify(policy).includes('"aps:RemoteWrite"'));
  });

  it("refuses to read nothing", () => {
    assert.throws(
      () => new GrafanaWorkspace("g", { region: "us-east-1", namePrefix: "p", authentication: "SAML", workspaceArns: [] }),
      /GrafanaWorkspace g has invalid arguments:\n {2}- workspaceArns is empty/,
    );
  });
});

import * as assert from "node:assert/strict";
import { GRAFANA_VERSION, GrafanaWorkspace } from "../../../components/telemetry/grafana";
import { GRAFANA_TOKEN_SECONDS_TO_LIVE, MIN_SERVICE_ACCOUNT_GRAFANA_MAJOR } from "../../../components/telemetry/lib/limits";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, one } from "../../support/resources";

const WORKSPACES = ["arn:aws:aps:us-east-1:123456789012:workspace/ws-1", "arn:aws:aps:eu-west-1:123456789012:workspace/ws-2"];
const REGIONS = [
  { region: "us-east-1", workspaceArn: WORKSPACES[0], prometheusEndpoint: "https://aps-workspaces.us-east-1.amazonaws.com/workspaces/ws-1/" },
  { region: "eu-west-1", workspaceArn: WORKSPACES[1], prometheusEndpoint: "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-2/" },
];

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
          regions: REGIONS,
          tokenRotation: 3,
          tags: { Region: "us-east-1" },
        });
        return { endpoint: grafana.endpoint };
      },
      { stack: "prod", config: { "aws:region": "us-east-1" } },
    ));
  });

  it("declares the workspace, its customer managed role and the provisioning of 3 data sources per region", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:telemetry:GrafanaWorkspace": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicy:RolePolicy": 1,
      "aws:grafana/workspace:Workspace": 1,
      "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount": 1,
      "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken": 1,
      "pulumi:providers:grafana": 1,
      "grafana:oss/dataSource:DataSource": REGIONS.length * 3,
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

  it("leaves the workspace's endpoint reachable from the deployer: no network access control (the provider calls its HTTP API from there)", () => {
    const workspace = one(resources, "aws:grafana/workspace:Workspace").inputs;
    assert.equal(workspace.networkAccessControl, undefined);
    assert.equal(workspace.vpcConfiguration, undefined);
  });

  it("runs a Grafana version with service accounts", () => {
    assert.ok(Number.parseInt(GRAFANA_VERSION, 10) >= MIN_SERVICE_ACCOUNT_GRAFANA_MAJOR, GRAFANA_VERSION);
    assert.equal(one(resources, "aws:grafana/workspace:Workspace").inputs.grafanaVersion, GRAFANA_VERSION);
  });

  it("provisions with an Admin service account and a 30-day token named by its rotation", () => {
    const workspace = one(resources, "aws:grafana/workspace:Workspace");
    const account = one(resources, "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount").inputs;
    assert.deepEqual(account, { region: "us-east-1", name: "blueprint-prod-provisioning", grafanaRole: "ADMIN", workspaceId: workspace.outputs.id });
    const token = one(resources, "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken");
    assert.deepEqual(token.inputs, {
      region: "us-east-1",
      name: "blueprint-prod-provisioning-3",
      serviceAccountId: one(resources, "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount").outputs.serviceAccountId,
      workspaceId: workspace.outputs.id,
      secondsToLive: 2_592_000,
    });
    assert.equal(GRAFANA_TOKEN_SECONDS_TO_LIVE, 30 * 24 * 3600);
    // the class marks key an additional secret output: the plan never holds it
    assert.equal(token.outputs.key, "[secret]");
    assert.doesNotMatch(JSON.stringify(resources), /glsa_/);
  });

  it("points an explicit Grafana provider at the workspace with the token as a secret, and every data source uses it", () => {
    const provider = one(resources, "pulumi:providers:grafana");
    assert.deepEqual(provider.inputs, { url: `https://${outputs.endpoint as string}`, auth: "[secret]" });
    assert.match(provider.outputs.id as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    const sources = resources.filter((r) => r.type === "grafana:oss/dataSource:DataSource");
    assert.deepEqual(new Set(sources.map((r) => r.provider)), new Set([provider.urn]));
  });

  it("declares per region a SigV4 Prometheus source on its workspace, CloudWatch and X-Ray, on the workspace role, with stable uids", () => {
    const sources = resources
      .filter((r) => r.type === "grafana:oss/dataSource:DataSource")
      .map((r): Record<string, unknown> => ({ ...r.inputs, jsonData: JSON.parse(r.inputs.jsonDataEncoded as string), jsonDataEncoded: undefined }))
      .sort((a, b) => String(a.uid).localeCompare(String(b.uid)));
    const expected = REGIONS.flatMap(({ region, prometheusEndpoint }) => [
      {
        uid: `cloudwatch-${region}`,
        name: `CloudWatch ${region}`,
        type: "cloudwatch",
        jsonData: { authType: "workspace-iam-role", defaultRegion: region },
      },
      {
        uid: `prometheus-${region}`,
        name: `Prometheus ${region}`,
        type: "prometheus",
        url: prometheusEndpoint,
        jsonData: { httpMethod: "POST", sigV4Auth: true, sigV4AuthType: "workspace-iam-role", sigV4Region: region },
      },
      { uid: `xray-${region}`, name: `X-Ray ${region}`, type: "grafana-x-ray-datasource", jsonData: { authType: "workspace-iam-role", defaultRegion: region } },
    ]).map((source) => ({ ...source, accessMode: "proxy", isDefault: false, jsonDataEncoded: undefined }));
    assert.deepEqual(
      sources,
      expected.sort((a, b) => a.uid.localeCompare(b.uid)),
    );
  });

  it("refuses to read nothing", () => {
    assert.throws(
      () => new GrafanaWorkspace("g", { region: "us-east-1", namePrefix: "p", authentication: "SAML", regions: [], tokenRotation: 1 }),
      /GrafanaWorkspace g has invalid arguments:\n {2}- regions is empty/,
    );
  });
});

/**
 * Plan facts of the telemetry component: the Prometheus workspace, its rules and alert manager,
 * the agents' SSM parameters and the composite alarms. Mocks return only what the real resources
 * return (IDs, ARNs, the workspace's endpoint, a parameter's version; the Grafana token's key, which
 * the plan records as secret). The log key's key and alias,
 * the log groups and the metric alarms are shared types.
 */
import { always, type ComponentPlanFacts } from "../lib/plan/facts";
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { textInput, type Builder } from "../lib/plan/mock";
import { arn, hashHex } from "../lib/plan/mockIds";
import { free, HOURS_PER_MONTH, monthly, traffic, type CostRule } from "../lib/plan/cost";

/** A workspace ID: `ws-` and a UUID. */
function workspaceId(urn: string): string {
  const hex = hashHex(32, "amp-workspace", urn);
  return `ws-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const workspace: Builder = (input, region) => {
  const id = workspaceId(input.urn);
  return {
    id,
    outputs: {
      arn: arn("aps", region, `workspace/${id}`),
      prometheusEndpoint: `https://aps-workspaces.${region}.amazonaws.com/workspaces/${id}/`,
    },
  };
};

const ruleGroupNamespace: Builder = (input, region) => {
  const workspace = textInput(input, "workspaceId") ?? "ws-unknown";
  const name = textInput(input, "name") ?? input.name;
  const namespaceArn = arn("aps", region, `rulegroupsnamespace/${workspace}/${name}`);
  return { id: namespaceArn, outputs: { arn: namespaceArn, name } };
};

const compositeAlarm: Builder = (input, region) => {
  const name = textInput(input, "alarmName") ?? input.name;
  return { id: name, outputs: { arn: arn("cloudwatch", region, `alarm:${name}`) } };
};

const canary: Builder = (input, region) => {
  const name = textInput(input, "name") ?? input.name;
  const functionName = `cwsyn-${name}-${hashHex(36, "canary-function", input.urn).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, "$1-$2-$3-$4-$5")}`;
  return {
    id: name,
    outputs: {
      arn: arn("synthetics", region, `canary:${name}`),
      engineArn: arn("lambda", region, `function:${functionName}:1`),
      sourceLocationArn: arn("lambda", region, `layer:cwsyn-${name}:1`),
      status: "RUNNING",
    },
  };
};

const bucketObject: Builder = (input) => {
  const bucket = textInput(input, "bucket") ?? "bucket";
  const key = textInput(input, "key") ?? input.name;
  return {
    id: `${bucket}/${key}`,
    outputs: { arn: `arn:aws:s3:::${bucket}/${key}`, etag: hashHex(32, "etag", input.urn), versionId: hashHex(32, "object-version", input.urn) },
  };
};

/** A small Grafana numeric ID (Grafana numbers its service accounts and tokens). */
const grafanaNumber = (seed: string, urn: string): string => String(2 + (Number.parseInt(hashHex(6, seed, urn), 16) % 997));

// The Terraform provider joins the parts of these IDs with commas (flex.FlattenResourceId)
const serviceAccount: Builder = (input) => {
  const workspaceId = textInput(input, "workspaceId") ?? "g-unknown";
  const serviceAccountId = grafanaNumber("grafana-service-account", input.urn);
  return { id: `${workspaceId},${serviceAccountId}`, outputs: { serviceAccountId } };
};

const serviceAccountToken: Builder = (input) => {
  const workspaceId = textInput(input, "workspaceId") ?? "g-unknown";
  const serviceAccountId = textInput(input, "serviceAccountId") ?? "0";
  const serviceAccountTokenId = grafanaNumber("grafana-token", input.urn);
  return {
    id: `${workspaceId},${serviceAccountId},${serviceAccountTokenId}`,
    // the key is an additional secret output of the class: the plan records it as [secret]; createdAt and expiresAt are left out (known only at creation)
    outputs: { serviceAccountTokenId, key: `glsa_${hashHex(32, "grafana-token-key", input.urn)}` },
  };
};

/** The telemetry component's facts. */
/** Runs a month of a canary scheduled `rate(N minutes|hours)` (0 when the schedule says otherwise). */
export function canaryRunsPerMonth(expression: unknown): number {
  const match = typeof expression === "string" ? /^rate\((\d+) (minute|minutes|hour|hours)\)$/.exec(expression) : null;
  if (!match) return 0;
  const minutes = Number(match[1]) * (match[2].startsWith("hour") ? 60 : 1);
  return minutes > 0 ? Math.round((HOURS_PER_MONTH * 60) / minutes) : 0;
}

/** How telemetry is billed: canary runs, workspace users, composite alarms; ingestion as assumptions. */
const TELEMETRY_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:synthetics/canary:Canary": {
    rule: "canary runs a month from its rate schedule",
    meters: (canary) => {
      const runs = canaryRunsPerMonth((canary.inputs.schedule as { expression?: unknown } | undefined)?.expression);
      return [{ sku: "synthetics:canary-run", what: "canary runs", min: runs, max: runs }];
    },
    traffic: "the canary's Lambda time and its S3 artefacts",
  },
  "aws:grafana/workspace:Workspace": {
    rule: "active users a month: assumed 1 editor at the low end and 5 at the high end (viewers cost less)",
    meters: () => [{ sku: "grafana:editor", what: "active editor users (assumed 1-5)", min: 1, max: 5 }],
  },
  "aws:amp/workspace:Workspace": traffic("metric ingestion ($0.90 per 10 million samples for the first 2 billion), storage ($0.03 per GB-month) and queries"),
  "aws:amp/ruleGroupNamespace:RuleGroupNamespace": traffic("rule evaluation: query samples processed ($0.10 per billion)"),
  "aws:amp/alertManagerDefinition:AlertManagerDefinition": free("configuration; notifications go through SNS"),
  "aws:cloudwatch/compositeAlarm:CompositeAlarm": monthly("cloudwatch:composite-alarm", "composite alarms", "a monthly fee per composite alarm"),
  "aws:cloudwatch/queryDefinition:QueryDefinition": free("a saved query; running it is billed per GB scanned"),
  "aws:s3/bucketObjectv2:BucketObjectv2": traffic("S3 storage of a small object"),
  "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount": free("a workspace identity; the workspace is billed per active user"),
  "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken": free("a token of the workspace's service account"),
  "pulumi:providers:grafana": free("the Grafana provider's configuration, not an AWS resource"),
  "grafana:oss/dataSource:DataSource": free("a data source inside the workspace; queries are billed by the store they read"),
};

export const telemetryPlanFacts: ComponentPlanFacts = {
  component: "telemetry",
  costs: TELEMETRY_COSTS,
  types: [
    {
      type: "aws:amp/workspace:Workspace",
      mock: workspace,
      creation: { seconds: 60, basis: "AMP CreateWorkspace returns CREATING; the provider waits for ACTIVE, typically within a minute" },
      stateful: {
        label: "Prometheus workspace",
        loses: "the region's Prometheus metrics, rules and alert manager",
        // the Terraform provider marks both ForceNew
        replacedBy: always("region", "kmsKeyArn"),
      },
      kind: "metrics",
    },
    {
      type: "aws:amp/ruleGroupNamespace:RuleGroupNamespace",
      mock: ruleGroupNamespace,
      creation: { seconds: 30, basis: "AMP CreateRuleGroupsNamespace returns CREATING; the provider waits for ACTIVE" },
    },
    {
      type: "aws:amp/alertManagerDefinition:AlertManagerDefinition",
      // its ID is the workspace's; it has no other output
      mock: (input) => ({ id: textInput(input, "workspaceId") ?? input.name, outputs: {} }),
      creation: { seconds: 30, basis: "AMP CreateAlertManagerDefinition returns CREATING; the provider waits for ACTIVE" },
    },
    { type: "aws:cloudwatch/compositeAlarm:CompositeAlarm", mock: compositeAlarm, creation: API_ONLY_CREATION },
    {
      type: "aws:synthetics/canary:Canary",
      mock: canary,
      creation: { seconds: 60, basis: "Synthetics creates the canary's Lambda function and layer, then starts it (the provider waits for READY and RUNNING)" },
    },
    { type: "aws:s3/bucketObjectv2:BucketObjectv2", mock: bucketObject, creation: API_ONLY_CREATION },
    {
      type: "aws:cloudwatch/queryDefinition:QueryDefinition",
      // PutQueryDefinition returns only the definition's ID
      mock: (input) => {
        const hex = hashHex(32, "query-definition", input.urn);
        const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
        return { id, outputs: { queryDefinitionId: id } };
      },
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:grafana/workspace:Workspace",
      mock: (input, region) => {
        const id = `g-${hashHex(10, "grafana-workspace", input.urn)}`;
        return {
          id,
          outputs: { arn: arn("grafana", region, `/workspaces/${id}`), endpoint: `${id}.grafana-workspace.${region}.amazonaws.com`, grafanaVersion: "10.4" },
        };
      },
      creation: {
        seconds: 300,
        basis: "Managed Grafana workspaces take several minutes to become ACTIVE (the provider waits for ACTIVE; its create timeout is 30 minutes)",
      },
    },
    { type: "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount", mock: serviceAccount, creation: API_ONLY_CREATION },
    { type: "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken", mock: serviceAccountToken, creation: API_ONLY_CREATION },
    {
      type: "grafana:oss/dataSource:DataSource",
      // the Grafana provider's ID is `<orgId>:<uid>` (the workspace has the one organization 1)
      mock: (input) => ({ id: `1:${textInput(input, "uid") ?? input.name}`, outputs: {} }),
      creation: { seconds: 2, basis: "One call to the workspace's Grafana HTTP API (POST /api/datasources), from the deployer's machine" },
    },
  ],
};

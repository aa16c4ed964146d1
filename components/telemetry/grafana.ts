/**
 * One Amazon Managed Grafana workspace for the stack, in the primary region: sign-in through IAM
 * Identity Center or SAML (blueprint:telemetry.grafanaAuthentication), a customer managed role
 * that reads every region's Prometheus workspace, CloudWatch and X-Ray, and those data sources
 * enabled; the stack provisions every region's Prometheus, CloudWatch and X-Ray data sources in it
 * (./grafanaProvisioning.ts). Users and the SAML identity provider are assigned after creation
 * (see docs/telemetry.md).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";
import { grafanaStatements } from "./lib/grafanaPolicy";
import type { DataSourceRegion } from "./lib/grafanaDataSources";
import { MIN_SERVICE_ACCOUNT_GRAFANA_MAJOR, type GrafanaAuthentication } from "./lib/limits";
import { provisionGrafanaDataSources } from "./grafanaProvisioning";

/** The Grafana version the workspace runs (CreateWorkspace grafanaVersion); service accounts need 9 or later. */
export const GRAFANA_VERSION = "10.4";

/** Arguments of a GrafanaWorkspace. */
export interface GrafanaWorkspaceArgs {
  /** The primary region: the workspace lives there and reads every region. */
  readonly region: string;
  readonly namePrefix: string;
  readonly authentication: GrafanaAuthentication;
  /** Every region with its Prometheus workspace (ARN and endpoint). */
  readonly regions: readonly (DataSourceRegion<pulumi.Input<string>> & { readonly workspaceArn: pulumi.Input<string> })[];
  /** blueprint:telemetry.grafanaTokenRotation. */
  readonly tokenRotation: number;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The stack's Grafana workspace and its role. */
export class GrafanaWorkspace extends pulumi.ComponentResource {
  public readonly endpoint: pulumi.Output<string>;
  public readonly workspaceId: pulumi.Output<string>;

  constructor(name: string, args: GrafanaWorkspaceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:telemetry:GrafanaWorkspace", name, {}, opts);
    const problems = [
      ...(args.regions.length === 0 ? ["regions is empty; Grafana needs a Prometheus workspace to read"] : []),
      ...(Number.parseInt(GRAFANA_VERSION, 10) < MIN_SERVICE_ACCOUNT_GRAFANA_MAJOR
        ? [`grafanaVersion ${GRAFANA_VERSION} has no service accounts (${MIN_SERVICE_ACCOUNT_GRAFANA_MAJOR} or later); the data sources cannot be provisioned`]
        : []),
    ];
    if (problems.length > 0) throw new Error(`GrafanaWorkspace ${name} has invalid arguments:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    const { region } = args;
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const { Region: _region, ...globalTags } = args.tags ?? {};
    const role = new aws.iam.Role(
      `${name}-grafana`,
      {
        description: `Amazon Managed Grafana of ${args.namePrefix}: reads the regions' Prometheus workspaces, CloudWatch and X-Ray`,
        // confused-deputy guard: only Grafana workspaces of this account in the primary region
        assumeRolePolicy: pulumi
          .all([identity.accountId, partition.partition])
          .apply(([accountId, partitionName]) =>
            serviceTrustPolicy("grafana.amazonaws.com", { accountId, sourceArn: `arn:${partitionName}:grafana:${region}:${accountId}:/workspaces/*` }),
          ),
        tags: globalTags,
      },
      opt,
    );
    new aws.iam.RolePolicy(
      `${name}-grafana`,
      { role: role.id, policy: pulumi.all(args.regions.map((r) => r.workspaceArn)).apply((arns) => policyDocument(grafanaStatements(arns))) },
      opt,
    );
    const workspace = new aws.grafana.Workspace(
      `${name}-grafana`,
      {
        region,
        name: `${args.namePrefix}-grafana`,
        description: `Dashboards of ${args.namePrefix} across its regions`,
        accountAccessType: "CURRENT_ACCOUNT",
        authenticationProviders: [args.authentication],
        permissionType: "CUSTOMER_MANAGED",
        roleArn: role.arn,
        dataSources: ["PROMETHEUS", "CLOUDWATCH", "XRAY"],
        notificationDestinations: ["SNS"],
        grafanaVersion: GRAFANA_VERSION,
        tags: { ...(args.tags ?? {}) },
      },
      opt,
    );
    provisionGrafanaDataSources(
      name,
      {
        region,
        namePrefix: args.namePrefix,
        workspaceId: workspace.id,
        endpoint: workspace.endpoint,
        tokenRotation: args.tokenRotation,
        regions: args.regions,
      },
      this,
    );
    this.endpoint = workspace.endpoint;
    this.workspaceId = workspace.id;
    this.registerOutputs({ endpoint: this.endpoint, workspaceId: this.workspaceId });
  }
}

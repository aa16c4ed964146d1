/**
 * One Amazon Managed Grafana workspace for the stack, in the primary region: sign-in through IAM
 * Identity Center or SAML (blueprint:telemetry.grafanaAuthentication), a customer managed role
 * that reads every region's Prometheus workspace, CloudWatch and X-Ray, and those data sources
 * enabled. Users and the SAML identity provider are assigned after creation (see docs/telemetry.md).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";
import { grafanaStatements } from "./lib/grafanaPolicy";
import type { GrafanaAuthentication } from "./lib/limits";

/** The Grafana version the workspace runs (CreateWorkspace grafanaVersion). */
export const GRAFANA_VERSION = "10.4";

/** Arguments of a GrafanaWorkspace. */
export interface GrafanaWorkspaceArgs {
  /** The primary region: the workspace lives there and reads every region. */
  readonly region: string;
  readonly namePrefix: string;
  readonly authentication: GrafanaAuthentication;
  /** Every region's Prometheus workspace ARN. */
  readonly workspaceArns: readonly pulumi.Input<string>[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The stack's Grafana workspace and its role. */
export class GrafanaWorkspace extends pulumi.ComponentResource {
  public readonly endpoint: pulumi.Output<string>;
  public readonly workspaceId: pulumi.Output<string>;

  constructor(name: string, args: GrafanaWorkspaceArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:telemetry:GrafanaWorkspace", name, {}, opts);
    if (args.workspaceArns.length === 0)
      throw new Error(`GrafanaWorkspace ${name} has invalid arguments:\n  - workspaceArns is empty; Grafana needs a Prometheus workspace to read`);
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
      { role: role.id, policy: pulumi.all([...args.workspaceArns]).apply((arns) => policyDocument(grafanaStatements(arns))) },
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
    this.endpoint = workspace.endpoint;
    this.workspaceId = workspace.id;
    this.registerOutputs({ endpoint: this.endpoint, workspaceId: this.workspaceId });
  }
}

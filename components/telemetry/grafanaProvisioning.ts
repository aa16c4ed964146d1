/**
 * Provisions the Grafana workspace's data sources through the Grafana HTTP API: a workspace
 * service account with the Admin role (in Grafana only an organization Admin may create data
 * sources), a token for it, an explicit Grafana provider on the workspace's URL with that token,
 * and one data source per region and kind (components/telemetry/lib/grafanaDataSources.ts).
 *
 * The token is a secret end to end: the AWS provider marks its `key` output secret and the Grafana
 * provider its `auth` input, so it is encrypted in the state and `[secret]` in the offline plan.
 * It lives 30 days (the API's maximum). Raising blueprint:telemetry.grafanaTokenRotation renames
 * it, which replaces it (a token cannot be updated): the new one is created, the provider is
 * updated with it, the old one deleted. An expired token breaks only the next change to the data
 * sources (Grafana answers 401); the data sources query with the workspace's IAM role, not the
 * token, so the dashboards keep working.
 *
 * The deployer's machine calls the workspace's endpoint: the workspace has no network access
 * control, so the endpoint is reachable from anywhere over TLS (see docs/telemetry.md).
 *
 * @see https://docs.aws.amazon.com/grafana/latest/userguide/service-accounts.html
 * @see https://grafana.com/docs/grafana/latest/administration/roles-and-permissions/#organization-roles
 */
import * as aws from "@pulumi/aws";
import * as grafana from "@pulumiverse/grafana";
import * as pulumi from "@pulumi/pulumi";
import { grafanaDataSourceSpecs, type DataSourceRegion } from "./lib/grafanaDataSources";
import { GRAFANA_TOKEN_SECONDS_TO_LIVE } from "./lib/limits";

/** The role data source creation needs. */
export const PROVISIONING_ROLE = "ADMIN";

/** What provisioning needs. */
export interface GrafanaProvisioningArgs {
  /** The workspace's region. */
  readonly region: string;
  readonly namePrefix: string;
  readonly workspaceId: pulumi.Input<string>;
  /** The workspace's endpoint (a host name, without scheme). */
  readonly endpoint: pulumi.Input<string>;
  /** blueprint:telemetry.grafanaTokenRotation: part of the token's name. */
  readonly tokenRotation: number;
  /** Every region with its Prometheus workspace endpoint. */
  readonly regions: readonly DataSourceRegion<pulumi.Input<string>>[];
}

/** Declares the service account, its token, the Grafana provider and the data sources under `parent`. */
export function provisionGrafanaDataSources(name: string, args: GrafanaProvisioningArgs, parent: pulumi.Resource): grafana.oss.DataSource[] {
  const opt = { parent };
  const account = new aws.grafana.WorkspaceServiceAccount(
    `${name}-provisioning`,
    { region: args.region, name: `${args.namePrefix}-provisioning`, grafanaRole: PROVISIONING_ROLE, workspaceId: args.workspaceId },
    opt,
  );
  const token = new aws.grafana.WorkspaceServiceAccountToken(
    `${name}-provisioning`,
    {
      region: args.region,
      name: `${args.namePrefix}-provisioning-${args.tokenRotation}`,
      serviceAccountId: account.serviceAccountId,
      workspaceId: args.workspaceId,
      secondsToLive: GRAFANA_TOKEN_SECONDS_TO_LIVE,
    },
    opt,
  );
  const provider = new grafana.Provider(`${name}-grafana`, { url: pulumi.interpolate`https://${args.endpoint}`, auth: pulumi.secret(token.key) }, opt);
  return grafanaDataSourceSpecs(args.regions).map(
    (spec) =>
      new grafana.oss.DataSource(
        `${name}-${spec.uid}`,
        {
          uid: spec.uid,
          name: spec.name,
          type: spec.type,
          ...(spec.url !== undefined ? { url: spec.url } : {}),
          accessMode: "proxy",
          isDefault: false,
          jsonDataEncoded: JSON.stringify(spec.jsonData),
        },
        { parent, provider },
      ),
  );
}

/**
 * The Grafana data sources the stack provisions in its workspace: per region a Prometheus data
 * source on the region's Amazon Managed Service for Prometheus workspace, a CloudWatch one and an
 * X-Ray one, each signed with the workspace's IAM role and with a stable uid that dashboards and
 * docs reference.
 *
 * `workspace-iam-role` is Amazon Managed Grafana's name for "the workspace's own IAM role" (the
 * role passed as the workspace's roleArn); self-managed Grafana has no such provider.
 *
 * @see https://docs.aws.amazon.com/grafana/latest/userguide/AMP-adding-AWS-config.html
 * @see https://github.com/aws-observability/terraform-aws-observability-accelerator (sigV4AuthType workspace-iam-role)
 */

/** The data source kinds, one of each per region. */
export const GRAFANA_DATA_SOURCE_KINDS = ["prometheus", "cloudwatch", "xray"] as const;

/** A data source kind. */
export type GrafanaDataSourceKind = (typeof GRAFANA_DATA_SOURCE_KINDS)[number];

/** Amazon Managed Grafana's authentication provider for the workspace's IAM role. */
export const WORKSPACE_IAM_ROLE_AUTH = "workspace-iam-role";

/** Grafana's plugin id of each kind (X-Ray ships with Amazon Managed Grafana as a core plugin). */
const PLUGIN_TYPES: Readonly<Record<GrafanaDataSourceKind, string>> = {
  prometheus: "prometheus",
  cloudwatch: "cloudwatch",
  xray: "grafana-x-ray-datasource",
};

/** Grafana uids: at most 40 letters, digits, hyphens and underscores. */
export const GRAFANA_UID = /^[a-zA-Z0-9_-]{1,40}$/;

/** One region's inputs. */
export interface DataSourceRegion<T = string> {
  readonly region: string;
  /** The region's Prometheus workspace endpoint (ends with `/`). */
  readonly prometheusEndpoint: T;
}

/** What one data source is. */
export interface DataSourceSpec<T = string> {
  readonly kind: GrafanaDataSourceKind;
  readonly region: string;
  /** Stable: `<kind>-<region>`, what dashboards and queries name. */
  readonly uid: string;
  readonly name: string;
  /** Grafana's plugin id. */
  readonly type: string;
  /** The Prometheus workspace endpoint; none for CloudWatch and X-Ray (the plugins call the regional APIs). */
  readonly url?: T;
  readonly jsonData: Readonly<Record<string, string | boolean>>;
}

/** The uid of a region's data source of one kind. */
export const dataSourceUid = (kind: GrafanaDataSourceKind, region: string): string => `${kind}-${region}`;

/** Every data source: regions × kinds, in region order. */
export function grafanaDataSourceSpecs<T>(regions: readonly DataSourceRegion<T>[]): DataSourceSpec<T>[] {
  return regions.flatMap(({ region, prometheusEndpoint }) =>
    GRAFANA_DATA_SOURCE_KINDS.map((kind): DataSourceSpec<T> => {
      const uid = dataSourceUid(kind, region);
      if (!GRAFANA_UID.test(uid)) throw new Error(`Grafana data source uid ${uid} is not 1-40 letters, digits, hyphens or underscores`);
      const common = { kind, region, uid, type: PLUGIN_TYPES[kind] };
      switch (kind) {
        case "prometheus":
          return {
            ...common,
            name: `Prometheus ${region}`,
            url: prometheusEndpoint,
            // POST: long PromQL (the per-class rules) stays out of the URL
            jsonData: { httpMethod: "POST", sigV4Auth: true, sigV4AuthType: WORKSPACE_IAM_ROLE_AUTH, sigV4Region: region },
          };
        case "cloudwatch":
          return { ...common, name: `CloudWatch ${region}`, jsonData: { authType: WORKSPACE_IAM_ROLE_AUTH, defaultRegion: region } };
        case "xray":
          return { ...common, name: `X-Ray ${region}`, jsonData: { authType: WORKSPACE_IAM_ROLE_AUTH, defaultRegion: region } };
      }
    }),
  );
}

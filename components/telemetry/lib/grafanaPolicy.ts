/**
 * The Grafana workspace's role: assumed only by Amazon Managed Grafana for this account's
 * workspaces in the primary region, reading every region's Prometheus workspace (query, series,
 * labels, metadata), CloudWatch metrics and X-Ray traces, and nothing else.
 *
 * @see https://docs.aws.amazon.com/grafana/latest/userguide/AMG-manage-permissions.html
 * @see https://docs.aws.amazon.com/prometheus/latest/userguide/security-iam-awsmanpol.html
 */
import type { IamStatement } from "../../lib/iam";

/** Grafana's read access to the workspaces, metrics and traces. */
export function grafanaStatements(workspaceArns: readonly string[]): IamStatement[] {
  return [
    {
      Sid: "QueryPrometheusWorkspaces",
      Effect: "Allow",
      Action: ["aps:QueryMetrics", "aps:GetSeries", "aps:GetLabels", "aps:GetMetricMetadata", "aps:DescribeWorkspace"],
      Resource: [...workspaceArns],
    },
    { Sid: "ListPrometheusWorkspaces", Effect: "Allow", Action: ["aps:ListWorkspaces"], Resource: ["*"] },
    { Sid: "ReadCloudWatchMetrics", Effect: "Allow", Action: ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics"], Resource: ["*"] },
    { Sid: "ReadXRayTraces", Effect: "Allow", Action: ["xray:GetTraceSummaries", "xray:BatchGetTraces", "xray:GetServiceGraph"], Resource: ["*"] },
  ];
}

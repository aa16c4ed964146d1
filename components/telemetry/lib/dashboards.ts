/**
 * The telemetry dashboards' bodies, as data: per region rows for the SLO burn alarms, the database,
 * the cache, the queues and the agents' metrics; one global dashboard with CloudFront, WAF,
 * Route 53 and every region's load balancer side by side. Checked against PutDashboard's limits
 * (1 MB body, 500 widgets), which AWS otherwise reports only at deploy time.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
import { AGENT_METRICS_NAMESPACE } from "./agentConfig";
import { MAX_DASHBOARD_BODY_BYTES, MAX_DASHBOARD_WIDGETS } from "./limits";

/** A dashboard widget (x, y, width and height in the grid of 24 columns). */
interface Widget {
  readonly type: "metric" | "text" | "alarm";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: Record<string, unknown>;
}

type Metric = readonly unknown[];

/** Lays out rows: a title line, then the row's widgets 8 columns wide. */
class Layout {
  readonly widgets: Widget[] = [];
  private y = 0;
  row(title: string, widgets: readonly Omit<Widget, "x" | "y" | "width" | "height">[]): void {
    this.widgets.push({ type: "text", x: 0, y: this.y, width: 24, height: 1, properties: { markdown: `## ${title}` } });
    this.y += 1;
    widgets.forEach((widget, i) => {
      this.widgets.push({ ...widget, x: (i % 3) * 8, y: this.y + Math.floor(i / 3) * 6, width: 8, height: 6 });
    });
    this.y += Math.ceil(widgets.length / 3) * 6;
  }
}

const graph = (title: string, region: string, metrics: readonly Metric[], stat = "Sum", period = 300) => ({
  type: "metric" as const,
  properties: { title, region, view: "timeSeries", stacked: false, stat, period, metrics },
});

/** Checks the limits of a body; throws with the dashboard's name and the figure. */
export function checkedBody(name: string, widgets: readonly Widget[]): string {
  const body = JSON.stringify({ widgets });
  if (widgets.length > MAX_DASHBOARD_WIDGETS) throw new Error(`dashboard ${name} has ${widgets.length} widgets; CloudWatch allows ${MAX_DASHBOARD_WIDGETS}`);
  const bytes = Buffer.byteLength(body, "utf8");
  if (bytes > MAX_DASHBOARD_BODY_BYTES) throw new Error(`dashboard ${name} body is ${bytes} bytes; CloudWatch allows ${MAX_DASHBOARD_BODY_BYTES}`);
  return body;
}

/** What a region's telemetry dashboard shows. */
export interface RegionDashboardInput {
  readonly name: string;
  readonly region: string;
  readonly burnAlarmArns: readonly string[];
  readonly regionUnhealthyAlarmArn: string;
  readonly database?: { readonly dimension: "DBClusterIdentifier" | "DBInstanceIdentifier"; readonly identifier: string };
  readonly cacheReplicationGroupId?: string;
  readonly queues: readonly { readonly name: string; readonly queueName: string }[];
  readonly autoScalingGroups: { readonly web: string; readonly worker: string };
}

/** A region's telemetry dashboard body. */
export function regionDashboardBody(input: RegionDashboardInput): string {
  const { region } = input;
  const layout = new Layout();
  layout.row(`SLO burn (${region})`, [
    { type: "alarm", properties: { title: "Region unhealthy and SLO burn alarms", alarms: [input.regionUnhealthyAlarmArn, ...input.burnAlarmArns] } },
  ]);
  if (input.database) {
    const { dimension, identifier } = input.database;
    const db = (metric: string) => ["AWS/RDS", metric, dimension, identifier];
    layout.row("Database", [
      graph("CPU (%)", region, [db("CPUUtilization")], "Average"),
      graph("Connections", region, [db("DatabaseConnections")], "Maximum"),
      graph("Freeable memory (bytes)", region, [db("FreeableMemory")], "Minimum"),
    ]);
  }
  if (input.cacheReplicationGroupId !== undefined) {
    const search = (metric: string, stat: string) => [
      {
        expression: `SEARCH('{AWS/ElastiCache,CacheClusterId} MetricName="${metric}" ${input.cacheReplicationGroupId}', '${stat}', 300)`,
        id: metric.toLowerCase(),
      },
    ];
    layout.row("Cache", [
      graph("Engine CPU (%)", region, [search("EngineCPUUtilization", "Average")], "Average"),
      graph("Memory used (%)", region, [search("DatabaseMemoryUsagePercentage", "Average")], "Average"),
      graph("Connections", region, [search("CurrConnections", "Maximum")], "Maximum"),
    ]);
  }
  layout.row(
    "Queues",
    input.queues.flatMap((queue) => [
      graph(`${queue.name}: visible messages`, region, [["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", queue.queueName]], "Maximum"),
      graph(`${queue.name}: oldest message (s)`, region, [["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", queue.queueName]], "Maximum"),
    ]),
  );
  const agent = (metric: string) =>
    (["web", "worker"] as const).map((tier) => [AGENT_METRICS_NAMESPACE, metric, "AutoScalingGroupName", input.autoScalingGroups[tier], { label: tier }]);
  layout.row("Agents", [
    graph("Memory used (%)", region, agent("mem_used_percent"), "Maximum", 60),
    graph("Root disk used (%)", region, agent("disk_used_percent"), "Maximum", 60),
    graph("Application CPU (%)", region, agent("procstat_cpu_usage"), "Average", 60),
  ]);
  return checkedBody(input.name, layout.widgets);
}

/** What the global dashboard shows. */
export interface GlobalDashboardInput {
  readonly name: string;
  readonly distributionId: string;
  /** The web ACL's name, when the WAF is on. @default none */
  readonly webAclName?: string;
  /** Route 53 health checks by region. @default none */
  readonly healthCheckIds: Readonly<Record<string, string>>;
  /** Every region's load balancer (`app/<name>/<id>`), in stack-file order. */
  readonly regions: readonly { readonly region: string; readonly loadBalancerArnSuffix: string }[];
}

/** The global dashboard body: the edge, then the regions side by side. */
export function globalDashboardBody(input: GlobalDashboardInput): string {
  const edge = "us-east-1";
  const layout = new Layout();
  const cf = (metric: string) => ["AWS/CloudFront", metric, "DistributionId", input.distributionId, "Region", "Global"];
  layout.row("CloudFront", [
    graph("Requests", edge, [cf("Requests")]),
    graph("Error rates (%)", edge, [cf("4xxErrorRate"), cf("5xxErrorRate")], "Average"),
    graph("Bytes downloaded", edge, [cf("BytesDownloaded")]),
  ]);
  if (input.webAclName !== undefined) {
    const waf = (metric: string) => ["AWS/WAFV2", metric, "WebACL", input.webAclName, "Rule", "ALL"];
    layout.row("WAF", [graph("Allowed and blocked requests", edge, [waf("AllowedRequests"), waf("BlockedRequests")])]);
  }
  const checks = Object.entries(input.healthCheckIds);
  if (checks.length > 0) {
    layout.row("Route 53", [
      graph(
        "Health check status (1 healthy)",
        edge,
        checks.map(([region, id]) => ["AWS/Route53", "HealthCheckStatus", "HealthCheckId", id, { label: region }]),
        "Minimum",
        60,
      ),
    ]);
  }
  const alb = (metric: string, stat?: string) =>
    input.regions.map(({ region, loadBalancerArnSuffix }) => [
      "AWS/ApplicationELB",
      metric,
      "LoadBalancer",
      loadBalancerArnSuffix,
      { region, label: region, ...(stat !== undefined ? { stat } : {}) },
    ]);
  layout.row("Regions side by side", [
    graph("Requests", edge, alb("RequestCount")),
    graph("Target 5xx", edge, alb("HTTPCode_Target_5XX_Count")),
    graph("Target response time p99 (s)", edge, alb("TargetResponseTime", "p99"), "p99"),
  ]);
  return checkedBody(input.name, layout.widgets);
}

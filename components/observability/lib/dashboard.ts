/**
 * The body of a region's CloudWatch dashboard, and the rules a dashboard body must satisfy.
 *
 * Three rows of graphs: the load balancer (requests, 5xx, latency), the compute tiers (in-service
 * instances, CPU, target health), and the queues (depth, oldest message, dead-letter depth).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */
import { isRecord } from "../../lib/guards";
import type { AlarmThresholds } from "./alarms";

/** Resolved names and IDs the dashboard graphs. */
export interface DashboardInput {
  readonly region: string;
  readonly thresholds: AlarmThresholds;
  /** `app/<name>/<id>`. */
  readonly loadBalancerArnSuffix: string;
  /** `targetgroup/<name>/<id>`. */
  readonly targetGroupArnSuffix: string;
  /** Auto Scaling group names. */
  readonly autoScalingGroups: { readonly web: string; readonly worker: string };
  readonly queues: readonly { readonly name: string; readonly queueName: string; readonly deadLetterQueueName: string }[];
}

/** Width of the dashboard grid. */
export const DASHBOARD_GRID_WIDTH = 24;
/** Most widgets on one dashboard. */
export const MAX_DASHBOARD_WIDGETS = 500;
/** Most metrics (and expressions) on one graph. */
export const MAX_WIDGET_METRICS = 500;
/** Tallest widget, in grid rows. */
export const MAX_WIDGET_HEIGHT = 1000;

const WIDGET_WIDTH = 8;
const WIDGET_HEIGHT = 6;
const ELB = "AWS/ApplicationELB";
const SQS = "AWS/SQS";

/** One line of a metric widget: namespace, metric, dimension name/value pairs, then options. */
type MetricLine = Array<string | Record<string, unknown>>;

interface Graph {
  readonly title: string;
  readonly metrics: MetricLine[];
  readonly stat: string;
  readonly period: number;
  readonly threshold?: { readonly label: string; readonly value: number };
}

/** The dashboard body as an object (see `dashboardBody` for the JSON text). */
export function dashboardDocument(input: DashboardInput): { widgets: Array<Record<string, unknown>> } {
  const lb = input.loadBalancerArnSuffix;
  const tg = input.targetGroupArnSuffix;
  // one line per tier, labelled with the tier: the compute row graphs web and worker side by side
  const perTier = (namespace: string, metricName: string): MetricLine[] =>
    (["web", "worker"] as const).map((tier) => [namespace, metricName, "AutoScalingGroupName", input.autoScalingGroups[tier], { label: tier }]);
  const rows: Graph[][] = [
    [
      { title: "ALB requests", stat: "Sum", period: 60, metrics: [[ELB, "RequestCount", "LoadBalancer", lb, { label: "Requests" }]] },
      {
        title: "ALB 5xx responses",
        stat: "Sum",
        period: 60,
        metrics: [
          [ELB, "HTTPCode_ELB_5XX_Count", "LoadBalancer", lb, { label: "From the load balancer" }],
          [ELB, "HTTPCode_Target_5XX_Count", "LoadBalancer", lb, { label: "From the targets" }],
        ],
      },
      {
        title: "Target response time (s)",
        stat: "p99",
        period: 60,
        metrics: [
          [ELB, "TargetResponseTime", "TargetGroup", tg, "LoadBalancer", lb, { stat: "p50", label: "p50" }],
          [ELB, "TargetResponseTime", "TargetGroup", tg, "LoadBalancer", lb, { stat: "p99", label: "p99" }],
        ],
        threshold: { label: "p99 alarm", value: input.thresholds.targetResponseP99Seconds },
      },
    ],
    [
      {
        // needs group metrics collection (GroupInServiceInstances) enabled on the Auto Scaling groups
        title: "In-service instances",
        stat: "Maximum",
        period: 60,
        metrics: perTier("AWS/AutoScaling", "GroupInServiceInstances"),
      },
      { title: "CPU utilisation (%)", stat: "Average", period: 300, metrics: perTier("AWS/EC2", "CPUUtilization") },
      {
        title: "Web targets",
        stat: "Maximum",
        period: 60,
        metrics: [
          [ELB, "HealthyHostCount", "TargetGroup", tg, "LoadBalancer", lb, { label: "Healthy" }],
          [ELB, "UnHealthyHostCount", "TargetGroup", tg, "LoadBalancer", lb, { label: "Unhealthy" }],
        ],
      },
    ],
  ];
  if (input.queues.length > 0) {
    const perQueue = (metricName: string, queueName: (q: DashboardInput["queues"][number]) => string): MetricLine[] =>
      input.queues.map((q) => [SQS, metricName, "QueueName", queueName(q), { label: q.name }]);
    rows.push([
      { title: "Queue depth (visible messages)", stat: "Maximum", period: 300, metrics: perQueue("ApproximateNumberOfMessagesVisible", (q) => q.queueName) },
      {
        title: "Oldest message age (s)",
        stat: "Maximum",
        period: 300,
        metrics: perQueue("ApproximateAgeOfOldestMessage", (q) => q.queueName),
        threshold: { label: "Age alarm", value: input.thresholds.queueOldestMessageAgeSeconds },
      },
      {
        title: "Dead-letter queue depth",
        stat: "Maximum",
        period: 300,
        metrics: perQueue("ApproximateNumberOfMessagesVisible", (q) => q.deadLetterQueueName),
      },
    ]);
  }

  const widgets = rows.flatMap((row, rowIndex) =>
    row.map((graph, column) => ({
      type: "metric",
      x: column * WIDGET_WIDTH,
      y: rowIndex * WIDGET_HEIGHT,
      width: WIDGET_WIDTH,
      height: WIDGET_HEIGHT,
      properties: {
        title: graph.title,
        view: "timeSeries",
        stacked: false,
        // a widget without region shows the console's current region, not this one
        region: input.region,
        stat: graph.stat,
        period: graph.period,
        metrics: graph.metrics,
        yAxis: { left: { min: 0 } },
        ...(graph.threshold ? { annotations: { horizontal: [graph.threshold] } } : {}),
      },
    })),
  );
  return { widgets };
}

/** The dashboard body as CloudWatch takes it (JSON). */
export function dashboardBody(input: DashboardInput): string {
  return JSON.stringify(dashboardDocument(input));
}

function metricLineProblems(where: string, line: unknown): string[] {
  if (!Array.isArray(line)) return [`${where} must be an array`];
  const parts = isRecord(line[line.length - 1]) ? line.slice(0, -1) : line;
  const options = isRecord(line[line.length - 1]) ? (line[line.length - 1] as Record<string, unknown>) : {};
  if (typeof options.expression === "string") {
    const id = options.id;
    return parts.length === 0 && typeof id === "string" && /^[a-z][a-zA-Z0-9_]*$/.test(id)
      ? []
      : [`${where} is an expression and needs an id that starts with a lowercase letter`];
  }
  if (parts.length < 2 || parts.length % 2 !== 0 || parts.some((p) => typeof p !== "string" || p.length === 0)) {
    return [`${where} must be [namespace, metricName, dimension, value, ...] with non-empty strings, got ${JSON.stringify(line)}`];
  }
  return [];
}

/**
 * Every reason CloudWatch would reject or misdraw the dashboard body: not JSON, no `widgets`
 * array, more than 500 widgets, a widget off the 24-column grid or of impossible size, a metric
 * graph without a region or with no (or too many) metrics, or a malformed metric line.
 */
export function dashboardBodyProblems(body: string): string[] {
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    return [`dashboard body is not JSON: ${(error as Error).message}`];
  }
  if (!isRecord(document) || !Array.isArray(document.widgets)) return ["dashboard body must be an object with a widgets array"];
  const widgets = document.widgets as unknown[];
  const problems: string[] = [];
  if (widgets.length > MAX_DASHBOARD_WIDGETS) {
    problems.push(`dashboard has ${widgets.length} widgets; CloudWatch allows at most ${MAX_DASHBOARD_WIDGETS}`);
  }
  widgets.forEach((widget, index) => {
    const where = `widget ${index}`;
    if (!isRecord(widget)) {
      problems.push(`${where} must be an object`);
      return;
    }
    const { x, y, width, height } = widget as Record<string, number>;
    if (!Number.isInteger(width) || width < 1 || width > DASHBOARD_GRID_WIDTH) {
      problems.push(`${where} width must be 1 to ${DASHBOARD_GRID_WIDTH}, got ${width}`);
    }
    if (!Number.isInteger(height) || height < 1 || height > MAX_WIDGET_HEIGHT) {
      problems.push(`${where} height must be 1 to ${MAX_WIDGET_HEIGHT}, got ${height}`);
    }
    if (!Number.isInteger(x) || x < 0 || x + (Number.isInteger(width) ? width : 0) > DASHBOARD_GRID_WIDTH) {
      problems.push(`${where} must lie within the ${DASHBOARD_GRID_WIDTH}-column grid, got x ${x} and width ${width}`);
    }
    if (!Number.isInteger(y) || y < 0) problems.push(`${where} y must be a non-negative integer, got ${y}`);
    if (widget.type !== "metric") return;
    const properties = isRecord(widget.properties) ? widget.properties : {};
    if (typeof properties.region !== "string" || properties.region === "") problems.push(`${where} needs a region`);
    const metrics = properties.metrics;
    if (!Array.isArray(metrics) || metrics.length === 0 || metrics.length > MAX_WIDGET_METRICS) {
      problems.push(`${where} must graph 1 to ${MAX_WIDGET_METRICS} metrics, got ${Array.isArray(metrics) ? metrics.length : "none"}`);
      return;
    }
    metrics.forEach((line, lineIndex) => problems.push(...metricLineProblems(`${where} metric ${lineIndex}`, line)));
  });
  return problems;
}

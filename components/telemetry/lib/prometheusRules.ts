/**
 * The region's Prometheus rules and alert manager, as the YAML documents Amazon Managed Service
 * for Prometheus takes: recording rules of the SLIs over the burn windows (from the OpenTelemetry
 * HTTP server histogram the application exports, `http_server_request_duration_seconds`), the
 * same multi-window burn-rate alerts as the CloudWatch alarms, and an alert manager that sends
 * every alert to the region's alarm topic (SigV4-signed SNS).
 *
 * @see https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-Ruler.html
 * @see https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-config.html
 * @see https://opentelemetry.io/docs/specs/semconv/http/http-metrics/
 */
import { stringify } from "yaml";
import type { Route } from "../../cdn/lib/routes/model";
import { classSloRules, type ClassObjectives, type MeasuredClass } from "./classSlo";
import { BURN_CONDITIONS, type SloObjectives } from "./slo";

/** The histogram bucket bounds the OpenTelemetry semantic conventions advise for HTTP durations (seconds). */
export const OTEL_HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] as const;

/** The rule group namespace's name. */
export const SLO_RULES_NAMESPACE = "blueprint-slo";

const windowLabel = (seconds: number) => (seconds >= 3600 ? `${seconds / 3600}h` : `${seconds / 60}m`);
const HISTOGRAM = "http_server_request_duration_seconds";

/** The windows the recording rules cover: every window of the burn conditions. */
export function sloWindows(): string[] {
  return [...new Set(BURN_CONDITIONS.flatMap((condition) => [condition.shortSeconds, condition.longSeconds]))].sort((a, b) => a - b).map(windowLabel);
}

/**
 * The rules file (`groups:`) of the region's namespace: the region's SLIs over every route, and
 * each route class's (`route_class` label) from the routes' path patterns.
 */
export function sloRules(
  objectives: SloObjectives & { readonly classObjectives: Readonly<Record<MeasuredClass, ClassObjectives>> },
  routes: readonly Route[] = [],
): string {
  const recording = sloWindows().flatMap((window) => [
    {
      record: `blueprint:availability_errors:ratio_rate${window}`,
      expr: `sum(rate(${HISTOGRAM}_count{http_response_status_code=~"5.."}[${window}])) / sum(rate(${HISTOGRAM}_count[${window}]))`,
    },
    {
      record: `blueprint:latency_slow:ratio_rate${window}`,
      expr: `1 - sum(rate(${HISTOGRAM}_bucket{le="${objectives.latencyThresholdSeconds}"}[${window}])) / sum(rate(${HISTOGRAM}_count[${window}]))`,
    },
  ]);
  const budget = { availability: (100 - objectives.availabilityObjectivePercent) / 100, latency: (100 - objectives.latencyObjectivePercent) / 100 };
  const alerts = (["availability", "latency"] as const).flatMap((sli) =>
    BURN_CONDITIONS.map((condition) => {
      const series = sli === "availability" ? "availability_errors" : "latency_slow";
      const limit = Number((condition.factor * budget[sli]).toFixed(8));
      return {
        alert: `Blueprint${sli === "availability" ? "Availability" : "Latency"}${condition.key === "fast" ? "Fast" : "Slow"}Burn`,
        expr: `blueprint:${series}:ratio_rate${windowLabel(condition.longSeconds)} > ${limit} and blueprint:${series}:ratio_rate${windowLabel(condition.shortSeconds)} > ${limit}`,
        labels: { severity: "page", sli },
        annotations: {
          summary: `The ${sli} SLO burns its 30-day error budget faster than ${condition.factor}x over ${windowLabel(condition.longSeconds)} and ${windowLabel(condition.shortSeconds)}.`,
        },
      };
    }),
  );
  const perClass = classSloRules(routes, objectives.classObjectives);
  return stringify(
    {
      groups: [
        { name: "slo-recording", interval: "1m", rules: recording },
        { name: "slo-burn-alerts", rules: alerts },
        ...(perClass.recording.length > 0
          ? [
              { name: "class-slo-recording", interval: "1m", rules: perClass.recording },
              { name: "class-slo-burn-alerts", rules: perClass.alerts },
            ]
          : []),
      ],
    },
    { lineWidth: 0 },
  );
}

/** The alert manager definition: every alert to the region's alarm topic. */
export function alertManagerDefinition(topicArn: string, region: string): string {
  const config = {
    route: { receiver: "alarm-topic", group_by: ["alertname", "sli", "route_class"], group_wait: "30s", group_interval: "5m", repeat_interval: "4h" },
    receivers: [{ name: "alarm-topic", sns_configs: [{ topic_arn: topicArn, sigv4: { region }, subject: "Prometheus alert" }] }],
  };
  return stringify({ alertmanager_config: stringify(config, { lineWidth: 0 }) }, { lineWidth: 0 });
}

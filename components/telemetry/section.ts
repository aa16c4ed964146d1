/**
 * `blueprint:telemetry`: its settings and the rules they must satisfy, each at the key it is about
 * (Grafana's sign-in and data sources, the SLO ranges, the Prometheus histogram's buckets).
 */
import { isRecord } from "../lib/guards";
import { section, type SettingProblem } from "../lib/settings";
import { CANARY_INTERVAL_MINUTES, GRAFANA_AUTHENTICATION, GRAFANA_TOKEN_ROTATION, SLO_AVAILABILITY_RANGE, SLO_LATENCY_SECONDS_RANGE } from "./lib/limits";
import { OTEL_HTTP_DURATION_BUCKETS } from "./lib/prometheusRules";
import { telemetryKeys, type TelemetrySettings } from "./settings";

/** Every problem of resolved telemetry settings. */
export function telemetryProblems(settings: TelemetrySettings): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (settings.grafana && settings.grafanaAuthentication === undefined) {
    problems.push({
      field: "grafanaAuthentication",
      message: `is required when grafana is on: choose ${GRAFANA_AUTHENTICATION.join(" (IAM Identity Center, enabled in the account) or ")} (your identity provider), or set grafana: false`,
    });
  }
  if (settings.grafana && !settings.prometheus) {
    problems.push({ field: "grafana", message: "needs prometheus: true; Grafana's data sources are the regions' Prometheus workspaces" });
  }
  const inRange = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;
  for (const field of ["availabilityObjectivePercent", "latencyObjectivePercent"] as const) {
    if (!inRange(settings[field], SLO_AVAILABILITY_RANGE)) {
      problems.push({
        field,
        message: `must be from ${SLO_AVAILABILITY_RANGE.min} to ${SLO_AVAILABILITY_RANGE.max} percent (below ${SLO_AVAILABILITY_RANGE.min} a 14.4x burn exceeds every request)`,
      });
    }
  }
  if (!inRange(settings.latencyThresholdSeconds, SLO_LATENCY_SECONDS_RANGE)) {
    problems.push({ field: "latencyThresholdSeconds", message: `must be from ${SLO_LATENCY_SECONDS_RANGE.min} to ${SLO_LATENCY_SECONDS_RANGE.max} seconds` });
  } else if (settings.prometheus && !(OTEL_HTTP_DURATION_BUCKETS as readonly number[]).includes(settings.latencyThresholdSeconds)) {
    problems.push({
      field: "latencyThresholdSeconds",
      message: `must be a bucket bound of the OpenTelemetry HTTP duration histogram when prometheus is on (${OTEL_HTTP_DURATION_BUCKETS.join(", ")}); the recording rule reads the bucket le="<threshold>"`,
    });
  }
  for (const [routeClass, objective] of Object.entries(settings.classObjectives)) {
    const field = `classObjectives.${routeClass}`;
    for (const key of ["availabilityPercent", "latencyPercent"] as const) {
      if (!inRange(objective[key], SLO_AVAILABILITY_RANGE)) {
        problems.push({ field: `${field}.${key}`, message: `must be from ${SLO_AVAILABILITY_RANGE.min} to ${SLO_AVAILABILITY_RANGE.max} percent` });
      }
    }
    if (!(OTEL_HTTP_DURATION_BUCKETS as readonly number[]).includes(objective.latencyThresholdSeconds)) {
      problems.push({
        field: `${field}.latencyThresholdSeconds`,
        message: `must be a bucket bound of the OpenTelemetry HTTP duration histogram (${OTEL_HTTP_DURATION_BUCKETS.join(", ")}); the class's recording rule reads the bucket le="<threshold>"`,
      });
    }
  }
  if (!Number.isInteger(settings.grafanaTokenRotation) || !inRange(settings.grafanaTokenRotation, GRAFANA_TOKEN_ROTATION)) {
    problems.push({
      field: "grafanaTokenRotation",
      message: `must be a whole number from ${GRAFANA_TOKEN_ROTATION.min} to ${GRAFANA_TOKEN_ROTATION.max}; raise it by one to issue a new token`,
    });
  }
  if (!Number.isInteger(settings.canaryIntervalMinutes) || !inRange(settings.canaryIntervalMinutes, CANARY_INTERVAL_MINUTES)) {
    problems.push({
      field: "canaryIntervalMinutes",
      message: `must be a whole number of minutes from ${CANARY_INTERVAL_MINUTES.min} to ${CANARY_INTERVAL_MINUTES.max}`,
    });
  }
  return problems;
}

/** The `telemetry` section of a stack file. */
export const telemetrySection = section("telemetry", {
  description:
    "Logs, metrics and traces from every instance (CloudWatch agent and ADOT collector), Prometheus and Grafana workspaces, SLOs with multi-window burn-rate alarms, a composite region-unhealthy alarm per region, and canaries.",
  keys: telemetryKeys,
  showValues: true,
  check: (settings, scope) => (scope.raw !== undefined && !isRecord(scope.raw) ? [] : telemetryProblems(settings)),
});

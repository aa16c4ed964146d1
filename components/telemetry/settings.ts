/**
 * The settings of `blueprint:telemetry`: the agents on every instance, the Prometheus and Grafana
 * workspaces, the SLOs and their burn-rate alarms, and the canaries. Type, allowed values, default
 * per environment and description, once.
 *
 * Profiles: agents, SLOs and the composite alarm everywhere (they cost little and the policies
 * require them); canaries in staging and prod; Prometheus and Grafana in prod only.
 */
import { LOG_RETENTION_DAYS } from "../lib/logRetention";
import { byEnvironment, choice, decimal, derived, flag, fromEnvironment, group, integer, type GroupValue } from "../lib/settings";
import type { MeasuredClass } from "./lib/classSlo";
import { GRAFANA_AUTHENTICATION, GRAFANA_TOKEN_ROTATION, SLO_AVAILABILITY_RANGE, SLO_LATENCY_SECONDS_RANGE, CANARY_INTERVAL_MINUTES } from "./lib/limits";

/** The keys of `blueprint:telemetry`. */
export const telemetryKeys = {
  agents: flag({
    description:
      "Install the CloudWatch agent (logs, memory, disk and process metrics) and the AWS Distro for OpenTelemetry collector (traces to X-Ray, metrics to the region's Prometheus workspace) on every instance of both tiers, configured from SSM parameters the stack writes.",
    default: true,
  }),
  logRetentionDays: integer({
    description: "Days the tiers' application and system log groups keep their events.",
    values: LOG_RETENTION_DAYS,
    default: fromEnvironment("logRetentionDays", "the environment's log retention"),
  }),
  prometheus: flag({
    description:
      "An Amazon Managed Service for Prometheus workspace per region, with the SLO recording and alerting rules and an alert manager that notifies the region's alarm topic.",
    default: byEnvironment({ dev: false, staging: false, prod: true }),
  }),
  grafanaAuthentication: choice(GRAFANA_AUTHENTICATION, {
    description:
      "How Grafana's users sign in: AWS_SSO (IAM Identity Center, enabled in the account) or SAML (your identity provider, configured after creation).",
    optional: true,
    absentMeans: "none (grafana stays off in prod; required when grafana is set to true)",
  }),
  grafana: flag({
    description:
      "One Amazon Managed Grafana workspace (in the primary region) that reads every region's Prometheus workspace, CloudWatch and X-Ray; needs prometheus and grafanaAuthentication.",
    // prod turns it on once the stack says how users sign in (a workspace without sign-in is unusable)
    default: byEnvironment({
      dev: false,
      staging: false,
      prod: derived("on when grafanaAuthentication is set", (scope) => scope.siblings.grafanaAuthentication !== undefined),
    }),
  }),
  grafanaTokenRotation: integer({
    description:
      "Generation of the Grafana service account token the stack provisions the data sources with (valid 30 days from its creation): raise it by one to issue a new token once the last one has expired; an expired token only blocks changes to the data sources, never the dashboards.",
    range: GRAFANA_TOKEN_ROTATION,
    default: 1,
  }),
  canaries: flag({
    description:
      "A CloudWatch Synthetics canary per regional origin and one on the public app URL, each with an alarm; artefacts in an SSE-KMS bucket per region.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  canaryIntervalMinutes: integer({
    description: "Minutes between two runs of each canary.",
    range: CANARY_INTERVAL_MINUTES,
    unit: "minutes",
    default: 5,
  }),
  availabilityObjectivePercent: decimal({
    description: "Availability SLO of the dynamic routes per region: the share of requests answered without a 5xx, over 30 days.",
    range: SLO_AVAILABILITY_RANGE,
    unit: "percent",
    default: byEnvironment({ dev: 99, staging: 99.5, prod: 99.9 }),
  }),
  latencyThresholdSeconds: decimal({
    description: "Latency SLO threshold: a request is fast when the load balancer's target response time is at most this.",
    range: SLO_LATENCY_SECONDS_RANGE,
    unit: "seconds",
    default: 0.5,
  }),
  latencyObjectivePercent: decimal({
    description: "Latency SLO of the dynamic routes per region: the share of requests that are fast, over 30 days.",
    range: SLO_AVAILABILITY_RANGE,
    unit: "percent",
    default: byEnvironment({ dev: 95, staging: 99, prod: 99 }),
  }),
  // 300 ms is no bucket bound of the histogram: read-any and cacheable use 250 ms
  classObjectives: group(
    {
      write: classObjective("write", { availability: 99.9, latency: 99, thresholdSeconds: 1 }),
      "read-your-writes": classObjective("read-your-writes", { availability: 99.9, latency: 99, thresholdSeconds: 0.5 }),
      "read-any": classObjective("read-any", { availability: 99.9, latency: 99, thresholdSeconds: 0.25 }),
      cacheable: classObjective("cacheable", { availability: 99.9, latency: 99, thresholdSeconds: 0.25 }),
    },
    {
      description:
        "Per route class SLOs, measured from the application's OpenTelemetry HTTP server histogram in each region's Prometheus workspace (http_route matched against the class's path patterns), with multi-window burn alerts; only where prometheus is on. static has none: the bucket serves it, and the edge SLO covers it.",
    },
  ),
};

/** One class's objectives, with its defaults (the threshold is a bucket bound of the OpenTelemetry histogram). */
function classObjective(routeClass: MeasuredClass, defaults: { availability: number; latency: number; thresholdSeconds: number }) {
  return group(
    {
      availabilityPercent: decimal({
        description: `Share of the ${routeClass} routes' requests answered without a 5xx, over 30 days.`,
        range: SLO_AVAILABILITY_RANGE,
        unit: "percent",
        default: defaults.availability,
      }),
      latencyPercent: decimal({
        description: `Share of the ${routeClass} routes' requests answered within latencyThresholdSeconds, over 30 days.`,
        range: SLO_AVAILABILITY_RANGE,
        unit: "percent",
        default: defaults.latency,
      }),
      latencyThresholdSeconds: decimal({
        description: `Latency threshold of the ${routeClass} routes: a bucket bound of the OpenTelemetry HTTP server histogram (the application's own duration).`,
        range: SLO_LATENCY_SECONDS_RANGE,
        unit: "seconds",
        default: defaults.thresholdSeconds,
      }),
    },
    { description: `SLOs of the ${routeClass} routes (blueprint:routes of that class) in every region.` },
  );
}

/** The telemetry settings after defaults. */
export type TelemetrySettings = GroupValue<typeof telemetryKeys>;

/**
 * Physical names of the telemetry resources, derived from the stack's prefix and the region so that
 * they are unique per account and region and stable across a switchover (never from a role).
 */

/** The two tiers that run the agents. */
export const TIERS = ["web", "worker"] as const;

/** A tier. */
export type Tier = (typeof TIERS)[number];

/** The log groups of one tier. */
export interface TierLogGroups {
  /** The application's own log files. */
  readonly application: string;
  /** The instance's system and agent logs. */
  readonly system: string;
}

/** Every telemetry name of one region. */
export interface TelemetryNames {
  readonly logGroups: Readonly<Record<Tier, TierLogGroups>>;
  /** SSM parameters holding each tier's agent configurations. */
  readonly parameters: Readonly<Record<Tier, { readonly cloudwatchAgent: string; readonly collector: string }>>;
  /** The Prometheus workspace's alias. */
  readonly workspaceAlias: string;
  /** The composite "region unhealthy" alarm. */
  readonly regionUnhealthyAlarm: string;
  /** Prefix of the SLO alarms (`<prefix>-<sli>-<window>`). */
  readonly sloAlarmPrefix: string;
  /** The region's dashboard of telemetry rows. */
  readonly dashboard: string;
  /** The saved Logs Insights queries' folder. */
  readonly queryFolder: string;
}

/** The names of a region's telemetry resources. */
export function telemetryNames(namePrefix: string, stack: string, region: string): TelemetryNames {
  const group = (tier: Tier, kind: string) => `/blueprint/${stack}/${region}/${tier}/${kind}`;
  const parameter = (tier: Tier, agent: string) => `/${namePrefix}/${region}/telemetry/${tier}/${agent}`;
  const tierGroups = (tier: Tier): TierLogGroups => ({ application: group(tier, "application"), system: group(tier, "system") });
  return {
    logGroups: { web: tierGroups("web"), worker: tierGroups("worker") },
    parameters: {
      web: { cloudwatchAgent: parameter("web", "cloudwatch-agent"), collector: parameter("web", "otel-collector") },
      worker: { cloudwatchAgent: parameter("worker", "cloudwatch-agent"), collector: parameter("worker", "otel-collector") },
    },
    workspaceAlias: `${namePrefix}-${region}`,
    regionUnhealthyAlarm: `${namePrefix}-${region}-region-unhealthy`,
    sloAlarmPrefix: `${namePrefix}-${region}-slo`,
    dashboard: `${namePrefix}-${region}-telemetry`,
    queryFolder: `${namePrefix}/${region}`,
  };
}

/** The global dashboard's name. */
export function globalDashboardName(namePrefix: string): string {
  return `${namePrefix}-global`;
}

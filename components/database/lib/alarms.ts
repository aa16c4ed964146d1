/**
 * The database alarms of one region, as data: CPU of every instance, and on a secondary region
 * the replication lag (`AuroraGlobalDBReplicationLag`, in milliseconds, for an Aurora global
 * secondary cluster; `ReplicaLag`, in seconds, for an RDS read replica). Generic in the type of
 * dimension values, so tests use strings and the component `pulumi.Input<string>`.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
 */
import type { DatabaseAlarmThresholds, DatabaseMode, DatabaseRole } from "./databaseRules";

/** One alarm, ready to be declared as an `aws.cloudwatch.MetricAlarm`. */
export interface DatabaseAlarmSpec<T> {
  /** Suffix of the alarm's Pulumi resource name, unique in the region. */
  readonly key: string;
  /** Physical alarm name: `<alarmPrefix>-<key>`. */
  readonly name: string;
  readonly description: string;
  readonly metricName: "CPUUtilization" | "AuroraGlobalDBReplicationLag" | "ReplicaLag";
  readonly dimensions: Readonly<Record<string, T>>;
  readonly statistic: "Average" | "Maximum";
  /** Seconds. */
  readonly period: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /** In the metric's unit: percent, milliseconds (Aurora global lag) or seconds (RDS replica lag). */
  readonly threshold: number;
  readonly comparisonOperator: "GreaterThanThreshold";
  readonly treatMissingData: "missing" | "notBreaching";
}

/** The RDS metric namespace. */
export const RDS_NAMESPACE = "AWS/RDS";

/** What a region's alarm specs are built from. */
export interface DatabaseAlarmInput<T> {
  readonly mode: DatabaseMode;
  readonly role: DatabaseRole;
  /** `<namePrefix>-<region>-db`. */
  readonly alarmPrefix: string;
  readonly thresholds: DatabaseAlarmThresholds;
  /** The region's DB instances (Aurora cluster members or the RDS instance), in order. */
  readonly instances: readonly T[];
  /** The Aurora cluster's identifier; undefined for RDS. */
  readonly clusterIdentifier?: T;
  /** An Aurora global secondary's primary region, the metric's `SourceRegion` dimension. @default undefined */
  readonly sourceRegion?: string;
}

/** CPU is judged over 15 minutes so that a short burst (a vacuum, a backup) does not page anyone. */
const CPU_PERIOD_SECONDS = 300;
const CPU_PERIODS = 3;

/** Lag is published every minute; five minutes above the threshold is a trend, not a blip. */
const LAG_PERIOD_SECONDS = 60;
const LAG_PERIODS = 5;

/** The alarm specs of one region. */
export function databaseAlarmSpecs<T>(input: DatabaseAlarmInput<T>): DatabaseAlarmSpec<T>[] {
  const { alarmPrefix, thresholds } = input;
  const several = input.instances.length > 1;
  const specs: DatabaseAlarmSpec<T>[] = input.instances.map((instance, index) => {
    const key = several || input.clusterIdentifier !== undefined ? `cpu-${index + 1}` : "cpu";
    return {
      key,
      name: `${alarmPrefix}-${key}`,
      description: `Average CPU of DB instance ${index + 1} above ${thresholds.cpuPercent}% for ${(CPU_PERIOD_SECONDS * CPU_PERIODS) / 60} minutes`,
      metricName: "CPUUtilization",
      dimensions: { DBInstanceIdentifier: instance },
      statistic: "Average",
      period: CPU_PERIOD_SECONDS,
      evaluationPeriods: CPU_PERIODS,
      datapointsToAlarm: CPU_PERIODS,
      threshold: thresholds.cpuPercent,
      comparisonOperator: "GreaterThanThreshold",
      // no data means the instance is gone or stopped, which RDS events report; keep the alarm honest
      treatMissingData: "missing",
    };
  });

  if (input.role === "secondary") {
    const lag = lagSpec(input);
    if (lag) specs.push(lag);
  }
  return specs;
}

function lagSpec<T>(input: DatabaseAlarmInput<T>): DatabaseAlarmSpec<T> | undefined {
  const { alarmPrefix, thresholds } = input;
  const common = {
    key: "replication-lag",
    name: `${alarmPrefix}-replication-lag`,
    statistic: "Maximum" as const,
    period: LAG_PERIOD_SECONDS,
    evaluationPeriods: LAG_PERIODS,
    datapointsToAlarm: LAG_PERIODS,
    comparisonOperator: "GreaterThanThreshold" as const,
    // After a switchover done in AWS this region writes and stops publishing lag until the stack
    // file names it primary; silence is not an incident then.
    treatMissingData: "notBreaching" as const,
  };
  switch (input.mode) {
    case "aurora-global":
      if (input.clusterIdentifier === undefined || input.sourceRegion === undefined) return undefined;
      return {
        ...common,
        description: `Aurora global database replication to this region lags more than ${thresholds.replicaLagSeconds} s`,
        metricName: "AuroraGlobalDBReplicationLag",
        // RDS publishes the global lag per (cluster, source region) pair, as the console groups it
        // (Neptune's global databases document the same pair); an alarm on the cluster alone sees no data
        dimensions: { DBClusterIdentifier: input.clusterIdentifier, SourceRegion: input.sourceRegion as T },
        // the metric is in milliseconds
        threshold: thresholds.replicaLagSeconds * 1000,
      };
    case "rds-replicas":
      if (input.instances.length === 0) return undefined;
      return {
        ...common,
        description: `The read replica lags its source by more than ${thresholds.replicaLagSeconds} s`,
        metricName: "ReplicaLag",
        dimensions: { DBInstanceIdentifier: input.instances[0] },
        threshold: thresholds.replicaLagSeconds,
      };
    case "single-region":
      return undefined;
    default: {
      const unknown: never = input.mode;
      throw new Error(`Unknown database mode '${String(unknown)}'`);
    }
  }
}

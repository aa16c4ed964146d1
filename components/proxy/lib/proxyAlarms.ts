/**
 * The alarms of one proxy, as plain data: client connections near what the tiers should ever open,
 * and connection borrow latency (the pool is exhausted when borrowing waits).
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-proxy.monitoring.html
 */
import { alarmName } from "../../observability/lib/alarms";
import type { FlatAlarmSpec } from "../../observability/metricAlarmInputs";
import type { ProxySettings } from "./proxyRules";

/** A proxy alarm: a flat spec with its key. */
export type ProxyAlarmSpec<T> = FlatAlarmSpec<T> & { readonly key: string };

/** RDS Proxy publishes every minute; five minutes ride out a deploy's reconnect burst. */
const PERIOD_SECONDS = 300;

/** The proxy's alarms. */
export function proxyAlarmSpecs<T>(args: {
  readonly proxyName: T;
  readonly key: string;
  readonly namePrefix: string;
  readonly region: string;
  readonly thresholds: ProxySettings["alarms"];
}): ProxyAlarmSpec<T>[] {
  const common = {
    namespace: "AWS/RDS",
    dimensions: { ProxyName: args.proxyName },
    period: PERIOD_SECONDS,
    comparisonOperator: "GreaterThanThreshold",
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
  } as const;
  const key = (suffix: string) => `${args.key}-${suffix}`;
  return [
    {
      key: key("client-connections"),
      name: alarmName(args.namePrefix, args.region, key("client-connections")),
      description: `The database proxy in ${args.region} holds more than ${args.thresholds.clientConnections} client connections`,
      ...common,
      metricName: "ClientConnections",
      statistic: "Maximum",
      threshold: args.thresholds.clientConnections,
      treatMissingData: "notBreaching",
    },
    {
      key: key("borrow-latency"),
      name: alarmName(args.namePrefix, args.region, key("borrow-latency")),
      description: `Borrowing a pooled connection from the database proxy in ${args.region} takes more than ${args.thresholds.borrowLatencyMs} ms: the pool is exhausted`,
      ...common,
      metricName: "DatabaseConnectionsBorrowLatency",
      statistic: "Average",
      // the metric is in microseconds
      threshold: args.thresholds.borrowLatencyMs * 1000,
      treatMissingData: "notBreaching",
    },
  ];
}

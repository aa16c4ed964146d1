/**
 * The alarms of one table's replica in one region, as plain data: read and write throttling, and
 * the replication latency from this region to each other region (DynamoDB publishes
 * `ReplicationLatency` in the region a change starts from, per `ReceivingRegion`).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
 */
import { alarmName, type AlarmSpec } from "../../observability/lib/alarms";
import type { TableSpec } from "../settings";

/** DynamoDB's CloudWatch namespace. */
export const DYNAMODB_NAMESPACE = "AWS/DynamoDB";

/** DynamoDB table metrics are published every minute; five minutes ride out one burst. */
const PERIOD_SECONDS = 300;

/** Every alarm of one table in one region. */
export function tableAlarmSpecs(args: {
  readonly spec: TableSpec;
  readonly tableName: string;
  readonly namePrefix: string;
  readonly region: string;
  /** Every region of the stack; the others are the receiving regions. */
  readonly regions: readonly string[];
}): AlarmSpec<string>[] {
  const { spec, tableName, namePrefix, region } = args;
  const common = { comparisonOperator: "GreaterThanThreshold", evaluationPeriods: 1, datapointsToAlarm: 1 } as const;
  const throttles: AlarmSpec<string>[] = (["Read", "Write"] as const).map((operation) => ({
    key: `table-${spec.name}-${operation.toLowerCase()}-throttles`,
    name: alarmName(namePrefix, region, `table-${spec.name}-${operation.toLowerCase()}-throttles`),
    description: `${operation} requests to the ${tableName} replica in ${region} are throttled (more than ${spec.alarms.throttleEvents} in 5 minutes)`,
    ...common,
    threshold: spec.alarms.throttleEvents,
    // no throttling publishes no data point
    treatMissingData: "notBreaching",
    metric: {
      namespace: DYNAMODB_NAMESPACE,
      metricName: `${operation}ThrottleEvents`,
      dimensions: { TableName: tableName },
      period: PERIOD_SECONDS,
      statistic: "Sum",
    },
  }));
  const latency: AlarmSpec<string>[] = args.regions
    .filter((other) => other !== region)
    .map((receiving) => ({
      key: `table-${spec.name}-replication-${receiving}`,
      name: alarmName(namePrefix, region, `table-${spec.name}-replication-${receiving}`),
      description: `Items written to ${tableName} in ${region} take more than ${spec.alarms.replicationLatencySeconds} s to reach ${receiving}`,
      ...common,
      // ReplicationLatency is in milliseconds
      threshold: spec.alarms.replicationLatencySeconds * 1000,
      // no writes in a region publish no latency
      treatMissingData: "notBreaching",
      metric: {
        namespace: DYNAMODB_NAMESPACE,
        metricName: "ReplicationLatency",
        dimensions: { TableName: tableName, ReceivingRegion: receiving },
        period: PERIOD_SECONDS,
        statistic: "Average",
      },
    }));
  return [...throttles, ...latency];
}

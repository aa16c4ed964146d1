/**
 * The alarms of one region's replication group, as data: engine CPU and memory use on every node,
 * the lag of in-region replicas and, on a Global Datastore secondary, the lag behind the primary
 * region.
 *
 * ElastiCache publishes node metrics per cache cluster (`CacheClusterId` = `<group>-001`, ...),
 * so each alarm takes the maximum over the group's nodes with metric math: one alarm per metric
 * whichever node is primary, and still right after an in-region failover.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.WhichShouldIMonitor.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html (MAX of an array)
 */
import { alarmName, type AlarmMetricQuery, type AlarmSpec } from "../../observability/lib/alarms";
import { memberClusterIds } from "./cacheNames";
import type { CacheAlarmThresholds } from "../settings";

/** The role of a replication group in the stack. */
export type CacheRole = "primary" | "secondary" | "standalone";

/** What the alarm specs are built from. */
export interface CacheAlarmInput {
  readonly region: string;
  readonly namePrefix: string;
  readonly replicationGroupId: string;
  /** Nodes of the group: the primary plus its replicas. */
  readonly nodeCount: number;
  readonly role: CacheRole;
  readonly thresholds: CacheAlarmThresholds;
}

const NAMESPACE = "AWS/ElastiCache";

/** ElastiCache publishes node metrics every minute. */
const PERIOD_SECONDS = 60;

/** The alarm keys, also the suffixes of the alarm names. */
export const CACHE_ALARM_KEYS = {
  cpu: "cache-engine-cpu",
  memory: "cache-memory",
  replicaLag: "cache-replica-lag",
  globalLag: "cache-global-replication-lag",
} as const;

/** `MAX([m1, m2, ...])` over one metric of every node: a time series of the highest node value. */
function maxOverNodes(metricName: string, nodeIds: readonly string[], label: string): AlarmMetricQuery<string>[] {
  const queries: AlarmMetricQuery<string>[] = nodeIds.map((nodeId, index) => ({
    id: `n${index + 1}`,
    label: nodeId,
    returnData: false,
    metric: { namespace: NAMESPACE, metricName, dimensions: { CacheClusterId: nodeId }, period: PERIOD_SECONDS, stat: "Maximum" },
  }));
  queries.push({ id: "highest", label, expression: `MAX([${queries.map((query) => query.id).join(", ")}])`, returnData: true });
  return queries;
}

/**
 * The alarms of one replication group:
 * - engine CPU and memory over every node (all roles);
 * - `ReplicationLag` of the in-region replicas, when the group has replicas;
 * - `GlobalDatastoreReplicationLag` on a Global Datastore secondary (the lag of its primary node
 *   behind the primary region's primary node).
 * Every alarm reads missing data as healthy: the metrics are absent while nodes are created.
 */
export function cacheAlarmSpecs(input: CacheAlarmInput): AlarmSpec<string>[] {
  const { region, namePrefix, replicationGroupId, thresholds } = input;
  const nodes = memberClusterIds(replicationGroupId, input.nodeCount);
  const named = (key: string) => ({ key, name: alarmName(namePrefix, region, key) });
  const sustained = { evaluationPeriods: 5, datapointsToAlarm: 3, treatMissingData: "notBreaching" as const };

  const specs: AlarmSpec<string>[] = [
    {
      ...named(CACHE_ALARM_KEYS.cpu),
      description:
        `Engine CPU of a node of ${replicationGroupId} above ${thresholds.cpuPercent}% in 3 of 5 minutes in ${region}: ` +
        "the engine thread is saturated (scale up the node type or spread reads to replicas).",
      comparisonOperator: "GreaterThanThreshold",
      threshold: thresholds.cpuPercent,
      ...sustained,
      metricQueries: maxOverNodes("EngineCPUUtilization", nodes, "Highest engine CPU (%)"),
    },
    {
      ...named(CACHE_ALARM_KEYS.memory),
      description:
        `Memory use of a node of ${replicationGroupId} above ${thresholds.memoryPercent}% of maxmemory in 3 of 5 minutes in ${region}: ` +
        "keys will be evicted (or writes refused) when it reaches 100%.",
      comparisonOperator: "GreaterThanThreshold",
      threshold: thresholds.memoryPercent,
      ...sustained,
      metricQueries: maxOverNodes("DatabaseMemoryUsagePercentage", nodes, "Highest memory use (%)"),
    },
  ];
  if (input.nodeCount > 1) {
    specs.push({
      ...named(CACHE_ALARM_KEYS.replicaLag),
      description: `A replica of ${replicationGroupId} lags its primary by more than ${thresholds.replicationLagSeconds} s in 3 of 5 minutes in ${region}.`,
      comparisonOperator: "GreaterThanThreshold",
      threshold: thresholds.replicationLagSeconds,
      ...sustained,
      // only replicas publish ReplicationLag; the primary's series is empty and MAX ignores it
      metricQueries: maxOverNodes("ReplicationLag", nodes, "Highest replica lag (s)"),
    });
  }
  if (input.role === "secondary") {
    specs.push({
      ...named(CACHE_ALARM_KEYS.globalLag),
      description:
        `${replicationGroupId} (Global Datastore secondary in ${region}) lags the primary region by more than ` +
        `${thresholds.replicationLagSeconds} s in 3 of 5 minutes: reads here are stale, and a failover now would lose writes.`,
      comparisonOperator: "GreaterThanThreshold",
      threshold: thresholds.replicationLagSeconds,
      ...sustained,
      // the secondary's primary node publishes it; which node that is changes with in-region failovers
      metricQueries: maxOverNodes("GlobalDatastoreReplicationLag", nodes, "Lag behind the primary region (s)"),
    });
  }
  return specs;
}

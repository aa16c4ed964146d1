/**
 * The stack's failure-relevant shape, read back from a recorded plan: per region its AZs, the web
 * tier's capacity, the load balancer's AZs, the database and cache members (role, AZs, automatic
 * failover) and the replication-lag alarms' thresholds (the RPO each region is watched at); and
 * for the stack the primary region and whether an edge (CloudFront) and a Region switch plan exist.
 * Pure: it reads the plan graph, so the report, the diff and the tests share one reading.
 */
import { isRecord } from "../../lib/guards";
import type { PlannedResource } from "../../lib/plan/plannedResource";
import { objectList, type PlanGraph } from "../../lib/plan/planGraph";

/** The types the topology reads (declared by the components that create them). */
export const TOPOLOGY_TYPES = {
  vpc: "awsx:ec2:Vpc",
  autoScalingGroup: "aws:autoscaling/group:Group",
  loadBalancers: ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
  auroraCluster: "aws:rds/cluster:Cluster",
  auroraInstance: "aws:rds/clusterInstance:ClusterInstance",
  globalCluster: "aws:rds/globalCluster:GlobalCluster",
  rdsInstance: "aws:rds/instance:Instance",
  cacheGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
  globalDatastore: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
  alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
  distribution: "aws:cloudfront/distribution:Distribution",
  regionSwitchPlan: "aws:arcregionswitch/plan:Plan",
} as const;

/** A database member in one region. */
export interface DatabaseMember {
  /** `writer`: takes writes; `reader`: a replica in another region (read-only). */
  readonly role: "writer" | "reader";
  readonly kind: "aurora" | "rds";
  /** The AZs its instances are in (Aurora: one per instance; RDS: the instance, plus a standby when Multi-AZ). */
  readonly azs: readonly string[];
  /** How many instances can take over in the region when one fails (Aurora readers, or the Multi-AZ standby). */
  readonly inRegionStandbys: number;
}

/** A cache replication group in one region. */
export interface CacheMember {
  readonly role: "primary" | "secondary" | "standalone";
  readonly nodes: number;
  readonly azs: readonly string[];
  readonly automaticFailover: boolean;
}

/** One region of the stack. */
export interface RegionTopology {
  readonly region: string;
  readonly azs: readonly string[];
  /** The web tier (the auto scaling group behind the load balancer). */
  readonly web?: { readonly minSize: number; readonly maxSize: number; readonly subnets: number };
  /** How many AZs the load balancer has nodes in. */
  readonly balancerAzs: number;
  readonly database?: DatabaseMember;
  readonly cache?: CacheMember;
  /** Replication-lag alarm thresholds in seconds (the RPO the region's copy is watched at). */
  readonly lagAlarmSeconds: { readonly database?: number; readonly cache?: number; readonly cacheReplica?: number };
}

/** The whole stack. */
export interface Topology {
  /** The database writer's region (the stack's primary until a switchover moves it). */
  readonly primaryRegion: string;
  readonly regions: readonly RegionTopology[];
  /** A CloudFront distribution fronts the regions (its control plane is in us-east-1). */
  readonly edge: boolean;
  /** The database replicates across regions as an Aurora global database. */
  readonly globalDatabase: boolean;
  /** The cache replicates across regions as a Global Datastore. */
  readonly globalDatastore: boolean;
  /** Regions an ARC Region switch plan can move the primary to (empty without a plan). */
  readonly switchPlanRegions: readonly string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
const numberOf = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** The `Tier` tag of an auto scaling group (its tags are `{ key, value }` entries). */
function tierOf(group: PlannedResource): string | undefined {
  const tag = objectList(group.inputs.tags).find((entry) => entry.key === "Tier");
  return typeof tag?.value === "string" ? tag.value : undefined;
}

/** The metric names an alarm reads: its own, or those of its metric queries. */
function alarmMetrics(alarm: PlannedResource): string[] {
  const own = typeof alarm.inputs.metricName === "string" ? [alarm.inputs.metricName] : [];
  const queried = objectList(alarm.inputs.metricQueries).flatMap((query) =>
    isRecord(query.metric) && typeof query.metric.metricName === "string" ? [query.metric.metricName] : [],
  );
  return [...own, ...queried];
}

/** Cross-region lag metrics and the factor that turns their threshold into seconds. */
const DATABASE_LAG = new Map([
  ["AuroraGlobalDBReplicationLag", 0.001],
  ["ReplicaLag", 1],
]);
const CACHE_LAG = "GlobalDatastoreReplicationLag";
const CACHE_REPLICA_LAG = "ReplicationLag";

function databaseMember(graph: PlanGraph, region: string, primaryRegion: string): DatabaseMember | undefined {
  const instances = graph.ofTypes([TOPOLOGY_TYPES.auroraInstance]).filter((instance) => instance.region === region);
  if (graph.ofTypes([TOPOLOGY_TYPES.auroraCluster]).some((cluster) => cluster.region === region)) {
    return {
      role: region === primaryRegion ? "writer" : "reader",
      kind: "aurora",
      azs: instances.flatMap((instance) => strings([instance.inputs.availabilityZone])),
      inRegionStandbys: Math.max(0, instances.length - 1),
    };
  }
  const rds = graph.ofTypes([TOPOLOGY_TYPES.rdsInstance]).find((instance) => instance.region === region);
  if (!rds) return undefined;
  const multiAz = rds.inputs.multiAz === true;
  return {
    role: rds.inputs.replicateSourceDb === undefined ? "writer" : "reader",
    kind: "rds",
    azs: strings([rds.inputs.availabilityZone]),
    inRegionStandbys: multiAz ? 1 : 0,
  };
}

function cacheMember(graph: PlanGraph, region: string): CacheMember | undefined {
  const group = graph.ofTypes([TOPOLOGY_TYPES.cacheGroup]).find((candidate) => candidate.region === region);
  if (!group) return undefined;
  const primaryIds = new Set(graph.ofTypes([TOPOLOGY_TYPES.globalDatastore]).map((datastore) => datastore.inputs.primaryReplicationGroupId));
  const role = primaryIds.has(group.inputs.replicationGroupId) ? "primary" : group.inputs.globalReplicationGroupId !== undefined ? "secondary" : "standalone";
  return {
    role,
    nodes: numberOf(group.inputs.numCacheClusters) ?? 1,
    azs: strings(group.inputs.preferredCacheClusterAzs),
    automaticFailover: group.inputs.automaticFailoverEnabled === true,
  };
}

function lagAlarms(graph: PlanGraph, region: string): RegionTopology["lagAlarmSeconds"] {
  const alarms = graph.ofTypes([TOPOLOGY_TYPES.alarm]).filter((alarm) => alarm.region === region);
  let database: number | undefined;
  let cache: number | undefined;
  let cacheReplica: number | undefined;
  for (const alarm of alarms) {
    const threshold = numberOf(alarm.inputs.threshold);
    if (threshold === undefined) continue;
    for (const metric of alarmMetrics(alarm)) {
      const factor = DATABASE_LAG.get(metric);
      if (factor !== undefined) database = Math.max(database ?? 0, threshold * factor);
      if (metric === CACHE_LAG) cache = Math.max(cache ?? 0, threshold);
      if (metric === CACHE_REPLICA_LAG) cacheReplica = Math.max(cacheReplica ?? 0, threshold);
    }
  }
  return {
    ...(database !== undefined ? { database } : {}),
    ...(cache !== undefined ? { cache } : {}),
    ...(cacheReplica !== undefined ? { cacheReplica } : {}),
  };
}

/** The regions the Region switch plans list, together (each plan lists two). */
function switchPlanRegions(graph: PlanGraph): string[] {
  return graph
    .ofTypes([TOPOLOGY_TYPES.regionSwitchPlan])
    .flatMap((plan) => strings(plan.inputs.regions))
    .filter((region, index, all) => all.indexOf(region) === index);
}

/** The writer's region: the Region switch plan's primary region (it follows blueprint:writerRegion), else the stack's primary. */
function writerRegionOf(graph: PlanGraph, primaryRegion: string): string {
  // the plans over the writer name it as their primary region; plans over two readers name none
  const declared = graph.ofTypes([TOPOLOGY_TYPES.regionSwitchPlan]).find((plan) => typeof plan.inputs.primaryRegion === "string")?.inputs.primaryRegion;
  return typeof declared === "string" ? declared : primaryRegion;
}

/** Reads the topology of a plan whose regions are `regions` (stack-file order); `primaryRegion` is the stack's, the writer's unless a switchover moved it. */
export function topologyOf(graph: PlanGraph, regions: readonly string[], stackPrimaryRegion: string): Topology {
  const primaryRegion = writerRegionOf(graph, stackPrimaryRegion);
  const vpcs = graph.ofTypes([TOPOLOGY_TYPES.vpc]);
  const groups = graph.ofTypes([TOPOLOGY_TYPES.autoScalingGroup]);
  const balancers = graph.ofTypes(TOPOLOGY_TYPES.loadBalancers);
  return {
    primaryRegion,
    regions: regions.map((region): RegionTopology => {
      const vpc = vpcs.find((candidate) => candidate.region === region);
      const web = groups.find((group) => group.region === region && tierOf(group) === "web");
      const balancer = balancers.find((candidate) => candidate.region === region);
      const database = databaseMember(graph, region, primaryRegion);
      const cache = cacheMember(graph, region);
      return {
        region,
        azs: strings(vpc?.inputs.availabilityZoneNames),
        ...(web
          ? {
              web: {
                minSize: numberOf(web.inputs.minSize) ?? 0,
                maxSize: numberOf(web.inputs.maxSize) ?? 0,
                subnets: strings(web.inputs.vpcZoneIdentifiers).length,
              },
            }
          : {}),
        balancerAzs: strings(balancer?.inputs.subnets).length,
        ...(database ? { database } : {}),
        ...(cache ? { cache } : {}),
        lagAlarmSeconds: lagAlarms(graph, region),
      };
    }),
    edge: graph.ofTypes([TOPOLOGY_TYPES.distribution]).length > 0,
    globalDatabase: graph.ofTypes([TOPOLOGY_TYPES.globalCluster]).length > 0,
    globalDatastore: graph.ofTypes([TOPOLOGY_TYPES.globalDatastore]).length > 0,
    switchPlanRegions: switchPlanRegions(graph),
  };
}

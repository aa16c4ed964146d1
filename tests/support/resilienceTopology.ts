/**
 * Hand-built plans for the survivability tests: per region a VPC with its AZs, the web tier's auto
 * scaling group and the load balancer over one subnet per AZ, an Aurora member with an instance
 * per AZ, a cache group with a node per AZ and the replication-lag alarms, as the program records them.
 */
import type { PlannedResource } from "../../components/lib/plan/plannedResource";
import { resource } from "./planFiles";

/** One region of a hand-built plan. */
export interface HandRegion {
  readonly name: string;
  readonly azs: readonly string[];
  readonly webMin?: number;
  readonly webMax?: number;
}

/** The resources of a stack whose first region is the primary. */
export function handBuiltPlan(regions: readonly HandRegion[]): PlannedResource[] {
  const primary = regions[0].name;
  const at = (region: string) => ({ region, inputs: {} });
  const resources: PlannedResource[] = [resource("aws:rds/globalCluster:GlobalCluster", "database", {}, at(primary))];
  resources.push(resource("aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", "cache-global", { primaryReplicationGroupId: `rg-${primary}` }));
  for (const { name, azs, webMin = azs.length, webMax = 12 } of regions) {
    const inRegion = (type: string, logical: string, inputs: Record<string, unknown>) =>
      resource(type, logical, inputs, { region: name, inputs: { region: name, ...inputs } });
    const subnets = azs.map((_, index) => `subnet-${name}-${index}`);
    resources.push(
      inRegion("awsx:ec2:Vpc", name, { availabilityZoneNames: azs }),
      inRegion("aws:autoscaling/group:Group", `${name}-web`, {
        minSize: webMin,
        maxSize: webMax,
        vpcZoneIdentifiers: subnets,
        tags: [{ key: "Tier", value: "web" }],
      }),
      inRegion("aws:lb/loadBalancer:LoadBalancer", `${name}-alb`, { subnets }),
      inRegion("aws:rds/cluster:Cluster", name, {}),
      ...azs.map((az, index) => inRegion("aws:rds/clusterInstance:ClusterInstance", `${name}-${index + 1}`, { availabilityZone: az })),
      inRegion("aws:elasticache/replicationGroup:ReplicationGroup", name, {
        replicationGroupId: `rg-${name}`,
        numCacheClusters: azs.length,
        preferredCacheClusterAzs: azs,
        automaticFailoverEnabled: azs.length > 1,
        ...(name === primary ? {} : { globalReplicationGroupId: "global" }),
      }),
      inRegion("aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-cache-replica-lag`, {
        threshold: 10,
        metricQueries: [{ metric: { metricName: "ReplicationLag" } }],
      }),
    );
    if (name !== primary) {
      resources.push(
        inRegion("aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-replication-lag`, { metricName: "AuroraGlobalDBReplicationLag", threshold: 60000 }),
        inRegion("aws:cloudwatch/metricAlarm:MetricAlarm", `${name}-cache-global-replication-lag`, {
          threshold: 10,
          metricQueries: [{ metric: { metricName: "GlobalDatastoreReplicationLag" } }],
        }),
      );
    }
  }
  return resources;
}

/** Routes as the planned edge serves them: a write route at the primary, a read route at each viewer's region failing over to `failover`. */
export function handBuiltRoutes(primary: string, viewers: readonly { region: string; failover?: string }[]) {
  return [
    { pathPattern: "/api/*", method: "POST", servings: viewers.map(() => ({ region: primary })) },
    {
      pathPattern: "/read/*",
      method: "GET",
      servings: viewers.map((viewer) => ({ region: viewer.region, ...(viewer.failover ? { failoverRegion: viewer.failover } : {}) })),
    },
  ];
}

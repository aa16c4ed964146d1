/**
 * Plan facts of the cache component: ElastiCache replication groups and the Global Datastore;
 * what replaces them; the diagram's cache boxes (serverless caches and cache clusters too, which
 * other programs create) and the Global Datastore's replication arrows; the AUTH token's rotation
 * function and its permission.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { always, type ComponentPlanFacts, type EdgeContext, type SwitchoverContext } from "../lib/plan/facts";
import { referenced } from "../lib/plan/graphQueries";
import { genericMock } from "../lib/plan/mock";
import { stringInput } from "../lib/plan/planGraph";
import { servicePort } from "../lib/plan/ports";
import { compareVersions } from "../lib/plan/versions";
import { globalReplicationGroup, lambdaFunction, lambdaPermission, replicationGroup } from "./lib/mocks";
import { free, hours, traffic, type CostRule } from "../lib/plan/cost";

/** A replication group. */
export const CACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
/** A Global Datastore. */
export const CACHE_GLOBAL_DATASTORE = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";

/** ElastiCache engines from oldest to newest: moving back is a downgrade. */
const CACHE_ENGINE_ORDER = ["redis", "valkey"];

/** ElastiCache Global Datastore: the primary group feeds the datastore, which feeds the secondary groups. */
function replicationEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const datastore of graph.ofTypes([CACHE_GLOBAL_DATASTORE])) {
    const primary = referenced(graph, datastore, "primaryReplicationGroupId", new Set([CACHE_REPLICATION_GROUP]));
    if (primary) connect(nodeOf(primary.urn), nodeOf(datastore.urn), "replication", "primary");
  }
  for (const group of graph.ofTypes([CACHE_REPLICATION_GROUP])) {
    const datastore = referenced(graph, group, "globalReplicationGroupId", new Set([CACHE_GLOBAL_DATASTORE]));
    if (datastore) connect(nodeOf(datastore.urn), nodeOf(group.urn), "replication", "replica");
  }
}

/** The cache component's facts. */
/** Node hours of a replication group: its node type (a Global Datastore member's comes from the datastore) × nodes. */
const cacheNodeHours: CostRule = {
  rule: "node hours by engine and node type × nodes (primary and replicas); a Global Datastore's secondary members are standby",
  meters: (group, { graph, primaryRegion }) => {
    const datastore = graph.ofTypes([CACHE_GLOBAL_DATASTORE])[0];
    const nodeType = stringInput(group, "nodeType") ?? (datastore && stringInput(datastore, "cacheNodeType")) ?? "(node type unknown)";
    const engine = stringInput(group, "engine") ?? (datastore && stringInput(datastore, "engine")) ?? "redis";
    const number = (key: string) => (typeof group.inputs[key] === "number" ? group.inputs[key] : undefined);
    const nodes = number("numCacheClusters") ?? number("numCacheNodes") ?? (number("numNodeGroups") ?? 1) * (1 + (number("replicasPerNodeGroup") ?? 0));
    const secondary = group.inputs.globalReplicationGroupId !== undefined && group.region !== primaryRegion;
    return [
      {
        ...hours(`elasticache:${engine}:${nodeType}`, nodes, `${nodes} × ${engine} ${nodeType} node hours`),
        ...(secondary ? { standby: "a Global Datastore secondary: read-only until a failover (it serves that region's reads)" } : {}),
      },
    ];
  },
};

/** How the cache is billed: node hours. */
const CACHE_COSTS: Readonly<Record<string, CostRule>> = {
  [CACHE_REPLICATION_GROUP]: cacheNodeHours,
  "aws:elasticache/cluster:Cluster": cacheNodeHours,
  [CACHE_GLOBAL_DATASTORE]: traffic("cross-region replication data transfer (the members' nodes are priced)"),
  "aws:elasticache/serverlessCache:ServerlessCache": traffic("ECPUs and GB-hours of data stored (Valkey's minimum is 100 MB)"),
  "aws:lambda/function:Function": traffic("the AUTH rotation runs a few invocations per rotation (within Lambda's monthly free tier)"),
  "aws:lambda/permission:Permission": free("a resource-policy statement"),
};

export const cachePlanFacts: ComponentPlanFacts = {
  component: "cache",
  costs: CACHE_COSTS,
  types: [
    {
      type: CACHE_REPLICATION_GROUP,
      mock: replicationGroup,
      creation: {
        seconds: 900,
        basis: "experience: 10-20 min for a Multi-AZ Valkey/Redis replication group; provider create timeout 60 min",
      },
      stateful: {
        label: "cache replication group",
        loses: "every cached key unless a snapshot is restored",
        replacedBy: [
          ...always(
            "region",
            "replicationGroupId",
            "atRestEncryptionEnabled",
            "kmsKeyId",
            "subnetGroupName",
            "port",
            "dataTieringEnabled",
            "networkType",
            "globalReplicationGroupId",
            "snapshotArns",
            "snapshotName",
            "securityGroupNames",
          ),
          {
            input: "transitEncryptionEnabled",
            condition: "engine version below 7.0.5",
            when: (before) => compareVersions(stringInput(before, "engineVersion") ?? "0", "7.0.5") < 0,
          },
          {
            input: "engineVersion",
            condition: "a downgrade",
            when: (before, after) => compareVersions(stringInput(after, "engineVersion") ?? "0", stringInput(before, "engineVersion") ?? "0") < 0,
          },
          {
            input: "engine",
            condition: "a downgrade (valkey to redis)",
            when: (before, after) =>
              CACHE_ENGINE_ORDER.indexOf((stringInput(after, "engine") ?? "").toLowerCase()) <
              CACHE_ENGINE_ORDER.indexOf((stringInput(before, "engine") ?? "").toLowerCase()),
          },
        ],
      },
      kind: "cache",
      // a replication group without an engine input runs the provider's default (Redis OSS)
      port: (resource) => servicePort(resource, 6379),
    },
    {
      type: CACHE_GLOBAL_DATASTORE,
      mock: globalReplicationGroup,
      creation: {
        seconds: 300,
        basis: "experience: a few minutes to create a Global Datastore from its primary group; provider create timeout 60 min",
      },
      stateful: {
        label: "global datastore",
        loses: "the cross-region replication (secondaries must re-join and re-sync)",
        replacedBy: always("region", "globalReplicationGroupIdSuffix", "primaryReplicationGroupId"),
      },
      kind: "globalDatastore",
    },
    {
      type: "aws:elasticache/serverlessCache:ServerlessCache",
      mock: genericMock,
      creation: API_ONLY_CREATION,
      kind: "cache",
      port: (resource) => servicePort(resource),
    },
    { type: "aws:elasticache/cluster:Cluster", mock: genericMock, creation: API_ONLY_CREATION, kind: "cache", port: (resource) => servicePort(resource) },
    // the AUTH token's rotation function and the permission Secrets Manager invokes it with
    {
      type: "aws:lambda/function:Function",
      mock: lambdaFunction,
      creation: { seconds: 10, basis: "experience: seconds for a small zip; the provider waits until the function is Active" },
    },
    { type: "aws:lambda/permission:Permission", mock: lambdaPermission, creation: API_ONLY_CREATION },
  ],
  edges: { replication: replicationEdges },
  switchover: datastoreFailover,
};

/**
 * The Global Datastore's failover to its member group in the target region (a planned failover
 * promotes that group to primary; the others follow it).
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Console.html
 */
function datastoreFailover({ resources, target }: SwitchoverContext): { manual: string[] } {
  const text = (value: unknown) => (typeof value === "string" ? value : "<unknown>");
  const datastore = resources.find((resource) => resource.type === CACHE_GLOBAL_DATASTORE);
  const member = resources.find((resource) => resource.type === CACHE_REPLICATION_GROUP && resource.region === target);
  if (!datastore || !member) return { manual: [] };
  return {
    manual: [
      `aws elasticache failover-global-replication-group --region ${target} --global-replication-group-id ${text(datastore.outputs.globalReplicationGroupId)} --primary-region ${target} --primary-replication-group-id ${text(member.inputs.replicationGroupId)}`,
    ],
  };
}

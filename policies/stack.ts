/**
 * Multi-region stack policies: how many regions prod runs in, VPC address space across regions,
 * the same regional stamp everywhere, a database and a cache member in every region, alarms for
 * every load balancer, dead-letter queue, database and cache in its own region, region-local KMS
 * keys, CloudFront's certificate and web ACL in us-east-1, origin failover, no data path from one
 * region's compute into another region's queues or caches, and the guard that the pack runs with
 * the right environment's config.
 */
import type { PolicyResource, ReportViolation } from "@pulumi/policy";
import { alarmDependsOn, alarmMetrics, alarmNotifies, METRIC_ALARM_TYPE, type AlarmMetric } from "./lib/alarms";
import { overlaps, parseIpv4Cidr, type Ipv4Range } from "./lib/cidr";
import { behaviors, originRegion, DISTRIBUTION_TYPE, type DistributionProps } from "./lib/cloudfront";
import { launchTemplateDataPath, launchTemplates } from "./lib/dataPath";
import { stackPolicy, type BlueprintPolicy } from "./lib/define";
import { environmentSources, isEnvironment, resilienceWaiver, stackEnvironment, ENVIRONMENT_TAG, ENVIRONMENTS, STACK_TYPE } from "./lib/environment";
import { descendsFrom, identifiers, known, ofType, refersTo } from "./lib/graph";
import { keyReferences, referencedKeyRegions } from "./lib/kmsReferences";
import { loadBalancers } from "./lib/loadBalancers";
import { deadLetterQueues } from "./lib/queues";
import { arnRegion, regionOf, workloadRegions } from "./lib/region";
import { findVpcs, vpcCidrs } from "./lib/vpc";

const GLOBAL_CLUSTER_TYPE = "aws:rds/globalCluster:GlobalCluster";
const CLUSTER_TYPE = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE_TYPE = "aws:rds/clusterInstance:ClusterInstance";
const INSTANCE_TYPE = "aws:rds/instance:Instance";
const REPLICATION_GROUP_TYPE = "aws:elasticache/replicationGroup:ReplicationGroup";
const GLOBAL_REPLICATION_GROUP_TYPE = "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup";
const WEB_ACL_TYPE = "aws:wafv2/webAcl:WebAcl";

/** The only region CloudFront takes certificates and CLOUDFRONT-scope web ACLs from. */
const CLOUDFRONT_REGION = "us-east-1";

/**
 * Types a stack declares in one region by design: a global database or datastore lives in the
 * primary region, a secret there replicates itself, CloudFront's standard logging v2 is in
 * us-east-1, and bucket replication is configured on the source side only.
 */
const SINGLE_REGION_TYPES: ReadonlySet<string> = new Set([
  GLOBAL_CLUSTER_TYPE,
  GLOBAL_REPLICATION_GROUP_TYPE,
  "aws:secretsmanager/secret:Secret",
  "aws:secretsmanager/secretVersion:SecretVersion",
  "aws:secretsmanager/secretPolicy:SecretPolicy",
  "aws:secretsmanager/secretRotation:SecretRotation",
  // one Grafana workspace reads every region's Prometheus workspace
  "aws:grafana/workspace:Workspace",
  // its service account and token provision the data sources of every region
  "aws:grafana/workspaceServiceAccount:WorkspaceServiceAccount",
  "aws:grafana/workspaceServiceAccountToken:WorkspaceServiceAccountToken",
  // the secret's rotation function runs where the secret is written
  "aws:serverlessrepository/cloudFormationStack:CloudFormationStack",
  // the cache AUTH secret's rotation function (and the permission Secrets Manager invokes it with), likewise
  "aws:lambda/function:Function",
  "aws:lambda/permission:Permission",
  "aws:cloudwatch/logDeliverySource:LogDeliverySource",
  "aws:cloudwatch/logDelivery:LogDelivery",
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination",
  "aws:cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy",
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  // one Region switch plan per stack, covering every region
  "aws:arcregionswitch/plan:Plan",
  // the RDS writer's automated backups, replicated into the next region only
  "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
]);

/** Types that are the same piece of the stamp (a multi-region key's primary in one region, its replicas in the others). */
const SAME_PIECE: Readonly<Record<string, string>> = {
  "aws:kms/replicaKey:ReplicaKey": "aws:kms/key:Key",
  // a global table is the table in one region and a replica in each other: the same piece
  "aws:dynamodb/tableReplica:TableReplica": "aws:dynamodb/table:Table",
};

/** True for a set, non-empty string. */
function given(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** True for resources that make up a regional stamp: AWS resources and awsx components, not providers or blueprint components. */
function isStampResource(resource: PolicyResource): boolean {
  return resource.type.startsWith("aws:") || resource.type.startsWith("awsx:");
}

/**
 * URNs of the regional resources that serve CloudFront, which live in us-east-1 (or, for a
 * failover origin, one other region) whatever the stack's regions: CLOUDFRONT-scope web ACLs,
 * the distribution's certificate (and its validation), what depends on those or on a
 * distribution (logging configurations, log delivery sources), and everything the component
 * that declares the distribution declares.
 */
function cloudFrontResources(resources: readonly PolicyResource[]): Set<string> {
  const distributions = ofType(resources, DISTRIBUTION_TYPE);
  const acls = ofType(resources, WEB_ACL_TYPE).filter((acl) => known((): unknown => acl.props.scope) === "CLOUDFRONT");
  const edge = new Set<string>(acls.map((acl) => acl.urn));
  const viaCertificate = distributions.flatMap((distribution) => [
    ...(distribution.propertyDependencies.viewerCertificate ?? []),
    ...(distribution.propertyDependencies.webAclId ?? []),
  ]);
  for (const dep of viaCertificate) {
    edge.add(dep.urn);
    for (const inner of Object.values(dep.propertyDependencies).flat()) if (inner.type.startsWith("aws:acm/")) edge.add(inner.urn);
  }
  const anchors = new Set([...distributions.map((d) => d.urn), ...acls.map((acl) => acl.urn)]);
  // the component that declares a distribution (components/cdn) declares only edge resources
  const owners = distributions.map((d) => d.parent).filter((parent): parent is PolicyResource => parent !== undefined && parent.type !== STACK_TYPE);
  for (const resource of resources) {
    if (
      Object.values(resource.propertyDependencies)
        .flat()
        .some((dep) => anchors.has(dep.urn))
    )
      edge.add(resource.urn);
    if (owners.some((owner) => descendsFrom(resource, owner))) edge.add(resource.urn);
  }
  return edge;
}

/** Prod runs in several regions. */
export const stackRequireMinimumRegions = stackPolicy({
  name: "stack-require-minimum-regions",
  description: "Checks that a stack of the configured environments (prod) runs its workload in at least the configured number of regions.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Add a region under blueprint:regions (its own disjoint vpcCidr and pinned AZs), or set blueprint:resilienceWaiver with the reason (the plan passes it as the blueprint:resilience-waiver stack tag).",
  ids: { wellArchitected: ["REL10-BP01", "REL13-BP02"] },
  configSchema: {
    properties: {
      minimumRegions: { type: "integer", minimum: 1, default: 2, description: "Fewest regions the workload runs in." },
      environments: {
        type: "array",
        items: { type: "string", enum: [...ENVIRONMENTS] },
        default: ["prod"],
        description: "Environments the minimum applies to.",
      },
      environment: {
        type: "string",
        enum: [...ENVIRONMENTS],
        description: "The stack's environment when neither the blueprint:environment stack tag nor the environment stack output gives it.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<{ minimumRegions: number; environments: string[]; environment?: string }>();
    const environment = stackEnvironment(args, config.environment);
    if (environment !== undefined && !config.environments.includes(environment)) {
      args.notApplicable(`The minimum applies to ${config.environments.join(", ")}; this stack is ${environment}.`);
    }
    const waiver = resilienceWaiver(args.stackTags);
    if (waiver) args.notApplicable(`Resilience waiver: ${waiver}`);
    const regions = workloadRegions(args.resources);
    if (regions.length < config.minimumRegions) {
      reportViolation(
        `The ${environment ?? "(unknown environment)"} stack runs in ${regions.length} region(s) (${regions.join(", ") || "none"}); at least ${config.minimumRegions} are required.`,
      );
    }
  },
});

/** VPC address space never overlaps, so regions can be peered. */
export const stackDisallowOverlappingVpcCidrs = stackPolicy({
  name: "stack-disallow-overlapping-vpc-cidrs",
  description: "Checks that the IPv4 blocks of the stack's VPCs are pairwise disjoint, so that regions can be peered or joined by a transit gateway.",
  severity: "high",
  service: "stack",
  remediationSteps: "Give each region its own vpcCidr in the stack file (the shipped stacks use one /16 per region: 10.128.0.0/16, 10.129.0.0/16, …).",
  ids: { wellArchitected: ["REL02-BP05"] },
  validateStack: (args, reportViolation) => {
    const vpcs = findVpcs(args.resources);
    if (vpcs.length < 2) args.notApplicable("The stack has fewer than two VPCs.");
    const blocks: Array<{ vpc: string; urn: string; range: Ipv4Range }> = [];
    for (const vpc of vpcs) {
      for (const cidr of vpcCidrs(vpc, args.resources)) {
        const range = parseIpv4Cidr(cidr);
        if (!range) {
          reportViolation(`VPC ${vpc.resource.name} has a block that is not an IPv4 CIDR: ${JSON.stringify(cidr)}.`, vpc.resource.urn);
          continue;
        }
        for (const other of blocks) {
          if (other.vpc !== vpc.resource.name && overlaps(other.range, range)) {
            reportViolation(`VPC ${vpc.resource.name} (${cidr}) overlaps VPC ${other.vpc} (${other.range.cidr}).`, vpc.resource.urn);
          }
        }
        blocks.push({ vpc: vpc.resource.name, urn: vpc.resource.urn, range });
      }
    }
  },
});

/** Every region runs the same kinds of resources. */
export const stackRequireIdenticalRegionalStamps = stackPolicy({
  name: "stack-require-identical-regional-stamps",
  description:
    "Checks that every region of the stack declares the same resource types (apart from the pieces a multi-region stack keeps in one region: global clusters and datastores, replicated secrets, the Grafana workspace, CloudFront's us-east-1 resources), so that a failover region is not missing a piece the primary has.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Declare regional resources inside the RegionalStamp (components/region) so that every region gets them, and set `region` on each (a resource without it lands in the default provider's region).",
  ids: { wellArchitected: ["REL13-BP04", "REL10-BP01"] },
  configSchema: {
    properties: {
      ignoreTypes: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Type tokens that may exist in some regions only (for example a resource only the primary region has).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const { ignoreTypes } = args.getConfig<{ ignoreTypes: string[] }>();
    const edge = cloudFrontResources(args.resources);
    // The stack's regions are those with a VPC: us-east-1's CloudFront certificate, WAF and Route 53
    // health-check alarms, or a static bucket's replica region, do not make a region of the stack.
    const stampRegions = new Set(args.resources.filter((r) => r.type === "awsx:ec2:Vpc" || r.type === "aws:ec2/vpc:Vpc").flatMap((r) => regionOf(r) ?? []));
    const typesByRegion = new Map<string, Set<string>>();
    for (const resource of args.resources) {
      if (!isStampResource(resource) || ignoreTypes.includes(resource.type) || SINGLE_REGION_TYPES.has(resource.type) || edge.has(resource.urn)) continue;
      const region = regionOf(resource);
      if (region === undefined || (stampRegions.size > 0 && !stampRegions.has(region))) continue;
      const types = typesByRegion.get(region) ?? new Set<string>();
      types.add(SAME_PIECE[resource.type] ?? resource.type);
      typesByRegion.set(region, types);
    }
    if (typesByRegion.size < 2) args.notApplicable("The stack has regional resources in fewer than two regions.");
    const regions = [...typesByRegion.keys()].sort();
    for (const region of regions) {
      const missing = new Map<string, string[]>();
      for (const other of regions) {
        if (other === region) continue;
        for (const type of typesByRegion.get(other)!) {
          if (!typesByRegion.get(region)!.has(type)) missing.set(type, [...(missing.get(type) ?? []), other]);
        }
      }
      for (const [type, others] of [...missing.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        reportViolation(`Region ${region} has no ${type}, which ${others.join(", ")} ${others.length === 1 ? "has" : "have"}.`);
      }
    }
  },
});

/** The pack runs with the config file of the stack's environment. */
export const stackRequireMatchingPolicyConfig = stackPolicy({
  name: "stack-require-matching-policy-config",
  description:
    "Checks that the pack runs with the pack config of the stack's own environment, so that a prod stack is never checked with dev's advisory levels or thresholds.",
  severity: "critical",
  service: "stack",
  // Mandatory whatever `all` says: the config files also name it explicitly.
  enforcementLevel: "mandatory",
  remediationSteps:
    "Pass the environment's file: `pulumi preview --policy-pack policies --policy-pack-config policies/config/<environment>.json`; set the stack tag with `pulumi stack tag set blueprint:environment <environment>` if it disagrees.",
  ids: { blueprint: ["enforcement-per-environment"] },
  configSchema: {
    properties: {
      environment: {
        type: "string",
        enum: [...ENVIRONMENTS],
        description: "The environment the pack config file is for (each policies/config/<environment>.json sets it).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const configured = args.getConfig<{ environment?: string }>().environment;
    if (configured === undefined) {
      args.notApplicable("The pack runs without an environment's config file, so every policy is at the pack default (mandatory).");
    }
    const sources = environmentSources(args);
    if (sources.tag !== undefined && sources.output !== undefined && sources.tag !== sources.output) {
      reportViolation(`The stack tag ${ENVIRONMENT_TAG}=${sources.tag} disagrees with the stack's environment output ${JSON.stringify(sources.output)}.`);
    }
    const actual = sources.tag ?? sources.output;
    if (actual === undefined) {
      reportViolation(
        `The stack's environment is unknown (no ${ENVIRONMENT_TAG} stack tag, no environment stack output), so the ${configured} pack config cannot be verified.`,
      );
    } else if (!isEnvironment(actual)) {
      reportViolation(`The stack's environment ${JSON.stringify(actual)} is not one of ${ENVIRONMENTS.join(", ")}.`);
    } else if (actual !== configured) {
      reportViolation(`The pack runs with the ${configured} pack config but the stack is ${actual}; use policies/config/${actual}.json.`);
    }
  },
});

/** Reports, per workload region, a count of members other than one. */
function checkOnePerRegion(
  members: readonly PolicyResource[],
  regions: readonly string[],
  what: { readonly one: string; readonly many: string },
  reportViolation: ReportViolation,
): void {
  for (const region of regions) {
    const here = members.filter((member) => regionOf(member) === region);
    if (here.length === 0) reportViolation(`Region ${region} has no ${what.one}.`);
    else if (here.length > 1)
      reportViolation(`Region ${region} has ${here.length} ${what.many} (${here.map((m) => m.name).join(", ")}); one per region is expected.`);
  }
}

/** A database member in every region, as the mode the resources show requires. */
export const stackRequireDatabaseInEveryRegion = stackPolicy({
  name: "stack-require-database-in-every-region",
  description:
    "Checks that the database has a member in every region the workload runs in, in the mode its resources show: aurora-global (one cluster per region, all members of the one global cluster), rds-replicas (one instance per region, the others read replicas of the primary) or single-region (exactly one database).",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Let components/database create one member per region of blueprint:regions: a cluster with globalClusterIdentifier set (aurora-global) or a read replica whose replicateSourceDb is the primary's ARN (rds-replicas); a single-region database is one cluster or instance only.",
  ids: { wellArchitected: ["REL10-BP01", "REL13-BP02", "REL09-BP03"] },
  validateStack: (args, reportViolation) => {
    const all = [...ofType(args.resources, GLOBAL_CLUSTER_TYPE), ...ofType(args.resources, CLUSTER_TYPE), ...ofType(args.resources, INSTANCE_TYPE)];
    if (all.length === 0) args.notApplicable("The stack declares no database.");
    const regions = workloadRegions(args.resources);
    // each shard (blueprint:database.shards) is a database of its own; shards after the first carry a DatabaseShard tag
    const shards = [...new Set(all.map(databaseShardOf))].sort();
    for (const shard of shards)
      checkDatabaseShard(
        all.filter((resource) => databaseShardOf(resource) === shard),
        regions,
        reportViolation,
      );
  },
});

/** The shard a database resource belongs to: its `DatabaseShard` tag, `0` without one. */
function databaseShardOf(resource: PolicyResource): string {
  const tags = known((): unknown => resource.props.tags);
  const shard = tags !== null && typeof tags === "object" ? (tags as Record<string, unknown>).DatabaseShard : undefined;
  return typeof shard === "string" && shard !== "" ? shard : "0";
}

/** The database-in-every-region rules for the resources of one shard. */
function checkDatabaseShard(resources: readonly PolicyResource[], regions: readonly string[], reportViolation: ReportViolation): void {
  {
    const globals = ofType(resources, GLOBAL_CLUSTER_TYPE);
    const clusters = ofType(resources, CLUSTER_TYPE);
    const instances = ofType(resources, INSTANCE_TYPE);
    if (globals.length > 0) {
      if (globals.length > 1)
        reportViolation(`The stack has ${globals.length} global clusters (${globals.map((g) => g.name).join(", ")}); aurora-global mode has one.`);
      const global = globals[0];
      const members = clusters.filter((cluster) => globals.some((g) => refersTo(cluster, "globalClusterIdentifier", g, ["id", "globalClusterIdentifier"])));
      for (const cluster of clusters.filter((c) => !members.includes(c))) {
        reportViolation(
          `Aurora cluster ${cluster.name} (${regionOf(cluster) ?? "unknown region"}) is not a member of global cluster ${global.name}.`,
          cluster.urn,
        );
      }
      checkOnePerRegion(
        members,
        regions,
        { one: `member cluster of global cluster ${global.name}`, many: `member clusters of global cluster ${global.name}` },
        reportViolation,
      );
      return;
    }

    const replicas = instances.filter((instance) => given(known((): unknown => instance.props.replicateSourceDb)));
    if (replicas.length > 0) {
      const primaries = instances.filter((instance) => !replicas.includes(instance));
      if (primaries.length !== 1) {
        reportViolation(
          `rds-replicas mode has one primary instance; the stack has ${primaries.length}${primaries.length > 0 ? ` (${primaries.map((p) => p.name).join(", ")})` : ""}.`,
        );
      }
      for (const replica of replicas) {
        if (!primaries.some((primary) => refersTo(replica, "replicateSourceDb", primary, ["arn", "identifier", "id"]))) {
          reportViolation(
            `Read replica ${replica.name} does not replicate the primary instance${primaries.length === 1 ? ` ${primaries[0].name}` : ""}.`,
            replica.urn,
          );
        }
      }
      checkOnePerRegion(instances, regions, { one: "database instance (the primary or a read replica of it)", many: "database instances" }, reportViolation);
      return;
    }

    const databases = [...clusters, ...instances];
    if (databases.length > 1) {
      reportViolation(
        `The stack has ${databases.length} independent databases (${databases.map((d) => d.name).join(", ")}) with neither a global cluster nor read replicas; single-region mode has exactly one.`,
      );
    }
  }
}

/** A cache member in every region, as the mode the resources show requires. */
export const stackRequireCacheInEveryRegion = stackPolicy({
  name: "stack-require-cache-in-every-region",
  description:
    "Checks that the cache has a member in every region the workload runs in, in the mode its resources show: global (one replication group per region, all members of the one global datastore) or regional (one replication group per region); a stack without cache resources is not checked.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Let components/cache create one replication group per region of blueprint:regions: the primary named by the GlobalReplicationGroup's primaryReplicationGroupId and secondaries with globalReplicationGroupId set (global), or an independent group per region (regional). A global datastore takes at most two secondaries.",
  ids: { wellArchitected: ["REL10-BP01", "REL13-BP02"] },
  validateStack: (args, reportViolation) => {
    const globals = ofType(args.resources, GLOBAL_REPLICATION_GROUP_TYPE);
    const groups = ofType(args.resources, REPLICATION_GROUP_TYPE);
    if (globals.length + groups.length === 0) args.notApplicable("The stack declares no cache.");
    const regions = workloadRegions(args.resources);
    if (globals.length > 0) {
      if (globals.length > 1)
        reportViolation(`The stack has ${globals.length} global datastores (${globals.map((g) => g.name).join(", ")}); global mode has one.`);
      const global = globals[0];
      const primaries = groups.filter((group) => globals.some((g) => refersTo(g, "primaryReplicationGroupId", group, ["id", "replicationGroupId"])));
      if (primaries.length === 0)
        reportViolation(`Global datastore ${global.name}'s primary replication group is not a replication group of the stack.`, global.urn);
      const secondaries = groups.filter((group) => globals.some((g) => refersTo(group, "globalReplicationGroupId", g, ["id", "globalReplicationGroupId"])));
      const members = [...new Set([...primaries, ...secondaries])];
      for (const group of groups.filter((g) => !members.includes(g))) {
        reportViolation(
          `Replication group ${group.name} (${regionOf(group) ?? "unknown region"}) is not a member of global datastore ${global.name}.`,
          group.urn,
        );
      }
      checkOnePerRegion(
        members,
        regions,
        { one: `member of global datastore ${global.name}`, many: `members of global datastore ${global.name}` },
        reportViolation,
      );
      return;
    }
    checkOnePerRegion(groups, regions, { one: "cache replication group", many: "cache replication groups" }, reportViolation);
  },
});

/** A watched resource and how an alarm names it. */
interface Watched {
  readonly resource: PolicyResource;
  readonly kind: string;
  /** Resources whose alarms also count (a cluster's instances). */
  readonly related: readonly PolicyResource[];
  readonly matches: (metric: AlarmMetric) => boolean;
}

function dimensionIn(metric: AlarmMetric, namespaces: readonly string[], dimension: string, ids: readonly string[]): boolean {
  if (metric.namespace !== undefined && !namespaces.includes(metric.namespace)) return false;
  const value = metric.dimensions[dimension];
  return value !== undefined && ids.includes(value);
}

/** A resource's ARN, from its outputs or its inputs, when known. */
function matchableArn(resource: PolicyResource): string | undefined {
  const value = known((): unknown => resource.props.arn);
  return typeof value === "string" && value !== "" ? value : undefined;
}

function watchedResources(resources: readonly PolicyResource[]): Watched[] {
  const watched: Watched[] = [];
  for (const balancer of loadBalancers(resources)) {
    const ids = identifiers(balancer, ["arnSuffix"]);
    watched.push({
      resource: balancer,
      kind: "load balancer",
      related: [],
      matches: (m) => dimensionIn(m, ["AWS/ApplicationELB", "AWS/NetworkELB"], "LoadBalancer", ids),
    });
  }
  for (const queue of deadLetterQueues(resources)) {
    const ids = identifiers(queue, ["name"]);
    watched.push({ resource: queue, kind: "dead-letter queue", related: [], matches: (m) => dimensionIn(m, ["AWS/SQS"], "QueueName", ids) });
  }
  const clusterInstances = ofType(resources, CLUSTER_INSTANCE_TYPE);
  for (const cluster of ofType(resources, CLUSTER_TYPE)) {
    const ids = identifiers(cluster, ["clusterIdentifier", "id"]);
    const members = clusterInstances.filter((instance) => refersTo(instance, "clusterIdentifier", cluster, ["id", "clusterIdentifier"]));
    const memberIds = members.flatMap((member) => identifiers(member, ["identifier", "id"]));
    watched.push({
      resource: cluster,
      kind: "database",
      related: members,
      matches: (m) => dimensionIn(m, ["AWS/RDS"], "DBClusterIdentifier", ids) || dimensionIn(m, ["AWS/RDS"], "DBInstanceIdentifier", memberIds),
    });
  }
  for (const instance of ofType(resources, INSTANCE_TYPE)) {
    const ids = identifiers(instance, ["identifier", "id"]);
    watched.push({ resource: instance, kind: "database", related: [], matches: (m) => dimensionIn(m, ["AWS/RDS"], "DBInstanceIdentifier", ids) });
  }
  // a DynamoDB table and each replica share the table name; each copy is watched in its own region
  for (const table of [...ofType(resources, "aws:dynamodb/table:Table"), ...ofType(resources, "aws:dynamodb/tableReplica:TableReplica")]) {
    const arn = matchableArn(table);
    const ids = [...identifiers(table, ["name"]), ...(arn ? [arn.replace(/^.*:table\//, "")] : [])];
    watched.push({ resource: table, kind: "DynamoDB table", related: [], matches: (m) => dimensionIn(m, ["AWS/DynamoDB"], "TableName", ids) });
  }
  for (const proxy of ofType(resources, "aws:rds/proxy:Proxy")) {
    const ids = identifiers(proxy, ["name", "id"]);
    watched.push({ resource: proxy, kind: "database proxy", related: [], matches: (m) => dimensionIn(m, ["AWS/RDS"], "ProxyName", ids) });
  }
  for (const group of ofType(resources, REPLICATION_GROUP_TYPE)) {
    const ids = identifiers(group, ["replicationGroupId", "id"]);
    watched.push({
      resource: group,
      kind: "cache",
      related: [],
      matches: (m) => {
        if (dimensionIn(m, ["AWS/ElastiCache"], "ReplicationGroupId", ids)) return true;
        // member clusters are named <replicationGroupId>-001, -002, … (or -0001-001 with shards)
        const member = m.dimensions.CacheClusterId;
        return (m.namespace === undefined || m.namespace === "AWS/ElastiCache") && member !== undefined && ids.some((id) => member.startsWith(`${id}-`));
      },
    });
  }
  return watched;
}

/** Every load balancer, dead-letter queue, database and cache has an alarm that notifies someone, in its own region. */
export const stackRequireAlarmCoverage = stackPolicy({
  name: "stack-require-alarm-coverage",
  description:
    "Checks that every load balancer, dead-letter queue, database (Aurora cluster or RDS instance) and cache replication group has at least one CloudWatch alarm in its own region, on its own metrics, with an enabled alarm action.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Create the alarms next to the resource (same region; CloudWatch alarms only see their own region's metrics) with the region's alarm topic as alarmActions: 5xx/unhealthy hosts per load balancer (AWS/ApplicationELB LoadBalancer), messages visible per DLQ (AWS/SQS QueueName), CPU/replica lag per database (AWS/RDS DBClusterIdentifier or DBInstanceIdentifier), CPU/memory/replication lag per cache (AWS/ElastiCache ReplicationGroupId or CacheClusterId).",
  ids: { wellArchitected: ["REL06-BP01", "REL06-BP03", "REL11-BP06", "REL05-BP04"] },
  validateStack: (args, reportViolation) => {
    const watched = watchedResources(args.resources);
    if (watched.length === 0) args.notApplicable("The stack has no load balancer, dead-letter queue, database or cache.");
    // read each alarm once: the proxied props are slow to walk
    const alarms = ofType(args.resources, METRIC_ALARM_TYPE).map((alarm) => ({ alarm, metrics: alarmMetrics(alarm), region: regionOf(alarm) }));
    for (const { resource, kind, related, matches } of watched) {
      const region = regionOf(resource);
      const watching = alarms.filter(({ alarm, metrics }) => alarmDependsOn(alarm, [resource, ...related]) || metrics.some(matches));
      const local = watching.filter((entry) => entry.region === region).map((entry) => entry.alarm);
      const name = `${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${resource.name} (${region ?? "unknown region"})`;
      if (local.length === 0) {
        const elsewhere = watching.map((entry) => `${entry.alarm.name} in ${entry.region ?? "an unknown region"}`);
        reportViolation(
          `${name} has no CloudWatch alarm in its region${elsewhere.length > 0 ? `; ${elsewhere.join(", ")} cannot see its metrics` : ""}.`,
          resource.urn,
        );
      } else if (!local.some(alarmNotifies)) {
        reportViolation(`${name} has alarm(s) ${local.map((alarm) => alarm.name).join(", ")} but none with an enabled alarm action.`, resource.urn);
      }
    }
  },
});

/** Every key a regional resource uses is in that resource's region. */
export const stackRequireRegionalKmsKeys = stackPolicy({
  name: "stack-require-regional-kms-keys",
  description:
    "Checks that every KMS key a regional resource encrypts with (kmsKeyId, kmsKeyArn, kmsMasterKeyId, Performance Insights, EBS and S3 default keys, each secret replica's key) is in that resource's region (or the replica's), so losing one region's KMS does not take another region's data with it.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Pass each region its own key: the multi-region data key's ARN for that region (components/kms MultiRegionKey keyArns[region]: the primary or the replica key), never the primary region's ARN.",
  ids: { wellArchitected: ["REL09-BP02", "REL10-BP01"] },
  validateStack: (args, reportViolation) => {
    let references = 0;
    for (const resource of args.resources) {
      for (const reference of keyReferences(resource)) {
        references++;
        const wrong = referencedKeyRegions(reference).find((key) => key.region !== reference.expectedRegion);
        if (wrong) {
          reportViolation(
            `${resource.type.split(":").pop()} ${resource.name} encrypts ${reference.path} with KMS key ${wrong.key} of ${wrong.region}; it needs a key of ${reference.expectedRegion}.`,
            resource.urn,
          );
        }
      }
    }
    if (references === 0) args.notApplicable("No regional resource names a KMS key.");
  },
});

/** CloudFront's certificate and web ACL are in us-east-1. */
export const stackRequireEdgeResourcesInUsEast1 = stackPolicy({
  name: "stack-require-edge-resources-in-us-east-1",
  description:
    "Checks that every CloudFront distribution's ACM certificate and WAF web ACL are in us-east-1 and that the web ACL has CLOUDFRONT scope, the only places CloudFront takes them from, whatever the stack's regions.",
  severity: "critical",
  service: "stack",
  remediationSteps:
    'Create the CDN\'s aws.acm.Certificate and aws.wafv2.WebAcl (scope "CLOUDFRONT") with `region: "us-east-1"`; give the distribution that certificate\'s validated ARN and the web ACL\'s ARN.',
  ids: { checkov: ["CKV_AWS_68"], cdkNag: ["AwsSolutions-CFR2"], wellArchitected: ["REL02-BP01"] },
  validateStack: (args, reportViolation) => {
    const distributions = ofType(args.resources, DISTRIBUTION_TYPE);
    const acls = ofType(args.resources, WEB_ACL_TYPE);
    if (distributions.length === 0) args.notApplicable("The stack has no CloudFront distribution.");
    for (const distribution of distributions) {
      const certificate = known((): unknown => (distribution.props.viewerCertificate as { acmCertificateArn?: unknown } | undefined)?.acmCertificateArn);
      const certificateRegions = [
        ...(given(certificate) && arnRegion(certificate) !== undefined ? [{ what: certificate, region: arnRegion(certificate)! }] : []),
        ...(distribution.propertyDependencies.viewerCertificate ?? [])
          .filter((dep) => dep.type.startsWith("aws:acm/"))
          .map((dep) => ({ what: dep.name, region: regionOf(dep) })),
      ];
      const wrongCertificate = certificateRegions.find((entry) => entry.region !== undefined && entry.region !== CLOUDFRONT_REGION);
      if (wrongCertificate) {
        reportViolation(
          `Distribution ${distribution.name}'s certificate ${wrongCertificate.what} is in ${wrongCertificate.region}; CloudFront only uses ACM certificates from ${CLOUDFRONT_REGION}.`,
          distribution.urn,
        );
      }
      const aclArn = known((): unknown => distribution.props.webAclId);
      if (given(aclArn) && aclArn.startsWith("arn:")) {
        const region = arnRegion(aclArn);
        if (/:regional\//.test(aclArn) || (region !== undefined && region !== CLOUDFRONT_REGION)) {
          reportViolation(`Distribution ${distribution.name}'s web ACL ${aclArn} is not a CLOUDFRONT-scope web ACL of ${CLOUDFRONT_REGION}.`, distribution.urn);
        }
      }
      for (const acl of acls.filter((candidate) => (distribution.propertyDependencies.webAclId ?? []).some((dep) => dep.urn === candidate.urn))) {
        if (known((): unknown => acl.props.scope) !== "CLOUDFRONT")
          reportViolation(
            `Web ACL ${acl.name}, which distribution ${distribution.name} uses, has scope ${scopeText(known((): unknown => acl.props.scope))}; CloudFront needs CLOUDFRONT.`,
            acl.urn,
          );
      }
    }
    for (const acl of acls.filter((candidate) => known((): unknown => candidate.props.scope) === "CLOUDFRONT")) {
      const region = regionOf(acl);
      if (region !== undefined && region !== CLOUDFRONT_REGION)
        reportViolation(`CLOUDFRONT-scope web ACL ${acl.name} is in ${region}; it must be created in ${CLOUDFRONT_REGION}.`, acl.urn);
    }
  },
});

/** CloudFront fails over to another region's origin. */
export const stackRequireOriginFailover = stackPolicy({
  name: "stack-require-origin-failover",
  description:
    "Checks that every CloudFront distribution of a stack running in two or more regions has origin groups of at least two origins in different regions, with failover status codes, used by a cache behavior.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Give the distribution an origin group per origin kind (the primary region's origin first, another region's as failover) with failoverCriteria.statusCodes [500, 502, 503, 504] and point the cache behaviors (GET/HEAD ones: CloudFront fails over only for those) at the group.",
  ids: { checkov: ["CKV_AWS_310"], wellArchitected: ["REL10-BP01", "REL11-BP02"] },
  validateStack: (args, reportViolation) => {
    const distributions = ofType(args.resources, DISTRIBUTION_TYPE);
    if (distributions.length === 0) args.notApplicable("The stack has no CloudFront distribution.");
    if (workloadRegions(args.resources).length < 2) args.notApplicable("The stack runs in fewer than two regions.");
    for (const distribution of distributions) {
      const props = distribution.props as DistributionProps;
      const groups = props.originGroups ?? [];
      if (groups.length === 0) {
        reportViolation(`Distribution ${distribution.name} has no origin group, so it cannot fail over to another region's origin.`, distribution.urn);
        continue;
      }
      for (const group of groups) {
        const memberIds = (group.members ?? []).map((member) => member.originId);
        if (memberIds.length < 2)
          reportViolation(
            `Origin group ${group.originId} of distribution ${distribution.name} has ${memberIds.length} member(s); it needs a primary and a failover origin.`,
            distribution.urn,
          );
        if ((group.failoverCriteria?.statusCodes ?? []).length === 0)
          reportViolation(`Origin group ${group.originId} of distribution ${distribution.name} fails over on no status code.`, distribution.urn);
        const origins = (props.origins ?? []).filter((origin) => memberIds.includes(origin.originId));
        const regions = origins.map((origin) => originRegion(origin, args.resources));
        const knownRegions = regions.filter((region): region is string => region !== undefined);
        if (memberIds.length >= 2 && knownRegions.length === regions.length && knownRegions.length === memberIds.length && new Set(knownRegions).size < 2) {
          reportViolation(`Origin group ${group.originId} of distribution ${distribution.name} has all its origins in ${knownRegions[0]}.`, distribution.urn);
        }
      }
      if (!behaviors(props).some((behavior) => groups.some((group) => group.originId === behavior.targetOriginId))) {
        reportViolation(`No cache behavior of distribution ${distribution.name} uses an origin group.`, distribution.urn);
      }
    }
  },
});

/** One region's compute does not reach into another region's queues or caches. */
export const stackDisallowCrossRegionDataPath = stackPolicy({
  name: "stack-disallow-cross-region-data-path",
  description:
    "Checks that no launch template (its user data or other settings) and no policy of its instance role refers to a queue or cache of another region, so each region's compute keeps working when another region fails.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Give each region's tiers their own region's queue URLs, cache endpoints and ARNs (the RegionalStamp passes its region's), and scope the instance role's policy to them; replicate data between regions with the data tier's own replication instead.",
  ids: { wellArchitected: ["REL10-BP03", "REL10-BP01"] },
  validateStack: (args, reportViolation) => {
    const templates = launchTemplates(args.resources);
    if (templates.length === 0) args.notApplicable("The stack has no launch template.");
    for (const template of templates) {
      const region = regionOf(template);
      const seen = new Set<string>();
      for (const reference of launchTemplateDataPath(template, args.resources)) {
        if (reference.region === region) continue;
        const message = `Launch template ${template.name} (${region ?? "unknown region"}) reaches ${reference.kind} ${reference.label} of ${reference.region} through ${reference.via}; a region's compute must only use its own region's queues and caches.`;
        if (seen.has(message)) continue;
        seen.add(message);
        reportViolation(message, template.urn);
      }
    }
  },
});

/** The multi-region stack policies, in pack order. */
const TABLE_TYPE = "aws:dynamodb/table:Table";
const TABLE_REPLICA_TYPE = "aws:dynamodb/tableReplica:TableReplica";
const PROXY_TYPE = "aws:rds/proxy:Proxy";
const PROXY_TARGET_TYPE = "aws:rds/proxyTarget:ProxyTarget";

/** Every DynamoDB table has a copy (the table or a replica of it) in every region the workload runs in. */
export const stackRequireTableReplicaInEveryRegion = stackPolicy({
  name: "stack-require-table-replica-in-every-region",
  description:
    "Checks that every DynamoDB table has a copy in every region the workload runs in: the table itself in one region and a TableReplica of it in each other, at most one per region.",
  severity: "high",
  service: "stack",
  remediationSteps:
    "Let components/tables declare each table of blueprint:tables in the primary region and an aws.dynamodb.TableReplica of it in every other region.",
  ids: { wellArchitected: ["REL10-BP01", "REL13-BP02"] },
  validateStack: (args, reportViolation) => {
    const tables = ofType(args.resources, TABLE_TYPE);
    if (tables.length === 0) args.notApplicable("The stack declares no DynamoDB table.");
    const replicas = ofType(args.resources, TABLE_REPLICA_TYPE);
    const regions = workloadRegions(args.resources);
    for (const table of tables) {
      const copies = [table, ...replicas.filter((replica) => refersTo(replica, "globalTableArn", table, ["arn"]))];
      checkOnePerRegion(copies, regions, { one: `copy of table ${table.name}`, many: `copies of table ${table.name}` }, reportViolation);
    }
    for (const replica of replicas.filter((candidate) => !tables.some((table) => refersTo(candidate, "globalTableArn", table, ["arn"])))) {
      reportViolation(`Table replica ${replica.name} replicates no table of this stack.`, replica.urn);
    }
  },
});

/** With connection pooling, every database member of every region is behind a proxy of its region. */
export const stackRequireProxyForEveryDatabase = stackPolicy({
  name: "stack-require-proxy-for-every-database",
  description:
    "Checks that a stack with RDS proxies puts one in front of every Aurora cluster and RDS instance, in the same region: otherwise a failover region's tiers open direct connections the pool was meant to absorb.",
  severity: "medium",
  service: "stack",
  remediationSteps: "Let components/proxy declare a RegionalProxy for each database member of every region (blueprint:proxy.enabled), or none at all.",
  ids: { wellArchitected: ["REL05-BP02", "PERF05-BP05"] },
  validateStack: (args, reportViolation) => {
    const proxies = ofType(args.resources, PROXY_TYPE);
    if (proxies.length === 0) args.notApplicable("The stack declares no RDS proxy.");
    const targets = ofType(args.resources, PROXY_TARGET_TYPE);
    const databases = [...ofType(args.resources, CLUSTER_TYPE), ...ofType(args.resources, INSTANCE_TYPE)];
    for (const database of databases) {
      const mine = targets.filter(
        (target) =>
          refersTo(target, "dbClusterIdentifier", database, ["clusterIdentifier", "id"]) ||
          refersTo(target, "dbInstanceIdentifier", database, ["identifier", "id"]),
      );
      if (mine.length === 0) {
        reportViolation(
          `Database ${database.name} (${regionOf(database) ?? "unknown region"}) is behind no RDS proxy, though the stack has proxies.`,
          database.urn,
        );
        continue;
      }
      for (const target of mine) {
        const proxy = proxies.find((candidate) => refersTo(target, "dbProxyName", candidate, ["name", "id"]));
        if (proxy && regionOf(proxy) !== regionOf(database)) {
          reportViolation(
            `Database ${database.name} (${regionOf(database) ?? "unknown region"}) is behind proxy ${proxy.name} of ${regionOf(proxy) ?? "an unknown region"}; a proxy must be in its target's VPC.`,
            database.urn,
          );
        }
      }
    }
  },
});

/** The stack policies, in pack order. */
export const STACK_POLICIES: readonly BlueprintPolicy[] = [
  stackRequireMinimumRegions,
  stackDisallowOverlappingVpcCidrs,
  stackRequireIdenticalRegionalStamps,
  stackRequireMatchingPolicyConfig,
  stackRequireDatabaseInEveryRegion,
  stackRequireCacheInEveryRegion,
  stackRequireAlarmCoverage,
  stackRequireRegionalKmsKeys,
  stackRequireEdgeResourcesInUsEast1,
  stackRequireOriginFailover,
  stackDisallowCrossRegionDataPath,
  stackRequireTableReplicaInEveryRegion,
  stackRequireProxyForEveryDatabase,
];

/** A web ACL's scope as a message shows it: the word, or what stands in its place. */
function scopeText(scope: unknown): string {
  return typeof scope === "string" ? scope : scope === undefined ? "unset" : JSON.stringify(scope);
}

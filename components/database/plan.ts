/**
 * Plan facts of the database component: Aurora global clusters, clusters and their instances, RDS
 * DB instances and parameter groups; what replaces them; the diagram's database boxes and their
 * replication arrows (global cluster ↔ member clusters, cross-region read replicas).
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { named, textInput, type Builder } from "../lib/plan/mock";
import { arn, hashHex, MOCK_ACCOUNT_ID, uuid } from "../lib/plan/mockIds";
import { always, type ComponentPlanFacts, type EdgeContext, type ReportContext, type SwitchoverContext } from "../lib/plan/facts";
import { SSM_PARAMETER } from "../lib/plan/sharedTypes";
import { dependsOn, referenced } from "../lib/plan/graphQueries";
import { stringInput } from "../lib/plan/planGraph";
import { servicePort } from "../lib/plan/ports";
import { cluster, clusterInstance, clusterParameterGroup, globalCluster, instance, parameterGroup } from "./lib/mocks";
import { free, hours, traffic, type CostRule } from "../lib/plan/cost";
import type { PlannedResource } from "../lib/plan/plannedResource";

/** An Aurora global cluster. */
export const RDS_GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
/** An Aurora (or Multi-AZ DB) cluster. */
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
/** An RDS DB instance. */
export const RDS_INSTANCE = "aws:rds/instance:Instance";

/**
 * A Serverless Application Repository stack: its ID is the CloudFormation stack's ARN (SAR prefixes
 * the name with `serverlessrepo-`); the rotation templates output the function's ARN.
 */
const rotationApplication: Builder = (input, region) => {
  const name = named(input);
  const functionName = (input.inputs.parameters as Record<string, unknown> | undefined)?.functionName;
  return {
    id: arn("cloudformation", region, `stack/serverlessrepo-${name}/${uuid(input.urn)}`),
    outputs: { outputs: { RotationLambdaARN: arn("lambda", region, `function:${typeof functionName === "string" ? functionName : name}`) } },
  };
};

/**
 * A scalable target: Pulumi's ID is its resource ID; Application Auto Scaling returns the target's
 * ARN and the service-linked role it uses for Aurora.
 */
const scalableTarget: Builder = (input, region) => ({
  id: textInput(input, "resourceId") ?? input.name,
  outputs: {
    arn: arn("application-autoscaling", region, `scalable-target/${hashHex(24, input.urn)}`),
    roleArn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/aws-service-role/rds.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_RDSCluster`,
  },
});

/** A scaling policy: its ID is its name; the ARN names the policy, the resource and the name (the alarms target tracking creates are left out). */
const scalingPolicy: Builder = (input, region) => {
  const name = named(input);
  return {
    id: name,
    outputs: {
      arn: arn("autoscaling", region, `scalingPolicy:${uuid(input.urn)}:resource/rds/${textInput(input, "resourceId") ?? ""}:policyName/${name}`),
    },
  };
};

/** The writer cluster feeds the global cluster, which feeds the others; a read replica is fed by its source. */
function replicationEdges({ graph, primaryRegion, nodeOf, connect }: EdgeContext): void {
  // Aurora global database: the writer cluster feeds the global cluster, which feeds the others.
  for (const global of graph.ofTypes([RDS_GLOBAL_CLUSTER])) {
    const members = graph.ofTypes([RDS_CLUSTER]).filter((cluster) => graph.propertyDependenciesOf(cluster, "globalClusterIdentifier").includes(global.urn));
    const source = referenced(graph, global, "sourceDbClusterIdentifier", new Set([RDS_CLUSTER]));
    // AWS adds secondaries to an existing writer, so a member that waits on another member is a
    // secondary; the member left is the writer.
    const secondaries = new Set(members.filter((member) => members.some((other) => other !== member && dependsOn(graph, member, other.urn))).map((m) => m.urn));
    const writer =
      source ??
      members.find((member) => !secondaries.has(member.urn) && secondaries.size > 0) ??
      members.find((member) => member.region === primaryRegion) ??
      members[0];
    for (const member of members) {
      if (member === writer) connect(nodeOf(member.urn), nodeOf(global.urn), "replication", "writer");
      else connect(nodeOf(global.urn), nodeOf(member.urn), "replication", "replica");
    }
  }
  // RDS and Aurora cross-region read replicas.
  for (const replica of graph.ofTypes([RDS_INSTANCE, RDS_CLUSTER])) {
    for (const property of ["replicateSourceDb", "replicationSourceIdentifier"]) {
      const source = referenced(graph, replica, property, new Set([RDS_INSTANCE, RDS_CLUSTER]));
      if (source) connect(nodeOf(source.urn), nodeOf(replica.urn), "replication", "read replica");
    }
  }
}

/** What the report reads of a region's shard map (components/database/lib/sharding.ts writes it). */
interface PlannedShardMap {
  readonly version?: number;
  readonly shards?: ReadonlyArray<{ readonly shard?: number; readonly range?: readonly number[]; readonly writerEndpoint?: string }>;
}

/** The report's shard table: per shard its hash range and, per region, the cluster the map points at. */
export function shardTableSection(context: ReportContext): string[] {
  const maps = new Map<string, PlannedShardMap>();
  for (const parameter of context.graph.ofTypes([SSM_PARAMETER])) {
    const text = stringInput(parameter, "insecureValue");
    if (parameter.region === null || text === undefined || !(stringInput(parameter, "name") ?? "").endsWith("/database/shard-map")) continue;
    try {
      maps.set(parameter.region, JSON.parse(text) as PlannedShardMap);
    } catch {
      // an unreadable map is left out of the table; the plan still records it
    }
  }
  const first = maps.get(context.primaryRegion) ?? [...maps.values()][0];
  if (first?.shards === undefined) return [];
  const regions = context.regions.filter((region) => maps.has(region));
  const header = ["shard", "hash range", ...regions];
  const rows = first.shards.map((shard, index) => [
    String(shard.shard ?? index),
    shard.range ? `${shard.range[0]}–${shard.range[1]}` : "none (not active yet)",
    ...regions.map((region) => `\`${(maps.get(region)?.shards?.[index]?.writerEndpoint ?? "?").split(".")[0]}\``),
  ]);
  return [
    "### Database shards",
    "",
    `Shard map version ${first.version ?? "?"}, written to every region (SSM \`/<project>-<stack>/database/shard-map\`): a key belongs to the shard whose range holds its 32-bit hash. Each cell is the cluster the region's map points at.`,
    "",
    "| " + header.join(" | ") + " |",
    "| " + header.map(() => "---").join(" | ") + " |",
    ...rows.map((row) => "| " + row.join(" | ") + " |"),
    "",
  ];
}

/** The database component's facts. */
/** Why an instance outside the writer's region is standby. */
const SECONDARY_STANDBY = "a secondary region's instance: it takes writes only after a switchover (it serves that region's reads)";

/** Instance hours of a database instance class, standby outside the primary region. */
function instanceHours(resource: PlannedResource, primaryRegion: string, count: number) {
  const engine = stringInput(resource, "engine") ?? "(engine unknown)";
  const instanceClass = stringInput(resource, "instanceClass") ?? "(class unknown)";
  return [
    {
      ...hours(`rds:${engine}:${instanceClass}`, count, `${engine} ${instanceClass} instance hours`),
      ...(resource.region !== null && resource.region !== primaryRegion ? { standby: SECONDARY_STANDBY } : {}),
    },
  ];
}

/** How the database is billed: instance hours by class; storage and I/O as assumptions. */
const DATABASE_COSTS: Readonly<Record<string, CostRule>> = {
  [RDS_CLUSTER]: traffic("Aurora storage ($0.10 per GB-month) and I/O ($0.20 per million requests, Aurora Standard) and backups beyond the cluster's size"),
  "aws:rds/clusterInstance:ClusterInstance": {
    rule: "instance hours by engine and class, on demand; a secondary region's instances are standby",
    meters: (instance, { primaryRegion }) => instanceHours(instance, primaryRegion, 1),
  },
  [RDS_INSTANCE]: {
    rule: "instance hours by engine and class, twice with Multi-AZ (the standby instance is billed)",
    meters: (instance, { primaryRegion }) => instanceHours(instance, primaryRegion, instance.inputs.multiAz === true ? 2 : 1),
    traffic: "storage (gp3 per GB-month) and backups beyond the allocated size",
  },
  [RDS_GLOBAL_CLUSTER]: traffic("replicated write I/O in each secondary region ($0.20 per million) and cross-region data transfer"),
  "aws:rds/clusterParameterGroup:ClusterParameterGroup": free("configuration"),
  "aws:rds/parameterGroup:ParameterGroup": free("configuration"),
  "aws:appautoscaling/policy:Policy": free("Application Auto Scaling has no charge of its own"),
  "aws:appautoscaling/target:Target": free("Application Auto Scaling has no charge of its own; the replicas it adds cost instance hours"),
  "aws:secretsmanager/secretRotation:SecretRotation": free("configuration; the rotation Lambda's few invocations a month are within its free tier"),
  "aws:serverlessrepository/cloudFormationStack:CloudFormationStack": traffic("the rotation Lambda: a few invocations a month, within the Lambda free tier"),
  "random:index/randomPassword:RandomPassword": free("generated by the Pulumi random provider: no cloud resource"),
};

export const databasePlanFacts: ComponentPlanFacts = {
  component: "database",
  costs: DATABASE_COSTS,
  types: [
    {
      type: RDS_GLOBAL_CLUSTER,
      mock: globalCluster,
      creation: {
        seconds: 60,
        basis: "experience: a global cluster without members is available in about a minute; provider create timeout 30 min",
      },
      stateful: {
        label: "global database",
        loses: "the global database (its member clusters must be detached and re-joined)",
        replacedBy: always("region", "globalClusterIdentifier", "engine", "databaseName", "storageEncrypted", "sourceDbClusterIdentifier"),
      },
      kind: "globalDatabase",
    },
    {
      type: RDS_CLUSTER,
      mock: cluster,
      creation: {
        seconds: 600,
        basis: "experience: 5-10 min for an Aurora cluster, longer for a global secondary (storage replication is seeded); provider create timeout 120 min",
      },
      stateful: {
        label: "database cluster",
        loses: "the cluster volume (all data) unless a final snapshot is restored",
        replacedBy: [
          ...always(
            "region",
            "clusterIdentifier",
            "clusterIdentifierPrefix",
            "engine",
            "engineMode",
            "databaseName",
            "masterUsername",
            "storageEncrypted",
            "kmsKeyId",
            "dbSubnetGroupName",
            "availabilityZones",
            "snapshotIdentifier",
            "sourceRegion",
            "restoreToPointInTime",
            "s3Import",
            "clusterScalabilityType",
            "dbSystemId",
          ),
          {
            input: "storageType",
            condition: "engine is not Aurora (Multi-AZ DB clusters)",
            when: (before) => !(stringInput(before, "engine") ?? "").startsWith("aurora"),
          },
        ],
      },
      kind: "database",
      noun: "cluster",
      port: (resource) => servicePort(resource),
    },
    {
      type: "aws:rds/clusterInstance:ClusterInstance",
      mock: clusterInstance,
      creation: {
        seconds: 600,
        basis: "experience: 8-12 min per Aurora instance (instances of one cluster are created in parallel); provider create timeout 90 min",
      },
      stateful: {
        label: "database instance",
        loses: "the instance (the data lives in the cluster volume; the cluster loses capacity while it is recreated)",
        removalKeepsData: "the data lives in the cluster volume; a switchover removes the old writer's extra readers",
        replacedBy: always(
          "region",
          "identifier",
          "identifierPrefix",
          "clusterIdentifier",
          "engine",
          "availabilityZone",
          "dbSubnetGroupName",
          "customIamInstanceProfile",
        ),
      },
      kind: "database",
      noun: "instance",
      port: (resource) => servicePort(resource),
    },
    {
      type: RDS_INSTANCE,
      mock: instance,
      creation: {
        seconds: 900,
        basis: "experience: 10-20 min for a Multi-AZ RDS instance, a cross-region read replica copies a snapshot first; provider create timeout 40 min",
      },
      stateful: {
        label: "database instance",
        loses: "the instance's storage (all data) unless a final snapshot is restored",
        replacedBy: always(
          "region",
          "engine",
          "username",
          "dbName",
          "storageEncrypted",
          "kmsKeyId",
          "availabilityZone",
          "characterSetName",
          "ncharCharacterSetName",
          "snapshotIdentifier",
          "restoreToPointInTime",
          "s3Import",
          "timezone",
          "customIamInstanceProfile",
        ),
      },
      kind: "database",
      noun: "RDS instance",
      port: (resource) => servicePort(resource),
    },
    { type: "aws:rds/clusterParameterGroup:ClusterParameterGroup", mock: clusterParameterGroup, creation: API_ONLY_CREATION },
    { type: "aws:rds/parameterGroup:ParameterGroup", mock: parameterGroup, creation: API_ONLY_CREATION },
    // the shard map of each region
    // rotation of the master secrets
    {
      type: "aws:serverlessrepository/cloudFormationStack:CloudFormationStack",
      mock: rotationApplication,
      creation: { seconds: 120, basis: "experience: a Serverless Application Repository stack with one Lambda function and its role is created in 1-3 min" },
    },
    // reader auto scaling
    { type: "aws:appautoscaling/target:Target", mock: scalableTarget, creation: API_ONLY_CREATION },
    { type: "aws:appautoscaling/policy:Policy", mock: scalingPolicy, creation: API_ONLY_CREATION },
  ],
  edges: { replication: replicationEdges },
  report: shardTableSection,
  switchover: auroraSwitchover,
};

/**
 * The Aurora global switchover of every global cluster (one per shard) to its member cluster in the
 * target region: a managed switchover, which waits for the secondary to catch up (no data loss).
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html
 */
function auroraSwitchover({ resources, target }: SwitchoverContext): { manual: string[] } {
  const text = (value: unknown) => (typeof value === "string" ? value : "<unknown>");
  const manual: string[] = [];
  for (const global of resources.filter((resource) => resource.type === RDS_GLOBAL_CLUSTER)) {
    const member = resources.find(
      (resource) =>
        resource.type === RDS_CLUSTER && resource.region === target && resource.inputs.globalClusterIdentifier === global.inputs.globalClusterIdentifier,
    );
    if (member)
      manual.push(
        `aws rds switchover-global-cluster --region ${target} --global-cluster-identifier ${text(global.inputs.globalClusterIdentifier)} --target-db-cluster-identifier arn:aws:rds:${target}:<account>:cluster:${text(member.inputs.clusterIdentifier)}`,
      );
  }
  return { manual };
}

/**
 * One region's cache: a Valkey (or Redis OSS) replication group with cluster mode disabled, in
 * the region's isolated subnets behind the data security group, TLS required, encrypted at rest
 * with the region's key, an AUTH token, snapshots, a maintenance window, slow-log delivery to a
 * CloudWatch log group, and alarms on engine CPU, memory and replication lag.
 *
 * The group is a Global Datastore primary, a Global Datastore secondary, or a standalone group
 * (mode "regional"). Cluster mode is disabled on purpose: one shard (node group) holds every key,
 * so clients need no cluster support, multi-key commands work, and the replica count is the only
 * sizing knob; scale up the node type before the dataset outgrows one node.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cacheAlarmSpecs, type CacheRole } from "./lib/cacheAlarms";
import { replicationGroupId, slowLogGroupName } from "./lib/cacheNames";
import { ENGINE_LABELS, takesTransitEncryptionMode } from "./lib/engineVersions";
import type { CacheSettings } from "./lib/cacheRules";
import { regionalCacheArgProblems } from "./lib/validate";
import { metricAlarmInputs } from "../observability/metricAlarmInputs";

export { CacheGlobalDatastore, type CacheGlobalDatastoreArgs } from "./globalDatastore";
export {
  authTokenProblems,
  authTokenRules,
  CACHE_ENGINES,
  CACHE_MODES,
  cacheSettingsProblems,
  partialCacheSettingsProblems,
  type CacheAlarmThresholds,
  type CacheEngine,
  type CacheMode,
  type CacheSettings,
  type CacheSettingsContext,
  type PartialCacheSettings,
} from "./lib/cacheRules";
export type { CacheRole } from "./lib/cacheAlarms";
export { globalDatastoreIdSuffix, memberClusterIds, replicationGroupId, slowLogGroupName } from "./lib/cacheNames";

/**
 * Properties that differ between a Global Datastore primary and a secondary (a secondary inherits
 * them from the Global Datastore and must not set them). After a failover done outside Pulumi the
 * stack's `primary` moves and a group's role flips; ignoring these keeps `pulumi up` from
 * replacing either group. Engine, version and node type of a Global Datastore are changed on
 * CacheGlobalDatastore, which applies them to every member.
 */
export const GLOBAL_MEMBER_IGNORED_CHANGES: readonly string[] = [
  "globalReplicationGroupId",
  "engine",
  "engineVersion",
  "nodeType",
  "clusterMode",
  "transitEncryptionEnabled",
  "transitEncryptionMode",
  "atRestEncryptionEnabled",
  "authToken",
];

/** Arguments of the RegionalCache component. */
export interface RegionalCacheArgs {
  /** Region of the replication group, its log group and its alarms. */
  readonly region: string;
  /**
   * `primary` or `secondary` of the stack's Global Datastore (settings.mode "global"), or
   * `standalone`: an independent group (settings.mode "regional").
   */
  readonly role: CacheRole;
  /** The stack's cache settings, validated and with defaults applied. */
  readonly settings: CacheSettings;
  /** `<project>-<stack>`: the replication group ID is `<namePrefix>-<region>` (cut with a hash past 40 characters). */
  readonly namePrefix: string;
  /** The cache subnet group over the region's isolated subnets. */
  readonly subnetGroupName: pulumi.Input<string>;
  /** The data security group (ingress only from the app tiers). */
  readonly securityGroupId: pulumi.Input<string>;
  /** ARN of the region's KMS key (a replica key in secondary regions): encrypts the nodes' data and snapshots. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** The region's AZs; the nodes are spread over them in order, the first node (primary) in the first AZ. */
  readonly availabilityZones: readonly string[];
  /**
   * AUTH token (16 to 128 characters, see `authTokenRules`), kept secret. A Global Datastore
   * secondary does not send it: AUTH, like TLS, is a property of the Global Datastore, set by the
   * primary and inherited by every secondary.
   */
  readonly authToken: pulumi.Input<string>;
  /**
   * The Global Datastore a secondary joins (`CacheGlobalDatastore.globalReplicationGroupId`).
   * Required for role `secondary`, refused for the others.
   * @default - none
   */
  readonly globalReplicationGroupId?: pulumi.Input<string>;
  /** The region's alarm topic: every alarm notifies it on ALARM and on OK. */
  readonly alarmTopicArn: pulumi.Input<string>;
  /** Customer managed key of the slow-log group (the region's log key). @default the CloudWatch Logs service key */
  readonly logKmsKeyArn?: pulumi.Input<string>;
  /** Tags of the replication group, the log group and the alarms. */
  readonly tags: Record<string, string>;
  /**
   * Pulumi `protect` on the replication group (prod: a deletion would drop the cache and its snapshots).
   * @default false
   */
  readonly protect?: boolean;
}

/**
 * One region's replication group with its slow-log group and alarms.
 *
 * Cost: (1 + replicas) nodes of the node type, billed per node-hour; snapshots beyond one day of
 * retention; the slow-log group's ingestion and storage; 2 to 4 CloudWatch alarms.
 */
export class RegionalCache extends pulumi.ComponentResource {
  /** Region of the cache. */
  public readonly region: string;
  /** The primary endpoint (writes; on a Global Datastore secondary, read-only until it is promoted). */
  public readonly primaryEndpoint: pulumi.Output<string>;
  /** The reader endpoint, balanced over the replicas (the primary when there are none). */
  public readonly readerEndpoint: pulumi.Output<string>;
  /** TCP port of every node; connections need TLS. */
  public readonly port: number;
  public readonly replicationGroupId: pulumi.Output<string>;
  public readonly arn: pulumi.Output<string>;
  /** Name of the slow-log group. */
  public readonly slowLogGroupName: pulumi.Output<string>;
  /** Names of the alarms, in the order CPU, memory, replica lag, Global Datastore lag. */
  public readonly alarmNames: pulumi.Output<string>[];

  constructor(name: string, args: RegionalCacheArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:cache:RegionalCache", name, {}, opts);

    const problems = regionalCacheArgProblems(args);
    if (problems.length > 0) {
      throw new Error(`RegionalCache ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const { region, role, settings } = args;
    const tags = { ...args.tags };
    const id = replicationGroupId(args.namePrefix, region);
    const nodeCount = 1 + settings.replicasPerNodeGroup;
    const opt = { parent: this };

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-slow-log`,
      {
        region,
        name: slowLogGroupName(id),
        retentionInDays: settings.slowLogRetentionDays,
        ...(args.logKmsKeyArn !== undefined ? { kmsKeyId: args.logKmsKeyArn } : {}),
        tags,
      },
      opt,
    );

    // Shared by every role. A secondary must still send the key of its own region (KMS keys are
    // regional, and the provider replaces a group whose kmsKeyId it finds unset) and the port
    // (the provider replaces a group whose port it finds changed).
    const common: aws.elasticache.ReplicationGroupArgs = {
      region,
      replicationGroupId: id,
      // no role in the description: a failover flips roles, and the description must not change with them
      description: `${ENGINE_LABELS[settings.engine]} cache of ${args.namePrefix} in ${region}`,
      numCacheClusters: nodeCount,
      preferredCacheClusterAzs: spreadOverZones(args.availabilityZones, nodeCount),
      automaticFailoverEnabled: settings.automaticFailover,
      multiAzEnabled: settings.multiAz,
      subnetGroupName: args.subnetGroupName,
      securityGroupIds: [args.securityGroupId],
      kmsKeyId: args.kmsKeyArn,
      port: settings.port,
      snapshotRetentionLimit: settings.snapshotRetentionDays,
      snapshotWindow: settings.snapshotWindow,
      maintenanceWindow: settings.maintenanceWindow,
      autoMinorVersionUpgrade: true,
      logDeliveryConfigurations: [{ destinationType: "cloudwatch-logs", destination: logGroup.name, logFormat: "json", logType: "slow-log" }],
      tags,
    };
    let roleInputs: Partial<aws.elasticache.ReplicationGroupArgs>;
    switch (role) {
      case "primary":
      case "standalone":
        roleInputs = {
          engine: settings.engine,
          engineVersion: settings.engineVersion,
          nodeType: settings.nodeType,
          clusterMode: "disabled",
          transitEncryptionEnabled: true,
          // "preferred" would still accept plain-text connections. Redis OSS before 7.0.5 refuses
          // the mode at creation; its TLS has no mode and already refuses plain text.
          ...(takesTransitEncryptionMode(settings.engine, settings.engineVersion) ? { transitEncryptionMode: "required" } : {}),
          atRestEncryptionEnabled: true,
          authToken: pulumi.secret(args.authToken),
        };
        break;
      case "secondary":
        // Engine, version, node type, TLS and at-rest encryption come from the Global Datastore,
        // and the provider refuses them next to globalReplicationGroupId; AUTH is a property of
        // the datastore too (its AuthTokenEnabled), which the secondary inherits with TLS.
        roleInputs = { globalReplicationGroupId: args.globalReplicationGroupId };
        break;
      default:
        throw new Error(`Unknown cache role '${String(role satisfies never)}'`);
    }

    const group = new aws.elasticache.ReplicationGroup(
      name,
      { ...common, ...roleInputs },
      {
        parent: this,
        protect: args.protect ?? false,
        // the token rotates in AWS (by the rotation function or by hand, docs/runbooks.md) and lives in
        // Secrets Manager: Pulumi must never write the generated one back, even once rotation is off
        ignoreChanges: role === "standalone" ? ["authToken"] : [...GLOBAL_MEMBER_IGNORED_CHANGES],
      },
    );

    const specs = cacheAlarmSpecs({ region, namePrefix: args.namePrefix, replicationGroupId: id, nodeCount, role, thresholds: settings.alarms });
    const alarms = specs.map(
      (spec) =>
        new aws.cloudwatch.MetricAlarm(
          `${name}-${spec.key}`,
          { region, ...metricAlarmInputs(spec), actionsEnabled: true, alarmActions: [args.alarmTopicArn], okActions: [args.alarmTopicArn], tags },
          opt,
        ),
    );

    this.region = region;
    this.primaryEndpoint = group.primaryEndpointAddress;
    this.readerEndpoint = group.readerEndpointAddress;
    this.port = settings.port;
    this.replicationGroupId = group.replicationGroupId;
    this.arn = group.arn;
    this.slowLogGroupName = logGroup.name;
    this.alarmNames = alarms.map((alarm) => alarm.name);

    this.registerOutputs({
      primaryEndpoint: this.primaryEndpoint,
      readerEndpoint: this.readerEndpoint,
      port: this.port,
      replicationGroupId: this.replicationGroupId,
      arn: this.arn,
      slowLogGroupName: this.slowLogGroupName,
      alarmNames: this.alarmNames,
    });
  }
}

/** The AZ of each node, round-robin over the zones: the primary in the first, replicas in the next ones. */
export function spreadOverZones(zones: readonly string[], nodeCount: number): string[] {
  return Array.from({ length: nodeCount }, (_, i) => zones[i % zones.length]);
}

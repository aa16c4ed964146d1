/**
 * The stack's ElastiCache Global Datastore: created from the primary region's replication group,
 * joined by a secondary group in each other region (RegionalCache with role "secondary").
 *
 * It is the one place where engine, engine version, node type and automatic failover of every
 * member change once the datastore exists: ElastiCache applies a change here to all members, and
 * the members ignore those properties (`GLOBAL_MEMBER_IGNORED_CHANGES`).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { CacheSettings } from "./lib/cacheRules";
import { globalDatastoreArgProblems } from "./lib/validate";

/**
 * What a failover done outside Pulumi changes on the global group: its primary member (a
 * replacing property) and, once the stack's `primary` moves, the region the blueprint declares it
 * in. Global Datastore calls work from any member's region, so the original region stays usable.
 */
export const GLOBAL_DATASTORE_IGNORED_CHANGES: readonly string[] = ["primaryReplicationGroupId", "region"];

/** Arguments of the CacheGlobalDatastore component. */
export interface CacheGlobalDatastoreArgs {
  /** The primary region at creation; later changes are ignored (see `GLOBAL_DATASTORE_IGNORED_CHANGES`). */
  readonly region: string;
  /**
   * Suffix of the datastore's ID (`globalDatastoreIdSuffix(namePrefix)`); AWS prepends a 5-letter
   * prefix of the primary region and a hyphen. Changing it replaces the datastore.
   */
  readonly idSuffix: string;
  /** ID of the primary region's replication group (`RegionalCache.replicationGroupId` of the primary). */
  readonly primaryReplicationGroupId: pulumi.Input<string>;
  /**
   * Description of the datastore.
   * @default - "<engine> Global Datastore <idSuffix>"
   */
  readonly description?: string;
  /** The stack's cache settings (mode "global"). */
  readonly settings: CacheSettings;
  /**
   * Pulumi `protect` on the global group (prod).
   * @default false
   */
  readonly protect?: boolean;
}

/**
 * An ElastiCache Global Datastore over the primary group. Secondaries join it with
 * `globalReplicationGroupId`.
 *
 * Cost: no charge of its own; cross-region replication traffic is billed as data transfer.
 */
export class CacheGlobalDatastore extends pulumi.ComponentResource {
  /** The datastore's ID: the region prefix AWS chose, a hyphen, and the suffix (e.g. `ldgnf-blueprint-prod-cache`). */
  public readonly globalReplicationGroupId: pulumi.Output<string>;
  public readonly arn: pulumi.Output<string>;

  constructor(name: string, args: CacheGlobalDatastoreArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:cache:GlobalDatastore", name, {}, opts);

    const problems = globalDatastoreArgProblems(args);
    if (problems.length > 0) {
      throw new Error(`CacheGlobalDatastore ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const { settings } = args;
    const datastore = new aws.elasticache.GlobalReplicationGroup(
      name,
      {
        region: args.region,
        globalReplicationGroupIdSuffix: args.idSuffix,
        primaryReplicationGroupId: args.primaryReplicationGroupId,
        globalReplicationGroupDescription: args.description ?? `${settings.engine} Global Datastore ${args.idSuffix}`,
        // Equal to the primary's at creation (a no-op); later edits roll out to every member. The
        // engine is always sent: with a version and no engine the provider assumes redis.
        engine: settings.engine,
        engineVersion: settings.engineVersion,
        cacheNodeType: settings.nodeType,
        automaticFailoverEnabled: settings.automaticFailover,
      },
      { parent: this, protect: args.protect ?? false, ignoreChanges: [...GLOBAL_DATASTORE_IGNORED_CHANGES] },
    );

    this.globalReplicationGroupId = datastore.globalReplicationGroupId;
    this.arn = datastore.arn;
    this.registerOutputs({ globalReplicationGroupId: this.globalReplicationGroupId, arn: this.arn });
  }
}

/**
 * One region's member of the database: an Aurora cluster (the global database's primary or a
 * secondary, or a standalone cluster) or an RDS instance (the source or a cross-region read
 * replica), with its parameter groups, the enhanced monitoring role and the region's alarms.
 *
 * Every resource is named after the region and never after the role, and the inputs a promotion
 * changes are in `ignoreChanges`: after a switchover or failover done in AWS, marking the new
 * region `primary: true` in the stack file gives a `pulumi up` that replaces nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import { auroraCluster } from "./auroraCluster";
import { databaseAlarmSpecs } from "./lib/alarms";
import { instancesInRegion, liveRole, type DatabaseRole } from "./lib/databaseRules";
import { parseEngineVersion, rdsEngineName, type EngineVersionInfo } from "./lib/engines";
import { regionalDatabaseNames } from "./lib/naming";
import { databaseParameters } from "./lib/parameters";
import { regionalDatabaseArgProblems } from "./lib/validate";
import type { RegionalDatabaseArgs } from "./args";
import type { DatabaseMember, MemberArgs } from "./member";
import { declareAlarms, enhancedMonitoringRole } from "./monitoring";
import { rdsInstance } from "./rdsInstance";
import { declaredReaders } from "./lib/readerScaling";
import { readerAutoScaling } from "./readerScaling";

export type { RegionalDatabaseArgs } from "./args";
export { AURORA_CLUSTER_IGNORED_CHANGES } from "./auroraCluster";
export { RDS_INSTANCE_IGNORED_CHANGES } from "./rdsInstance";
export { DatabaseGlobalCluster, GLOBAL_CLUSTER_IGNORED_CHANGES, type DatabaseGlobalClusterArgs } from "./globalCluster";
export * from "./lib/databaseRules";
export { globalClusterIdentifier, regionalDatabaseNames } from "./lib/naming";

/**
 * A region's database member.
 *
 * Cost: the instances (Aurora: `instanceCount` or `secondaryInstanceCount` of `instanceClass`;
 * RDS: one instance, twice with Multi-AZ), storage and I/O, backups beyond the free allowance,
 * Performance Insights beyond 7 days, enhanced monitoring logs, and one alarm per instance plus one
 * on a secondary. Cross-region replication is billed per GB transferred.
 */
export class RegionalDatabase extends pulumi.ComponentResource {
  /** Region the member lives in. */
  public readonly region: string;
  /** The member's role when it was declared. */
  public readonly role: DatabaseRole;
  /** The part it plays now: `primary` in the live writer's region (`writerRegion` in an Aurora global database), else `role`. */
  public readonly liveRole: DatabaseRole;
  /**
   * Aurora: the cluster endpoint. RDS: the instance address. On a secondary this is its own
   * endpoint, read-only until the region is promoted (applications write to the primary's).
   */
  public readonly writerEndpoint: pulumi.Output<string>;
  /** The region's local reader: the Aurora reader endpoint, or the RDS instance's address. */
  public readonly readerEndpoint: pulumi.Output<string>;
  public readonly port: number;
  /** The cluster or instance ARN. */
  public readonly arn: pulumi.Output<string>;
  /** The cluster or instance identifier. */
  public readonly identifier: pulumi.Output<string>;
  /** `cluster-…` or `db-…`: the resource part of `rds-db:connect` ARNs for IAM authentication. */
  public readonly resourceId: pulumi.Output<string>;
  /** What secondaries must wait for: the Aurora writer instance, or the RDS instance. */
  public readonly writer: pulumi.Resource;
  /** Names of the region's database alarms. */
  public readonly alarmNames: pulumi.Output<string>[];

  constructor(name: string, args: RegionalDatabaseArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:database:RegionalDatabase", name, {}, opts);

    const problems = regionalDatabaseArgProblems(args);
    if (problems.length > 0) {
      throw new Error(`RegionalDatabase ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const { region, role, settings } = args;
    // what depends on who writes follows the live writer; what the cluster was created with stays
    const live = liveRole(settings.mode, region, role, args.writerRegion);
    const engine = rdsEngineName(settings.service, settings.engine);
    // validated above
    const version = parseEngineVersion(engine, settings.engineVersion) as EngineVersionInfo;
    const aurora = settings.service === "aurora";
    const names = regionalDatabaseNames(args.namePrefix, region, version.family, aurora, instancesInRegion(settings, live));
    const { Region: _region, ...globalTags } = args.tags;

    const monitoringRole =
      settings.monitoringIntervalSeconds > 0
        ? enhancedMonitoringRole(name, { region, roleName: names.monitoringRole, tags: globalTags }, { parent: this })
        : undefined;

    const memberArgs: MemberArgs = {
      region,
      role,
      liveRole: live,
      settings,
      engine,
      family: version.family,
      names,
      parameters: databaseParameters(engine, settings.logExports),
      subnetGroupName: args.subnetGroupName,
      securityGroupId: args.securityGroupId,
      kmsKeyArn: args.kmsKeyArn,
      availabilityZones: args.availabilityZones,
      ...(args.masterPassword !== undefined ? { masterPassword: pulumi.secret(args.masterPassword) } : {}),
      ...(args.globalClusterIdentifier !== undefined ? { globalClusterIdentifier: args.globalClusterIdentifier } : {}),
      ...(args.sourceDbInstanceArn !== undefined ? { sourceDbInstanceArn: args.sourceDbInstanceArn } : {}),
      ...(args.sourceRegion !== undefined ? { sourceRegion: args.sourceRegion } : {}),
      replicationSourceReady: args.replicationSourceReady ?? [],
      ...(monitoringRole ? { monitoringRole } : {}),
      protect: args.protect ?? false,
      tags: args.tags,
    };
    const member: DatabaseMember = aurora ? auroraCluster(this, name, memberArgs) : rdsInstance(this, name, memberArgs);

    const specs = databaseAlarmSpecs<pulumi.Input<string>>({
      mode: settings.mode,
      role: live,
      alarmPrefix: names.alarmPrefix,
      thresholds: settings.alarms,
      instances: member.instanceIdentifiers,
      ...(member.clusterIdentifier ? { clusterIdentifier: member.clusterIdentifier } : {}),
      // a secondary's lag is measured from the live writer's region
      ...((args.writerRegion ?? args.sourceRegion) !== undefined ? { sourceRegion: (args.writerRegion ?? args.sourceRegion)! } : {}),
    });
    const alarms = declareAlarms(name, specs, { region, topicArn: args.alarmTopicArn, tags: args.tags }, { parent: this });

    // Aurora readers scale with their CPU in every region, whatever its role (a switchover then changes no resource)
    if (aurora && settings.readerScaling.enabled && member.clusterIdentifier !== undefined) {
      readerAutoScaling(
        name,
        {
          region,
          policyName: `${names.identifier}-readers-cpu`,
          clusterIdentifier: member.clusterIdentifier,
          minReaders: declaredReaders(live, instancesInRegion(settings, live)),
          settings: settings.readerScaling,
          tags: args.tags,
        },
        // Application Auto Scaling needs the cluster's instances available before it registers the target
        { parent: this, dependsOn: [member.writer] },
      );
    }

    this.region = region;
    this.role = role;
    this.liveRole = live;
    this.writerEndpoint = member.writerEndpoint;
    this.readerEndpoint = member.readerEndpoint;
    this.port = settings.port;
    this.arn = member.arn;
    this.identifier = member.identifier;
    this.resourceId = member.resourceId;
    this.writer = member.writer;
    this.alarmNames = alarms.map((alarm) => alarm.name);

    this.registerOutputs({
      writerEndpoint: this.writerEndpoint,
      readerEndpoint: this.readerEndpoint,
      port: this.port,
      arn: this.arn,
      identifier: this.identifier,
      resourceId: this.resourceId,
      alarmNames: this.alarmNames,
    });
  }
}

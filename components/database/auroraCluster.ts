/**
 * One region's Aurora cluster: the cluster and instance parameter groups, the cluster (the
 * global database's primary or a secondary, or a standalone cluster) and its instances spread
 * over the region's AZs.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { certificateAuthorityInputs, monitoringInputs, performanceInsightsInputs, type DatabaseMember, type MemberArgs } from "./member";

/**
 * Cluster inputs Pulumi must not reconcile, because a switchover or failover done in AWS changes
 * them (the Terraform provider's documented `ignore_changes` for members of a global cluster, plus
 * the inputs only the primary sends):
 * - `globalClusterIdentifier`, `replicationSourceIdentifier`: AWS reports them per role, and
 *   "fixing" them would detach the cluster from the global database or promote it;
 * - `masterUsername`, `masterPassword`, `databaseName`: sent by the primary only; a promoted
 *   secondary already has them by replication (the user name and database name force replacement);
 * - `sourceRegion`: a secondary's source (the primary region) is only used to join the global
 *   database, and it changes with the primary;
 * - `snapshotIdentifier`: only meaningful at creation;
 * - `engineVersion`: instances take AWS's minor upgrades in the maintenance window (security fixes),
 *   after which the running version is newer than the stack file's, and reconciling it would be a
 *   refused downgrade; members of a global database follow the global cluster anyway.
 */
export const AURORA_CLUSTER_IGNORED_CHANGES: readonly string[] = [
  "globalClusterIdentifier",
  "replicationSourceIdentifier",
  "masterUsername",
  "masterPassword",
  "databaseName",
  "sourceRegion",
  "snapshotIdentifier",
  "engineVersion",
];

/** Declares the region's Aurora cluster and instances under `parent`. */
export function auroraCluster(parent: pulumi.Resource, name: string, args: MemberArgs): DatabaseMember {
  const { settings, region, names, tags } = args;
  const opt = { parent };
  const global = settings.mode === "aurora-global";
  const primary = args.role === "primary";
  // the live writer's cluster (blueprint:writerRegion), which a switchover moves
  const writing = args.liveRole === "primary";

  const clusterParameters = new aws.rds.ClusterParameterGroup(
    `${name}-cluster`,
    {
      region,
      name: names.clusterParameterGroup,
      family: args.family,
      description: `Cluster parameters of ${names.identifier} (TLS required)`,
      parameters: args.parameters.cluster.map((parameter) => ({ ...parameter })),
      tags: { ...tags },
    },
    opt,
  );
  const instanceParameters = new aws.rds.ParameterGroup(
    `${name}-instance`,
    {
      region,
      name: names.parameterGroup,
      family: args.family,
      description: `Instance parameters of ${names.identifier}`,
      parameters: args.parameters.instance.map((parameter) => ({ ...parameter })),
      tags: { ...tags },
    },
    opt,
  );

  const cluster = new aws.rds.Cluster(
    name,
    {
      region,
      clusterIdentifier: names.identifier,
      engine: args.engine,
      engineVersion: settings.engineVersion,
      port: settings.port,
      ...(global ? { globalClusterIdentifier: args.globalClusterIdentifier } : {}),
      // joining an encrypted global database needs a request presigned in the source region
      ...(global && !primary ? { sourceRegion: args.sourceRegion } : {}),
      // a secondary forwards its tiers' writes to the writer's cluster (the config checks the version);
      // the writer's cluster says false, so that after a switchover the new writer's is switched off
      ...(global && settings.globalWriteForwarding ? { enableGlobalWriteForwarding: !writing } : {}),
      // Only the writer's cluster creates the database and its master user; a secondary gets both
      // by replication (and RDS rejects them on a secondary).
      ...(primary ? { masterUsername: settings.masterUsername, masterPassword: args.masterPassword, databaseName: settings.databaseName } : {}),
      dbSubnetGroupName: args.subnetGroupName,
      vpcSecurityGroupIds: [args.securityGroupId],
      dbClusterParameterGroupName: clusterParameters.name,
      // Required for a cross-region secondary, and each region's own key (KMS keys are regional).
      storageEncrypted: true,
      kmsKeyId: args.kmsKeyArn,
      backupRetentionPeriod: settings.backupRetentionDays,
      preferredBackupWindow: settings.preferredBackupWindow,
      preferredMaintenanceWindow: settings.preferredMaintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: settings.deletionProtection,
      skipFinalSnapshot: settings.skipFinalSnapshot,
      ...(settings.skipFinalSnapshot ? {} : { finalSnapshotIdentifier: names.finalSnapshot }),
      iamDatabaseAuthenticationEnabled: settings.iamAuthentication,
      enabledCloudwatchLogsExports: [...settings.logExports],
      tags: { ...tags },
    },
    {
      parent,
      protect: args.protect,
      // a secondary can only join once the primary has its writer
      dependsOn: [...args.replicationSourceReady],
      ignoreChanges: [...AURORA_CLUSTER_IGNORED_CHANGES],
    },
  );

  const zones = args.availabilityZones;
  const instanceCount = names.instances.length;
  const instances: aws.rds.ClusterInstance[] = [];
  for (let index = 0; index < instanceCount; index++) {
    const first = instances[0];
    instances.push(
      new aws.rds.ClusterInstance(
        `${name}-${index + 1}`,
        {
          region,
          identifier: names.instances[index],
          clusterIdentifier: cluster.id,
          engine: args.engine,
          instanceClass: settings.instanceClass,
          // round-robin over the AZs, so losing an AZ leaves instances in the others
          availabilityZone: zones[index % zones.length],
          dbParameterGroupName: instanceParameters.name,
          publiclyAccessible: false,
          // minor versions carry security fixes; the cluster ignores the engineVersion drift they cause
          autoMinorVersionUpgrade: true,
          // the first instance is the writer and the preferred failover target is the next one
          promotionTier: index === 0 ? 0 : 1,
          preferredMaintenanceWindow: settings.preferredMaintenanceWindow,
          copyTagsToSnapshot: true,
          ...performanceInsightsInputs(settings, args.kmsKeyArn),
          ...certificateAuthorityInputs(settings),
          ...monitoringInputs(settings, args.monitoringRole),
          tags: { ...tags },
        },
        {
          parent,
          // Not protected: an instance holds no data (the cluster volume does), and after a
          // switchover the old primary's extra instances must be removable by `pulumi up`.
          // In the writer's cluster, instances after the first wait for it, so that the first (in the
          // first AZ) becomes the writer; a secondary cluster has no writer, so its readers are
          // created together. All of them wait for the monitoring role's policy.
          dependsOn: [...(first && writing ? [first] : []), ...(args.monitoringRole ? [args.monitoringRole.ready] : [])],
        },
      ),
    );
  }

  return {
    arn: cluster.arn,
    identifier: cluster.clusterIdentifier,
    resourceId: cluster.clusterResourceId,
    writerEndpoint: cluster.endpoint,
    readerEndpoint: cluster.readerEndpoint,
    writer: instances[0] ?? cluster,
    instanceIdentifiers: instances.map((instance) => instance.identifier),
    clusterIdentifier: cluster.clusterIdentifier,
  };
}

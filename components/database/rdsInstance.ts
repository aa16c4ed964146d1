/**
 * One region's RDS DB instance: its parameter group and the instance, either the source (the
 * primary region's, or the only one) or a cross-region read replica of it.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { certificateAuthorityInputs, monitoringInputs, performanceInsightsInputs, type DatabaseMember, type MemberArgs } from "./member";

/**
 * Instance inputs Pulumi must not reconcile, because a promotion done in AWS changes them:
 * `replicateSourceDb` (removing it would promote a replica; a promoted replica no longer has one),
 * the inputs only the source sends, `username`, `password` and `dbName` (user and database names
 * force replacement, and a promoted replica already has both), and `engineVersion`, which AWS's
 * automatic minor upgrades move past the stack file's (reconciling it would be a refused downgrade).
 */
export const RDS_INSTANCE_IGNORED_CHANGES: readonly string[] = ["replicateSourceDb", "username", "password", "dbName", "engineVersion"];

/** Declares the region's RDS instance under `parent`. */
export function rdsInstance(parent: pulumi.Resource, name: string, args: MemberArgs): DatabaseMember {
  const { settings, region, names, tags } = args;
  const replica = args.role === "secondary";

  const parameters = new aws.rds.ParameterGroup(
    name,
    {
      region,
      name: names.parameterGroup,
      family: args.family,
      description: `Parameters of ${names.identifier} (TLS required)`,
      parameters: args.parameters.instance.map((parameter) => ({ ...parameter })),
      tags: { ...tags },
    },
    { parent },
  );

  // A replica takes its engine, version, user and database from the source; the source declares
  // them. RDS for PostgreSQL replicas keep no automated backups; MySQL replicas can.
  const sourceOnly = replica
    ? { replicateSourceDb: args.sourceDbInstanceArn }
    : {
        engine: args.engine,
        engineVersion: settings.engineVersion,
        dbName: settings.databaseName,
        username: settings.masterUsername,
        password: args.masterPassword,
      };
  const backups =
    !replica || args.engine === "mysql" ? { backupRetentionPeriod: settings.backupRetentionDays, backupWindow: settings.preferredBackupWindow } : {};
  // RDS takes no final snapshot of a read replica and refuses a delete that names one
  // ("FinalDBSnapshotIdentifier can not be specified when deleting a replica instance"), which the
  // provider sends whenever skipFinalSnapshot is false (terraform-provider-aws#4276): a replica
  // skips it, so that removing a region or destroying the stack does not fail. Its data is the
  // source's, whose final snapshot the settings keep.
  const finalSnapshot =
    replica || settings.skipFinalSnapshot ? { skipFinalSnapshot: true } : { skipFinalSnapshot: false, finalSnapshotIdentifier: names.finalSnapshot };

  const instance = new aws.rds.Instance(
    name,
    {
      region,
      identifier: names.identifier,
      ...sourceOnly,
      instanceClass: settings.instanceClass,
      port: settings.port,
      allocatedStorage: settings.allocatedStorageGiB,
      maxAllocatedStorage: settings.maxAllocatedStorageGiB,
      storageType: settings.storageType,
      // a cross-region replica of an encrypted source needs a key of its own region
      storageEncrypted: true,
      kmsKeyId: args.kmsKeyArn,
      multiAz: settings.multiAz,
      dbSubnetGroupName: args.subnetGroupName,
      vpcSecurityGroupIds: [args.securityGroupId],
      parameterGroupName: parameters.name,
      publiclyAccessible: false,
      ...backups,
      maintenanceWindow: settings.preferredMaintenanceWindow,
      copyTagsToSnapshot: true,
      deletionProtection: settings.deletionProtection,
      ...finalSnapshot,
      // keep automated backups after deletion, so a deleted instance can still be restored
      deleteAutomatedBackups: false,
      // minor versions carry security fixes (engineVersion drift is ignored)
      autoMinorVersionUpgrade: true,
      iamDatabaseAuthenticationEnabled: settings.iamAuthentication,
      enabledCloudwatchLogsExports: [...settings.logExports],
      ...performanceInsightsInputs(settings, args.kmsKeyArn),
      ...certificateAuthorityInputs(settings),
      ...monitoringInputs(settings, args.monitoringRole),
      tags: { ...tags },
    },
    {
      parent,
      protect: args.protect,
      dependsOn: [...args.replicationSourceReady, ...(args.monitoringRole ? [args.monitoringRole.ready] : [])],
      ignoreChanges: [...RDS_INSTANCE_IGNORED_CHANGES],
    },
  );

  return {
    arn: instance.arn,
    identifier: instance.identifier,
    resourceId: instance.resourceId,
    // a replica's own address: read-only until it is promoted
    writerEndpoint: instance.address,
    readerEndpoint: instance.address,
    writer: instance,
    instanceIdentifiers: [instance.identifier],
  };
}

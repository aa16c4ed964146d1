/**
 * Database policies: DB subnet groups; RDS instances, Aurora clusters, their cluster instances and
 * global clusters (encryption with a customer key, no public access, deletion protection,
 * backups, IAM authentication, Performance Insights, log exports, snapshot tags, Multi-AZ, minor
 * upgrades, enhanced monitoring, no default master user name); and each Aurora cluster's spread
 * over AZs.
 *
 * Read replicas (`replicateSourceDb`) and the secondary clusters of a global database take some
 * settings from their source; each policy says which it skips for them.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { validateResourceOfType, type ReportViolation, type ResourceValidationArgs } from "@pulumi/policy";
import { onType, resourcePolicy, stackPolicy, validateResourceOfTypes, type BlueprintPolicy } from "./lib/define";
import { stackEnvironment, ENVIRONMENTS } from "./lib/environment";
import { matchableStringProp, ofType, refersTo } from "./lib/graph";
import { checkSubnetCount, SUBNET_GROUP_CONFIG_SCHEMA } from "./lib/subnetGroups";

type InstanceProps = pulumi.Unwrap<aws.rds.InstanceArgs>;

/** Enhanced-monitoring intervals RDS accepts (seconds); 0 turns it off. */
const MONITORING_INTERVALS = [1, 5, 10, 15, 30, 60];

/** True for a set, non-empty string. */
function given(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** True for an instance created as a read replica of another instance. */
function isReplica(instance: InstanceProps): boolean {
  return given(instance.replicateSourceDb);
}

/** Reports a key that is missing or AWS-managed. */
function checkCustomerKey(what: string, key: unknown, reportViolation: ReportViolation): void {
  if (!given(key)) reportViolation(`${what} is not encrypted with a customer-managed KMS key (kmsKeyId is unset, so AWS's aws/rds key is used).`);
  else if (key === "alias/aws/rds") reportViolation(`${what} uses the AWS-managed key alias/aws/rds, not a customer-managed key.`);
}

/** DB subnet groups span several AZs. */
export const dbSubnetGroupConfigureMultiAz = resourcePolicy({
  name: "aws-rds-subnetgroup-configure-multi-az",
  description: "Checks that every DB subnet group lists at least two subnets, so that a Multi-AZ standby or reader can run in another availability zone.",
  severity: "medium",
  service: "database",
  remediationSteps: "Give the subnet group the isolated subnets of every AZ of the region (components/network passes vpc.isolatedSubnetIds).",
  ids: { wellArchitected: ["REL10-BP01"] },
  configSchema: SUBNET_GROUP_CONFIG_SCHEMA,
  validateResource: validateResourceOfType(aws.rds.SubnetGroup, (group, args, reportViolation) => {
    checkSubnetCount("DB", group.subnetIds, args.getConfig<{ minimumSubnets: number }>().minimumSubnets, reportViolation);
  }),
});

/** Storage is encrypted, with a customer-managed key. */
export const databaseEnableStorageEncryption = resourcePolicy({
  name: "aws-rds-database-enable-storage-encryption",
  description:
    "Checks that RDS instances and Aurora clusters encrypt their storage with a customer-managed KMS key of their region, and that global clusters are encrypted.",
  severity: "high",
  service: "database",
  remediationSteps:
    "Set `storageEncrypted: true` and `kmsKeyId` to the region's data key ARN (a read replica in another region needs its own region's key); set `storageEncrypted: true` on the GlobalCluster. Encryption cannot be added to an existing database.",
  ids: {
    checkov: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_327", "CKV_AWS_140"],
    trivy: ["AVD-AWS-0080", "AVD-AWS-0079"],
    cdkNag: ["AwsSolutions-RDS2"],
    awsguard: ["rds-storage-encrypted"],
    compliancePolicies: [
      "aws-rds-instance-disallow-unencrypted-storage",
      "aws-rds-cluster-disallow-unencrypted-storage",
      "aws-rds-cluster-configure-customer-managed-key",
    ],
    wellArchitected: ["SEC08-BP02", "REL09-BP02"],
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => {
      // A cross-region replica's encryption follows its source and its kmsKeyId; storageEncrypted is ignored there.
      if (!isReplica(instance) && instance.storageEncrypted !== true)
        reportViolation("The DB instance's storage is not encrypted (storageEncrypted is not true).");
      checkCustomerKey("The DB instance", instance.kmsKeyId, reportViolation);
    }),
    onType(aws.rds.Cluster, (cluster, _args, reportViolation) => {
      if (cluster.storageEncrypted !== true) reportViolation("The DB cluster's storage is not encrypted (storageEncrypted is not true).");
      checkCustomerKey("The DB cluster", cluster.kmsKeyId, reportViolation);
    }),
    onType(aws.rds.GlobalCluster, (global, _args, reportViolation) => {
      // Created from an existing cluster, the global cluster inherits that cluster's encryption (checked on the cluster).
      const inherits = given(global.sourceDbClusterIdentifier) && global.storageEncrypted === undefined;
      if (!inherits && global.storageEncrypted !== true) reportViolation("The global cluster is not encrypted (storageEncrypted is not true).");
    }),
  ),
});

/** Databases are never reachable from the internet. */
export const databaseDisallowPublicAccess = resourcePolicy({
  name: "aws-rds-database-disallow-public-access",
  description: "Checks that RDS instances and Aurora cluster instances are not publicly accessible.",
  severity: "critical",
  service: "database",
  remediationSteps: "Leave `publiclyAccessible` unset or false and place the database in the isolated subnets; reach it from the app tier's security group.",
  ids: {
    checkov: ["CKV_AWS_17"],
    trivy: ["AVD-AWS-0180"],
    cdkNag: ["RDSInstancePublicAccess"],
    awsguard: ["rds-instance-public-access"],
    compliancePolicies: ["aws-rds-instance-disallow-public-access", "aws-rds-clusterinstance-disallow-public-access"],
    wellArchitected: ["SEC05-BP01"],
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => {
      if (instance.publiclyAccessible === true) reportViolation("The DB instance is publicly accessible.");
    }),
    onType(aws.rds.ClusterInstance, (instance, _args, reportViolation) => {
      if (instance.publiclyAccessible === true) reportViolation("The cluster instance is publicly accessible.");
    }),
  ),
});

/** Databases cannot be deleted by accident. */
export const databaseEnableDeletionProtection = resourcePolicy({
  name: "aws-rds-database-enable-deletion-protection",
  description: "Checks that RDS instances, Aurora clusters and global clusters have deletion protection on.",
  severity: "high",
  service: "database",
  remediationSteps: "Set `deletionProtection: true` (the database profile turns it on in staging and prod; the dev pack config disables this policy).",
  ids: {
    checkov: ["CKV_AWS_293", "CKV_AWS_139"],
    trivy: ["AVD-AWS-0177", "AVD-AWS-0343"],
    cdkNag: ["AwsSolutions-RDS10"],
    wellArchitected: ["REL09-BP01"],
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => {
      if (instance.deletionProtection !== true) reportViolation("The DB instance has deletion protection off.");
    }),
    onType(aws.rds.Cluster, (cluster, _args, reportViolation) => {
      if (cluster.deletionProtection !== true) reportViolation("The DB cluster has deletion protection off.");
    }),
    onType(aws.rds.GlobalCluster, (global, _args, reportViolation) => {
      if (global.deletionProtection !== true) reportViolation("The global cluster has deletion protection off.");
    }),
  ),
});

/** Automated backups are kept long enough. */
export const databaseConfigureBackupRetention = resourcePolicy({
  name: "aws-rds-database-configure-backup-retention",
  description: "Checks that RDS instances and Aurora clusters keep automated backups for at least the configured number of days.",
  severity: "high",
  service: "database",
  remediationSteps:
    "Set `backupRetentionPeriod` (1 to 35 days) to at least the environment's minimum: 7 days by default, 1 in dev (the database profile keeps 35 in prod). Read replicas take backups from their source and are exempt.",
  ids: {
    checkov: ["CKV_AWS_133"],
    trivy: ["AVD-AWS-0077"],
    cdkNag: ["AwsSolutions-RDS13"],
    awsguard: ["rds-instance-backup-enabled"],
    compliancePolicies: ["aws-rds-instance-enable-backup-retention", "aws-rds-cluster-configure-backup-retention"],
    wellArchitected: ["REL09-BP01", "REL09-BP03"],
  },
  configSchema: {
    properties: {
      minimumRetentionDays: {
        type: "integer",
        minimum: 1,
        maximum: 35,
        default: 7,
        description: "Fewest days of automated backups (the dev pack config lowers it to 1).",
      },
    },
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, args, reportViolation) => {
      if (isReplica(instance)) args.notApplicable("A read replica's backups are its source's.");
      checkRetention("DB instance", instance.backupRetentionPeriod, args, reportViolation);
    }),
    onType(aws.rds.Cluster, (cluster, args, reportViolation) => checkRetention("DB cluster", cluster.backupRetentionPeriod, args, reportViolation)),
  ),
});

function checkRetention(what: string, days: number | undefined, args: ResourceValidationArgs, reportViolation: ReportViolation): void {
  const { minimumRetentionDays } = args.getConfig<{ minimumRetentionDays: number }>();
  // Unset, RDS keeps 1 day of backups.
  const effective = days ?? 1;
  if (effective < minimumRetentionDays) {
    reportViolation(
      `The ${what} keeps automated backups for ${effective} day(s)${days === undefined ? " (backupRetentionPeriod unset)" : ""}; at least ${minimumRetentionDays} are required.`,
    );
  }
}

/** Database users can authenticate with IAM. */
export const databaseEnableIamAuthentication = resourcePolicy({
  name: "aws-rds-database-enable-iam-authentication",
  description:
    "Checks that RDS instances and Aurora clusters turn on IAM database authentication, so applications can connect with short-lived tokens instead of stored passwords.",
  severity: "medium",
  service: "database",
  remediationSteps: "Set `iamDatabaseAuthenticationEnabled: true` and grant the app roles rds-db:connect on their database user.",
  ids: { checkov: ["CKV_AWS_161", "CKV_AWS_162"], trivy: ["AVD-AWS-0176"], cdkNag: ["AwsSolutions-RDS6"], wellArchitected: ["SEC02-BP02"] },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => {
      if (instance.iamDatabaseAuthenticationEnabled !== true) reportViolation("The DB instance does not turn on IAM database authentication.");
    }),
    onType(aws.rds.Cluster, (cluster, _args, reportViolation) => {
      if (cluster.iamDatabaseAuthenticationEnabled !== true) reportViolation("The DB cluster does not turn on IAM database authentication.");
    }),
  ),
});

/** Performance Insights is on, encrypted with a customer key. */
export const databaseConfigurePerformanceInsights = resourcePolicy({
  name: "aws-rds-database-configure-performance-insights",
  description: "Checks that RDS instances and Aurora cluster instances turn on Performance Insights and encrypt its data with a customer-managed KMS key.",
  severity: "low",
  service: "database",
  remediationSteps: "Set `performanceInsightsEnabled: true` and `performanceInsightsKmsKeyId` to the region's data key ARN (7 days of retention are free).",
  ids: {
    checkov: ["CKV_AWS_353", "CKV_AWS_354"],
    trivy: ["AVD-AWS-0133", "AVD-AWS-0078"],
    compliancePolicies: ["aws-rds-instance-enable-performance-insights", "aws-rds-clusterinstance-enable-performance-insights"],
    wellArchitected: ["PERF05-BP02", "SEC08-BP02"],
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => checkInsights("DB instance", instance, reportViolation)),
    onType(aws.rds.ClusterInstance, (instance, _args, reportViolation) => checkInsights("cluster instance", instance, reportViolation)),
  ),
});

function checkInsights(
  what: string,
  props: { performanceInsightsEnabled?: boolean; performanceInsightsKmsKeyId?: string },
  reportViolation: ReportViolation,
): void {
  if (props.performanceInsightsEnabled !== true) {
    reportViolation(`The ${what} does not turn on Performance Insights.`);
    return;
  }
  if (!given(props.performanceInsightsKmsKeyId))
    reportViolation(`The ${what}'s Performance Insights data is encrypted with the AWS-managed key (performanceInsightsKmsKeyId is unset).`);
  else if (props.performanceInsightsKmsKeyId === "alias/aws/rds")
    reportViolation(`The ${what}'s Performance Insights data uses the AWS-managed key alias/aws/rds.`);
}

/** The main log of each engine. */
const REQUIRED_LOG_EXPORTS: ReadonlyArray<{ readonly engine: RegExp; readonly log: string }> = [
  { engine: /postgres/, log: "postgresql" },
  { engine: /mysql|mariadb/, log: "error" },
];

/** Database logs go to CloudWatch Logs. */
export const databaseEnableLogExports = resourcePolicy({
  name: "aws-rds-database-enable-log-exports",
  description:
    "Checks that RDS instances and Aurora clusters export their engine's logs to CloudWatch Logs (postgresql for PostgreSQL engines, error for MySQL and MariaDB).",
  severity: "medium",
  service: "database",
  remediationSteps:
    'Set `enabledCloudwatchLogsExports` (["postgresql"] for aurora-postgresql and postgres; ["error", "slowquery"] for MySQL); the log groups get the environment\'s retention.',
  ids: {
    checkov: ["CKV_AWS_129", "CKV_AWS_324"],
    cdkNag: ["AwsSolutions-RDS16", "RDSLoggingEnabled"],
    wellArchitected: ["SEC04-BP01", "REL06-BP01"],
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) =>
      checkLogExports("DB instance", instance.engine, instance.enabledCloudwatchLogsExports, reportViolation),
    ),
    onType(aws.rds.Cluster, (cluster, _args, reportViolation) =>
      checkLogExports("DB cluster", cluster.engine, cluster.enabledCloudwatchLogsExports, reportViolation),
    ),
  ),
});

function checkLogExports(what: string, engine: string | undefined, exports: readonly string[] | undefined, reportViolation: ReportViolation): void {
  const logs = exports ?? [];
  if (logs.length === 0) {
    reportViolation(`The ${what} exports no logs to CloudWatch Logs.`);
    return;
  }
  const required = REQUIRED_LOG_EXPORTS.find((entry) => engine !== undefined && entry.engine.test(engine));
  if (required && !logs.includes(required.log)) {
    reportViolation(`The ${what} (${engine}) exports ${logs.join(", ")} but not its ${required.log} log.`);
  }
}

/** Snapshots keep the database's tags. */
export const databaseEnableCopyTagsToSnapshot = resourcePolicy({
  name: "aws-rds-database-enable-copy-tags-to-snapshot",
  description:
    "Checks that RDS instances and Aurora clusters copy their tags to their snapshots, so snapshots stay attributable and covered by tag-based policies.",
  severity: "low",
  service: "database",
  remediationSteps: "Set `copyTagsToSnapshot: true`.",
  ids: { checkov: ["CKV2_AWS_60", "CKV_AWS_313"], wellArchitected: ["REL09-BP01", "COST03-BP02"] },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => {
      if (instance.copyTagsToSnapshot !== true) reportViolation("The DB instance does not copy its tags to snapshots.");
    }),
    onType(aws.rds.Cluster, (cluster, _args, reportViolation) => {
      if (cluster.copyTagsToSnapshot !== true) reportViolation("The DB cluster does not copy its tags to snapshots.");
    }),
  ),
});

/** Instances keep a standby in another AZ. */
export const instanceEnableMultiAz = resourcePolicy({
  name: "aws-rds-instance-enable-multi-az",
  description: "Checks that RDS DB instances (not Aurora) run Multi-AZ, with a synchronous standby in another availability zone.",
  severity: "high",
  service: "database",
  remediationSteps:
    "Set `multiAz: true` (Aurora clusters spread over AZs with their cluster instances instead). Cost: a Multi-AZ instance costs twice a single-AZ one.",
  ids: { checkov: ["CKV_AWS_157"], cdkNag: ["AwsSolutions-RDS3"], awsguard: ["rds-instance-multi-az-enabled"], wellArchitected: ["REL10-BP01", "REL11-BP02"] },
  validateResource: validateResourceOfType(aws.rds.Instance, (instance, _args, reportViolation) => {
    if (instance.multiAz !== true) reportViolation("The DB instance runs in a single availability zone (multiAz is not true).");
  }),
});

/** Minor engine upgrades are applied automatically. */
export const databaseEnableAutoMinorVersionUpgrade = resourcePolicy({
  name: "aws-rds-database-enable-auto-minor-version-upgrade",
  description: "Checks that RDS instances and Aurora cluster instances do not turn off automatic minor version upgrades, which carry security fixes.",
  severity: "low",
  service: "database",
  remediationSteps: "Leave `autoMinorVersionUpgrade` unset (AWS's default is on) or set it to true; the maintenance window decides when upgrades happen.",
  ids: { checkov: ["CKV_AWS_226"], cdkNag: ["RDSAutomaticMinorVersionUpgradeEnabled"], wellArchitected: ["SEC06-BP01"] },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, _args, reportViolation) => {
      if (instance.autoMinorVersionUpgrade === false) reportViolation("The DB instance turns automatic minor version upgrades off.");
    }),
    onType(aws.rds.ClusterInstance, (instance, _args, reportViolation) => {
      if (instance.autoMinorVersionUpgrade === false) reportViolation("The cluster instance turns automatic minor version upgrades off.");
    }),
  ),
});

/** Enhanced monitoring reports OS metrics. */
export const databaseEnableEnhancedMonitoring = resourcePolicy({
  name: "aws-rds-database-enable-enhanced-monitoring",
  description:
    "Checks that RDS instances and Aurora cluster instances turn on enhanced monitoring with a monitoring role, at an interval of at most the configured number of seconds.",
  severity: "low",
  service: "database",
  remediationSteps:
    "Set `monitoringInterval` (1, 5, 10, 15, 30 or 60 seconds) and `monitoringRoleArn` to a role trusted by monitoring.rds.amazonaws.com with AmazonRDSEnhancedMonitoringRole.",
  ids: { checkov: ["CKV_AWS_118"], cdkNag: ["RDSEnhancedMonitoringEnabled"], wellArchitected: ["REL06-BP01"] },
  configSchema: {
    properties: {
      maximumIntervalSeconds: {
        type: "integer",
        enum: MONITORING_INTERVALS,
        default: 60,
        description: "Longest enhanced-monitoring interval allowed (seconds).",
      },
    },
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, args, reportViolation) => checkMonitoring("DB instance", instance, args, reportViolation)),
    onType(aws.rds.ClusterInstance, (instance, args, reportViolation) => checkMonitoring("cluster instance", instance, args, reportViolation)),
  ),
});

function checkMonitoring(
  what: string,
  props: { monitoringInterval?: number; monitoringRoleArn?: string },
  args: ResourceValidationArgs,
  reportViolation: ReportViolation,
): void {
  const { maximumIntervalSeconds } = args.getConfig<{ maximumIntervalSeconds: number }>();
  const interval = props.monitoringInterval ?? 0;
  if (interval === 0) {
    reportViolation(`The ${what} has enhanced monitoring off (monitoringInterval is ${props.monitoringInterval === undefined ? "unset" : 0}).`);
    return;
  }
  if (!MONITORING_INTERVALS.includes(interval) || interval > maximumIntervalSeconds) {
    reportViolation(
      `The ${what}'s enhanced-monitoring interval is ${interval} s; use one of ${MONITORING_INTERVALS.filter((i) => i <= maximumIntervalSeconds).join(", ")}.`,
    );
  }
  if (!given(props.monitoringRoleArn)) reportViolation(`The ${what} turns on enhanced monitoring without a monitoringRoleArn.`);
}

/** Master user names an attacker tries first. */
const DEFAULT_MASTER_USERNAMES = ["admin", "administrator", "postgres", "root", "master", "sa", "mysql", "dbadmin", "user"];

/** The master user is not called admin or postgres. */
export const databaseDisallowDefaultMasterUsername = resourcePolicy({
  name: "aws-rds-database-disallow-default-master-username",
  description: "Checks that RDS instances and Aurora clusters do not name their master user with a well-known default such as admin or postgres.",
  severity: "medium",
  service: "database",
  remediationSteps:
    "Set `username` (instances) or `masterUsername` (clusters) to a name derived from the stack (1 to 16 letters and digits, starting with a letter) that is not a well-known default.",
  ids: { securityHub: ["RDS.24", "RDS.25"], wellArchitected: ["SEC02-BP01"] },
  configSchema: {
    properties: {
      disallowedUsernames: {
        type: "array",
        items: { type: "string" },
        default: DEFAULT_MASTER_USERNAMES,
        description: "Master user names that are refused (compared case-insensitively).",
      },
    },
  },
  validateResource: validateResourceOfTypes(
    onType(aws.rds.Instance, (instance, args, reportViolation) => checkUsername("DB instance", instance.username, args, reportViolation)),
    onType(aws.rds.Cluster, (cluster, args, reportViolation) => checkUsername("DB cluster", cluster.masterUsername, args, reportViolation)),
  ),
});

function checkUsername(what: string, username: string | undefined, args: ResourceValidationArgs, reportViolation: ReportViolation): void {
  // Replicas and the secondary clusters of a global database have no master user of their own.
  if (username === undefined) return;
  const { disallowedUsernames } = args.getConfig<{ disallowedUsernames: string[] }>();
  if (disallowedUsernames.some((name) => name.toLowerCase() === username.toLowerCase())) {
    reportViolation(`The ${what}'s master user is named ${JSON.stringify(username)}, a well-known default.`);
  }
}

/** Aurora clusters run instances in several AZs (in the configured environments). */
export const clusterConfigureMultiAz = stackPolicy({
  name: "aws-rds-cluster-configure-multi-az",
  description:
    "Checks that every Aurora cluster has at least two cluster instances, in different availability zones where they name one, in the configured environments (prod), so a reader can take over when the writer's AZ fails.",
  severity: "high",
  service: "database",
  remediationSteps:
    "Give each cluster a writer and at least one reader (the database profile's instance count) and leave their availabilityZone unset or name different AZs.",
  ids: { compliancePolicies: ["aws-rds-cluster-disallow-single-availability-zone"], wellArchitected: ["REL10-BP01", "REL11-BP02"] },
  configSchema: {
    properties: {
      minimumInstances: { type: "integer", minimum: 1, default: 2, description: "Fewest cluster instances per Aurora cluster." },
      environments: {
        type: "array",
        items: { type: "string", enum: [...ENVIRONMENTS] },
        default: ["prod"],
        description: "Environments the minimum applies to (dev and staging may run one instance per cluster to save cost).",
      },
      environment: {
        type: "string",
        enum: [...ENVIRONMENTS],
        description: "The stack's environment when neither the blueprint:environment stack tag nor the environment stack output gives it.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<{ minimumInstances: number; environments: string[]; environment?: string }>();
    const environment = stackEnvironment(args, config.environment);
    if (environment !== undefined && !config.environments.includes(environment)) {
      args.notApplicable(`Several instances per cluster are only required in ${config.environments.join(", ")}; this stack is ${environment}.`);
    }
    const clusters = ofType(args.resources, "aws:rds/cluster:Cluster");
    if (clusters.length === 0) args.notApplicable("The stack has no Aurora cluster.");
    const instances = ofType(args.resources, "aws:rds/clusterInstance:ClusterInstance");
    for (const cluster of clusters) {
      const members = instances.filter((instance) => refersTo(instance, "clusterIdentifier", cluster, ["id", "clusterIdentifier"]));
      if (members.length < config.minimumInstances) {
        reportViolation(
          `Aurora cluster ${cluster.name} has ${members.length} cluster instance(s); at least ${config.minimumInstances} are required.`,
          cluster.urn,
        );
        continue;
      }
      const zones = members.map((member) => matchableStringProp(member, "availabilityZone"));
      const named = zones.filter((zone): zone is string => zone !== undefined && zone !== "");
      // Instances without an AZ are spread by RDS; only instances all pinned to one AZ are a problem.
      if (named.length === members.length && new Set(named).size < 2) {
        reportViolation(`Aurora cluster ${cluster.name}'s ${members.length} instances are all in ${named[0]}.`, cluster.urn);
      }
    }
  },
});

/** Clients reach a database proxy over TLS, authenticated by IAM. */
export const proxyRequireTlsAndIamAuthentication = resourcePolicy({
  name: "aws-rds-proxy-require-tls-and-iam-authentication",
  description:
    "Checks that every RDS proxy requires TLS, that every one of its auths requires IAM authentication and reads its credentials from Secrets Manager, and that it runs in subnets of at least two (the RDS limit).",
  severity: "high",
  service: "database",
  remediationSteps:
    'Set `requireTls: true` and `auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: <the region\'s copy of the secret> }]`, and pass the private subnets of two or more AZs as `vpcSubnetIds`.',
  ids: { wellArchitected: ["SEC09-BP02", "SEC02-BP02"] },
  validateResource: validateResourceOfType(aws.rds.Proxy, (proxy, _args, reportViolation) => {
    if (proxy.requireTls !== true)
      reportViolation("The proxy does not require TLS (requireTls is not true): credentials and data could cross the network in clear.");
    const auths = proxy.auths ?? [];
    if (auths.length === 0) reportViolation("The proxy declares no auth: it needs one that reads the database credentials from Secrets Manager.");
    auths.forEach((auth, index) => {
      if (auth.iamAuth !== "REQUIRED") reportViolation(`The proxy's auth ${index} does not require IAM authentication (iamAuth ${auth.iamAuth ?? "unset"}).`);
      if (auth.secretArn === undefined || auth.secretArn === "") reportViolation(`The proxy's auth ${index} names no Secrets Manager secret.`);
    });
    if (Array.isArray(proxy.vpcSubnetIds) && proxy.vpcSubnetIds.length < 2) {
      reportViolation(`The proxy runs in ${proxy.vpcSubnetIds.length} subnet(s); RDS Proxy needs subnets in at least two Availability Zones.`);
    }
  }),
});

/** DynamoDB tables and replicas are encrypted with a customer managed key of their region. */
export const tableConfigureCustomerManagedKey = resourcePolicy({
  name: "aws-dynamodb-table-configure-customer-managed-key",
  description: "Checks that every DynamoDB table and global table replica is encrypted with a customer managed KMS key (not the AWS owned or AWS managed key).",
  severity: "medium",
  service: "database",
  remediationSteps:
    "Set `serverSideEncryption: { enabled: true, kmsKeyArn: <the region's key> }` on the table and `kmsKeyArn: <that region's key>` on each TableReplica.",
  ids: { checkov: ["CKV_AWS_119"], trivy: ["AVD-AWS-0025"], wellArchitected: ["SEC08-BP01"] },
  validateResource: validateResourceOfTypes(
    onType(aws.dynamodb.Table, (table, _args, reportViolation) => {
      const sse = table.serverSideEncryption;
      if (sse?.enabled !== true || sse.kmsKeyArn === undefined || sse.kmsKeyArn === "")
        reportViolation("The table is not encrypted with a customer managed KMS key.");
    }),
    onType(aws.dynamodb.TableReplica, (replica, _args, reportViolation) => {
      if (replica.kmsKeyArn === undefined || replica.kmsKeyArn === "")
        reportViolation("The replica is not encrypted with a customer managed KMS key of its region.");
    }),
  ),
});

/** DynamoDB tables and replicas keep point-in-time recovery. */
export const tableEnablePointInTimeRecovery = resourcePolicy({
  name: "aws-dynamodb-table-enable-point-in-time-recovery",
  description: "Checks that every DynamoDB table and global table replica has point-in-time recovery on (each replica's setting is its own).",
  severity: "medium",
  service: "database",
  remediationSteps: "Set `pointInTimeRecovery: { enabled: true }` on the table and `pointInTimeRecovery: true` on each TableReplica.",
  ids: { checkov: ["CKV_AWS_28"], trivy: ["AVD-AWS-0024"], cdkNag: ["AwsSolutions-DDB3"], wellArchitected: ["REL09-BP01"] },
  validateResource: validateResourceOfTypes(
    onType(aws.dynamodb.Table, (table, _args, reportViolation) => {
      if (table.pointInTimeRecovery?.enabled !== true) reportViolation("The table has no point-in-time recovery.");
    }),
    onType(aws.dynamodb.TableReplica, (replica, _args, reportViolation) => {
      if (replica.pointInTimeRecovery !== true) reportViolation("The replica has no point-in-time recovery.");
    }),
  ),
});

/** The database policies, in pack order. */
export const DATABASE_POLICIES: readonly BlueprintPolicy[] = [
  dbSubnetGroupConfigureMultiAz,
  databaseEnableStorageEncryption,
  databaseDisallowPublicAccess,
  databaseEnableDeletionProtection,
  databaseConfigureBackupRetention,
  databaseEnableIamAuthentication,
  databaseConfigurePerformanceInsights,
  databaseEnableLogExports,
  databaseEnableCopyTagsToSnapshot,
  instanceEnableMultiAz,
  databaseEnableAutoMinorVersionUpgrade,
  databaseEnableEnhancedMonitoring,
  databaseDisallowDefaultMasterUsername,
  clusterConfigureMultiAz,
  proxyRequireTlsAndIamAuthentication,
  tableConfigureCustomerManagedKey,
  tableEnablePointInTimeRecovery,
];

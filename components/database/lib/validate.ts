/**
 * Checks of the RegionalDatabase component's arguments: the settings (through
 * `databaseSettingsProblems`, seen from this one region), what each role and mode needs, and keys
 * and topics from the component's own region. Values that are unknown Outputs are left to AWS.
 */
import { regionInfo } from "../../lib/regions";
import { databaseSettingsProblems, type DatabaseRole, type DatabaseSettings } from "./databaseRules";

/** The parts of RegionalDatabaseArgs that are checked. */
export interface RegionalDatabaseArgsToValidate {
  readonly region: string;
  readonly role: DatabaseRole;
  readonly settings: DatabaseSettings;
  readonly namePrefix: string;
  readonly availabilityZones: readonly string[];
  /** The live writer's region, when given. */
  readonly writerRegion?: string;
  /** Checked when a plain string. */
  readonly kmsKeyArn?: unknown;
  /** Checked when a plain string. */
  readonly alarmTopicArn?: unknown;
  readonly masterPassword?: unknown;
  readonly globalClusterIdentifier?: unknown;
  readonly sourceDbInstanceArn?: unknown;
  readonly sourceRegion?: string;
  readonly replicationSourceReady?: readonly unknown[];
}

/**
 * A KMS key ARN; group 1 is the region. Not an alias ARN: RDS accepts one, but reports the key's
 * ARN, and `kmsKeyId` forces replacement, so every later `pulumi up` would replace the database
 * (terraform-provider-aws#1477, #25713).
 */
const KMS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/[A-Za-z0-9-]+$/;
/** An SNS topic ARN; group 1 is the region. */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[A-Za-z0-9_-]+$/;

/** Every problem of the arguments, as complete lines. */
export function regionalDatabaseArgProblems(args: RegionalDatabaseArgsToValidate): string[] {
  const problems: string[] = [];
  const { region, role, settings } = args;
  if (!regionInfo(region)) problems.push(`region must be a known AWS region, got ${JSON.stringify(region)}`);
  if (role !== "primary" && role !== "secondary") problems.push(`role must be primary or secondary, got ${JSON.stringify(role)}`);
  if (!/^[a-z][a-z0-9-]*$/.test(args.namePrefix)) {
    problems.push(`namePrefix must start with a lowercase letter and hold only lowercase letters, digits and hyphens, got ${JSON.stringify(args.namePrefix)}`);
  }
  if (args.writerRegion !== undefined && !regionInfo(args.writerRegion)) {
    problems.push(`writerRegion must be a known AWS region (the live writer's, blueprint:writerRegion), got ${JSON.stringify(args.writerRegion)}`);
  }
  if (args.availabilityZones.length === 0) problems.push("availabilityZones must list the region's AZs (instances are spread over them)");
  for (const zone of args.availabilityZones) {
    if (!zone.startsWith(region) || !/^[a-z]$/.test(zone.slice(region.length))) {
      problems.push(`availabilityZones has ${JSON.stringify(zone)}, which is not an AZ of ${region}`);
    }
  }

  // Seen from one region: the secondaries of other regions are not known here (the config checks
  // the whole stack), so a primary counts no secondary and a secondary counts itself.
  const context = { regions: [region], primaryRegion: role === "primary" ? region : "", namePrefix: args.namePrefix };
  for (const problem of databaseSettingsProblems(settings, context)) {
    problems.push(`settings.${problem.field} ${problem.message}`);
  }

  problems.push(...roleProblems(args));
  for (const [field, value, pattern, service] of [
    ["kmsKeyArn", args.kmsKeyArn, KMS_ARN, "RDS cannot encrypt with a key of another region, and an alias ARN would replace the database on every update"],
    ["alarmTopicArn", args.alarmTopicArn, TOPIC_ARN, "alarms can only notify a topic of their own region"],
  ] as const) {
    if (typeof value !== "string") continue;
    const match = pattern.exec(value);
    if (!match || match[1] !== region) problems.push(`${field} must be an ARN in ${region} (${service}), got ${JSON.stringify(value)}`);
  }
  return problems;
}

function roleProblems(args: RegionalDatabaseArgsToValidate): string[] {
  const problems: string[] = [];
  const { role, settings } = args;
  if (role === "primary") {
    if (args.masterPassword === undefined) problems.push("masterPassword is required on the primary (a secret, e.g. a random.RandomPassword result)");
    if (args.sourceDbInstanceArn !== undefined) problems.push("sourceDbInstanceArn is for rds-replicas secondaries only; the primary replicates from nothing");
    if (args.sourceRegion !== undefined) problems.push("sourceRegion is for aurora-global secondaries only; the primary replicates from nothing");
  } else if (role === "secondary") {
    if (settings.mode === "single-region") problems.push("role is secondary but mode is single-region, which has no secondary regions");
    if (args.masterPassword !== undefined) {
      problems.push("masterPassword must not be given to a secondary: its credentials come from the primary by replication");
    }
    if (settings.mode === "rds-replicas" && args.sourceDbInstanceArn === undefined) {
      problems.push("sourceDbInstanceArn is required on an rds-replicas secondary: the ARN of the primary instance (a cross-region replica needs the ARN)");
    }
    if (settings.mode === "aurora-global" && (args.sourceRegion === undefined || args.sourceRegion === args.region || !regionInfo(args.sourceRegion))) {
      problems.push(
        `sourceRegion must be the primary region on an aurora-global secondary (RDS presigns the request that joins the encrypted global database there), got ${JSON.stringify(args.sourceRegion)}`,
      );
    }
    if (settings.mode === "aurora-global" && (args.replicationSourceReady ?? []).length === 0) {
      problems.push(
        "replicationSourceReady must list the primary's writer: a secondary cluster can only join the global database once the primary has an instance",
      );
    }
  }
  if (settings.mode === "aurora-global" && args.globalClusterIdentifier === undefined) {
    problems.push("globalClusterIdentifier is required in aurora-global mode (the DatabaseGlobalCluster's identifier)");
  }
  if (settings.mode !== "aurora-global" && args.globalClusterIdentifier !== undefined) {
    problems.push(`globalClusterIdentifier is only for aurora-global mode, but mode is ${settings.mode}`);
  }
  return problems;
}

/**
 * The physical names of the database resources and the RDS rules they must satisfy.
 *
 * Every regional name carries the region and never the role (primary or secondary): after a
 * switchover or failover done in AWS, the cluster of each region keeps its name, so the program
 * finds the same resources and `pulumi up` replaces nothing. Aurora also requires cluster names to
 * be unique across the regions of a global database, which the region guarantees.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.Constraints
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.configuration.requirements.html
 */

/** Longest DB cluster, DB instance and global cluster identifier. */
export const MAX_IDENTIFIER_LENGTH = 63;

/** Longest parameter group name and snapshot identifier. */
export const MAX_PARAMETER_GROUP_NAME_LENGTH = 255;

/** Longest IAM role name. */
export const MAX_ROLE_NAME_LENGTH = 64;

/** Most instances an Aurora cluster can have (one writer and 15 replicas). */
export const MAX_AURORA_INSTANCES = 16;

/** The global cluster's identifier: `<namePrefix>-global`. */
export function globalClusterIdentifier(namePrefix: string): string {
  return `${namePrefix}-global`;
}

/** The names of one region's database resources. */
export interface RegionalDatabaseNames {
  /** Aurora cluster identifier, or the RDS instance identifier: `<namePrefix>-<region>`. */
  readonly identifier: string;
  /** Aurora instance identifiers `<identifier>-<n>` (n from 1); empty for RDS. */
  readonly instances: readonly string[];
  /** Snapshot taken when the cluster or instance is deleted: `<identifier>-final`. */
  readonly finalSnapshot: string;
  /** Aurora's cluster parameter group: `<namePrefix>-<region>-<family>-cluster`; undefined for RDS. */
  readonly clusterParameterGroup?: string;
  /** The (instance) parameter group: `<namePrefix>-<region>-<family>`. */
  readonly parameterGroup: string;
  /** The enhanced monitoring role (IAM, global): `<namePrefix>-<region>-rds-mon`. */
  readonly monitoringRole: string;
  /** Prefix of the alarm names: `<namePrefix>-<region>-db`. */
  readonly alarmPrefix: string;
}

/**
 * The names of a region's database resources. The parameter groups carry the family (dots become
 * hyphens): a major upgrade needs a group of the new family, and a new name lets Pulumi create it
 * before deleting the old one.
 *
 * @param aurora whether the region runs an Aurora cluster (else an RDS instance)
 * @param instanceCount Aurora instances in the region's cluster
 */
export function regionalDatabaseNames(namePrefix: string, region: string, family: string, aurora: boolean, instanceCount: number): RegionalDatabaseNames {
  const identifier = `${namePrefix}-${region}`;
  const familySlug = family.replace(/\./g, "-");
  return {
    identifier,
    instances: aurora ? Array.from({ length: Math.max(0, instanceCount) }, (_, i) => `${identifier}-${i + 1}`) : [],
    finalSnapshot: `${identifier}-final`,
    ...(aurora ? { clusterParameterGroup: `${namePrefix}-${region}-${familySlug}-cluster` } : {}),
    parameterGroup: `${namePrefix}-${region}-${familySlug}`,
    monitoringRole: `${namePrefix}-${region}-rds-mon`,
    alarmPrefix: `${namePrefix}-${region}-db`,
  };
}

/**
 * Why a name breaks RDS's identifier rules (cluster, instance, global cluster, snapshot and
 * parameter group names share them), or undefined: `max` characters at most, a letter first,
 * then letters, digits and hyphens, no two hyphens in a row and no hyphen at the end. RDS
 * lower-cases identifiers, so upper case is refused too (the name in state would differ).
 */
export function rdsNameProblem(what: string, name: string, max: number): string | undefined {
  const rules: string[] = [];
  if (name.length < 1 || name.length > max) rules.push(`is ${name.length} characters long (1 to ${max} allowed)`);
  if (!/^[a-z]/.test(name)) rules.push("does not start with a lowercase letter");
  if (!/^[a-z0-9-]*$/.test(name)) rules.push("has characters other than lowercase letters, digits and hyphens");
  if (name.includes("--")) rules.push("has two hyphens in a row");
  if (name.endsWith("-")) rules.push("ends with a hyphen");
  return rules.length === 0 ? undefined : `the ${what} "${name}" ${rules.join(", ")}`;
}

/** Why an IAM role name is invalid (64 characters of `[A-Za-z0-9+=,.@_-]`), or undefined. */
export function roleNameProblem(name: string): string | undefined {
  if (name.length > MAX_ROLE_NAME_LENGTH) return `the monitoring role name "${name}" is ${name.length} characters long (IAM allows ${MAX_ROLE_NAME_LENGTH})`;
  if (!/^[\w+=,.@-]+$/.test(name)) return `the monitoring role name "${name}" has characters IAM refuses`;
  return undefined;
}

/** Every problem of the names of one region, each naming the derived name. */
export function regionalNameProblems(names: RegionalDatabaseNames): string[] {
  const problems = [
    rdsNameProblem("identifier", names.identifier, MAX_IDENTIFIER_LENGTH),
    // the last instance has the longest identifier; the others share its prefix
    names.instances.length === 0 ? undefined : rdsNameProblem("instance identifier", names.instances[names.instances.length - 1], MAX_IDENTIFIER_LENGTH),
    rdsNameProblem("final snapshot identifier", names.finalSnapshot, MAX_PARAMETER_GROUP_NAME_LENGTH),
    names.clusterParameterGroup === undefined
      ? undefined
      : rdsNameProblem("cluster parameter group name", names.clusterParameterGroup, MAX_PARAMETER_GROUP_NAME_LENGTH),
    rdsNameProblem("parameter group name", names.parameterGroup, MAX_PARAMETER_GROUP_NAME_LENGTH),
    roleNameProblem(names.monitoringRole),
  ];
  return problems.filter((problem): problem is string => problem !== undefined);
}

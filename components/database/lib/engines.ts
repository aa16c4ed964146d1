/**
 * The database engines the blueprint runs, their version formats, parameter group families, the
 * versions that may join an Aurora global database, and the instance classes each engine accepts.
 *
 * Every table here is an AWS fact that changes over time (`[volatile]`): AWS adds versions and
 * instance classes and retires old ones. Each lives in one constant so that a change is a one-line
 * edit. A class × version × region combination that passes these checks can still be
 * unorderable in a region (AWS rule R11); only `aws rds describe-orderable-db-instance-options`
 * knows, and the plan is offline.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Support.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.GlobalDatabase.html
 */

/** Aurora (a cluster of instances on shared storage) or RDS (a DB instance with its own storage). */
export const DATABASE_SERVICES = ["aurora", "rds"] as const;

/** One of `DATABASE_SERVICES`. */
export type DatabaseService = (typeof DATABASE_SERVICES)[number];

/** The SQL engines the blueprint supports. */
export const DATABASE_ENGINES = ["postgresql", "mysql"] as const;

/** One of `DATABASE_ENGINES`. */
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

/** The RDS API's engine name. */
export type RdsEngineName = "aurora-postgresql" | "aurora-mysql" | "postgres" | "mysql";

/** The RDS API's engine name of a service and engine. */
export function rdsEngineName(service: DatabaseService, engine: DatabaseEngine): RdsEngineName {
  if (service === "aurora") return engine === "postgresql" ? "aurora-postgresql" : "aurora-mysql";
  return engine === "postgresql" ? "postgres" : "mysql";
}

/** The engine's standard port. */
export function defaultPort(engine: DatabaseEngine): number {
  return engine === "postgresql" ? 5432 : 3306;
}

/**
 * The default engine version of each engine: a current minor of a major in standard support.
 * `[volatile]` (AWS retires minors; bump these when the release calendars move on).
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html
 */
export const DEFAULT_ENGINE_VERSIONS: Readonly<Record<RdsEngineName, string>> = {
  "aurora-postgresql": "16.6",
  "aurora-mysql": "8.0.mysql_aurora.3.08.0",
  postgres: "16.6",
  mysql: "8.4.5",
};

/**
 * The major versions accepted per engine: those in AWS standard support (older majors cost
 * Extended Support fees and are about to be upgraded by AWS). `[volatile]`
 * Aurora MySQL is version 3 (MySQL 8.0 compatible); Aurora MySQL 2 (5.7) reached end of standard
 * support in October 2024.
 */
export const SUPPORTED_MAJOR_VERSIONS: Readonly<Record<RdsEngineName, readonly string[]>> = {
  "aurora-postgresql": ["14", "15", "16", "17"],
  "aurora-mysql": ["8.0"],
  postgres: ["14", "15", "16", "17"],
  mysql: ["8.0", "8.4"],
};

/** What an engine version string means. */
export interface EngineVersionInfo {
  /** The major version: `16` for PostgreSQL, `8.0` for MySQL. */
  readonly major: string;
  /** The version compared against minimums: `16.6`, `8.4.5`, or the Aurora MySQL version `3.08.0`. */
  readonly comparable: string;
  /** The parameter group family: `aurora-postgresql16`, `aurora-mysql8.0`, `postgres16`, `mysql8.4`. */
  readonly family: string;
}

const VERSION_FORMATS: Readonly<Record<RdsEngineName, { pattern: RegExp; example: string }>> = {
  "aurora-postgresql": { pattern: /^(\d{2})\.(\d{1,2})$/, example: "16.6" },
  "aurora-mysql": { pattern: /^(8\.0)\.mysql_aurora\.(3\.\d{2}\.\d{1,2})$/, example: "8.0.mysql_aurora.3.08.0" },
  postgres: { pattern: /^(\d{2})\.(\d{1,2})$/, example: "16.6" },
  mysql: { pattern: /^(8\.[04])\.(\d{1,2})$/, example: "8.4.5" },
};

/**
 * Parses an engine version, or says why it is not one this engine accepts (format or a major
 * outside standard support).
 */
export function parseEngineVersion(engine: RdsEngineName, version: string): EngineVersionInfo | { readonly problem: string } {
  const format = VERSION_FORMATS[engine];
  const match = format.pattern.exec(version);
  if (!match) {
    return { problem: `must be a full ${engine} version such as ${format.example}; got ${JSON.stringify(version)}` };
  }
  const major = match[1];
  const supported = SUPPORTED_MAJOR_VERSIONS[engine];
  if (!supported.includes(major)) {
    return {
      problem: `${version} is ${engine} ${major}, which is not in AWS standard support; use major ${supported.join(", ")} (e.g. ${DEFAULT_ENGINE_VERSIONS[engine]})`,
    };
  }
  const comparable = engine === "aurora-mysql" ? match[2] : version;
  return { major, comparable, family: `${engine}${major}` };
}

/** Compares dotted numeric versions part by part (`3.08.0` < `3.10.1`, `16.10` > `16.6`). */
export function compareVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The lowest version of each major that can be part of an Aurora global database, in every region
 * that supports global databases at all (`GLOBAL_DATABASE_REGION_MINIMUMS` raises it in a few
 * regions). `[volatile]`
 *
 * | engine | major | lowest version |
 * |---|---|---|
 * | aurora-postgresql | 14 / 15 / 16 / 17 | 14.3 / 15.2 / 16.1 / 17.4 |
 * | aurora-mysql | 8.0 (Aurora MySQL 3) | 3.01.0 |
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.GlobalDatabase.html
 */
export const GLOBAL_DATABASE_MINIMUM_VERSIONS: Readonly<Record<"aurora-postgresql" | "aurora-mysql", Readonly<Record<string, string>>>> = {
  "aurora-postgresql": { "14": "14.3", "15": "15.2", "16": "16.1", "17": "17.4" },
  "aurora-mysql": { "8.0": "3.01.0" },
};

/**
 * Regions where Aurora MySQL 3 joined global databases later than 3.01.0. `[volatile]`
 */
export const GLOBAL_DATABASE_REGION_MINIMUMS: Readonly<Record<string, Partial<Record<"aurora-postgresql" | "aurora-mysql", string>>>> = {
  "ap-south-2": { "aurora-mysql": "3.02.0" },
  "ap-southeast-4": { "aurora-mysql": "3.03.0" },
  "ap-southeast-5": { "aurora-mysql": "3.04.0" },
};

/**
 * Regions of the blueprint's region table where AWS documents no Aurora global database support
 * (Asia Pacific (Thailand)). `[volatile]`
 */
export const GLOBAL_DATABASE_UNSUPPORTED_REGIONS: readonly string[] = ["ap-southeast-7"];

/** Why `version` cannot be part of a global database spanning `regions`, or undefined. */
export function globalDatabaseVersionProblem(
  engine: "aurora-postgresql" | "aurora-mysql",
  info: EngineVersionInfo,
  version: string,
  regions: readonly string[],
): string | undefined {
  const minimum = GLOBAL_DATABASE_MINIMUM_VERSIONS[engine][info.major];
  if (minimum === undefined) return `${version} has no Aurora global database support`;
  if (compareVersions(info.comparable, minimum) < 0) {
    return `${version} cannot be part of an Aurora global database; ${engine} ${info.major} needs ${minimum} or later`;
  }
  for (const region of regions) {
    const regional = GLOBAL_DATABASE_REGION_MINIMUMS[region]?.[engine];
    if (regional !== undefined && compareVersions(info.comparable, regional) < 0) {
      return `${version} cannot join an Aurora global database in ${region}, which needs ${engine} ${regional} or later`;
    }
  }
  return undefined;
}

/** What an instance class family is for. */
export type InstanceClassKind = "memory" | "general" | "burstable";

/** One instance class family and where AWS offers it. */
interface ClassFamily {
  readonly kind: InstanceClassKind;
  /** Services that offer the family. */
  readonly services: readonly DatabaseService[];
  /**
   * Lowest engine version per major, where the family needs a newer version than the major's
   * first (`comparable` form). A major missing from the table accepts every version.
   */
  readonly minimumVersions?: Partial<Record<RdsEngineName, Readonly<Record<string, string>>>>;
}

/**
 * The instance class families the blueprint accepts, by service. `[volatile]`
 * Aurora offers memory-optimised and burstable classes only (no db.m*); the Optimized Reads
 * (`*gd`/`*id`) and serverless classes are left out because the blueprint does not configure them.
 * db.r7g on Aurora PostgreSQL needs 14.5, 15.2, 16.1 or later (the table's only version gate;
 * other families run every supported major).
 */
export const INSTANCE_CLASS_FAMILIES: Readonly<Record<string, ClassFamily>> = {
  r5: { kind: "memory", services: ["aurora", "rds"] },
  r6g: { kind: "memory", services: ["aurora", "rds"] },
  r6i: { kind: "memory", services: ["aurora", "rds"] },
  r7g: { kind: "memory", services: ["aurora", "rds"], minimumVersions: { "aurora-postgresql": { "14": "14.5", "15": "15.2", "16": "16.1" } } },
  r7i: { kind: "memory", services: ["aurora", "rds"] },
  r8g: { kind: "memory", services: ["aurora", "rds"] },
  x2g: { kind: "memory", services: ["aurora", "rds"] },
  m5: { kind: "general", services: ["rds"] },
  m6g: { kind: "general", services: ["rds"] },
  m6i: { kind: "general", services: ["rds"] },
  m7g: { kind: "general", services: ["rds"] },
  m7i: { kind: "general", services: ["rds"] },
  m8g: { kind: "general", services: ["rds"] },
  t3: { kind: "burstable", services: ["aurora", "rds"] },
  t4g: { kind: "burstable", services: ["aurora", "rds"] },
};

/** Aurora runs burstable classes in these sizes only. */
export const AURORA_BURSTABLE_SIZES: readonly string[] = ["medium", "large"];

/** Sizes below `large`, offered only in burstable families. */
const SMALL_SIZES: readonly string[] = ["micro", "small", "medium"];

const CLASS_PATTERN = /^db\.([a-z]+\d+[a-z]*)\.(micro|small|medium|large|xlarge|\d{1,2}xlarge|metal)$/;

/** A parsed instance class. */
export interface InstanceClassInfo {
  readonly family: string;
  readonly size: string;
  readonly kind: InstanceClassKind;
}

/** Parses `db.<family>.<size>` against the family table, or says why it is not accepted. */
export function parseInstanceClass(instanceClass: string, service: DatabaseService): InstanceClassInfo | { readonly problem: string } {
  const match = CLASS_PATTERN.exec(instanceClass);
  if (!match) {
    return { problem: `must look like db.<family>.<size>, e.g. db.r7g.large; got ${JSON.stringify(instanceClass)}` };
  }
  const [, family, size] = match as unknown as [string, string, string];
  const known = INSTANCE_CLASS_FAMILIES[family];
  const offered = Object.entries(INSTANCE_CLASS_FAMILIES)
    .filter(([, info]) => info.services.includes(service))
    .map(([name]) => `db.${name}`);
  if (!known || !known.services.includes(service)) {
    return {
      problem: `${instanceClass} is not an ${service === "aurora" ? "Aurora" : "RDS"} instance class the blueprint supports; use one of the families ${offered.join(", ")}`,
    };
  }
  if (known.kind !== "burstable" && SMALL_SIZES.includes(size)) {
    return { problem: `${instanceClass} does not exist: db.${family} starts at large` };
  }
  if (service === "aurora" && known.kind === "burstable" && !AURORA_BURSTABLE_SIZES.includes(size)) {
    return { problem: `${instanceClass} is not offered by Aurora, which runs burstable classes in sizes ${AURORA_BURSTABLE_SIZES.join(" and ")} only` };
  }
  return { family, size, kind: known.kind };
}

/** Why a class family cannot run this engine version, or undefined. */
export function instanceClassVersionProblem(
  info: InstanceClassInfo,
  engine: RdsEngineName,
  version: EngineVersionInfo,
  versionText: string,
): string | undefined {
  const minimum = INSTANCE_CLASS_FAMILIES[info.family]?.minimumVersions?.[engine]?.[version.major];
  if (minimum !== undefined && compareVersions(version.comparable, minimum) < 0) {
    return `db.${info.family} needs ${engine} ${minimum} or later in major ${version.major}; got ${versionText}`;
  }
  return undefined;
}

/**
 * Whether Performance Insights can run on a class. MySQL engines refuse it on the smallest
 * burstable classes, Aurora MySQL on every db.t3. `[volatile]`
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DatabaseInsights.Engines.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html
 */
export function performanceInsightsSupported(engine: RdsEngineName, info: InstanceClassInfo): boolean {
  if (engine !== "aurora-mysql" && engine !== "mysql") return true;
  if (info.kind !== "burstable") return true;
  if (engine === "aurora-mysql" && info.family === "t3") return false;
  return !["micro", "small"].includes(info.size);
}

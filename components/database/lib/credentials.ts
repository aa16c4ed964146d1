/**
 * Master user, database name and master password rules per engine. RDS checks them only when
 * `pulumi up` calls CreateDBCluster / CreateDBInstance, so a bad name fails after the network and
 * the other regions' resources already exist.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 * @see https://www.postgresql.org/docs/current/sql-keywords-appendix.html
 * @see https://dev.mysql.com/doc/refman/8.4/en/keywords.html
 */
import { rdsEngineName, type DatabaseEngine, type DatabaseService, type RdsEngineName } from "./engines";

/**
 * Longest master user name per engine. CreateDBCluster documents 16 for Aurora (both engines);
 * RDS for PostgreSQL takes 63 and RDS for MySQL 32. `[volatile]`
 */
export const MASTER_USERNAME_MAX_LENGTH: Readonly<Record<RdsEngineName, number>> = {
  "aurora-postgresql": 16,
  "aurora-mysql": 16,
  postgres: 63,
  mysql: 32,
};

/** Longest database name: 63 for PostgreSQL (its identifier limit), 64 for MySQL. */
export const DATABASE_NAME_MAX_LENGTH: Readonly<Record<DatabaseEngine, number>> = { postgresql: 63, mysql: 64 };

/** Longest master password per engine: 41 for Aurora and RDS for MySQL, 128 for RDS for PostgreSQL. */
export const MASTER_PASSWORD_MAX_LENGTH: Readonly<Record<RdsEngineName, number>> = {
  "aurora-postgresql": 41,
  "aurora-mysql": 41,
  postgres: 128,
  mysql: 41,
};

/** Shortest master password RDS accepts. */
export const MASTER_PASSWORD_MIN_LENGTH = 8;

/** Length of the generated master password: within every engine's limit, about 190 bits of entropy. */
export const GENERATED_PASSWORD_LENGTH = 32;

/**
 * Special characters of the generated password. RDS refuses `/`, `"`, `@` and spaces; `'`, `\`,
 * `` ` ``, `$`, `&`, `;`, `|`, `#`, `%` and `?` are left out too, so the password survives shells,
 * connection URLs and configuration files without quoting.
 */
export const PASSWORD_SPECIAL_CHARACTERS = "!*()-_=+[]{}:,.~^";

/** How to generate a master password the engine accepts (`@pulumi/random` RandomPassword inputs). */
export interface MasterPasswordRules {
  /** Characters to generate. */
  readonly length: number;
  /** The special characters allowed (RandomPassword `overrideSpecial`). */
  readonly overrideSpecial: string;
  /** The engine's limit, for reference. */
  readonly maxLength: number;
}

/** The generated master password's rules for an engine. */
export function masterPasswordRules(engine: DatabaseEngine, service: DatabaseService): MasterPasswordRules {
  const maxLength = MASTER_PASSWORD_MAX_LENGTH[rdsEngineName(service, engine)];
  return { length: Math.min(GENERATED_PASSWORD_LENGTH, maxLength), overrideSpecial: PASSWORD_SPECIAL_CHARACTERS, maxLength };
}

/** PostgreSQL's reserved key words (they cannot name a role or a database without quoting). */
const POSTGRES_RESERVED = `all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create
current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc distinct do else end
except false fetch for foreign from grant group having in initially intersect into lateral leading limit localtime localtimestamp not
null offset on only or order placing primary references returning select session_user some symmetric system_user table then to
trailing true union unique user using variadic when where window with`;

/** MySQL 8's reserved words most likely to be chosen as names (the full list is in the MySQL manual). */
const MYSQL_RESERVED = `accessible add all alter analyze and as asc before between bigint binary blob both by call cascade case change
char character check collate column condition constraint continue convert create cross cube current_date current_time
current_timestamp current_user cursor database databases declare default delayed delete desc describe distinct div double drop
dual each else elseif empty enclosed escaped except exists exit explain false fetch float for force foreign from fulltext function
generated get grant group grouping groups having if ignore in index infile inner insert int integer interval into is iterate join
key keys kill lateral leading leave left like limit lines load localtime lock long loop match mod natural not null numeric of on
optimize option or order out outer over partition primary procedure purge range rank read real recursive references regexp release
rename repeat replace require restrict return revoke right rlike row rows schema schemas select set show signal spatial sql ssl
starting stored system table terminated then to trailing trigger true undo union unique unlock unsigned update usage use using
values varchar when where while window with write xor zerofill`;

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((word) => word !== ""));
const RESERVED_WORDS: Readonly<Record<DatabaseEngine, ReadonlySet<string>>> = {
  postgresql: words(POSTGRES_RESERVED),
  mysql: words(MYSQL_RESERVED),
};

/**
 * Master user names RDS keeps for itself: `rdsadmin` and `rdsrepladmin` on every engine, and
 * `admin` on PostgreSQL engines ("MasterUsername admin cannot be used as it is a reserved word used
 * by the engine"; MySQL engines accept it).
 */
export const RESERVED_MASTER_USERNAMES: Readonly<Record<DatabaseEngine, readonly string[]>> = {
  postgresql: ["rdsadmin", "rdsrepladmin", "admin"],
  mysql: ["rdsadmin", "rdsrepladmin"],
};

/** Databases that already exist on a new server, so `CREATE DATABASE` of that name fails. */
export const RESERVED_DATABASE_NAMES: Readonly<Record<DatabaseEngine, readonly string[]>> = {
  postgresql: ["postgres", "template0", "template1", "rdsadmin"],
  mysql: ["mysql", "sys", "information_schema", "performance_schema", "rdsadmin"],
};

/** Why a master user name is refused by the engine, or undefined. */
export function masterUsernameProblem(username: string, engine: DatabaseEngine, rdsEngine: RdsEngineName): string | undefined {
  const max = MASTER_USERNAME_MAX_LENGTH[rdsEngine];
  const shown = JSON.stringify(username);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(username) || username.length > max) {
    return `must be 1 to ${max} letters, digits or underscores starting with a letter (${rdsEngine}); got ${shown}`;
  }
  const lower = username.toLowerCase();
  if (RESERVED_MASTER_USERNAMES[engine].includes(lower) || RESERVED_WORDS[engine].has(lower)) {
    return `${shown} is a reserved word of ${rdsEngine}; choose another name, e.g. appowner`;
  }
  if (engine === "postgresql" && (lower.startsWith("pg_") || lower.startsWith("rds_"))) {
    return `${shown} starts with ${lower.slice(0, lower.indexOf("_") + 1)}, a prefix PostgreSQL and RDS reserve for their own roles`;
  }
  return undefined;
}

/** Why a database name is refused by the engine, or undefined. */
export function databaseNameProblem(name: string, engine: DatabaseEngine): string | undefined {
  const max = DATABASE_NAME_MAX_LENGTH[engine];
  const shown = JSON.stringify(name);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.length > max) {
    return `must be 1 to ${max} letters, digits or underscores starting with a letter; got ${shown}`;
  }
  const lower = name.toLowerCase();
  if (RESERVED_DATABASE_NAMES[engine].includes(lower)) {
    return `${shown} already exists on every new ${engine} server; choose another name, e.g. app`;
  }
  if (RESERVED_WORDS[engine].has(lower)) return `${shown} is a reserved word of ${engine}; choose another name, e.g. app`;
  return undefined;
}

/**
 * Parameter group contents and CloudWatch log exports per engine: TLS is forced on every engine,
 * and each exported log is switched on in the engine (RDS only publishes a log the engine writes).
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Security.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html
 */
import type { RdsEngineName } from "./engines";

/** One parameter. Static parameters need `pending-reboot`, which dynamic ones accept too. */
export interface DbParameter {
  readonly name: string;
  readonly value: string;
  readonly applyMethod: "pending-reboot";
}

/** The parameters of a region's parameter groups. */
export interface DatabaseParameters {
  /** Aurora's cluster parameter group (applies to every instance); empty for RDS. */
  readonly cluster: readonly DbParameter[];
  /** The DB parameter group of the instances (RDS: the instance's only group). */
  readonly instance: readonly DbParameter[];
}

/**
 * The logs each engine can export to CloudWatch Logs. RDS for MySQL's audit log needs an option
 * group with the MariaDB audit plugin, which the blueprint does not create, so it is not offered.
 */
export const LOG_EXPORTS: Readonly<Record<RdsEngineName, readonly string[]>> = {
  "aurora-postgresql": ["postgresql"],
  "aurora-mysql": ["audit", "error", "general", "slowquery"],
  postgres: ["postgresql", "upgrade"],
  mysql: ["error", "general", "slowquery"],
};

/**
 * Logs exported by default: the engine log, and MySQL's slow queries (the general and audit logs
 * record every statement, which costs more than it usually tells).
 */
export const DEFAULT_LOG_EXPORTS: Readonly<Record<RdsEngineName, readonly string[]>> = {
  "aurora-postgresql": ["postgresql"],
  "aurora-mysql": ["error", "slowquery"],
  postgres: ["postgresql", "upgrade"],
  mysql: ["error", "slowquery"],
};

const p = (name: string, value: string): DbParameter => ({ name, value, applyMethod: "pending-reboot" });

/** The parameters that force TLS and turn on the exported logs. */
export function databaseParameters(engine: RdsEngineName, logExports: readonly string[]): DatabaseParameters {
  const exports = new Set(logExports);
  switch (engine) {
    case "aurora-postgresql":
      return { cluster: [p("rds.force_ssl", "1")], instance: [] };
    case "aurora-mysql":
      return {
        cluster: [
          p("require_secure_transport", "ON"),
          ...(exports.has("slowquery") ? [p("slow_query_log", "1")] : []),
          ...(exports.has("general") ? [p("general_log", "1")] : []),
          ...(exports.has("audit") ? [p("server_audit_logging", "1"), p("server_audit_events", "CONNECT,QUERY_DCL,QUERY_DDL")] : []),
        ],
        instance: [],
      };
    case "postgres":
      return { cluster: [], instance: [p("rds.force_ssl", "1")] };
    case "mysql": {
      const logs = exports.has("slowquery") || exports.has("general");
      return {
        cluster: [],
        instance: [
          p("require_secure_transport", "1"),
          ...(exports.has("slowquery") ? [p("slow_query_log", "1")] : []),
          ...(exports.has("general") ? [p("general_log", "1")] : []),
          // RDS for MySQL writes these logs to tables by default; CloudWatch only receives files
          ...(logs ? [p("log_output", "FILE")] : []),
        ],
      };
    }
    default: {
      const unknown: never = engine;
      throw new Error(`Unknown engine '${String(unknown)}'`);
    }
  }
}

/**
 * The rules of an RDS Proxy, as plain data: its names, the engine family of each engine, the
 * problems of the settings with the database they front (AWS's refusals, offline), and the IAM
 * documents of the proxy's role and of the tiers that connect through it.
 */
import type { IamStatement } from "../../lib/iam";
import { MAX_PROXY_NAME_LENGTH, WRITE_FORWARDING_CONNECTION_PERCENT } from "./limits";

/** The proxy settings, after defaults (the resolved `blueprint:proxy`). */
export interface ProxySettings {
  readonly enabled: boolean;
  readonly maxConnectionsPercent: number;
  readonly maxIdleConnectionsPercent: number;
  readonly connectionBorrowTimeoutSeconds: number;
  readonly idleClientTimeoutSeconds: number;
  readonly alarms: { readonly clientConnections: number; readonly borrowLatencyMs: number };
}

/** What the rules need to know of the database. */
export interface ProxiedDatabase {
  readonly mode: "aurora-global" | "rds-replicas" | "single-region";
  readonly service: "aurora" | "rds";
  readonly engine: "postgresql" | "mysql";
  readonly globalWriteForwarding: boolean;
}

/** A problem at a key of `blueprint:proxy`. */
export interface ProxyProblem {
  readonly field: string;
  readonly message: string;
}

/** RDS Proxy's engine family of an engine. */
export function engineFamily(engine: ProxiedDatabase["engine"]): "POSTGRESQL" | "MYSQL" {
  return engine === "postgresql" ? "POSTGRESQL" : "MYSQL";
}

/** The proxy's name in a region (shard 0 keeps the plain name). */
export function proxyName(namePrefix: string, region: string, shard = 0): string {
  return `${namePrefix}-${region}${shard === 0 ? "" : `-s${shard}`}`;
}

/** IAM role names: at most 64 characters. */
const MAX_ROLE_NAME_LENGTH = 64;

/** The name of the proxy's IAM role. */
export function proxyRoleName(name: string): string {
  return `${name}-proxy`;
}

/** The name of the proxy's read-only endpoint. */
export function readerEndpointName(name: string): string {
  return `${name}-ro`;
}

/** Why AWS would refuse a proxy or proxy endpoint name, or undefined. */
export function proxyNameProblem(what: string, name: string): string | undefined {
  const rules: string[] = [];
  if (name.length > MAX_PROXY_NAME_LENGTH) rules.push(`is ${name.length} characters long (RDS allows ${MAX_PROXY_NAME_LENGTH})`);
  if (!/^[A-Za-z]/.test(name)) rules.push("does not start with a letter");
  if (!/^[A-Za-z0-9-]*$/.test(name)) rules.push("has characters other than letters, digits and hyphens");
  if (name.includes("--")) rules.push("has two hyphens in a row");
  if (name.endsWith("-")) rules.push("ends with a hyphen");
  return rules.length === 0 ? undefined : `the ${what} "${name}" ${rules.join(", ")}`;
}

/** Every problem of the proxy settings with the stack's database, regions and names. */
export function proxySettingsProblems(
  settings: ProxySettings,
  context: { readonly database: ProxiedDatabase; readonly regions: readonly string[]; readonly namePrefix: string; readonly shards: number },
): ProxyProblem[] {
  if (!settings.enabled) return [];
  const problems: ProxyProblem[] = [];
  const { database } = context;
  if (database.mode === "rds-replicas" && context.regions.length > 1) {
    problems.push({
      field: "enabled",
      message:
        "RDS Proxy cannot target an RDS cross-region read replica, so database mode rds-replicas gets no proxy in its secondary regions: set enabled false, or use database mode aurora-global (a proxy can front every cluster of an Aurora global database)",
    });
  }
  if (settings.maxIdleConnectionsPercent > settings.maxConnectionsPercent) {
    problems.push({
      field: "maxIdleConnectionsPercent",
      message: `must be at most maxConnectionsPercent (${settings.maxConnectionsPercent}): RDS refuses more idle connections than connections, got ${settings.maxIdleConnectionsPercent}`,
    });
  }
  if (database.mode === "aurora-global" && database.globalWriteForwarding && settings.maxConnectionsPercent > 100 - WRITE_FORWARDING_CONNECTION_PERCENT) {
    problems.push({
      field: "maxConnectionsPercent",
      message: `must be at most ${100 - WRITE_FORWARDING_CONNECTION_PERCENT} with database.globalWriteForwarding: Aurora keeps ${WRITE_FORWARDING_CONNECTION_PERCENT}% of the writer's connections for forwarded writes (aurora_fwd_writer_max_connections_pct), got ${settings.maxConnectionsPercent}`,
    });
  }
  for (const region of context.regions) {
    for (let shard = 0; shard < context.shards; shard++) {
      const name = proxyName(context.namePrefix, region, shard);
      const problem =
        proxyNameProblem("proxy name", name) ??
        (database.service === "aurora" ? proxyNameProblem("proxy endpoint name", readerEndpointName(name)) : undefined) ??
        (proxyRoleName(name).length > MAX_ROLE_NAME_LENGTH
          ? `the proxy's role name "${proxyRoleName(name)}" is longer than IAM's ${MAX_ROLE_NAME_LENGTH} characters`
          : undefined);
      if (problem) problems.push({ field: "", message: `${problem}: shorten the project or stack name` });
    }
  }
  return problems;
}

/**
 * The proxy role's statements: read the region's copy of the database secret, and decrypt it with
 * the region's key only through Secrets Manager of that region.
 */
export function proxyRoleStatements<T>(secretArn: T, kmsKeyArn: T, region: string): IamStatement<T>[] {
  return [
    { Sid: "ReadDatabaseSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secretArn] },
    {
      Sid: "DecryptDatabaseSecret",
      Effect: "Allow",
      Action: ["kms:Decrypt"],
      Resource: [kmsKeyArn],
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
    },
  ];
}

/**
 * The `rds-db:connect` resource of a database user through a proxy: IAM authentication to a proxy
 * names the proxy's resource ID (`prx-…`, the last part of its ARN), not the database's.
 */
export function proxyConnectArn(proxyArn: string, username: string): string {
  const [, partition, , region, account, , resourceId] = /^arn:([^:]+):([^:]+):([^:]+):([^:]+):(db-proxy):(.+)$/.exec(proxyArn) ?? [];
  return `arn:${partition ?? "aws"}:rds-db:${region ?? ""}:${account ?? ""}:dbuser:${resourceId ?? ""}/${username}`;
}

/** The tiers' statement: connect as the database user through the region's proxies, nothing else. */
export function proxyClientStatements<T>(connectArns: readonly T[]): IamStatement<T>[] {
  if (connectArns.length === 0) return [];
  return [{ Sid: "ConnectThroughProxy", Effect: "Allow", Action: ["rds-db:connect"], Resource: [...connectArns] }];
}

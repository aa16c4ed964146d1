/**
 * Mocked states of the database resources: Aurora global clusters, clusters and their instances,
 * RDS DB instances and their parameter groups, shaped like the RDS API's answers (endpoints with the
 * account's per-region DNS label, `cluster-…`/`db-…` resource IDs, ARNs with `cluster:`/`db:`).
 * (The DB subnet group's mock is the network component's: components/network/plan.ts.)
 */
import { arn, autoName, hashHex } from "../../lib/plan/mockIds";
import { textInput as text, type Builder, type MockInput } from "../../lib/plan/mock";

/**
 * An RDS identifier: the explicit input, else Pulumi's auto-name. RDS stores identifiers in lower
 * case, so the mock does too.
 */
const identifier = (input: MockInput, key: string): string => (text(input, key) ?? autoName(input.name, input.urn)).toLowerCase();

/**
 * The DNS label RDS puts in every endpoint of an account in a region (`<id>.<label>.<region>.rds.
 * amazonaws.com`): twelve lowercase letters and digits, the same for all of the account's
 * databases in that region.
 */
function endpointLabel(region: string): string {
  return BigInt(`0x${hashHex(16, "rds-endpoint-label", region)}`)
    .toString(36)
    .slice(0, 12)
    .padStart(12, "0");
}

/** An RDS resource ID such as `cluster-ABCDEFGHIJKLMNOPQRSTUVWXY2` or `db-…` (26 upper-case characters). */
function resourceId(prefix: "cluster" | "db", urn: string): string {
  const digits = BigInt(`0x${hashHex(32, "rds-resource-id", prefix, urn)}`)
    .toString(36)
    .toUpperCase();
  return `${prefix}-${digits.padStart(26, "0").slice(0, 26)}`;
}

/** The engine's default port, when the input gives none. */
function port(input: MockInput): number {
  if (typeof input.inputs.port === "number") return input.inputs.port;
  const engine = text(input, "engine") ?? "";
  return engine.includes("postgres") ? 5432 : 3306;
}

const host = (id: string, region: string, kind = ""): string => `${id}.${kind}${endpointLabel(region)}.${region}.rds.amazonaws.com`;

/** A global cluster is global: its ARN has no region. */
export const globalCluster: Builder = (input) => {
  const id = identifier(input, "globalClusterIdentifier");
  return {
    id,
    outputs: {
      globalClusterIdentifier: id,
      arn: arn("rds", "", `global-cluster:${id}`),
      globalClusterResourceId: resourceId("cluster", `${input.urn}#global`),
      // the global writer endpoint: <identifier>.global-<hash>.global.rds.amazonaws.com
      endpoint: `${id}.global-${hashHex(12, "global-endpoint", input.urn)}.global.rds.amazonaws.com`,
    },
  };
};

/** An Aurora cluster: writer and reader endpoints, resource ID, engine port. */
export const cluster: Builder = (input, region) => {
  const id = identifier(input, "clusterIdentifier");
  return {
    id,
    outputs: {
      clusterIdentifier: id,
      arn: arn("rds", region, `cluster:${id}`),
      endpoint: host(id, region, "cluster-"),
      readerEndpoint: host(id, region, "cluster-ro-"),
      clusterResourceId: resourceId("cluster", input.urn),
      port: port(input),
    },
  };
};

/** An Aurora cluster instance. */
export const clusterInstance: Builder = (input, region) => {
  const id = identifier(input, "identifier");
  return {
    id,
    outputs: {
      identifier: id,
      arn: arn("rds", region, `db:${id}`),
      // a cluster instance's endpoint is its host name alone
      endpoint: host(id, region),
      port: port(input),
      dbiResourceId: resourceId("db", input.urn),
    },
  };
};

/** An RDS DB instance. Since provider v5 its ID is its resource ID, not its identifier. */
export const instance: Builder = (input, region) => {
  const id = identifier(input, "identifier");
  const address = host(id, region);
  const dbi = resourceId("db", input.urn);
  const portNumber = port(input);
  return {
    id: dbi,
    outputs: {
      identifier: id,
      arn: arn("rds", region, `db:${id}`),
      address,
      endpoint: `${address}:${portNumber}`,
      port: portNumber,
      resourceId: dbi,
    },
  };
};

/** A cluster parameter group. */
export const clusterParameterGroup: Builder = (input, region) => {
  const name = identifier(input, "name");
  return { id: name, outputs: { name, arn: arn("rds", region, `cluster-pg:${name}`) } };
};

/** A DB parameter group. */
export const parameterGroup: Builder = (input, region) => {
  const name = identifier(input, "name");
  return { id: name, outputs: { name, arn: arn("rds", region, `pg:${name}`) } };
};

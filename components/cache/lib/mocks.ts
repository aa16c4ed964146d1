/**
 * Mocked states of the cache resources: ElastiCache replication groups and Global Datastores,
 * with IDs, endpoints and ARNs shaped like AWS's.
 */
import { arn, hashHex } from "../../lib/plan/mockIds";
import { named, textInput as text, type Builder } from "../../lib/plan/mock";

/**
 * The Global Datastore ID prefix AWS uses in a region (documented for these regions; any other
 * region gets a stable made-up prefix of the same shape).
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-CLI.html
 */
const GLOBAL_DATASTORE_PREFIXES: Readonly<Record<string, string>> = {
  "us-east-1": "ldgnf",
  "us-east-2": "fpkhr",
  "us-west-1": "virxk",
  "us-west-2": "sgaui",
  "ca-central-1": "bxodz",
};

/** The region's Global Datastore ID prefix: five lowercase letters. */
export function globalDatastorePrefix(region: string): string {
  const known = GLOBAL_DATASTORE_PREFIXES[region];
  if (known) return known;
  return [...hashHex(10, "gds-prefix", region)]
    .filter((_, i) => i % 2 === 0)
    .map((hex) => String.fromCharCode(97 + (parseInt(hex, 16) % 26)))
    .join("");
}

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** The short region code of ElastiCache endpoints: `use1`, `euw1`, `apse2`. */
export function endpointRegionCode(region: string): string {
  const [area = "", direction = "", number = ""] = region.split("-");
  return `${area}${DIRECTIONS[direction] ?? direction}${number}`;
}

/** A replication group. ElastiCache stores replication group IDs in lowercase; the ID is the replication group ID. */
export const replicationGroup: Builder = (input, region) => {
  const id = (text(input, "replicationGroupId") ?? named(input)).toLowerCase();
  const host = `${id}.${hashHex(6, "elasticache-endpoint", input.urn)}.${endpointRegionCode(region)}.cache.amazonaws.com`;
  const nodes = typeof input.inputs.numCacheClusters === "number" ? input.inputs.numCacheClusters : 1;
  return {
    id,
    outputs: {
      replicationGroupId: id,
      arn: arn("elasticache", region, `replicationgroup:${id}`),
      // cluster mode disabled: a primary endpoint and a reader endpoint, no configuration endpoint
      primaryEndpointAddress: `master.${host}`,
      readerEndpointAddress: `replica.${host}`,
      memberClusters: Array.from({ length: nodes }, (_, i) => `${id}-${String(i + 1).padStart(3, "0")}`),
      clusterEnabled: false,
      port: typeof input.inputs.port === "number" ? input.inputs.port : 6379,
      globalReplicationGroupId: text(input, "globalReplicationGroupId") ?? "",
    },
  };
};

/** A Global Datastore. Global: the ARN has no region; AWS prepends the primary region's prefix to the suffix. */
export const globalReplicationGroup: Builder = (input, region) => {
  const suffix = text(input, "globalReplicationGroupIdSuffix") ?? input.name;
  const id = `${globalDatastorePrefix(region)}-${suffix}`;
  return {
    id,
    outputs: {
      globalReplicationGroupId: id,
      arn: arn("elasticache", "", `globalreplicationgroup:${id}`),
      primaryReplicationGroupId: text(input, "primaryReplicationGroupId") ?? "",
      clusterEnabled: false,
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authTokenEnabled: true,
    },
  };
};

/**
 * A Lambda function (the AUTH rotation function): its ID is its name; Lambda returns the function's
 * ARN, the invoke ARN API Gateway uses, and `$LATEST` as the version of an unpublished function.
 */
export const lambdaFunction: Builder = (input, region) => {
  const name = named(input);
  const functionArn = arn("lambda", region, `function:${name}`);
  return {
    id: name,
    outputs: {
      name,
      arn: functionArn,
      qualifiedArn: `${functionArn}:$LATEST`,
      invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${functionArn}/invocations`,
      version: "$LATEST",
    },
  };
};

/** A Lambda permission: without a `statementId` the provider generates one (`terraform-` and a timestamp), which is its ID. */
export const lambdaPermission: Builder = (input) => {
  const statementId = text(input, "statementId") ?? `terraform-${hashHex(26, "lambda-permission", input.urn)}`;
  return { id: statementId, outputs: { statementId } };
};

/**
 * The stack-wide part of the data tier, declared before the regional stamps: the multi-region data
 * key, the generated credentials in secrets replicated to every region, and the Aurora global
 * cluster. The stamps then add each region's database member and cache, encrypted with their own
 * region's key, and read their own region's copy of each secret.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { authTokenRules } from "../components/cache/lib/cacheRules";
import { DatabaseGlobalCluster, globalClusterIdentifier, masterPasswordRules } from "../components/database";
import { MultiRegionKey } from "../components/kms";
import { createAutoScalingServiceRole } from "../components/compute/serviceLinkedRole";
import { ReplicatedSecret } from "../components/secrets";
import { DATA_KEY_DELETION_WINDOW_DAYS } from "../components/kms/defaults";
import { SECRET_RECOVERY_WINDOW_DAYS } from "../components/secrets/defaults";
import type { BlueprintConfig } from "./config";

/** What the stamps need from the stack-wide data tier. */
export interface SharedData {
  /** The data key of each region. */
  readonly keyArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** The stack's Auto Scaling service-linked role, which the data key lets encrypt the tiers' volumes. */
  readonly autoScalingServiceRoleArn: pulumi.Output<string>;
  /** The database's master password (a secret), for the primary member. */
  readonly masterPassword: pulumi.Output<string>;
  /** Each region's copy of the database credentials secret. */
  readonly databaseSecretArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** The cache's AUTH token (a secret), when the stack has a cache. */
  readonly cacheAuthToken?: pulumi.Output<string>;
  /** Each region's copy of the cache AUTH secret, when the stack has a cache. */
  readonly cacheSecretArns?: Readonly<Record<string, pulumi.Output<string>>>;
  /** The Aurora global cluster's identifier (aurora-global only). */
  readonly globalClusterIdentifier?: pulumi.Output<string>;
  /** The Aurora global writer endpoint, which follows the writer through a switchover (aurora-global only). */
  readonly globalWriterEndpoint?: pulumi.Output<string>;
}

/** Declares the data key, the credentials and the global cluster. */
export function createSharedData(config: BlueprintConfig, namePrefix: string, tags: Record<string, string>): SharedData {
  const primaryRegion = config.primaryRegion;
  const replicaRegions = config.regions.map((region) => region.name).filter((name) => name !== primaryRegion);
  // deleting a key or a secret by mistake loses every region's data at once: protect them with the stack's stateful resources
  const opts = { protect: config.protect };

  // the tiers' volumes use the data key: the role that launches them must exist before the key policy names it
  const autoScalingRole = createAutoScalingServiceRole("autoscaling-service-role", namePrefix, tags);
  const key = new MultiRegionKey(
    "data-key",
    {
      primaryRegion,
      replicaRegions,
      volumeServiceRoleArns: [autoScalingRole.arn],
      description: `Encrypts the data of ${namePrefix} at rest (databases, caches, secrets, Performance Insights, queues, instance volumes)`,
      aliasName: `alias/${namePrefix}/data`,
      deletionWindowDays: DATA_KEY_DELETION_WINDOW_DAYS[config.environment],
      tags,
    },
    opts,
  );
  const replicated = (name: string, secretName: string, description: string, secretString: pulumi.Input<string>) =>
    new ReplicatedSecret(
      name,
      {
        name: secretName,
        description,
        primaryRegion,
        replicaRegions,
        kmsKeyArns: key.keyArns,
        secretString,
        recoveryWindowDays: SECRET_RECOVERY_WINDOW_DAYS[config.environment],
        tags,
      },
      opts,
    );

  const database = config.database;
  const passwordRules = masterPasswordRules(database.engine, database.service);
  // Never change these arguments: the members ignore the password after creation (rotate in AWS).
  const password = new random.RandomPassword("database-master-password", {
    length: passwordRules.length,
    special: true,
    overrideSpecial: passwordRules.overrideSpecial,
    minLower: 1,
    minUpper: 1,
    minNumeric: 1,
  });
  const databaseSecret = replicated(
    "database-credentials",
    `${namePrefix}/database/master`,
    "Master credentials of the blueprint's database (engine, username, password, port, dbname)",
    pulumi.jsonStringify({
      engine: database.engine,
      username: database.masterUsername,
      password: password.result,
      port: database.port,
      dbname: database.databaseName,
    }),
  );

  let cache: Pick<SharedData, "cacheAuthToken" | "cacheSecretArns"> = {};
  if (config.cache.mode !== "none") {
    const tokenRules = authTokenRules();
    const token = new random.RandomPassword("cache-auth-token", { ...tokenRules });
    const cacheSecret = replicated(
      "cache-auth",
      `${namePrefix}/cache/auth`,
      "AUTH token of the blueprint's cache",
      pulumi.jsonStringify({ authToken: token.result }),
    );
    cache = { cacheAuthToken: token.result, cacheSecretArns: cacheSecret.arns };
  }

  const globalCluster =
    database.mode === "aurora-global"
      ? new DatabaseGlobalCluster("database", {
          region: primaryRegion,
          identifier: globalClusterIdentifier(namePrefix),
          settings: database,
          protect: config.protect,
          tags,
        })
      : undefined;

  return {
    keyArns: key.keyArns,
    autoScalingServiceRoleArn: autoScalingRole.arn,
    masterPassword: password.result,
    databaseSecretArns: databaseSecret.arns,
    ...cache,
    ...(globalCluster ? { globalClusterIdentifier: globalCluster.identifier, globalWriterEndpoint: globalCluster.writerEndpoint } : {}),
  };
}

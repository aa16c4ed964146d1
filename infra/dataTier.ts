/**
 * The stack-wide part of the data tier, declared before the regional stamps: the multi-region data
 * key, the generated credentials in secrets replicated to every region, and the Aurora global
 * cluster. The stamps then add each region's database member and cache, encrypted with their own
 * region's key, and read their own region's copy of each secret.
 */
import type { KeyAccount, QueueSender } from "../components/kms/lib/keyRules";
import { busName } from "../components/topics/lib/busRules";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { authTokenRules } from "../components/cache/lib/cacheRules";
import { DatabaseGlobalCluster, globalClusterIdentifier, masterPasswordRules } from "../components/database";
import { shardNamePrefix, shardResourceName } from "../components/database/lib/sharding";
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
  /** Shards 1 to N-1 (`blueprint:database.shards`), each with its own credentials and global cluster; shard 0 is the fields above. */
  readonly shards: readonly ShardData[];
  /**
   * Each shard's primary credentials secret (shard 0 first), for rotation. Its `host` is the
   * shard's writer, which the stamps declare: call `resolveHost` once the primary's are.
   */
  readonly rotation: readonly { readonly secretArn: pulumi.Output<string>; readonly resolveHost: (host: pulumi.Output<string>) => void }[];
}

/** The stack-wide data of one shard after the first. */
export interface ShardData {
  readonly masterPassword: pulumi.Output<string>;
  readonly databaseSecretArns: Readonly<Record<string, pulumi.Output<string>>>;
  readonly globalClusterIdentifier?: pulumi.Output<string>;
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
      queueSenders: queueSenders(config, namePrefix),
      description: `Encrypts the data of ${namePrefix} at rest (databases, caches, secrets, Performance Insights, queues, instance volumes)`,
      aliasName: `alias/${namePrefix}/data`,
      deletionWindowDays: DATA_KEY_DELETION_WINDOW_DAYS[config.environment],
      tags,
    },
    opts,
  );
  const replicated = (name: string, secretName: string, description: string, secretString: pulumi.Input<string>, rotated: boolean) =>
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
        rotated,
      },
      opts,
    );

  const database = config.database;
  const passwordRules = masterPasswordRules(database.engine, database.service);
  // Shard 0 keeps the names of a one-shard stack; every later shard adds its own resources.
  const rotation: { secretArn: pulumi.Output<string>; resolveHost: (host: pulumi.Output<string>) => void }[] = [];
  const shardCredentials = (shard: number) => {
    // the rotation function connects to `host`; the writer is declared later, by the primary's stamp
    const [host, resolveHost] = pulumi.deferredOutput<string>();
    // Never change these arguments: the members ignore the password after creation (rotate in AWS).
    const password = new random.RandomPassword(shardResourceName("database-master-password", shard), {
      length: passwordRules.length,
      special: true,
      overrideSpecial: passwordRules.overrideSpecial,
      minLower: 1,
      minUpper: 1,
      minNumeric: 1,
    });
    const secret = replicated(
      shardResourceName("database-credentials", shard),
      `${namePrefix}/database/master${shard === 0 ? "" : `-s${shard}`}`,
      `Master credentials of the blueprint's database${shard === 0 ? "" : ` shard ${shard}`} (engine, username, password, port, dbname)`,
      pulumi.jsonStringify({
        engine: database.engine,
        username: database.masterUsername,
        password: password.result,
        port: database.port,
        dbname: database.databaseName,
        host,
      }),
      database.rotationDays > 0,
    );
    rotation.push({ secretArn: secret.arns[primaryRegion], resolveHost });
    return { password, secret };
  };
  const { password, secret: databaseSecret } = shardCredentials(0);

  let cache: Pick<SharedData, "cacheAuthToken" | "cacheSecretArns"> = {};
  if (config.cache.mode !== "none") {
    const tokenRules = authTokenRules();
    const token = new random.RandomPassword("cache-auth-token", { ...tokenRules });
    const cacheSecret = replicated(
      "cache-auth",
      `${namePrefix}/cache/auth`,
      "AUTH token of the blueprint's cache",
      pulumi.jsonStringify({ authToken: token.result }),
      // the token rotates in AWS, automatically or by hand: the secret's current value is AWS's
      true,
    );
    cache = { cacheAuthToken: token.result, cacheSecretArns: cacheSecret.arns };
  }

  const globalClusterOf = (shard: number) =>
    database.mode === "aurora-global"
      ? new DatabaseGlobalCluster(shardResourceName("database", shard), {
          region: primaryRegion,
          identifier: globalClusterIdentifier(shardNamePrefix(namePrefix, shard)),
          settings: database,
          protect: config.protect,
          tags: shard === 0 ? tags : { ...tags, DatabaseShard: String(shard) },
        })
      : undefined;
  const globalCluster = globalClusterOf(0);
  const shards = Array.from({ length: database.shards - 1 }, (_, index): ShardData => {
    const shard = index + 1;
    const credentials = shardCredentials(shard);
    const global = globalClusterOf(shard);
    return {
      masterPassword: credentials.password.result,
      databaseSecretArns: credentials.secret.arns,
      ...(global ? { globalClusterIdentifier: global.identifier, globalWriterEndpoint: global.writerEndpoint } : {}),
    };
  });

  return {
    keyArns: key.keyArns,
    autoScalingServiceRoleArn: autoScalingRole.arn,
    masterPassword: password.result,
    databaseSecretArns: databaseSecret.arns,
    ...cache,
    ...(globalCluster ? { globalClusterIdentifier: globalCluster.identifier, globalWriterEndpoint: globalCluster.writerEndpoint } : {}),
    shards,
    rotation,
  };
}

/**
 * The services that deliver to the stack's queues, which the data key encrypts: its SNS topics
 * (and their subscriptions' dead-letter queues) and its EventBridge bus's rules.
 */
function queueSenders(config: BlueprintConfig, namePrefix: string): QueueSender[] {
  return [
    ...(config.topics.length > 0
      ? [{ service: "sns.amazonaws.com" as const, sourceArnPattern: (a: KeyAccount) => `arn:${a.partition}:sns:*:${a.accountId}:${namePrefix}-*` }]
      : []),
    ...(config.eventBus.enabled
      ? [
          {
            service: "events.amazonaws.com" as const,
            sourceArnPattern: (a: KeyAccount) => `arn:${a.partition}:events:*:${a.accountId}:rule/${busName(namePrefix)}/*`,
          },
        ]
      : []),
  ];
}

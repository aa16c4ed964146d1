/**
 * The stack's data key: one multi-region customer managed KMS key whose primary lives in the
 * primary region and whose replicas live in every other region. Each regional data resource
 * (database, cache, secret replica, Performance Insights) encrypts with its own region's key,
 * so a region keeps working when another is down; the replicas share key material, so an
 * encrypted snapshot or secret copied between regions stays readable.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { dataKeyPolicy, dataKeyProblems, type QueueSender } from "./lib/keyRules";

/** Arguments of the MultiRegionKey component. */
export interface MultiRegionKeyArgs {
  /** Region of the primary key; rotation and policy changes are made there. */
  readonly primaryRegion: string;
  /** Every other region of the stack; each gets a replica key. */
  readonly replicaRegions: readonly string[];
  /** Human description of what the key encrypts. */
  readonly description: string;
  /** Alias created in every region, e.g. `alias/blueprint-prod/data`. */
  readonly aliasName: string;
  /**
   * Days KMS waits before deleting a key once its deletion is scheduled, 7 to 30.
   * @default 30
   */
  readonly deletionWindowDays?: number;
  /**
   * Service-linked roles that attach volumes encrypted with the key (the Auto Scaling role of the
   * tiers' groups); the key policy lets them use it and grant it to the volumes.
   * @default []
   */
  readonly volumeServiceRoleArns?: readonly pulumi.Input<string>[];
  /**
   * Services that deliver to queues under the key (the stack's SNS topics, EventBridge rules); the
   * key policy lets each encrypt for its own source ARNs only.
   * @default []
   */
  readonly queueSenders?: readonly QueueSender[];
  /**
   * Tags of the keys; `Region` is set per key.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A multi-region KMS key with a replica in every region of the stack. */
export class MultiRegionKey extends pulumi.ComponentResource {
  /** The key's ARN in each region (the primary's and every replica's), by region code. */
  public readonly keyArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** The primary key's ARN. */
  public readonly primaryKeyArn: pulumi.Output<string>;

  constructor(name: string, args: MultiRegionKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:kms:MultiRegionKey", name, {}, opts);
    const deletionWindowDays = args.deletionWindowDays ?? 30;
    const problems = dataKeyProblems({ ...args, deletionWindowDays });
    if (problems.length > 0) throw new Error(`MultiRegionKey ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const policy = pulumi
      .all([identity.accountId, partition.partition, pulumi.all([...(args.volumeServiceRoleArns ?? [])])])
      .apply(([accountId, partitionName, roleArns]) => dataKeyPolicy({ accountId, partition: partitionName }, roleArns, args.queueSenders ?? []));
    const tagsIn = (region: string) => ({ ...(args.tags ?? {}), Region: region });

    const primary = new aws.kms.Key(
      `${name}-${args.primaryRegion}`,
      {
        region: args.primaryRegion,
        description: args.description,
        multiRegion: true,
        // rotation of a multi-region primary also rotates its replicas
        enableKeyRotation: true,
        deletionWindowInDays: deletionWindowDays,
        policy,
        tags: tagsIn(args.primaryRegion),
      },
      opt,
    );
    const keyArns: Record<string, pulumi.Output<string>> = { [args.primaryRegion]: primary.arn };
    new aws.kms.Alias(`${name}-${args.primaryRegion}`, { region: args.primaryRegion, name: args.aliasName, targetKeyId: primary.keyId }, opt);

    for (const region of args.replicaRegions) {
      // Named by region, never by role: promoting another region to primary must not rename keys.
      const replica = new aws.kms.ReplicaKey(
        `${name}-${region}`,
        {
          region,
          primaryKeyArn: primary.arn,
          description: args.description,
          deletionWindowInDays: deletionWindowDays,
          // a replica has its own policy; it is not copied from the primary
          policy,
          tags: tagsIn(region),
        },
        opt,
      );
      keyArns[region] = replica.arn;
      new aws.kms.Alias(`${name}-${region}`, { region, name: args.aliasName, targetKeyId: replica.keyId }, opt);
    }

    this.keyArns = keyArns;
    this.primaryKeyArn = primary.arn;
    this.registerOutputs({ keyArns, primaryKeyArn: primary.arn });
  }
}

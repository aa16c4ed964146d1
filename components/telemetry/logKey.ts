/**
 * A region's log key: one customer managed KMS key (with rotation) and its alias, that every
 * CloudWatch log group of the region is encrypted with (flow logs, cache slow logs, FIS, WAF,
 * the tiers' agents). Its policy lets only the region's CloudWatch Logs use it, for the region's
 * log groups; anyone else needs an IAM grant from the account (the canaries' artefact bucket).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { aliasProblems, KEY_DELETION_WINDOW_DAYS } from "../kms/lib/keyRules";
import { logKeyPolicy } from "./lib/logKeyPolicy";

/** Arguments of a RegionalLogKey. */
export interface RegionalLogKeyArgs {
  /** The key's region; only log groups of this region may use it. */
  readonly region: string;
  /** Alias of the key, e.g. `alias/blueprint-prod/logs`. */
  readonly aliasName: string;
  /** Days KMS waits before deleting the key once its deletion is scheduled (7 to 30). @default 30 */
  readonly deletionWindowDays?: number;
  /** Pulumi `protect`: without the key, the region's logs cannot be read. @default false */
  readonly protect?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The customer managed key of a region's CloudWatch log groups. */
export class RegionalLogKey extends pulumi.ComponentResource {
  /** The key's ARN, for `kmsKeyId` of the region's log groups. */
  public readonly keyArn: pulumi.Output<string>;

  constructor(name: string, args: RegionalLogKeyArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:telemetry:RegionalLogKey", name, {}, opts);
    const deletionWindowDays = args.deletionWindowDays ?? 30;
    const problems = [...aliasProblems(args.aliasName)];
    if (!Number.isInteger(deletionWindowDays) || deletionWindowDays < KEY_DELETION_WINDOW_DAYS.min || deletionWindowDays > KEY_DELETION_WINDOW_DAYS.max) {
      problems.push(
        `deletionWindowDays must be a whole number of days from ${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max}, got ${deletionWindowDays}`,
      );
    }
    if (problems.length > 0) throw new Error(`RegionalLogKey ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const { region } = args;
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const key = new aws.kms.Key(
      `${name}-logs`,
      {
        region,
        description: `Encrypts the CloudWatch log groups in ${region}`,
        enableKeyRotation: true,
        deletionWindowInDays: deletionWindowDays,
        policy: pulumi
          .all([identity.accountId, partition.partition])
          .apply(([accountId, partitionName]) => logKeyPolicy({ accountId, partition: partitionName, region })),
        tags: { ...(args.tags ?? {}) },
      },
      { parent: this, protect: args.protect ?? false },
    );
    new aws.kms.Alias(`${name}-logs`, { region, name: args.aliasName, targetKeyId: key.keyId }, opt);
    this.keyArn = key.arn;
    this.registerOutputs({ keyArn: this.keyArn });
  }
}

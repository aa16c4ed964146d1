/**
 * A Secrets Manager secret in the primary region, replicated to every other region of the stack,
 * each copy encrypted with its own region's key. Instances read the copy of their region, so a
 * region keeps starting when the primary is down; only ARNs ever reach instances or the plan.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { replicaSecretArn, replicatedSecretProblems } from "./lib/secretRules";

/** Arguments of the ReplicatedSecret component. */
export interface ReplicatedSecretArgs {
  /** The secret's name, e.g. `blueprint-prod/database/master`. */
  readonly name: string;
  /** What the secret holds, for people reading the console. */
  readonly description: string;
  /** Region of the primary copy; rotation and updates are made there. */
  readonly primaryRegion: string;
  /** Every other region that gets a read-only replica. */
  readonly replicaRegions: readonly string[];
  /** The KMS key of each region (the primary's and every replica's). */
  readonly kmsKeyArns: Readonly<Record<string, pulumi.Input<string>>>;
  /** The value; must be a Pulumi secret (e.g. built from a `RandomPassword`). */
  readonly secretString: pulumi.Input<string>;
  /**
   * Days a deleted secret can be restored: 0 deletes at once (so a dev stack can be recreated under
   * the same name), otherwise 7 to 30.
   * @default 30
   */
  readonly recoveryWindowDays?: number;
  /**
   * Tags of the secret (replicas carry the primary's tags).
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The secret's value changes in AWS (Secrets Manager rotation, or a token rotated by hand): the
   * version Pulumi wrote keeps its value but loses AWSCURRENT, and Pulumi must neither move the
   * label back nor write the first value again (a refresh would otherwise find both changed).
   * @default false
   */
  readonly rotated?: boolean;
}

/** A secret with a replica in every region. */
export class ReplicatedSecret extends pulumi.ComponentResource {
  /** The secret's ARN in each region (the primary's and every replica's), by region code. */
  public readonly arns: Readonly<Record<string, pulumi.Output<string>>>;
  /** The secret's name, the same in every region. */
  public readonly secretName: pulumi.Output<string>;

  constructor(name: string, args: ReplicatedSecretArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:secrets:ReplicatedSecret", name, {}, opts);
    const recoveryWindowDays = args.recoveryWindowDays ?? 30;
    const problems = replicatedSecretProblems({ ...args, recoveryWindowDays, keyRegions: Object.keys(args.kmsKeyArns) });
    if (problems.length > 0) throw new Error(`ReplicatedSecret ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const opt = { parent: this };
    const secret = new aws.secretsmanager.Secret(
      name,
      {
        region: args.primaryRegion,
        name: args.name,
        description: args.description,
        kmsKeyId: args.kmsKeyArns[args.primaryRegion],
        recoveryWindowInDays: recoveryWindowDays,
        replicas: args.replicaRegions.map((region) => ({ region, kmsKeyId: args.kmsKeyArns[region] })),
        // never silently overwrite a secret of the same name someone else keeps in a replica region
        forceOverwriteReplicaSecret: false,
        tags: { ...(args.tags ?? {}), Region: args.primaryRegion },
      },
      opt,
    );
    new aws.secretsmanager.SecretVersion(
      name,
      { region: args.primaryRegion, secretId: secret.id, secretString: pulumi.secret(args.secretString) },
      { ...opt, ...(args.rotated ? { ignoreChanges: ["secretString", "versionStages"] } : {}) },
    );

    const arns: Record<string, pulumi.Output<string>> = { [args.primaryRegion]: secret.arn };
    for (const region of args.replicaRegions) arns[region] = secret.arn.apply((arn) => replicaSecretArn(arn, region));
    this.arns = arns;
    this.secretName = secret.name;
    this.registerOutputs({ arns, secretName: secret.name });
  }
}

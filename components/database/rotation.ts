/**
 * Automatic rotation of one database master secret: AWS's single-user rotation function for the
 * engine, deployed from the Serverless Application Repository into the primary region's VPC (it
 * connects to the writer), and the secret's rotation schedule. Secrets Manager rotates the primary
 * secret; its replicas in the other regions follow by replication (see `lib/rotation.ts` for why
 * this and not RDS-managed passwords).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { excludedCharacters, ROTATION_APPLICATIONS, rotationFunctionName } from "./lib/rotation";

/** Arguments of the DatabaseSecretRotation component. */
export interface DatabaseSecretRotationArgs {
  /** The primary region: where the secret is written and the writer runs. */
  readonly region: string;
  readonly namePrefix: string;
  readonly shard: number;
  readonly engine: "postgresql" | "mysql";
  /** The primary secret (its replicas follow). */
  readonly secretArn: pulumi.Input<string>;
  /** The primary region's key that encrypts the secret. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Subnets with a route to Secrets Manager (the private subnets, through NAT) and to the database. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /** A group allowed to reach the database and HTTPS (the worker tier's). */
  readonly securityGroupId: pulumi.Input<string>;
  /** The special characters the generated passwords use. */
  readonly allowedSpecials: string;
  readonly rotationDays: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** The rotation function and schedule of one master secret. */
export class DatabaseSecretRotation extends pulumi.ComponentResource {
  constructor(name: string, args: DatabaseSecretRotationArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:database:SecretRotation", name, {}, opts);
    if (!(args.rotationDays >= 1))
      throw new Error(`DatabaseSecretRotation ${name} has invalid arguments:\n  - rotationDays must be at least 1, got ${args.rotationDays}`);
    const functionName = rotationFunctionName(args.namePrefix, args.shard);
    const application = new aws.serverlessrepository.CloudFormationStack(
      `${name}-rotation`,
      {
        region: args.region,
        name: functionName,
        applicationId: ROTATION_APPLICATIONS[args.engine],
        // the template creates the function, its role and the permission Secrets Manager invokes it with
        capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
        parameters: {
          endpoint: `https://secretsmanager.${args.region}.amazonaws.com`,
          functionName,
          kmsKeyArn: args.kmsKeyArn,
          vpcSubnetIds: pulumi.output(args.subnetIds).apply((ids) => ids.join(",")),
          vpcSecurityGroupIds: args.securityGroupId,
          excludeCharacters: excludedCharacters(args.allowedSpecials),
        },
        tags: { ...args.tags, Region: args.region },
      },
      { parent: this },
    );
    new aws.secretsmanager.SecretRotation(
      `${name}-rotation`,
      {
        region: args.region,
        secretId: args.secretArn,
        rotationLambdaArn: application.outputs.apply((outputs) => outputs.RotationLambdaARN),
        rotationRules: { automaticallyAfterDays: args.rotationDays },
      },
      { parent: this },
    );
    this.registerOutputs({});
  }
}

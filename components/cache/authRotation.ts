/**
 * Automatic rotation of the cache AUTH token: the blueprint's rotation function (Node.js, the pure
 * module `lib/authRotationSteps.ts` shipped by `lib/authRotationHandler.ts`) in the primary region with its least-privilege role and log group
 * (under the region's log key), the permission that lets only this secret's rotation invoke it, and
 * the secret's rotation schedule. The replicas in the other regions follow by Secrets Manager
 * replication. The function calls AWS APIs only (Secrets Manager, ElastiCache), never the nodes, so
 * it runs outside the VPC: it needs no subnet, security group, NAT path or interface endpoint, and
 * its calls go to the services' public HTTPS endpoints (TLS, SigV4). Secrets Manager invokes it
 * synchronously, one step at a time, so a dead-letter queue would never receive anything.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";
import {
  AUTH_ROTATION_DAYS,
  cacheRotationFunctionName,
  FUNCTION_NAME_MAX_LENGTH,
  cacheRotationLogGroupName,
  ROTATION_RUNTIME,
  ROTATION_TIMEOUT_SECONDS,
  rotationEnvironment,
  rotationRoleStatements,
  type RotationTarget,
} from "./lib/authRotation";
import { authRotationHandlerSource, ROTATION_HANDLER_FILE } from "./lib/authRotationHandler";
import { authTokenRules } from "./lib/cacheRules";

/** Arguments of the CacheAuthRotation component. */
export interface CacheAuthRotationArgs {
  /** The primary region: where the secret is written and the function runs. */
  readonly region: string;
  readonly namePrefix: string;
  /** `global` (a Global Datastore: only its primary is modified) or `regional` (every group is). */
  readonly mode: "global" | "regional";
  /** The primary copy of the AUTH secret (its replicas follow). */
  readonly secretArn: pulumi.Input<string>;
  /** The primary region's data key, which encrypts the secret. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** Every replication group of the stack, with its region. */
  readonly groups: readonly { readonly region: string; readonly replicationGroupId: pulumi.Input<string> }[];
  readonly rotationDays: number;
  /** The primary region's log key, for the function's log group. */
  readonly logKmsKeyArn: pulumi.Input<string>;
  readonly logRetentionDays: number;
  readonly tags: Readonly<Record<string, string>>;
}

/** The rotation function, its role, log group and permission, and the secret's schedule. */
export class CacheAuthRotation extends pulumi.ComponentResource {
  /** ARN of the rotation function. */
  public readonly functionArn: pulumi.Output<string>;

  constructor(name: string, args: CacheAuthRotationArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:cache:AuthRotation", name, {}, opts);
    const problems: string[] = [];
    if (!(args.rotationDays >= 1 && args.rotationDays <= AUTH_ROTATION_DAYS.max))
      problems.push(`rotationDays must be 1 to ${AUTH_ROTATION_DAYS.max}, got ${args.rotationDays}`);
    if (args.groups.length === 0) problems.push("groups must name at least one replication group");
    const functionName = cacheRotationFunctionName(args.namePrefix);
    if (functionName.length > FUNCTION_NAME_MAX_LENGTH)
      problems.push(
        `the function name ${functionName} is ${functionName.length} characters; Lambda allows ${FUNCTION_NAME_MAX_LENGTH} (shorten the project or stack name)`,
      );
    if (problems.length > 0) throw new Error(`CacheAuthRotation ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const opt = { parent: this };
    const { region } = args;
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const groups = pulumi
      .all(args.groups.map((g) => pulumi.output(g.replicationGroupId).apply((id): RotationTarget => ({ region: g.region, replicationGroupId: id }))))
      .apply((list) => list);

    const logGroup = new aws.cloudwatch.LogGroup(
      `${name}-logs`,
      {
        region,
        name: cacheRotationLogGroupName(args.namePrefix),
        retentionInDays: args.logRetentionDays,
        kmsKeyId: args.logKmsKeyArn,
        tags: { ...args.tags, Region: region },
      },
      opt,
    );
    // IAM is global: its tags leave out the Region tag
    const { Region: _region, ...globalTags } = args.tags;
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `Rotates the cache AUTH token of ${args.namePrefix}`,
        assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
        tags: globalTags,
      },
      opt,
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-role`,
      {
        role: role.id,
        policy: pulumi
          .all([partition.partition, identity.accountId, args.secretArn, args.kmsKeyArn, logGroup.arn, groups])
          .apply(([partitionName, accountId, secretArn, keyArn, logGroupArn, targets]) =>
            policyDocument(rotationRoleStatements({ partition: partitionName, accountId, region, secretArn, keyArn, logGroupArn, groups: targets })),
          ),
      },
      opt,
    );
    const fn = new aws.lambda.Function(
      `${name}-function`,
      {
        region,
        name: functionName,
        description: `Rotates the cache AUTH token of ${args.namePrefix} (Secrets Manager rotation steps)`,
        role: role.arn,
        runtime: ROTATION_RUNTIME,
        architectures: ["arm64"],
        handler: "index.handler",
        code: new pulumi.asset.AssetArchive({ [ROTATION_HANDLER_FILE]: new pulumi.asset.StringAsset(authRotationHandlerSource()) }),
        timeout: ROTATION_TIMEOUT_SECONDS,
        memorySize: 128,
        // rotations never overlap (Secrets Manager runs one per secret): one instance is enough
        reservedConcurrentExecutions: 1,
        environment: { variables: groups.apply((targets) => rotationEnvironment(args.mode, targets, authTokenRules())) },
        loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
        tags: { ...args.tags, Region: region },
      },
      { parent: this, dependsOn: [rolePolicy, logGroup] },
    );
    const permission = new aws.lambda.Permission(
      `${name}-invoke`,
      {
        region,
        function: fn.name,
        action: "lambda:InvokeFunction",
        principal: "secretsmanager.amazonaws.com",
        // only this secret's rotation may invoke it
        sourceArn: args.secretArn,
      },
      opt,
    );
    new aws.secretsmanager.SecretRotation(
      `${name}-schedule`,
      { region, secretId: args.secretArn, rotationLambdaArn: fn.arn, rotationRules: { automaticallyAfterDays: args.rotationDays } },
      { parent: this, dependsOn: [permission] },
    );
    this.functionArn = fn.arn;
    this.registerOutputs({ functionArn: this.functionArn });
  }
}

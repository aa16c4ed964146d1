/**
 * A region's canaries: an artefact bucket (SSE-KMS with the region's log key, public access
 * blocked, TLS only, versioned, expiring), the script as an object in it, an execution role, and
 * each canary with an alarm on its success rate.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { denyInsecureBucketTransportStatement, policyDocument, serviceTrustPolicy } from "../lib/iam";
import { bucketName } from "../lib/naming";
import { CANARY_HANDLER, CANARY_SCRIPT_PATH, canaryName, canaryNameProblems, canaryRoleStatements, canaryScript, SYNTHETICS_NAMESPACE } from "./lib/canaries";
import { CANARY_RUNTIME } from "./lib/limits";

/** One canary: what it requests and which region must answer. */
export interface CanarySpec {
  /** `origin` (the region's) or `app` (the public URL). */
  readonly purpose: string;
  readonly url: pulumi.Input<string>;
  /** The region the answer must come from, when the application says. @default any */
  readonly expectedRegion?: string;
}

/** What `createCanaries` needs. */
export interface CanariesArgs {
  readonly region: string;
  readonly namePrefix: string;
  readonly canaries: readonly CanarySpec[];
  readonly intervalMinutes: number;
  /** Days the artefacts (screenshots, HAR files, logs of each run) are kept. */
  readonly retentionDays: number;
  readonly keyArn: pulumi.Input<string>;
  readonly alarmTopicArn: pulumi.Input<string>;
  readonly protect: boolean;
  readonly tags: Record<string, string>;
}

/** The canaries' alarms, by purpose. */
export type CanaryAlarms = Readonly<Record<string, aws.cloudwatch.MetricAlarm>>;

/** Declares the region's canaries and their alarms, as children of `parent`. */
export function createCanaries(name: string, args: CanariesArgs, parent: pulumi.Resource): CanaryAlarms {
  const problems = args.canaries.flatMap((canary) => canaryNameProblems(canaryName(args.namePrefix, canary.purpose)));
  if (problems.length > 0) throw new Error(`canaries of ${name} have invalid arguments:\n  - ${problems.join("\n  - ")}`);
  const opts = { parent };
  const { region, tags } = args;
  const identity = aws.getCallerIdentityOutput({}, opts);
  const partition = aws.getPartitionOutput({}, opts);

  const bucket = new aws.s3.Bucket(
    `${name}-canaries`,
    {
      region,
      bucket: identity.accountId.apply((account) => bucketName(args.namePrefix, "canaries", region, account)),
      forceDestroy: !args.protect,
      tags: { ...tags, Purpose: "canary-artefacts" },
    },
    { parent, protect: args.protect },
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    `${name}-canaries`,
    { region, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  new aws.s3.BucketOwnershipControls(`${name}-canaries`, { region, bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-canaries`,
    {
      region,
      bucket: bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.keyArn }, bucketKeyEnabled: true }],
    },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(`${name}-canaries`, { region, bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  new aws.s3.BucketLifecycleConfiguration(
    `${name}-canaries`,
    {
      region,
      bucket: bucket.id,
      rules: [
        {
          id: "expire-canary-artefacts",
          status: "Enabled",
          filter: { prefix: "artefacts/" },
          expiration: { days: args.retentionDays },
          noncurrentVersionExpiration: { noncurrentDays: 7 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
      ],
    },
    { parent, dependsOn: [versioning] },
  );
  new aws.s3.BucketPolicy(
    `${name}-canaries`,
    { region, bucket: bucket.id, policy: bucket.arn.apply((arn) => policyDocument([denyInsecureBucketTransportStatement(arn)])) },
    { parent, dependsOn: [publicAccessBlock] },
  );
  const code = new aws.s3.BucketObjectv2(
    `${name}-canary-code`,
    {
      region,
      bucket: bucket.id,
      key: "code/blueprint-canary.zip",
      source: new pulumi.asset.AssetArchive({ [CANARY_SCRIPT_PATH]: new pulumi.asset.StringAsset(canaryScript()) }),
      tags,
    },
    { parent, dependsOn: [versioning] },
  );

  // IAM is global: its tags leave out the Region tag
  const { Region: _region, ...globalTags } = tags;
  const role = new aws.iam.Role(
    `${name}-canaries`,
    {
      description: `CloudWatch Synthetics canaries of ${args.namePrefix} in ${region}`,
      assumeRolePolicy: serviceTrustPolicy("lambda.amazonaws.com"),
      tags: globalTags,
    },
    opts,
  );
  const rolePolicy = new aws.iam.RolePolicy(
    `${name}-canaries`,
    {
      role: role.id,
      policy: pulumi
        .all([partition.partition, identity.accountId, bucket.arn, args.keyArn])
        .apply(([partitionName, accountId, bucketArn, keyArn]) =>
          policyDocument(canaryRoleStatements({ partition: partitionName, accountId, region, bucketArn, keyArn })),
        ),
    },
    opts,
  );

  const alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
  for (const spec of args.canaries) {
    const canaryNameValue = canaryName(args.namePrefix, spec.purpose);
    const canary = new aws.synthetics.Canary(
      `${name}-canary-${spec.purpose}`,
      {
        region,
        name: canaryNameValue,
        runtimeVersion: CANARY_RUNTIME,
        handler: CANARY_HANDLER,
        executionRoleArn: role.arn,
        s3Bucket: bucket.id,
        s3Key: code.key,
        s3Version: code.versionId,
        artifactS3Location: pulumi.interpolate`s3://${bucket.id}/artefacts/${canaryNameValue}/`,
        artifactConfig: { s3Encryption: { encryptionMode: "SSE_KMS", kmsKeyArn: args.keyArn } },
        schedule: { expression: `rate(${args.intervalMinutes} minute${args.intervalMinutes === 1 ? "" : "s"})` },
        runConfig: {
          timeoutInSeconds: 60,
          environmentVariables: pulumi
            .output(spec.url)
            .apply((url) => ({ TARGET_URL: url, ...(spec.expectedRegion !== undefined ? { EXPECTED_REGION: spec.expectedRegion } : {}) })),
        },
        successRetentionPeriod: Math.min(args.retentionDays, 455),
        failureRetentionPeriod: Math.min(args.retentionDays, 455),
        startCanary: true,
        tags,
      },
      { parent, dependsOn: [rolePolicy] },
    );
    alarms[spec.purpose] = new aws.cloudwatch.MetricAlarm(
      `${name}-canary-${spec.purpose}`,
      {
        region,
        name: `${args.namePrefix}-${region}-canary-${spec.purpose}`,
        alarmDescription: `The ${spec.purpose} canary ${canaryNameValue} failed two of its last three runs.`,
        namespace: SYNTHETICS_NAMESPACE,
        metricName: "SuccessPercent",
        dimensions: { CanaryName: canary.name },
        statistic: "Average",
        period: Math.max(args.intervalMinutes * 60, 60),
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: "LessThanThreshold",
        threshold: 100,
        // a canary that does not run is INSUFFICIENT_DATA, not healthy and not failing
        treatMissingData: "missing",
        actionsEnabled: true,
        alarmActions: [args.alarmTopicArn],
        okActions: [args.alarmTopicArn],
        tags,
      },
      opts,
    );
  }
  return alarms;
}

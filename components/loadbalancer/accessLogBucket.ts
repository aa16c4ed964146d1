/**
 * The regional bucket the load balancer writes its access logs to, set up so that ALB log delivery
 * really accepts it: SSE-S3 (ALB delivery does not support SSE-KMS), object ownership enforced,
 * public access blocked, the region's log-delivery principal allowed, TLS required, and expiry.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { bucketName } from "../lib/naming";
import { accessLogBucketPolicy } from "./lib/logDelivery";

/** What `createAccessLogBucket` needs. */
export interface AccessLogBucketArgs {
  readonly region: string;
  readonly namePrefix: string;
  /** Days before log objects expire. */
  readonly retentionDays: number;
  /** Let `pulumi destroy` delete a bucket that still holds logs (dev). */
  readonly forceDestroy: boolean;
  /** Pulumi `protect` on the bucket (prod): its logs are the audit trail of the load balancer. */
  readonly protect: boolean;
  readonly tags: Record<string, string>;
}

/** The bucket and the policy the load balancer must wait for. */
export interface AccessLogBucket {
  readonly bucket: aws.s3.Bucket;
  readonly policy: aws.s3.BucketPolicy;
}

/** Declares the access-log bucket of one region's load balancer. */
export function createAccessLogBucket(name: string, args: AccessLogBucketArgs, parent: pulumi.Resource): AccessLogBucket {
  const opts = { parent };
  const { region, tags } = args;
  const identity = aws.getCallerIdentityOutput({}, { parent });
  const partition = aws.getPartitionOutput({}, { parent });

  const bucket = new aws.s3.Bucket(
    `${name}-alb-logs`,
    {
      region,
      bucket: identity.accountId.apply((account) => bucketName(args.namePrefix, "alb-logs", region, account)),
      forceDestroy: args.forceDestroy,
      tags: { ...tags, Purpose: "alb-access-logs" },
    },
    { parent, protect: args.protect },
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    `${name}-alb-logs`,
    { region, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  new aws.s3.BucketOwnershipControls(`${name}-alb-logs`, { region, bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    `${name}-alb-logs`,
    // ALB access logs can only be delivered to buckets encrypted with S3-managed keys
    { region, bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(`${name}-alb-logs`, { region, bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  new aws.s3.BucketLifecycleConfiguration(
    `${name}-alb-logs`,
    {
      region,
      bucket: bucket.id,
      rules: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: { prefix: "" },
          expiration: { days: args.retentionDays },
          noncurrentVersionExpiration: { noncurrentDays: 7 },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
      ],
    },
    // a rule on noncurrent versions belongs to a versioned bucket: S3 applies versioning first
    // (the provider's documented order for versioned buckets, as the edge's buckets do)
    { parent, dependsOn: [versioning] },
  );
  const policy = new aws.s3.BucketPolicy(
    `${name}-alb-logs`,
    {
      region,
      bucket: bucket.id,
      policy: pulumi
        .all([bucket.arn, identity.accountId, partition.partition])
        .apply(([bucketArn, accountId, partitionName]) => accessLogBucketPolicy({ bucketArn, region, accountId, partition: partitionName })),
    },
    // S3 rejects a policy while the public-access block is still being applied
    { parent, dependsOn: [publicAccessBlock] },
  );
  return { bucket, policy };
}

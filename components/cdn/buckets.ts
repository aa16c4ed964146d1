/**
 * The edge's private buckets (static assets, their replica, access logs): named per account and
 * region, public access blocked, ACLs disabled (owner enforced), encrypted, versioned, and old
 * versions expired. The static buckets use SSE-KMS under their region's static-asset key (whose
 * policy lets only this distribution decrypt, staticKey.ts); the access-log bucket stays SSE-S3,
 * since log delivery would need a key policy of its own for no gain.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { bucketName } from "../lib/naming";

/** What `createPrivateBucket` needs. */
export interface PrivateBucketArgs {
  readonly region: string;
  readonly namePrefix: string;
  /** Middle part of the bucket name (see `bucketName`), e.g. `static`. */
  readonly purpose: string;
  readonly accountId: pulumi.Input<string>;
  /** Days before current objects expire; undefined keeps them. */
  readonly expireAfterDays?: number;
  /** Days a replaced or deleted version is kept. */
  readonly noncurrentVersionDays: number;
  /**
   * Customer managed key for SSE-KMS (with an S3 Bucket Key, so KMS is called per bucket key, not per object).
   * @default - SSE-S3
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Pulumi `protect`; `pulumi destroy` may empty the bucket only when false. */
  readonly protect: boolean;
  readonly tags: Record<string, string>;
}

/** The bucket and the resources others must wait for. */
export interface PrivateBucket {
  readonly bucket: aws.s3.Bucket;
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  readonly versioning: aws.s3.BucketVersioning;
}

/** Declares one private bucket with its hardening; `name` is the logical name of every child. */
export function createPrivateBucket(name: string, args: PrivateBucketArgs, parent: pulumi.Resource): PrivateBucket {
  const opts = { parent };
  const { region } = args;
  const bucket = new aws.s3.Bucket(
    name,
    {
      region,
      bucket: pulumi.output(args.accountId).apply((account) => bucketName(args.namePrefix, args.purpose, region, account)),
      forceDestroy: !args.protect,
      tags: { ...args.tags, Purpose: args.purpose },
    },
    { parent, protect: args.protect },
  );
  const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
    name,
    { region, bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    opts,
  );
  new aws.s3.BucketOwnershipControls(name, { region, bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(
    name,
    {
      region,
      bucket: bucket.id,
      rules: [
        args.kmsKeyArn === undefined
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true },
      ],
    },
    opts,
  );
  const versioning = new aws.s3.BucketVersioning(name, { region, bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  new aws.s3.BucketLifecycleConfiguration(
    name,
    {
      region,
      bucket: bucket.id,
      rules: [
        {
          id: "expire-old-versions",
          status: "Enabled",
          filter: { prefix: "" },
          ...(args.expireAfterDays !== undefined ? { expiration: { days: args.expireAfterDays } } : {}),
          noncurrentVersionExpiration: { noncurrentDays: args.noncurrentVersionDays },
          abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
        },
      ],
    },
    // a lifecycle rule on noncurrent versions needs versioning to exist first
    { parent, dependsOn: [versioning] },
  );
  return { bucket, publicAccessBlock, versioning };
}

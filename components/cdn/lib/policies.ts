/**
 * The edge's resource and IAM policies as JSON: who may read the static buckets, who replicates
 * them, who writes the access logs and the WAF logs. Every bucket refuses requests without TLS.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html
 */
import { denyInsecureBucketTransportStatement, policyDocument, serviceTrustPolicy, sourceCondition } from "../../lib/iam";

/** The service principal CloudFront's origin access control signs as. */
export const CLOUDFRONT_SERVICE = "cloudfront.amazonaws.com";
/** The service principal of CloudWatch Logs vended delivery (CloudFront logging v2, WAF logs). */
export const LOG_DELIVERY_SERVICE = "delivery.logs.amazonaws.com";
/** The service principal S3 replication assumes roles as. */
export const S3_SERVICE = "s3.amazonaws.com";

/**
 * A static bucket's policy: only this distribution (through its origin access control) may read
 * objects, and nobody may use the bucket without TLS. Without `s3:ListBucket`, a missing object
 * is a 403, never a listing.
 */
export function staticBucketPolicy(args: { bucketArn: string; distributionArn: string }): string {
  return policyDocument([
    {
      Sid: "AllowThisDistributionToRead",
      Effect: "Allow",
      Principal: { Service: CLOUDFRONT_SERVICE },
      Action: "s3:GetObject",
      Resource: `${args.bucketArn}/*`,
      Condition: { StringEquals: { "AWS:SourceArn": args.distributionArn } },
    },
    denyInsecureBucketTransportStatement(args.bucketArn),
  ]);
}

/** Trust policy of the replication role: S3, acting for this account only. */
export function replicationTrustPolicy(args: { accountId: string }): string {
  return serviceTrustPolicy(S3_SERVICE, { accountId: args.accountId });
}

/**
 * The replication role's permissions, and nothing more: read the source bucket's replication
 * configuration and object versions, write replicas (objects, deletes, tags) into the replica.
 */
export function replicationRolePolicy(args: {
  sourceBucketArn: string;
  replicaBucketArn: string;
  /** The buckets' SSE-KMS keys: the role decrypts sources and encrypts replicas, only through S3. @default - SSE-S3 buckets */
  keys?: { sourceKeyArn: string; replicaKeyArn: string };
}): string {
  const region = (arn: string) => arn.split(":")[3];
  const keyStatements = args.keys
    ? [
        {
          Sid: "DecryptSources",
          Effect: "Allow" as const,
          Action: "kms:Decrypt",
          Resource: args.keys.sourceKeyArn,
          Condition: { StringEquals: { "kms:ViaService": `s3.${region(args.keys.sourceKeyArn)}.amazonaws.com` } },
        },
        {
          Sid: "EncryptReplicas",
          Effect: "Allow" as const,
          Action: ["kms:Encrypt", "kms:GenerateDataKey"],
          Resource: args.keys.replicaKeyArn,
          Condition: { StringEquals: { "kms:ViaService": `s3.${region(args.keys.replicaKeyArn)}.amazonaws.com` } },
        },
      ]
    : [];
  return policyDocument([
    ...keyStatements,
    {
      Sid: "ReadReplicationConfiguration",
      Effect: "Allow",
      Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
      Resource: args.sourceBucketArn,
    },
    {
      Sid: "ReadSourceVersions",
      Effect: "Allow",
      Action: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
      Resource: `${args.sourceBucketArn}/*`,
    },
    {
      Sid: "WriteReplicas",
      Effect: "Allow",
      Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
      Resource: `${args.replicaBucketArn}/*`,
    },
  ]);
}

/**
 * The access-log bucket's policy: CloudWatch Logs delivery (CloudFront standard logging v2) may
 * write objects for this account's delivery sources in us-east-1 and check the bucket, and
 * nobody may use the bucket without TLS. No ACLs: v2 delivery works with ACLs disabled.
 */
export function accessLogBucketPolicy(args: { bucketArn: string; accountId: string; partition: string; region: string }): string {
  const source = sourceCondition({
    accountId: args.accountId,
    sourceArn: `arn:${args.partition}:logs:${args.region}:${args.accountId}:delivery-source:*`,
  });
  return policyDocument([
    {
      Sid: "AWSLogDeliveryWrite",
      Effect: "Allow",
      Principal: { Service: LOG_DELIVERY_SERVICE },
      Action: "s3:PutObject",
      Resource: `${args.bucketArn}/*`,
      Condition: { ...source, StringEquals: { ...source.StringEquals, "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
    {
      Sid: "AWSLogDeliveryCheck",
      Effect: "Allow",
      Principal: { Service: LOG_DELIVERY_SERVICE },
      Action: ["s3:GetBucketAcl", "s3:ListBucket"],
      Resource: args.bucketArn,
      Condition: source,
    },
    denyInsecureBucketTransportStatement(args.bucketArn),
  ]);
}

/**
 * The WAF log group's resource policy: log delivery may write streams of this group only, for
 * this account's resources in the group's region.
 */
export function wafLogGroupPolicy(args: { logGroupArn: string; accountId: string; partition: string; region: string }): string {
  return policyDocument([
    {
      Sid: "AWSWAFLogDelivery",
      Effect: "Allow",
      Principal: { Service: LOG_DELIVERY_SERVICE },
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: `${args.logGroupArn}:*`,
      Condition: sourceCondition({ accountId: args.accountId, sourceArn: `arn:${args.partition}:logs:${args.region}:${args.accountId}:*` }),
    },
  ]);
}

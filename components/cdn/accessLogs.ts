/**
 * The distribution's access logs through CloudFront standard logging (v2): a CloudWatch Logs
 * delivery source for the distribution, an S3 delivery destination and the delivery between
 * them, all in us-east-1, writing to a private bucket there.
 *
 * Chosen over legacy logging, which needs the bucket's ACLs enabled (CloudFront writes with the
 * awslogsdelivery account's ACL grant) and a bucket outside the regions it does not support; v2
 * works with ACLs disabled and a bucket policy naming the delivery service.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createPrivateBucket } from "./buckets";
import { CLOUDFRONT_CONTROL_REGION, EDGE_BUCKET_PURPOSES } from "./lib/cdnRules";
import { accessLogBucketPolicy } from "./lib/policies";

/** What `createAccessLogs` needs. */
export interface AccessLogsArgs {
  readonly namePrefix: string;
  /** Delivery source and destination name. */
  readonly deliveryName: string;
  readonly distributionArn: pulumi.Input<string>;
  readonly retentionDays: number;
  readonly account: pulumi.Input<{ accountId: string; partition: string }>;
  readonly protect: boolean;
  readonly tags: Record<string, string>;
}

/** Declares the log bucket and the delivery; returns the bucket's name. */
export function createAccessLogs(name: string, args: AccessLogsArgs, parent: pulumi.Resource): pulumi.Output<string> {
  const opts = { parent };
  const region = CLOUDFRONT_CONTROL_REGION;
  const tags = { ...args.tags, Region: region };
  const account = pulumi.output(args.account);
  const logs = createPrivateBucket(
    `${name}-logs`,
    {
      region,
      namePrefix: args.namePrefix,
      purpose: EDGE_BUCKET_PURPOSES.logs,
      accountId: account.accountId,
      expireAfterDays: args.retentionDays,
      noncurrentVersionDays: 7,
      protect: args.protect,
      tags,
    },
    parent,
  );
  const policy = new aws.s3.BucketPolicy(
    `${name}-logs`,
    {
      region,
      bucket: logs.bucket.id,
      policy: pulumi
        .all([logs.bucket.arn, account])
        .apply(([bucketArn, { accountId, partition }]) => accessLogBucketPolicy({ bucketArn, accountId, partition, region })),
    },
    // S3 rejects a policy while the public-access block is still being applied
    { parent, dependsOn: [logs.publicAccessBlock] },
  );
  const source = new aws.cloudwatch.LogDeliverySource(
    `${name}-access-logs`,
    { region, name: args.deliveryName, logType: "ACCESS_LOGS", resourceArn: args.distributionArn, tags },
    opts,
  );
  const destination = new aws.cloudwatch.LogDeliveryDestination(
    `${name}-access-logs`,
    { region, name: args.deliveryName, outputFormat: "json", deliveryDestinationConfiguration: { destinationResourceArn: logs.bucket.arn }, tags },
    opts,
  );
  new aws.cloudwatch.LogDelivery(
    `${name}-access-logs`,
    {
      region,
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
      s3DeliveryConfigurations: [{ suffixPath: "cloudfront/{DistributionId}/{yyyy}/{MM}/{dd}/{HH}", enableHiveCompatiblePath: false }],
      tags,
    },
    // delivery checks that it may write to the bucket when it is created
    { parent, dependsOn: [policy] },
  );
  return logs.bucket.bucket;
}

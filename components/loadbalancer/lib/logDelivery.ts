/**
 * Who writes ALB access logs into the bucket, per region. Regions that opened before August 2022
 * deliver from an Elastic Load Balancing account of that region; newer regions deliver through the
 * `logdelivery.elasticloadbalancing.amazonaws.com` service principal. A bucket policy naming the
 * wrong principal makes `CreateLoadBalancer`/`ModifyLoadBalancerAttributes` fail with
 * "Access Denied for bucket", so the table is checked offline (a `[volatile]` AWS fact: update it
 * here when AWS opens a region).
 */
import { accountRootArn, denyInsecureBucketTransportStatement, policyDocument } from "../../lib/iam";

/** ELB's log-delivery account per region (regions opened before August 2022). */
export const ELB_LOG_DELIVERY_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "af-south-1": "098369216593",
  "ap-east-1": "754344448648",
  "ap-south-1": "718504428378",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-northeast-3": "383597477331",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-southeast-3": "589379963580",
  "ca-central-1": "985666609251",
  "eu-central-1": "054676820928",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-south-1": "635631232127",
  "eu-north-1": "897822967062",
  "me-south-1": "076674570225",
  "sa-east-1": "507241528517",
};

/** The service principal newer regions deliver logs through. */
export const ELB_LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

/** The principal that must be allowed to write a region's ALB access logs. */
export type LogDeliveryPrincipal = { readonly AWS: string } | { readonly Service: string };

/** The log-delivery principal of a region. */
export function logDeliveryPrincipal(region: string, partition = "aws"): LogDeliveryPrincipal {
  const account = ELB_LOG_DELIVERY_ACCOUNTS[region];
  return account ? { AWS: accountRootArn(partition, account) } : { Service: ELB_LOG_DELIVERY_SERVICE };
}

/** Prefix under which the load balancer writes its logs. */
export const ACCESS_LOG_PREFIX = "alb";

/**
 * The access-log bucket's policy: the region's log delivery may put objects under the prefix for
 * this account only, and nobody may use the bucket without TLS.
 */
export function accessLogBucketPolicy(args: { bucketArn: string; region: string; accountId: string; partition: string }): string {
  return policyDocument([
    {
      Sid: "AllowLoadBalancerLogDelivery",
      Effect: "Allow",
      Principal: logDeliveryPrincipal(args.region, args.partition),
      Action: "s3:PutObject",
      Resource: `${args.bucketArn}/${ACCESS_LOG_PREFIX}/AWSLogs/${args.accountId}/*`,
    },
    denyInsecureBucketTransportStatement(args.bucketArn),
  ]);
}

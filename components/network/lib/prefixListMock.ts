/**
 * The mocked result of `aws.ec2.getManagedPrefixList` (the security groups look up CloudFront's
 * origin-facing and Route 53's health-checker lists): AWS-managed lists only.
 */
import { hashHex } from "../../lib/plan/mockIds";
import { invokeError } from "../../lib/plan/mock";

/** Managed prefix lists by name pattern: their weight (max entries), as AWS documents them. */
const PREFIX_LIST_WEIGHTS: ReadonlyArray<[RegExp, number]> = [
  [/^com\.amazonaws\.global\.(ipv6\.)?cloudfront\.origin-facing$/, 55],
  [/^com\.amazonaws\.[a-z0-9-]+\.(ipv6\.)?route53-healthchecks$/, 25],
  [/^com\.amazonaws\.[a-z0-9-]+\.(s3|dynamodb)$/, 1],
];

/** The real ID of CloudFront's origin-facing list in us-east-1; other regions get look-alikes. */
const CLOUDFRONT_US_EAST_1_PREFIX_LIST = "pl-3b927c52";

/** The mocked result of `aws.ec2.getManagedPrefixList` for an AWS-managed list. */
export function mockManagedPrefixList(inputs: Record<string, unknown>, region: string): Record<string, unknown> {
  const name = typeof inputs.name === "string" ? inputs.name : "com.amazonaws.global.cloudfront.origin-facing";
  const weight = PREFIX_LIST_WEIGHTS.find(([pattern]) => pattern.test(name));
  if (!weight) {
    throw invokeError(`The offline plan only knows AWS-managed prefix lists (CloudFront, Route 53 health checks, S3, DynamoDB), not ${name}`);
  }
  const id =
    region === "us-east-1" && name === "com.amazonaws.global.cloudfront.origin-facing"
      ? CLOUDFRONT_US_EAST_1_PREFIX_LIST
      : `pl-${hashHex(8, "prefix-list", name, region)}`;
  return {
    id,
    name,
    arn: `arn:aws:ec2:${region}:aws:prefix-list/${id}`,
    addressFamily: name.includes(".ipv6.") ? "IPv6" : "IPv4",
    maxEntries: weight[1],
    ownerId: "AWS",
    entries: [],
    filters: [],
    region,
    tags: {},
    version: 1,
  };
}

/**
 * Mocked states of CloudFront, WAF, Route 53 health checks, vended-log delivery and the static
 * assets' replication: the computed outputs other resources and the stack outputs read
 * (distribution domain names and ARNs, web ACL ARNs, health-check IDs, delivery ARNs).
 */
import { arn, hashHex } from "../../../components/lib/plan/mockIds";
import { named, type Builder, type MockInput } from "../../../components/lib/plan/mock";

/** Route 53 zone of every CloudFront domain name (AWS's published value). */
const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

const text = (input: MockInput, key: string): string | undefined =>
  typeof input.inputs[key] === "string" ? (input.inputs[key] as string) : undefined;

/** A CloudFront-style ID: `E` and 13 uppercase letters and digits. */
function cloudFrontId(...seed: string[]): string {
  return `E${hashHex(13, "cloudfront", ...seed).toUpperCase()}`;
}

/** A UUID built from the seed (the shape of WAF, health-check and policy IDs). */
function uuid(...seed: string[]): string {
  const hex = hashHex(32, "edge-uuid", ...seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const distribution: Builder = (input) => {
  const id = cloudFrontId("distribution", input.urn);
  return {
    id,
    outputs: {
      arn: arn("cloudfront", "", `distribution/${id}`),
      domainName: `d${hashHex(13, "cloudfront-domain", input.urn)}.cloudfront.net`,
      hostedZoneId: CLOUDFRONT_ZONE_ID,
      status: "Deployed",
      etag: cloudFrontId("etag", input.urn),
      callerReference: `terraform-${hashHex(20, "caller", input.urn)}`,
      lastModifiedTime: "2026-01-01T00:00:00Z",
      inProgressValidationBatches: 0,
    },
  };
};

/** Policies CloudFront identifies by a UUID and versions with an ETag. */
const cloudFrontPolicy =
  (kind: string): Builder =>
  (input) => {
    const id = uuid(kind, input.urn);
    return { id, outputs: { etag: cloudFrontId("etag", input.urn), arn: arn("cloudfront", "", `${kind}/${id}`) } };
  };

const webAcl: Builder = (input, region) => {
  const name = named(input);
  const id = uuid("webacl", input.urn);
  const scope = text(input, "scope") === "CLOUDFRONT" ? "global" : "regional";
  const rules = Array.isArray(input.inputs.rules) ? (input.inputs.rules as Array<Record<string, any>>) : [];
  return {
    id,
    outputs: {
      name,
      arn: arn("wafv2", region, `${scope}/webacl/${name}/${id}`),
      capacity: rules.reduce((sum, rule) => sum + ruleCapacity(rule), 0),
      lockToken: uuid("lock", input.urn),
      applicationIntegrationUrl: "",
    },
  };
};

/** Web ACL capacity units of a rule, as AWS publishes them for the managed groups the blueprint uses. */
function ruleCapacity(rule: Record<string, any>): number {
  const group = rule.statement?.managedRuleGroupStatement?.name;
  if (group === undefined) return rule.statement?.rateBasedStatement ? 2 : 1;
  return ({ AWSManagedRulesCommonRuleSet: 700, AWSManagedRulesKnownBadInputsRuleSet: 200, AWSManagedRulesAmazonIpReputationList: 25 } as Record<string, number>)[group] ?? 0;
}

const logsArn = (region: string, kind: string, name: string) => arn("logs", region, `${kind}:${name}`);

/** Builders keyed by Pulumi type token. */
export const EDGE_BUILDERS: Readonly<Record<string, Builder>> = {
  "aws:cloudfront/distribution:Distribution": distribution,
  "aws:cloudfront/originAccessControl:OriginAccessControl": (input) => ({
    id: cloudFrontId("oac", input.urn),
    outputs: { etag: cloudFrontId("etag", input.urn), arn: arn("cloudfront", "", `origin-access-control/${cloudFrontId("oac", input.urn)}`) },
  }),
  "aws:cloudfront/cachePolicy:CachePolicy": cloudFrontPolicy("cache-policy"),
  "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": cloudFrontPolicy("origin-request-policy"),
  "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": cloudFrontPolicy("response-headers-policy"),

  "aws:wafv2/webAcl:WebAcl": webAcl,
  // WAF identifies a logging configuration by the ACL's ARN
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": (input) => ({ id: text(input, "resourceArn") ?? input.name, outputs: {} }),

  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": (input) => ({
    id: text(input, "resourceArn") ?? text(input, "policyName") ?? input.name,
    outputs: { revisionId: hashHex(8, "revision", input.urn) },
  }),
  "aws:cloudwatch/logDeliverySource:LogDeliverySource": (input, region) => {
    const name = named(input);
    return { id: name, outputs: { name, arn: logsArn(region, "delivery-source", name), service: "cloudfront", resourceArns: [text(input, "resourceArn")] } };
  },
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": (input, region) => {
    const name = named(input);
    return { id: name, outputs: { name, arn: logsArn(region, "delivery-destination", name), deliveryDestinationType: "S3" } };
  },
  "aws:cloudwatch/logDelivery:LogDelivery": (input, region) => {
    const id = hashHex(16, "delivery", input.urn);
    return { id, outputs: { arn: logsArn(region, "delivery", id) } };
  },

  "aws:route53/healthCheck:HealthCheck": (input) => {
    const id = uuid("healthcheck", input.urn);
    return { id, outputs: { arn: arn("route53", "", `healthcheck/${id}`, "") } };
  },

  // S3 names a bucket's replication configuration by the bucket
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": (input) => ({ id: text(input, "bucket") ?? input.name, outputs: {} }),
};

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
    const message = `The offline plan only knows AWS-managed prefix lists (CloudFront, Route 53 health checks, S3, DynamoDB), not ${name}`;
    throw Object.assign(new Error(message), { details: message });
  }
  const id =
    region === "us-east-1" && name === "com.amazonaws.global.cloudfront.origin-facing" ? CLOUDFRONT_US_EAST_1_PREFIX_LIST : `pl-${hashHex(8, "prefix-list", name, region)}`;
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

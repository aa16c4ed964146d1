/**
 * The distribution's web ACL: scope CLOUDFRONT, hence created in us-east-1 whatever the stack's
 * regions, with AWS managed rule groups and a per-IP rate limit, logging every request to a log
 * group whose name starts with `aws-waf-logs-` (WAF refuses any other) in the same region.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { CLOUDFRONT_CONTROL_REGION, type WafSettings } from "./lib/cdnRules";
import { wafLogGroupPolicy } from "./lib/policies";
import type { Route } from "./lib/routes/model";
import { WAF_SCOPE, wafRules } from "./lib/waf";

/** What `createWebAcl` needs. */
export interface WebAclArgs {
  /** The ACL's name and metric name. */
  readonly aclName: string;
  readonly logGroupName: string;
  readonly logRetentionDays: number;
  /** Customer managed key of the log group, in us-east-1. @default the CloudWatch Logs service key */
  readonly logKmsKeyArn?: pulumi.Input<string>;
  readonly settings: WafSettings;
  /** The routes, whose classes the body-size rules tell apart. */
  readonly routes: readonly Route[];
  readonly account: pulumi.Input<{ accountId: string; partition: string }>;
  readonly tags: Record<string, string>;
}

/** Declares the ACL, its log group and logging; returns the ACL. */
export function createWebAcl(name: string, args: WebAclArgs, parent: pulumi.Resource): aws.wafv2.WebAcl {
  const opts = { parent };
  const region = CLOUDFRONT_CONTROL_REGION;
  const tags = { ...args.tags, Region: region };
  const acl = new aws.wafv2.WebAcl(
    name,
    {
      region,
      name: args.aclName,
      description: "Managed rule groups, body-size limits per route class and a per-IP rate limit in front of the application",
      scope: WAF_SCOPE,
      defaultAction: { allow: {} },
      // the provider's input types are mutable; the specs are plain data
      rules: JSON.parse(JSON.stringify(wafRules(args.aclName, args.settings, args.routes))) as aws.types.input.wafv2.WebAclRule[],
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: args.aclName, sampledRequestsEnabled: true },
      tags,
    },
    opts,
  );
  const logGroup = new aws.cloudwatch.LogGroup(
    `${name}-logs`,
    {
      region,
      name: args.logGroupName,
      retentionInDays: args.logRetentionDays,
      ...(args.logKmsKeyArn !== undefined ? { kmsKeyId: args.logKmsKeyArn } : {}),
      tags,
    },
    opts,
  );
  // The group's own policy lets log delivery write to it, so WAF never needs to grow the
  // account's shared resource policy (10 per region, 5120 characters at most).
  const policy = new aws.cloudwatch.LogResourcePolicy(
    `${name}-logs`,
    {
      region,
      resourceArn: logGroup.arn,
      policyDocument: pulumi
        .all([logGroup.arn, args.account])
        .apply(([logGroupArn, account]) => wafLogGroupPolicy({ logGroupArn, accountId: account.accountId, partition: account.partition, region })),
    },
    opts,
  );
  new aws.wafv2.WebAclLoggingConfiguration(
    name,
    {
      region,
      resourceArn: acl.arn,
      logDestinationConfigs: [logGroup.arn],
      // credentials never reach the logs
      redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
    },
    { parent, dependsOn: [policy] },
  );
  return acl;
}

/**
 * VPC flow logs to CloudWatch Logs: the log group (with retention), the delivery role that only the
 * flow-logs service of this account and region may assume, and the flow log itself.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../lib/iam";

/** Arguments of `createFlowLogs`. */
export interface FlowLogsArgs {
  readonly region: string;
  readonly vpcId: pulumi.Input<string>;
  /** Name of the log group; must be unique per account and region. */
  readonly logGroupName: string;
  readonly retentionDays: number;
  /** Customer managed key of the log group. @default the CloudWatch Logs service key */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** Tags of regional resources (with Region). */
  readonly tags: Record<string, string>;
  /** Tags of global resources (IAM), without Region. */
  readonly globalTags: Record<string, string>;
}

/** What `createFlowLogs` declares. */
export interface FlowLogsResources {
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly role: aws.iam.Role;
  readonly rolePolicy: aws.iam.RolePolicy;
  readonly flowLog: aws.ec2.FlowLog;
}

/** Declares the flow log of one VPC and what it needs, as children of `parent`. */
export function createFlowLogs(name: string, args: FlowLogsArgs, parent: pulumi.Resource): FlowLogsResources {
  const opts = { parent };
  const identity = aws.getCallerIdentityOutput({}, opts);
  const partition = aws.getPartitionOutput({}, opts);

  const logGroup = new aws.cloudwatch.LogGroup(
    `${name}-flow-logs`,
    {
      region: args.region,
      name: args.logGroupName,
      retentionInDays: args.retentionDays,
      ...(args.kmsKeyArn !== undefined ? { kmsKeyId: args.kmsKeyArn } : {}),
      tags: args.tags,
    },
    opts,
  );

  // Confused-deputy guard: only flow logs of this account, in this region, may use the role.
  const assumeRolePolicy = pulumi.all([identity.accountId, partition.partition]).apply(([accountId, partitionName]) =>
    serviceTrustPolicy("vpc-flow-logs.amazonaws.com", {
      accountId,
      sourceArn: `arn:${partitionName}:ec2:${args.region}:${accountId}:vpc-flow-log/*`,
    }),
  );
  const role = new aws.iam.Role(
    `${name}-flow-logs`,
    { description: `Delivers VPC flow logs of ${name} to CloudWatch Logs`, assumeRolePolicy, tags: args.globalTags },
    opts,
  );

  // Write access to this log group only; DescribeLogGroups has no resource-level permission.
  const rolePolicy = new aws.iam.RolePolicy(
    `${name}-flow-logs`,
    {
      role: role.id,
      policy: logGroup.arn.apply((arn) =>
        policyDocument([
          {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: [arn, `${arn}:*`],
          },
          { Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
        ]),
      ),
    },
    opts,
  );

  const flowLog = new aws.ec2.FlowLog(
    `${name}-flow-log`,
    {
      region: args.region,
      vpcId: args.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: logGroup.arn,
      iamRoleArn: role.arn,
      // one-minute aggregation: incidents are investigated at minute resolution
      maxAggregationInterval: 60,
      tags: args.tags,
    },
    { parent, dependsOn: [rolePolicy] },
  );

  return { logGroup, role, rolePolicy, flowLog };
}

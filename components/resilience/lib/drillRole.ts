/**
 * The drills' role in one region: FIS only, for this account's experiments in this region, with
 * what the two actions call. The route-table disruption creates, associates and deletes route
 * tables, managed prefix lists and interfaces of the region's VPCs (this region and account only);
 * the replication pause rewrites the static bucket's replication configuration (that bucket only).
 * The look-ups both make have no resource-level permissions.
 */
import type { PolicyStatement } from "../../lib/iam";

/** What the role acts on. */
export interface DrillRoleTargets {
  readonly partition: string;
  readonly accountId: string;
  readonly region: string;
  /** The region isolates its subnets. */
  readonly isolates: boolean;
  /** The static bucket, when the region pauses its replication. */
  readonly bucketArn?: string;
}

/** The role's statements, in a fixed order. */
export function drillRoleStatements(targets: DrillRoleTargets): PolicyStatement[] {
  const ec2 = (resource: string) => `arn:${targets.partition}:ec2:${targets.region}:${targets.accountId}:${resource}`;
  const statements: PolicyStatement[] = [];
  if (targets.isolates) {
    statements.push({
      Sid: "DisruptCrossRegionRoutes",
      Effect: "Allow",
      Action: [
        "ec2:CreateRouteTable",
        "ec2:CreateRoute",
        "ec2:AssociateRouteTable",
        "ec2:DisassociateRouteTable",
        "ec2:ReplaceRouteTableAssociation",
        "ec2:DeleteRouteTable",
        "ec2:CreateManagedPrefixList",
        "ec2:ModifyManagedPrefixList",
        "ec2:DeleteManagedPrefixList",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:CreateTags",
        "ec2:GetManagedPrefixListEntries",
      ],
      Resource: [ec2("route-table/*"), ec2("subnet/*"), ec2("vpc/*"), ec2("prefix-list/*"), ec2("network-interface/*"), ec2("security-group/*")],
    });
    statements.push({
      Sid: "ReadNetwork",
      Effect: "Allow",
      Action: [
        "ec2:DescribeRouteTables",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:DescribeManagedPrefixLists",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeVpcPeeringConnections",
      ],
      Resource: ["*"],
    });
  }
  if (targets.bucketArn !== undefined) {
    statements.push({
      Sid: "PauseStaticReplication",
      Effect: "Allow",
      Action: ["s3:GetReplicationConfiguration", "s3:PutReplicationConfiguration"],
      Resource: [targets.bucketArn],
    });
    statements.push({ Sid: "FindBuckets", Effect: "Allow", Action: ["s3:ListAllMyBuckets", "tag:GetResources"], Resource: ["*"] });
  }
  return statements;
}

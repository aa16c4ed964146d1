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
  /** What az-power-interruption acts on, when the region declares it. @default - not declared */
  readonly azPower?: AzPowerRoleTargets;
}

/** The resources of az-power-interruption. */
export interface AzPowerRoleTargets {
  /** The tiers' Auto Scaling groups: their instances (by the group-name tag) and the groups themselves. */
  readonly autoScalingGroups: readonly { readonly name: string; readonly arn: string }[];
  /** The customer managed key of the instances' EBS volumes: starting a stopped instance creates a grant on it. @default - AWS managed key */
  readonly ebsKeyArn?: string;
  /** The region's writer. @default - no database action */
  readonly database?: { readonly kind: "aurora-cluster" | "rds-instance"; readonly arns: readonly string[] };
  /** The region's replication group. @default - no cache action */
  readonly cacheReplicationGroupArn?: string;
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
  if (targets.azPower) statements.push(...azPowerStatements(targets, targets.azPower));
  return statements;
}

/**
 * az-power-interruption's statements: stop and start only the tiers' instances (the group-name
 * tag), inject the capacity error only for that FIS action and those groups, the NACL swap of
 * disrupt-connectivity only on network ACLs FIS creates (it tags them managedByFIS), the failover
 * of the region's writer and the cache's power interruption on those resources only. The
 * describe and tag look-ups have no resource-level permissions.
 */
function azPowerStatements(targets: DrillRoleTargets, azPower: AzPowerRoleTargets): PolicyStatement[] {
  const ec2 = (resource: string) => `arn:${targets.partition}:ec2:${targets.region}:${targets.accountId}:${resource}`;
  const statements: PolicyStatement[] = [
    {
      Sid: "StopStartTierInstances",
      Effect: "Allow",
      Action: ["ec2:StopInstances", "ec2:StartInstances"],
      Resource: [ec2("instance/*")],
      Condition: { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": azPower.autoScalingGroups.map((group) => group.name) } },
    },
    {
      Sid: "PauseTierLaunches",
      Effect: "Allow",
      Action: ["ec2:InjectApiError"],
      Resource: ["*"],
      Condition: {
        "ForAnyValue:StringEquals": { "ec2:FisActionId": ["aws:ec2:asg-insufficient-instance-capacity-error"] },
        "ForAllValues:StringEquals": { "ec2:FisTargetArns": azPower.autoScalingGroups.map((group) => group.arn) },
      },
    },
    {
      Sid: "CreateDrillNetworkAcl",
      Effect: "Allow",
      Action: ["ec2:CreateNetworkAcl"],
      Resource: [ec2("network-acl/*")],
      Condition: { StringEquals: { "aws:RequestTag/managedByFIS": "true" } },
    },
    {
      Sid: "SwapDrillNetworkAcl",
      Effect: "Allow",
      Action: ["ec2:CreateNetworkAclEntry", "ec2:DeleteNetworkAcl"],
      Resource: [ec2("network-acl/*")],
      Condition: { StringEquals: { "ec2:ResourceTag/managedByFIS": "true" } },
    },
    { Sid: "CreateDrillNetworkAclInVpc", Effect: "Allow", Action: ["ec2:CreateNetworkAcl"], Resource: [ec2("vpc/*")] },
    {
      Sid: "TagDrillNetworkAcl",
      Effect: "Allow",
      Action: ["ec2:CreateTags"],
      Resource: [ec2("network-acl/*")],
      Condition: { StringEquals: { "ec2:CreateAction": "CreateNetworkAcl" } },
    },
    { Sid: "ReadPrefixLists", Effect: "Allow", Action: ["ec2:GetManagedPrefixListEntries"], Resource: [ec2("prefix-list/*")] },
    // the swap back re-associates the subnet's own ACL, which FIS did not create
    { Sid: "AssociateNetworkAcls", Effect: "Allow", Action: ["ec2:ReplaceNetworkAclAssociation"], Resource: [ec2("subnet/*"), ec2("network-acl/*")] },
  ];
  if (azPower.ebsKeyArn !== undefined)
    statements.push({
      Sid: "StartEncryptedVolumes",
      Effect: "Allow",
      Action: ["kms:CreateGrant"],
      Resource: [azPower.ebsKeyArn],
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    });
  if (azPower.database?.kind === "aurora-cluster")
    statements.push({
      Sid: "FailoverWriterCluster",
      Effect: "Allow",
      Action: ["rds:DescribeDBClusters", "rds:FailoverDBCluster"],
      Resource: [...azPower.database.arns],
    });
  if (azPower.database?.kind === "rds-instance")
    statements.push({
      Sid: "RebootWriterInstance",
      Effect: "Allow",
      Action: ["rds:DescribeDBInstances", "rds:RebootDBInstance"],
      Resource: [...azPower.database.arns],
    });
  if (azPower.cacheReplicationGroupArn !== undefined) {
    const group = azPower.cacheReplicationGroupArn;
    statements.push({
      Sid: "InterruptCacheAzPower",
      Effect: "Allow",
      Action: ["elasticache:InterruptClusterAzPower", "elasticache:DescribeReplicationGroups"],
      Resource: [group, `${group.replace(/:replicationgroup:/, ":cluster:")}-*`],
    });
  }
  statements.push({
    Sid: "ResolveAzTargets",
    Effect: "Allow",
    Action: [
      "ec2:DescribeInstances",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
      "ec2:DescribeNetworkAcls",
      "ec2:DescribeManagedPrefixLists",
      "autoscaling:DescribeAutoScalingGroups",
      "tag:GetResources",
    ],
    Resource: ["*"],
  });
  return statements;
}

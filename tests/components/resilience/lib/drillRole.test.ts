import * as assert from "node:assert/strict";
import { drillRoleStatements } from "../../../../components/resilience/lib/drillRole";

describe("drill role", () => {
  it("scopes the route changes to the region and account, and the replication pause to the static bucket", () => {
    const statements = drillRoleStatements({
      partition: "aws",
      accountId: "123456789012",
      region: "eu-west-1",
      isolates: true,
      bucketArn: "arn:aws:s3:::static",
    });
    assert.deepEqual(
      statements.map((statement) => statement.Sid),
      ["DisruptCrossRegionRoutes", "ReadNetwork", "PauseStaticReplication", "FindBuckets"],
    );
    for (const resource of statements[0].Resource as string[]) assert.match(resource, /^arn:aws:ec2:eu-west-1:123456789012:[a-z-]+\/\*$/);
    assert.deepEqual(statements[2].Resource, ["arn:aws:s3:::static"]);
    assert.deepEqual(drillRoleStatements({ partition: "aws", accountId: "1", region: "eu-west-1", isolates: false }), []);
  });
});

describe("drill role: az-power-interruption", () => {
  const base = { partition: "aws", accountId: "123456789012", region: "eu-west-1", isolates: false } as const;
  const groups = [
    { name: "web-g", arn: "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:u1:autoScalingGroupName/web-g" },
    { name: "worker-g", arn: "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:u2:autoScalingGroupName/worker-g" },
  ];

  it("stops only the tiers' instances, injects the capacity error only for that action and those groups, swaps only FIS's network ACLs", () => {
    const statements = drillRoleStatements({ ...base, azPower: { autoScalingGroups: groups } });
    assert.deepEqual(
      statements.map((s) => s.Sid),
      [
        "StopStartTierInstances",
        "PauseTierLaunches",
        "CreateDrillNetworkAcl",
        "SwapDrillNetworkAcl",
        "CreateDrillNetworkAclInVpc",
        "TagDrillNetworkAcl",
        "ReadPrefixLists",
        "AssociateNetworkAcls",
        "ResolveAzTargets",
      ],
    );
    assert.deepEqual(statements[0], {
      Sid: "StopStartTierInstances",
      Effect: "Allow",
      Action: ["ec2:StopInstances", "ec2:StartInstances"],
      Resource: ["arn:aws:ec2:eu-west-1:123456789012:instance/*"],
      Condition: { StringEquals: { "aws:ResourceTag/aws:autoscaling:groupName": ["web-g", "worker-g"] } },
    });
    assert.deepEqual(statements[1].Condition, {
      "ForAnyValue:StringEquals": { "ec2:FisActionId": ["aws:ec2:asg-insufficient-instance-capacity-error"] },
      "ForAllValues:StringEquals": { "ec2:FisTargetArns": groups.map((g) => g.arn) },
    });
    assert.deepEqual(statements[2].Condition, { StringEquals: { "aws:RequestTag/managedByFIS": "true" } });
    assert.deepEqual(statements[3].Condition, { StringEquals: { "ec2:ResourceTag/managedByFIS": "true" } });
    // only look-ups without resource-level permissions on *
    for (const statement of statements.filter((s) => (s.Resource as string[]).includes("*")))
      assert.ok(["PauseTierLaunches", "ResolveAzTargets"].includes(statement.Sid!), statement.Sid);
  });

  it("grants the writer's failover, the cache's power interruption and the EBS key's grant on those resources only", () => {
    const statements = drillRoleStatements({
      ...base,
      azPower: {
        autoScalingGroups: groups,
        ebsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/k",
        database: { kind: "aurora-cluster", arns: ["arn:aws:rds:eu-west-1:123456789012:cluster:db"] },
        cacheReplicationGroupArn: "arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:cache",
      },
    });
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    assert.deepEqual(bySid.StartEncryptedVolumes, {
      Sid: "StartEncryptedVolumes",
      Effect: "Allow",
      Action: ["kms:CreateGrant"],
      Resource: ["arn:aws:kms:eu-west-1:123456789012:key/k"],
      Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
    });
    assert.deepEqual(bySid.FailoverWriterCluster.Resource, ["arn:aws:rds:eu-west-1:123456789012:cluster:db"]);
    assert.deepEqual(bySid.InterruptCacheAzPower.Resource, [
      "arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:cache",
      "arn:aws:elasticache:eu-west-1:123456789012:cluster:cache-*",
    ]);
    const rds = drillRoleStatements({
      ...base,
      azPower: { autoScalingGroups: groups, database: { kind: "rds-instance", arns: ["arn:aws:rds:eu-west-1:1:db:x"] } },
    });
    assert.deepEqual(rds.find((s) => s.Sid === "RebootWriterInstance")?.Action, ["rds:DescribeDBInstances", "rds:RebootDBInstance"]);
  });
});

import * as assert from "node:assert/strict";
import {
  activationSteps,
  MAX_PLAN_NAME_LENGTH,
  switchPlanAlarms,
  switchPlanName,
  switchPlanPairKey,
  switchPlanPairName,
  switchPlanPairs,
  regionShortCode,
  switchPlanWorkflows,
  type SwitchPlanInput,
} from "../../../../components/resilience/lib/switchPlan";

const INPUT: SwitchPlanInput = {
  regions: ["us-east-1", "eu-west-1"].map((region) => ({
    region,
    autoScalingGroupArns: [`asg-${region}-web`, `asg-${region}-worker`],
    databaseArn: `arn:aws:rds:${region}:123456789012:cluster:db-${region}`,
    healthAlarms: [{ name: `${region}-alb-5xx-rate`, arn: `alarm-${region}` }],
  })),
  globalClusterIdentifier: "blueprint-prod-global",
  approvalRoleArn: "arn:aws:iam::123456789012:role/approvers",
  approvalTimeoutMinutes: 45,
};

describe("Region switch plan", () => {
  it("has one activation workflow per region: scale up, approve, switch the Aurora global database", () => {
    const workflows = switchPlanWorkflows(INPUT);
    assert.deepEqual(
      workflows.map((workflow) => [workflow.workflowTargetAction, workflow.workflowTargetRegion]),
      [
        ["activate", "us-east-1"],
        ["activate", "eu-west-1"],
      ],
    );
    const steps = activationSteps(INPUT, "eu-west-1");
    assert.deepEqual(
      steps.map((step) => [step.name, step.executionBlockType]),
      [
        ["scale-up", "EC2AutoScaling"],
        ["approve", "ManualApproval"],
        ["switch-database", "AuroraGlobalDatabase"],
      ],
    );
    assert.deepEqual(steps[0].ec2AsgCapacityIncreaseConfigs, [
      {
        asgs: [{ arn: "asg-us-east-1-web" }, { arn: "asg-us-east-1-worker" }, { arn: "asg-eu-west-1-web" }, { arn: "asg-eu-west-1-worker" }],
        capacityMonitoringApproach: "sampledMaxInLast24Hours",
        targetPercent: 100,
        timeoutMinutes: 30,
      },
    ]);
    assert.deepEqual(steps[1].executionApprovalConfigs, [{ approvalRole: "arn:aws:iam::123456789012:role/approvers", timeoutMinutes: 45 }]);
    assert.deepEqual(steps[2].globalAuroraConfigs, [
      {
        behavior: "switchoverOnly",
        globalClusterIdentifier: "blueprint-prod-global",
        databaseClusterArns: ["arn:aws:rds:us-east-1:123456789012:cluster:db-us-east-1", "arn:aws:rds:eu-west-1:123456789012:cluster:db-eu-west-1"],
        timeoutMinutes: 60,
      },
    ]);
  });

  it("promotes the target's read replica in RDS mode, and switches no database without one", () => {
    const { globalClusterIdentifier: _, ...withoutGlobal } = INPUT;
    const rds = activationSteps({ ...withoutGlobal, rdsWriterIdentifier: "blueprint-prod-us-east-1" }, "eu-west-1");
    assert.deepEqual(rds[2], {
      name: "switch-database",
      description: "Promote eu-west-1's read replica to a standalone writer",
      executionBlockType: "RdsPromoteReadReplica",
      rdsPromoteReadReplicaConfigs: [
        { dbInstanceArnMap: { "blueprint-prod-us-east-1": "arn:aws:rds:eu-west-1:123456789012:cluster:db-eu-west-1" }, timeoutMinutes: 60 },
      ],
    });
    assert.equal(activationSteps(withoutGlobal, "eu-west-1").length, 2);
  });

  it("checks every region's health alarms as application health", () => {
    assert.deepEqual(switchPlanAlarms(INPUT), [
      { alarmType: "applicationHealth", mapBlockKey: "us-east-1-alb-5xx-rate", resourceIdentifier: "alarm-us-east-1" },
      { alarmType: "applicationHealth", mapBlockKey: "eu-west-1-alb-5xx-rate", resourceIdentifier: "alarm-eu-west-1" },
    ]);
  });

  it("refuses a name ARC would refuse (over 32 characters), naming it", () => {
    assert.deepEqual(switchPlanName("blueprint-prod"), { name: "blueprint-prod-switch" });
    const long = switchPlanName("blueprint-a-very-long-stack-name");
    assert.equal(long.name.length > MAX_PLAN_NAME_LENGTH, true);
    assert.equal(
      long.problem,
      `the Region switch plan's name "blueprint-a-very-long-stack-name-switch" (from the project and stack names) must be 1 to 32 letters, digits or hyphens; shorten the stack name`,
    );
  });

  it("declares one plan per pair of regions, in stack-file order, keyed by both regions sorted", () => {
    assert.deepEqual(switchPlanPairs(["us-east-1", "eu-west-1", "ap-southeast-2"]), [
      ["us-east-1", "eu-west-1"],
      ["us-east-1", "ap-southeast-2"],
      ["eu-west-1", "ap-southeast-2"],
    ]);
    assert.deepEqual(switchPlanPairs(["us-east-1"]), []);
    assert.equal(switchPlanPairKey("us-east-1", "eu-west-1"), "eu-west-1,us-east-1");
  });

  it("names each plan by its regions' short codes, distinct for every region AWS has", () => {
    assert.deepEqual(
      ["us-east-1", "eu-west-1", "ap-southeast-2", "ap-south-1", "ap-southeast-1", "ap-northeast-3", "eu-central-2", "us-gov-west-1"].map(regionShortCode),
      ["use1", "euw1", "apse2", "aps1", "apse1", "apne3", "euc2", "usgw1"],
    );
    assert.deepEqual(switchPlanPairName("blueprint-prod", "us-east-1", "eu-west-1"), { name: "blueprint-prod-use1-euw1" });
  });

  it("cuts a long prefix to fit ARC's 32 characters, with a hash of the whole prefix so stacks stay apart", () => {
    const one = switchPlanPairName("blueprint-primary-last", "ap-southeast-2", "eu-west-1");
    const other = switchPlanPairName("blueprint-primary-lasting", "ap-southeast-2", "eu-west-1");
    assert.equal(one.problem, undefined);
    assert.equal(one.name.length, MAX_PLAN_NAME_LENGTH, one.name);
    assert.match(one.name, /^blueprint-primar-[0-9a-f]{4}-apse2-euw1$/);
    assert.notEqual(one.name, other.name);
  });
});

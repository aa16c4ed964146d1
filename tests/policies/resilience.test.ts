import * as aws from "@pulumi/aws";
import {
  experimentTemplateRequireAlarmStopCondition,
  loadBalancerEnableZonalShift,
  stackRequireCrossRegionBackup,
  stackRequireSwitchPlanCoverage,
} from "../../policies/resilience";
import {
  assertNotApplicable,
  assertPasses,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const PROD = { "blueprint:environment": "prod" };
const vault = (region: string) => `arn:aws:backup:${region}:123456789012:backup-vault:blueprint-prod-${region}`;

/** Two regions, each with a database cluster, a backup plan copying to `copyTo(region)` and a selection of the cluster. */
function backedUp(copyTo: (region: string) => string | undefined): StackGraph {
  const graph = new StackGraph();
  for (const region of ["us-east-1", "eu-west-1"]) {
    graph.add("awsx:ec2:Vpc", region, { region });
    const cluster = graph.add("aws:rds/cluster:Cluster", region, { region, arn: `arn:aws:rds:${region}:123456789012:cluster:db-${region}` });
    const target = copyTo(region);
    const plan = graph.add("aws:backup/plan:Plan", region, {
      region,
      rules: [{ ruleName: "daily", targetVaultName: "v", copyActions: target ? [{ destinationVaultArn: vault(target) }] : [] }],
    });
    graph.add(
      "aws:backup/selection:Selection",
      region,
      { region, planId: "p", resources: [] },
      { propertyDependencies: { planId: [plan], resources: [cluster] } },
    );
  }
  return graph;
}

describe("resilience policies", () => {
  describe(stackRequireCrossRegionBackup.name, () => {
    it("passes databases whose plans copy to the other region", async () => {
      assertPasses(
        await checkStack(stackRequireCrossRegionBackup, backedUp((region) => (region === "us-east-1" ? "eu-west-1" : "us-east-1")).resources, {
          stackTags: PROD,
        }),
      );
    });
    it("reports a database copied only within its own region, and one without a plan", async () => {
      const graph = backedUp((region) => (region === "us-east-1" ? "us-east-1" : "us-east-1"));
      graph.add("aws:rds/instance:Instance", "lonely", { region: "eu-west-1" });
      assertViolations(await checkStack(stackRequireCrossRegionBackup, graph.resources, { stackTags: PROD }), [
        /^Database us-east-1 \(us-east-1\) has no backup copied to another region\.$/,
        /^Database lonely \(eu-west-1\) has no backup copied to another region\.$/,
      ]);
    });
    it("does not apply to a one-region stack, which has no other region to copy to", async () => {
      const graph = new StackGraph();
      graph.add("awsx:ec2:Vpc", "us-east-1", { region: "us-east-1" });
      graph.add("aws:rds/cluster:Cluster", "us-east-1", { region: "us-east-1" });
      assertNotApplicable(await checkStack(stackRequireCrossRegionBackup, graph.resources, { stackTags: PROD }), /runs in one region/);
    });
    it("does not apply to dev", async () => {
      assertNotApplicable(
        await checkStack(stackRequireCrossRegionBackup, backedUp(() => undefined).resources, { stackTags: { "blueprint:environment": "dev" } }),
        /this stack is dev/,
      );
    });
  });

  describeResourcePolicy({
    policy: loadBalancerEnableZonalShift,
    resourceClass: aws.lb.LoadBalancer,
    aliases: [aws.alb.LoadBalancer],
    compliant: { region: "us-east-1", loadBalancerType: "application", enableZonalShift: true },
    violations: [
      { name: "zonal shift off", mutate: (props) => (props.enableZonalShift = false), expect: [/^Zonal shift is off/] },
      { name: "zonal shift unset", mutate: (props) => delete props.enableZonalShift, expect: [/^Zonal shift is off/] },
    ],
    unknown: (props) => (props.enableZonalShift = UNKNOWN_SENTINELS.boolean),
  });

  describeResourcePolicy({
    policy: experimentTemplateRequireAlarmStopCondition,
    resourceClass: aws.fis.ExperimentTemplate,
    compliant: {
      region: "eu-west-1",
      stopConditions: [{ source: "aws:cloudwatch:alarm", value: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:blueprint-prod-eu-west-1-region-unhealthy" }],
    },
    violations: [
      {
        name: "no stop condition",
        mutate: (props) => (props.stopConditions = []),
        expect: [/^No CloudWatch alarm stops the experiment: once started \(by hand or on a schedule\) it runs to its end/],
      },
      {
        name: "a none stop condition only",
        mutate: (props) => (props.stopConditions = [{ source: "none" }]),
        expect: [/^A stop condition is `none`/, /^No CloudWatch alarm stops the experiment/],
      },
      {
        name: "another region's alarm",
        mutate: (props) => (props.stopConditions[0].value = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:x"),
        expect: [
          /^Stop condition arn:aws:cloudwatch:us-east-1:123456789012:alarm:x is an alarm of us-east-1; FIS stops an experiment only on alarms of its own region \(eu-west-1\)\.$/,
        ],
      },
      {
        name: "not an alarm ARN",
        mutate: (props) => (props.stopConditions[0].value = "my-alarm"),
        expect: [/^Stop condition my-alarm is not a CloudWatch alarm ARN\.$/],
      },
    ],
    unknown: (props) => (props.stopConditions = UNKNOWN_SENTINELS.array),
  });

  describe(stackRequireSwitchPlanCoverage.name, () => {
    const stack = (...plans: string[][]) => {
      const graph = new StackGraph();
      for (const region of ["us-east-1", "eu-west-1", "ap-southeast-2"]) graph.add("awsx:ec2:Vpc", region, { region });
      plans.forEach((regions, index) => graph.add("aws:arcregionswitch/plan:Plan", `switchover-${index}`, { regions }));
      return graph.resources;
    };
    it("passes plans of two regions each that together cover every region", async () => {
      assertPasses(
        await checkStack(stackRequireSwitchPlanCoverage, stack(["us-east-1", "eu-west-1"], ["us-east-1", "ap-southeast-2"], ["eu-west-1", "ap-southeast-2"])),
      );
    });
    it("names the regions no plan covers", async () => {
      assertViolations(await checkStack(stackRequireSwitchPlanCoverage, stack(["us-east-1", "eu-west-1"])), [/^No Region switch plan covers ap-southeast-2: /]);
      assertViolations(await checkStack(stackRequireSwitchPlanCoverage, stack()), [/^No Region switch plan covers ap-southeast-2, eu-west-1, us-east-1: /]);
    });
    it("refuses a plan of any other number of regions than two, as ARC's CreatePlan does", async () => {
      assertViolations(await checkStack(stackRequireSwitchPlanCoverage, stack(["us-east-1", "eu-west-1", "ap-southeast-2"])), [
        /^Region switch plan switchover-0 lists 3 region\(s\) \(us-east-1, eu-west-1, ap-southeast-2\); ARC takes exactly two per plan: declare one plan per pair\.$/,
      ]);
    });
    it("does not apply to a one-region stack", async () => {
      const graph = new StackGraph();
      graph.add("awsx:ec2:Vpc", "us-east-1", { region: "us-east-1" });
      assertNotApplicable(await checkStack(stackRequireSwitchPlanCoverage, graph.resources), /one region/);
    });
  });
});

import * as assert from "node:assert/strict";
import { ComputeTier, type ComputeTierArgs } from "../../../components/compute";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, one } from "../../support/resources";

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: "eu-west-1" };
const QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:blueprint-prod-jobs";

const WEB: ComputeTierArgs = {
  region: "eu-west-1",
  tier: "web",
  subnetIds: ["subnet-0a", "subnet-0b", "subnet-0c"],
  securityGroupId: "sg-0app",
  instanceTypes: ["m7g.large", "m6g.large"],
  minSize: 3,
  maxSize: 12,
  environment: { BLUEPRINT_REGION: "eu-west-1", BLUEPRINT_QUEUE_JOBS_URL: "https://sqs.eu-west-1.amazonaws.com/123456789012/blueprint-prod-jobs" },
  userData: "#!/bin/bash\nsystemctl start app",
  policyStatements: [{ Sid: "QueueProduce", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [QUEUE_ARN] }],
  scaling: {
    kind: "web",
    targetGroupArn: "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123",
    requestCountResourceLabel: "app/alb/0123/targetgroup/web/0123",
    targetRequestsPerInstance: 1000,
    targetCpuPercent: 60,
    healthCheckGracePeriodSeconds: 300,
  },
  tags: TAGS,
};

const WORKER: ComputeTierArgs = {
  ...WEB,
  tier: "worker",
  securityGroupId: "sg-0worker",
  minSize: 0,
  maxSize: 2,
  spotPercentage: 100,
  instanceTypes: ["t4g.small"],
  scaling: { kind: "worker", queueNames: ["blueprint-dev-jobs", "blueprint-dev-orders.fifo"], targetBacklogPerInstance: 100 },
};

async function record(name: string, args: ComputeTierArgs): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      new ComputeTier(name, args);
      return {};
    },
    { stack: "prod", config: { "aws:region": "us-east-1" } },
  );
  return resources;
}

describe("ComputeTier component", () => {
  describe("web tier", () => {
    let resources: PlannedResource[];
    before(async () => {
      resources = await record("eu-west-1-web", WEB);
    });

    it("declares the role, profile, launch template, group and two target-tracking policies", () => {
      assert.deepEqual(countTypes(resources), {
        "pulumi:pulumi:Stack": 1,
        "blueprint:compute:ComputeTier": 1,
        "aws:iam/role:Role": 1,
        "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 1,
        "aws:iam/rolePolicy:RolePolicy": 1,
        "aws:iam/instanceProfile:InstanceProfile": 1,
        "aws:ec2/launchTemplate:LaunchTemplate": 1,
        "aws:autoscaling/group:Group": 1,
        "aws:autoscaling/policy:Policy": 2,
      });
    });

    it("lets EC2 assume the role, attaches SSM core only, and adds exactly the given statements", () => {
      const role = one(resources, "aws:iam/role:Role").inputs;
      assert.deepEqual(JSON.parse(role.assumeRolePolicy as string), {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
      });
      assert.equal(role.region, undefined, "IAM is global");
      assert.equal((role.tags as Record<string, string>).Region, undefined);
      assert.equal(
        one(resources, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs.policyArn,
        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
      );
      assert.deepEqual(JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy as string), {
        Version: "2012-10-17",
        Statement: [{ Sid: "QueueProduce", Effect: "Allow", Action: ["sqs:SendMessage"], Resource: [QUEUE_ARN] }],
      });
    });

    it("hardens the launch template: IMDSv2 only with hop limit 1, encrypted gp3 root, no public IP, monitoring", () => {
      const lt = one(resources, "aws:ec2/launchTemplate:LaunchTemplate").inputs;
      assert.equal(lt.region, "eu-west-1");
      assert.deepEqual(lt.metadataOptions, { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" });
      assert.deepEqual(lt.blockDeviceMappings, [
        { deviceName: "/dev/xvda", ebs: { volumeType: "gp3", volumeSize: 20, encrypted: "true", deleteOnTermination: "true" } },
      ]);
      assert.deepEqual(lt.networkInterfaces, [{ deviceIndex: 0, associatePublicIpAddress: "false", securityGroups: ["sg-0app"], deleteOnTermination: "true" }]);
      assert.deepEqual(lt.monitoring, { enabled: true });
      assert.match(String(lt.imageId), /^ami-0[0-9a-f]{16}$/);
    });

    it("resolves the AMI from AL2023's arm64 parameter in the tier's region", async () => {
      const other = await record("us-east-1-web", { ...WEB, region: "us-east-1" });
      const here = one(resources, "aws:ec2/launchTemplate:LaunchTemplate").inputs.imageId;
      const there = one(other, "aws:ec2/launchTemplate:LaunchTemplate").inputs.imageId;
      assert.notEqual(here, there, "AMI IDs differ per region");
    });

    it("writes the endpoints, then the stack's script, into user data", () => {
      const lt = one(resources, "aws:ec2/launchTemplate:LaunchTemplate").inputs;
      const text = Buffer.from(String(lt.userData), "base64").toString("utf8");
      assert.ok(text.startsWith("#!/bin/bash\n"));
      assert.ok(text.includes("BLUEPRINT_REGION=eu-west-1\nBLUEPRINT_QUEUE_JOBS_URL=https://sqs.eu-west-1.amazonaws.com/123456789012/blueprint-prod-jobs\n"));
      assert.ok(text.trimEnd().endsWith("systemctl start app"));
      assert.equal(text.match(/^#!/gm)?.length, 1, "the stack script's shebang is dropped");
    });

    it("spreads the group over the private subnets with ELB health checks, refresh and on-demand capacity", () => {
      const group = one(resources, "aws:autoscaling/group:Group");
      const inputs = group.inputs as Record<string, any>;
      assert.deepEqual(inputs.vpcZoneIdentifiers, ["subnet-0a", "subnet-0b", "subnet-0c"]);
      assert.deepEqual([inputs.minSize, inputs.desiredCapacity, inputs.maxSize], [3, 3, 12]);
      assert.equal(inputs.healthCheckType, "ELB");
      assert.equal(inputs.healthCheckGracePeriod, 300);
      assert.deepEqual(inputs.targetGroupArns, [WEB.scaling.kind === "web" ? WEB.scaling.targetGroupArn : ""]);
      assert.equal(inputs.capacityRebalance, false);
      assert.deepEqual(inputs.mixedInstancesPolicy.instancesDistribution, {
        onDemandBaseCapacity: 0,
        onDemandPercentageAboveBaseCapacity: 100,
        onDemandAllocationStrategy: "prioritized",
        spotAllocationStrategy: "price-capacity-optimized",
      });
      assert.deepEqual(inputs.mixedInstancesPolicy.launchTemplate.overrides, [{ instanceType: "m7g.large" }, { instanceType: "m6g.large" }]);
      assert.equal(inputs.mixedInstancesPolicy.launchTemplate.launchTemplateSpecification.version, "1");
      assert.deepEqual(inputs.instanceRefresh, { strategy: "Rolling", preferences: { minHealthyPercentage: 90, skipMatching: true } });
      assert.deepEqual(group.ignoreChanges, ["desiredCapacity"]);
      assert.ok((inputs.enabledMetrics as string[]).includes("GroupInServiceInstances"));
    });

    it("tracks requests per target on the ALB's label and average CPU", () => {
      const requests = one(resources, "aws:autoscaling/policy:Policy", "eu-west-1-web-requests").inputs as Record<string, any>;
      assert.equal(requests.policyType, "TargetTrackingScaling");
      assert.deepEqual(requests.targetTrackingConfiguration, {
        targetValue: 1000,
        predefinedMetricSpecification: { predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: "app/alb/0123/targetgroup/web/0123" },
      });
      const cpu = one(resources, "aws:autoscaling/policy:Policy", "eu-west-1-web-cpu").inputs as Record<string, any>;
      assert.deepEqual(cpu.targetTrackingConfiguration, {
        targetValue: 60,
        predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
      });
    });
  });

  describe("worker tier that may scale to zero", () => {
    let resources: PlannedResource[];
    before(async () => {
      resources = await record("us-east-1-worker", { ...WORKER, region: "us-east-1" });
    });

    it("adds a scale-from-zero step policy and its alarm to the backlog policy", () => {
      const counts = countTypes(resources);
      assert.equal(counts["aws:autoscaling/policy:Policy"], 2);
      assert.equal(counts["aws:cloudwatch/metricAlarm:MetricAlarm"], 1);
    });

    it("uses EC2 health checks, no target group, Spot with capacity rebalance", () => {
      const inputs = one(resources, "aws:autoscaling/group:Group").inputs as Record<string, any>;
      assert.equal(inputs.healthCheckType, "EC2");
      assert.deepEqual(inputs.targetGroupArns, []);
      assert.equal(inputs.capacityRebalance, true);
      assert.equal(inputs.mixedInstancesPolicy.instancesDistribution.onDemandPercentageAboveBaseCapacity, 0);
    });

    it("tracks visible messages of every queue per in-service instance", () => {
      const backlog = one(resources, "aws:autoscaling/policy:Policy", "us-east-1-worker-backlog").inputs as Record<string, any>;
      const group = one(resources, "aws:autoscaling/group:Group");
      const metrics = backlog.targetTrackingConfiguration.customizedMetricSpecification.metrics as Array<Record<string, any>>;
      assert.equal(backlog.targetTrackingConfiguration.targetValue, 100);
      assert.deepEqual(
        metrics.map((m) => [m.id, m.expression ?? m.metricStat.metric.metricName, m.returnData]),
        [
          ["q0", "ApproximateNumberOfMessagesVisible", false],
          ["q1", "ApproximateNumberOfMessagesVisible", false],
          ["inservice", "GroupInServiceInstances", false],
          ["backlog", "(q0 + q1) / inservice", true],
        ],
      );
      assert.deepEqual(metrics[1].metricStat.metric.dimensions, [{ name: "QueueName", value: "blueprint-dev-orders.fifo" }]);
      assert.deepEqual(metrics[2].metricStat.metric.dimensions, [{ name: "AutoScalingGroupName", value: group.outputs.name }]);
    });

    it("starts one instance when messages wait and none is in service", () => {
      const alarm = one(resources, "aws:cloudwatch/metricAlarm:MetricAlarm").inputs as Record<string, any>;
      const step = one(resources, "aws:autoscaling/policy:Policy", "us-east-1-worker-from-zero");
      assert.deepEqual(alarm.alarmActions, [step.outputs.arn]);
      assert.equal(alarm.region, "us-east-1");
      assert.equal((alarm.metricQueries as Array<Record<string, any>>).at(-1)!.expression, "IF(inservice == 0, IF((q0 + q1) > 0, 1, 0), 0)");
      assert.deepEqual(step.inputs.stepAdjustments, [{ scalingAdjustment: 1, metricIntervalLowerBound: "0" }]);
    });
  });

  it("rejects invalid arguments before declaring anything, listing every problem", async () => {
    await assert.rejects(record("eu-west-1-web", { ...WEB, minSize: 5, maxSize: 4, instanceTypes: ["m7i.large"], rootVolumeGiB: 4 }), (error: Error) => {
      assert.match(error.message, /ComputeTier eu-west-1-web has invalid arguments:/);
      assert.match(error.message, /instanceTypes: m7i.large runs x86_64, not arm64/);
      assert.match(error.message, /capacity must satisfy minSize <= desiredCapacity <= maxSize, got 5 <= 5 <= 4/);
      assert.match(error.message, /rootVolumeGiB must be a whole number from 8 to 16384/);
      return true;
    });
  });

  it("refuses user data with a secret-looking value", async () => {
    await assert.rejects(
      record("eu-west-1-web", { ...WEB, environment: { BLUEPRINT_TOKEN: "AKIAABCDEFGHIJKLMNOP" } }),
      /the value of BLUEPRINT_TOKEN looks like a secret; pass its ARN instead/,
    );
  });
});

import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import type { PlanFile } from "../../tools/plan/planFile";
import { planStack } from "../../tools/plan/planStack";
import { listStacks } from "../../tools/plan/stackFile";

/** The network's resources in every region. */
const NETWORK_PER_REGION: Record<string, number> = {
  "awsx:ec2:Vpc": 1,
  "aws:ec2/flowLog:FlowLog": 1,
  "aws:cloudwatch/logGroup:LogGroup": 1,
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
  "aws:rds/subnetGroup:SubnetGroup": 1,
  "aws:elasticache/subnetGroup:SubnetGroup": 1,
  "aws:ec2/securityGroup:SecurityGroup": 4,
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 7,
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 7,
};
const GLOBAL_TYPES = new Set([
  "aws:iam/role:Role",
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:iam/instanceProfile:InstanceProfile",
  "aws:route53/record:Record",
]);

/** Types whose AWS resources take no tags (the provider has no `tags` input for them). */
const UNTAGGABLE = new Set([
  "aws:iam/rolePolicy:RolePolicy",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:autoscaling/policy:Policy",
  "aws:autoscaling/group:Group",
  "aws:sqs/queuePolicy:QueuePolicy",
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
  "aws:sns/topicPolicy:TopicPolicy",
  "aws:sns/topicSubscription:TopicSubscription",
  "aws:kms/alias:Alias",
  "aws:cloudwatch/dashboard:Dashboard",
  "aws:acm/certificateValidation:CertificateValidation",
  "aws:route53/record:Record",
]);

/** What a stack file asks of the application tier. */
interface StackShape {
  readonly queues: number;
  readonly email: boolean;
  readonly https: boolean;
  readonly hostedZone: boolean;
  readonly workerFromZero: boolean;
}

function stackShape(stack: string): StackShape {
  const config = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")).config;
  const domain = config["blueprint:domain"];
  return {
    queues: (config["blueprint:queues"] ?? [{}]).length,
    email: config["blueprint:alarms"]?.email !== undefined,
    https: domain !== undefined,
    hostedZone: domain?.hostedZoneId !== undefined,
    workerFromZero: config["blueprint:worker"]?.minSize === 0,
  };
}

/** Exact resources per region: the network plus load balancer, tiers, queues and observability. */
function expectedPerRegion(shape: StackShape): Record<string, number> {
  const counts: Record<string, number> = {
    ...NETWORK_PER_REGION,
    "aws:lb/loadBalancer:LoadBalancer": 1,
    "aws:lb/targetGroup:TargetGroup": 1,
    "aws:lb/listener:Listener": shape.https ? 2 : 1,
    "aws:s3/bucket:Bucket": 1,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": 1,
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": 1,
    "aws:s3/bucketVersioning:BucketVersioning": 1,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": 1,
    "aws:s3/bucketPolicy:BucketPolicy": 1,
    "aws:ec2/launchTemplate:LaunchTemplate": 2,
    "aws:autoscaling/group:Group": 2,
    // web: requests and CPU; worker: backlog (+ the scale-from-zero step policy)
    "aws:autoscaling/policy:Policy": 3 + (shape.workerFromZero ? 1 : 0),
    "aws:sqs/queue:Queue": 2 * shape.queues,
    "aws:sqs/queuePolicy:QueuePolicy": 2 * shape.queues,
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": shape.queues,
    "aws:kms/key:Key": 1,
    "aws:kms/alias:Alias": 1,
    "aws:sns/topic:Topic": 1,
    "aws:sns/topicPolicy:TopicPolicy": 1,
    // ALB 5xx, p99, unhealthy hosts; per queue DLQ depth and oldest age (+ the scale-from-zero alarm)
    "aws:cloudwatch/metricAlarm:MetricAlarm": 3 + 2 * shape.queues + (shape.workerFromZero ? 1 : 0),
    "aws:cloudwatch/dashboard:Dashboard": 1,
  };
  if (shape.email) counts["aws:sns/topicSubscription:TopicSubscription"] = 1;
  if (shape.hostedZone) {
    counts["aws:acm/certificate:Certificate"] = 1;
    counts["aws:acm/certificateValidation:CertificateValidation"] = 1;
  }
  return counts;
}

/** Exact global resources: per region the flow-log, web and worker roles; validation records. */
function expectedGlobal(shape: StackShape, regions: number): Record<string, number> {
  return {
    "aws:iam/role:Role": 3 * regions,
    "aws:iam/rolePolicy:RolePolicy": 3 * regions,
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": 2 * regions,
    "aws:iam/instanceProfile:InstanceProfile": 2 * regions,
    // one record for the shared API name, one per regional origin name
    ...(shape.hostedZone ? { "aws:route53/record:Record": 1 + regions } : {}),
  };
}

describe("every stack in stacks/, planned end to end", () => {
  const stacks = listStacks("stacks");

  it("ships dev, staging and prod", () => {
    assert.deepEqual(stacks, ["dev", "prod", "staging"]);
  });

  for (const stack of stacks) {
    describe(stack, () => {
      let plan: PlanFile;
      before(async () => {
        plan = await planStack(stack);
      });

      it("follows the plan-file contract", () => {
        assert.equal(plan.version, 1);
        assert.equal(plan.project, "blueprint");
        assert.equal(plan.stack, stack);
        const file = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8")).config;
        assert.equal(plan.environment, file["blueprint:environment"]);
        assert.deepEqual(plan.regions, file["blueprint:regions"].map((r: { name: string }) => r.name));
        assert.deepEqual(plan.policies.violations.filter((v) => v.enforcementLevel === "mandatory"), []);
        const keys = ["urn", "type", "name", "custom", "parent", "region", "inputs", "outputs", "dependencies", "propertyDependencies", "protect", "ignoreChanges", "deleteBeforeReplace"];
        const urns = new Set(plan.resources.map((r) => r.urn));
        assert.equal(urns.size, plan.resources.length, "URNs are unique");
        for (const r of plan.resources) {
          assert.deepEqual(Object.keys(r), keys);
          if (r.parent !== null) assert.ok(urns.has(r.parent), `parent of ${r.urn} is recorded`);
          for (const dep of r.dependencies) assert.ok(urns.has(dep), `dependency ${dep} of ${r.urn} is recorded`);
          for (const deps of Object.values(r.propertyDependencies)) for (const dep of deps) assert.ok(urns.has(dep));
        }
        assert.equal(plan.resources.filter((r) => r.parent === null).map((r) => r.type).join(), "pulumi:pulumi:Stack");
      });

      it("sets region on every regional resource and places each in a configured region", () => {
        for (const r of plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:"))) {
          if (GLOBAL_TYPES.has(r.type)) assert.equal(r.region, null, r.urn);
          else assert.ok(plan.regions.includes(r.region ?? ""), `${r.urn} has region ${r.region}`);
        }
      });

      it("builds the same stamp in every region: network, load balancer, tiers, queues, alarms", () => {
        const shape = stackShape(stack);
        for (const region of plan.regions) {
          const counts: Record<string, number> = {};
          for (const r of plan.resources.filter((r) => r.region === region)) counts[r.type] = (counts[r.type] ?? 0) + 1;
          assert.deepEqual(counts, expectedPerRegion(shape), region);
        }
        const global: Record<string, number> = {};
        for (const r of plan.resources.filter((r) => r.custom && r.region === null)) global[r.type] = (global[r.type] ?? 0) + 1;
        assert.deepEqual(global, expectedGlobal(shape, plan.regions.length));
      });

      it("exports the per-region outputs", () => {
        const regions = plan.outputs.regions as Record<string, Record<string, unknown>>;
        assert.deepEqual(Object.keys(regions).sort(), [...plan.regions].sort());
        for (const [region, out] of Object.entries(regions)) {
          assert.match(out.vpcId as string, /^vpc-0[0-9a-f]{16}$/);
          assert.equal(out.flowLogGroupName, `/blueprint/${stack}/${region}/vpc-flow-logs`);
          assert.equal((out.isolatedSubnetIds as string[]).length, (out.publicSubnetIds as string[]).length);
          assert.deepEqual(Object.keys(out.securityGroupIds as object).sort(), ["alb", "app", "data", "worker"]);
        }
        assert.equal(plan.outputs.primaryRegion, plan.primaryRegion);
      });

      it("tags every taggable resource with the standard tags", () => {
        for (const r of plan.resources.filter((r) => r.custom && !UNTAGGABLE.has(r.type))) {
          const tags = r.inputs.tags as Record<string, string>;
          for (const key of ["Environment", "Project", "Owner", "CostCenter", "ManagedBy"]) assert.ok(tags?.[key], `${r.urn} lacks ${key}`);
          if (r.region) assert.equal(tags.Region, r.region);
        }
        // auto-scaling groups take tags as a list, propagated to the instances they launch
        for (const r of plan.resources.filter((r) => r.type === "aws:autoscaling/group:Group")) {
          const tags = r.inputs.tags as Array<{ key: string; value: string; propagateAtLaunch: boolean }>;
          for (const key of ["Environment", "Project", "Owner", "CostCenter", "ManagedBy", "Region", "Tier", "Name"]) {
            assert.ok(tags.some((tag) => tag.key === key && tag.propagateAtLaunch), `${r.urn} lacks ${key}`);
          }
        }
      });

      it("creates each web tier's request-count policy after its region's listeners (AWS needs the target group behind one)", () => {
        for (const region of plan.regions) {
          const policy = plan.resources.find((r) => r.type === "aws:autoscaling/policy:Policy" && r.name === `${region}-web-requests`)!;
          const listeners = plan.resources.filter((r) => r.type === "aws:lb/listener:Listener" && r.region === region);
          assert.ok(listeners.length > 0);
          for (const listener of listeners) assert.ok(policy.dependencies.includes(listener.urn), `${policy.urn} waits for ${listener.urn}`);
        }
      });

      it("protects exactly the stateful resources when the profile says so: queues, log buckets, alarm keys", () => {
        const protectedTypes = new Set(["aws:sqs/queue:Queue", "aws:sqs/queuePolicy:QueuePolicy", "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", "aws:s3/bucket:Bucket", "aws:kms/key:Key"]);
        const expected = stack === "prod";
        for (const r of plan.resources.filter((r) => r.custom)) {
          assert.equal(r.protect, expected && protectedTypes.has(r.type), r.urn);
        }
      });

      it("is deterministic: planning twice gives the same plan", async () => {
        assert.deepEqual(await planStack(stack), plan);
      });
    });
  }

  it("prod runs three regions on three continents with three AZs, a NAT per AZ and protection", async () => {
    const plan = await planStack("prod");
    assert.deepEqual(plan.regions, ["us-east-1", "eu-west-1", "ap-southeast-2"]);
    for (const vpc of plan.resources.filter((r) => r.type === "awsx:ec2:Vpc")) {
      assert.equal((vpc.inputs.availabilityZoneNames as string[]).length, 3);
      assert.equal((vpc.outputs.natGatewayDetails as unknown[]).length, 3);
    }
  });
});

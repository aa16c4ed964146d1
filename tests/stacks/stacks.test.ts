import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import type { PlanFile } from "../../tools/plan/planFile";
import { planStack } from "../../tools/plan/planStack";
import { listStacks } from "../../tools/plan/stackFile";

const REGIONAL_PER_REGION: Record<string, number> = {
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
const GLOBAL_TYPES = new Set(["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy"]);

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
        assert.deepEqual(plan.policies, { violations: [] });
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

      it("builds the same network stamp in every region: VPC, flow log, subnet groups, security groups", () => {
        for (const region of plan.regions) {
          const counts: Record<string, number> = {};
          for (const r of plan.resources.filter((r) => r.region === region)) counts[r.type] = (counts[r.type] ?? 0) + 1;
          assert.deepEqual(counts, REGIONAL_PER_REGION, region);
        }
        for (const type of GLOBAL_TYPES) assert.equal(plan.resources.filter((r) => r.type === type).length, plan.regions.length);
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
        for (const r of plan.resources.filter((r) => r.custom && r.type !== "aws:iam/rolePolicy:RolePolicy")) {
          const tags = r.inputs.tags as Record<string, string>;
          for (const key of ["Environment", "Project", "Owner", "CostCenter", "ManagedBy"]) assert.ok(tags?.[key], `${r.urn} lacks ${key}`);
          if (r.region) assert.equal(tags.Region, r.region);
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

import {
  stackDisallowOverlappingVpcCidrs,
  stackRequireIdenticalRegionalStamps,
  stackRequireMatchingPolicyConfig,
  stackRequireMinimumRegions,
} from "../../policies/stack";
import { assertNotApplicable, assertPasses, assertUnknown, assertViolations, checkStack, StackGraph, UNKNOWN_SENTINELS } from "./harness";
import { offlineStamp, prodNetwork, rootStack } from "./fixtures";

const PROD = { "blueprint:environment": "prod" };

describe("multi-region stack policies", () => {
  describe(stackRequireMinimumRegions.name, () => {
    it("passes prod in three regions (offline and CLI shapes)", async () => {
      assertPasses(await checkStack(stackRequireMinimumRegions, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(stackRequireMinimumRegions, prodNetwork("cli").graph.resources));
    });
    it("reports prod in one region, whichever source names the environment", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      const expected = [/The prod stack runs in 1 region\(s\) \(us-east-1\); at least 2 are required/];
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: PROD }), expected);
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: {}, config: { environment: "prod" } }), expected);
      rootStack(graph, { environment: "prod" });
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: {} }), expected);
    });
    it("applies when the environment is unknown, and honours a raised minimum", async () => {
      const { graph } = prodNetwork();
      graph.remove(graph.resources[0].urn);
      assertViolations(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: {}, config: { minimumRegions: 4 } }), [
        /The \(unknown environment\) stack runs in 3 region\(s\) \(ap-southeast-2, eu-west-1, us-east-1\); at least 4/,
      ]);
    });
    it("counts a resource without region in the default provider's region", async () => {
      const graph = new StackGraph();
      graph.add("aws:lb/loadBalancer:LoadBalancer", "a", { region: "us-east-1" });
      graph.add("aws:lb/loadBalancer:LoadBalancer", "b", {}, { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:p", props: { region: "eu-west-1" } } });
      assertPasses(await checkStack(stackRequireMinimumRegions, graph.resources));
    });
    it("does not apply to dev or staging, nor under a resilience waiver", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      assertNotApplicable(await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: { "blueprint:environment": "staging" } }), /applies to prod; this stack is staging/);
      assertNotApplicable(
        await checkStack(stackRequireMinimumRegions, graph.resources, { stackTags: { ...PROD, "blueprint:resilience-waiver": "Only us-east-1 is approved until 2027." } }),
        /Resilience waiver: Only us-east-1/,
      );
    });
    it("cannot run while a region is unknown", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[0].vpc).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireMinimumRegions, graph.resources));
    });
  });

  describe(stackDisallowOverlappingVpcCidrs.name, () => {
    it("passes disjoint VPCs (offline and CLI shapes)", async () => {
      assertPasses(await checkStack(stackDisallowOverlappingVpcCidrs, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(stackDisallowOverlappingVpcCidrs, prodNetwork("cli").graph.resources));
    });
    it("reports overlapping VPCs", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[2].vpc).props.cidrBlock = "10.128.64.0/18";
      assertViolations(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), [/VPC ap-southeast-2-vpc \(10\.128\.64\.0\/18\) overlaps VPC us-east-1-vpc \(10\.128\.0\.0\/16\)/]);
    });
    it("reports a secondary block that overlaps another VPC (CLI shape)", async () => {
      const { graph, stamps } = prodNetwork("cli");
      graph.add("aws:ec2/vpcIpv4CidrBlockAssociation:VpcIpv4CidrBlockAssociation", "extra", { vpcId: "vpc-1useast1", cidrBlock: "10.129.128.0/17" }, { propertyDependencies: { vpcId: [stamps[0].vpc] } });
      assertViolations(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), [/VPC eu-west-1-vpc \(10\.129\.0\.0\/16\) overlaps VPC us-east-1-vpc \(10\.129\.128\.0\/17\)/]);
    });
    it("reports a block that is not an IPv4 CIDR", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[1].vpc).props.cidrBlock = "10.129.0.0";
      assertViolations(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), [/VPC eu-west-1-vpc has a block that is not an IPv4 CIDR: "10\.129\.0\.0"/]);
    });
    it("does not apply to one VPC", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      assertNotApplicable(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources), /fewer than two VPCs/);
    });
    it("cannot run while a block is unknown", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[1].vpc).props.cidrBlock = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackDisallowOverlappingVpcCidrs, graph.resources));
    });
  });

  describe(stackRequireIdenticalRegionalStamps.name, () => {
    it("passes the same stamp in every region (offline and CLI shapes), ignoring global resources", async () => {
      const { graph } = prodNetwork();
      graph.add("aws:iam/role:Role", "flow-logs", {}, { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:p", props: { region: "us-east-1" } } });
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, prodNetwork("cli").graph.resources));
    });
    it("reports what a region lacks", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      offlineStamp(graph, { region: "eu-west-1", cidr: "10.1.0.0/16", withoutFlowLog: true });
      offlineStamp(graph, { region: "ap-southeast-2", cidr: "10.2.0.0/16", withoutFlowLog: true });
      graph.add("aws:sqs/queue:Queue", "jobs", { region: "ap-southeast-2" });
      assertViolations(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), [
        /Region ap-southeast-2 has no aws:ec2\/flowLog:FlowLog, which us-east-1 has/,
        /Region eu-west-1 has no aws:ec2\/flowLog:FlowLog, which us-east-1 has/,
        /Region eu-west-1 has no aws:sqs\/queue:Queue, which ap-southeast-2 has/,
        /Region us-east-1 has no aws:sqs\/queue:Queue, which ap-southeast-2 has/,
      ]);
    });
    it("catches a regional resource that forgot its region (it lands in the default provider's)", async () => {
      const { graph } = prodNetwork();
      graph.add("aws:sqs/queue:Queue", "forgot-region", {}, { provider: { type: "pulumi:providers:aws", name: "default", urn: "urn:p", props: { region: "us-east-1" } } });
      assertViolations(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), [/Region ap-southeast-2 has no aws:sqs\/queue:Queue/, /Region eu-west-1 has no aws:sqs\/queue:Queue/]);
    });
    it("ignores configured types", async () => {
      const { graph } = prodNetwork();
      graph.add("aws:sqs/queue:Queue", "primary-only", { region: "us-east-1" });
      assertPasses(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources, { config: { ignoreTypes: ["aws:sqs/queue:Queue"] } }));
    });
    it("does not apply to one region", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      assertNotApplicable(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources), /fewer than two regions/);
    });
    it("cannot run while a region is unknown", async () => {
      const { graph, stamps } = prodNetwork();
      graph.get(stamps[1].logGroup).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(stackRequireIdenticalRegionalStamps, graph.resources));
    });
  });

  describe(stackRequireMatchingPolicyConfig.name, () => {
    const graph = (environment?: string) => {
      const g = new StackGraph();
      rootStack(g, environment === undefined ? {} : { environment });
      return g;
    };
    it("passes when the config's environment matches the tag and the stack output", async () => {
      assertPasses(await checkStack(stackRequireMatchingPolicyConfig, graph("prod").resources, { config: { environment: "prod" } }));
      assertPasses(await checkStack(stackRequireMatchingPolicyConfig, graph().resources, { config: { environment: "prod" } }));
      assertPasses(await checkStack(stackRequireMatchingPolicyConfig, graph("dev").resources, { config: { environment: "dev" }, stackTags: {} }));
    });
    it("reports a prod stack checked with the dev config", async () => {
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph("prod").resources, { config: { environment: "dev" } }), [
        /The pack runs with the dev pack config but the stack is prod; use policies\/config\/prod\.json/,
      ]);
    });
    it("reports a tag that disagrees with the stack output", async () => {
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph("staging").resources, { config: { environment: "prod" } }), [
        /The stack tag blueprint:environment=prod disagrees with the stack's environment output "staging"/,
      ]);
    });
    it("reports an unknown or unnamed environment", async () => {
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph().resources, { config: { environment: "prod" }, stackTags: {} }), [
        /The stack's environment is unknown \(no blueprint:environment stack tag, no environment stack output\), so the prod pack config cannot be verified/,
      ]);
      assertViolations(await checkStack(stackRequireMatchingPolicyConfig, graph().resources, { config: { environment: "prod" }, stackTags: { "blueprint:environment": "qa" } }), [
        /The stack's environment "qa" is not one of dev, staging, prod/,
      ]);
    });
    it("does not apply when the pack runs without an environment's config", async () => {
      assertNotApplicable(await checkStack(stackRequireMatchingPolicyConfig, graph("prod").resources), /without an environment's config file/);
    });
    it("cannot run while the environment output is unknown", async () => {
      assertUnknown(await checkStack(stackRequireMatchingPolicyConfig, graph(UNKNOWN_SENTINELS.string).resources, { config: { environment: "prod" }, stackTags: {} }));
    });
  });
});

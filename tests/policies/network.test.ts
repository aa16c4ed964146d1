import * as aws from "@pulumi/aws";
import {
  defaultSecurityGroupDisallowRules,
  flowLogConfigureAllTraffic,
  securityGroupDisallowInlineRules,
  securityGroupDisallowPublicAdminIngress,
  securityGroupDisallowPublicIngress,
  securityGroupMissingDescription,
  securityGroupMissingRuleDescription,
  securityGroupRestrictPublicEgress,
  securityGroupRestrictPublicIngressToLoadBalancers,
  vpcConfigureMultiAz,
  vpcConfigureNatPerAz,
  vpcEnableFlowLogs,
  vpcRequireLockedDefaultSecurityGroup,
} from "../../policies/network";
import {
  assertNotApplicable,
  assertPasses,
  assertUnknown,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";
import { cliStamp, offlineStamp, prodNetwork, rootStack } from "../support/policies/fixtures";

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "platform-team", CostCenter: "CC-1", ManagedBy: "pulumi", Region: "us-east-1" };

/** The ALB's HTTPS ingress rule as components/network declares it. */
const albHttpsIngress = {
  region: "us-east-1",
  securityGroupId: "sg-0a5db5bb5c7bf23c2",
  ipProtocol: "tcp",
  fromPort: 443,
  toPort: 443,
  cidrIpv4: "0.0.0.0/0",
  description: "HTTPS from the internet",
  tags: TAGS,
};

/** The app tier's HTTPS egress rule. */
const appHttpsEgress = { ...albHttpsIngress, description: "HTTPS to AWS APIs and package mirrors" };

/** A tier group as components/network declares it (no inline rules). */
const tierGroup = {
  region: "us-east-1",
  vpcId: "vpc-08b272addfdc4754a",
  description: "Web tier instances: in from the load balancer only",
  revokeRulesOnDelete: true,
  tags: TAGS,
};

const inline = (rule: Record<string, unknown>) => ({ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "inline", ...rule });

describe("network policies", () => {
  describeResourcePolicy({
    policy: defaultSecurityGroupDisallowRules,
    resourceClass: aws.ec2.DefaultSecurityGroup,
    compliant: { region: "us-east-1", vpcId: "vpc-1", ingress: [], egress: [], tags: TAGS },
    violations: [
      { name: "ingress left unset", mutate: (p) => delete p.ingress, expect: [/leaves ingress unset, which keeps AWS's default rules/] },
      { name: "egress left unset", mutate: (p) => delete p.egress, expect: [/leaves egress unset/] },
      { name: "an ingress rule", mutate: (p) => (p.ingress = [inline({ self: true })]), expect: [/declares 1 ingress rule\(s\); it must have none/] },
      { name: "an egress rule", mutate: (p) => (p.egress = [inline({ protocol: "-1" })]), expect: [/declares 1 egress rule\(s\)/] },
    ],
    unknown: (p) => (p.ingress = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: securityGroupMissingDescription,
    resourceClass: aws.ec2.SecurityGroup,
    compliant: tierGroup,
    violations: [
      { name: "no description", mutate: (p) => delete p.description, expect: [/has no description \(AWS would fill in a placeholder\)/] },
      { name: "the provider's placeholder", mutate: (p) => (p.description = "Managed by Pulumi"), expect: [/description "Managed by Pulumi" says nothing/] },
      { name: "a blank description", mutate: (p) => (p.description = "  "), expect: [/description " {2}" says nothing/] },
    ],
    unknown: (p) => (p.description = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: securityGroupMissingRuleDescription,
    resourceClass: aws.vpc.SecurityGroupIngressRule,
    aliases: [aws.vpc.SecurityGroupEgressRule],
    compliant: albHttpsIngress,
    alsoCompliant: [
      {
        name: "a group whose inline rules have descriptions",
        resourceClass: aws.ec2.SecurityGroup,
        mutate: (p) => Object.assign(p, { ingress: [inline({})], egress: [inline({})] }),
      },
      {
        name: "a legacy SecurityGroupRule with a description",
        resourceClass: aws.ec2.SecurityGroupRule,
        mutate: (p) => Object.assign(p, { type: "ingress", protocol: "tcp", cidrBlocks: ["10.0.0.0/8"] }),
      },
    ],
    violations: [
      { name: "a rule resource without description", mutate: (p) => delete p.description, expect: [/The ingress rule \(tcp 443\) has no description/] },
      {
        name: "an egress rule resource without description",
        resourceClass: aws.vpc.SecurityGroupEgressRule,
        mutate: (p) => delete p.description,
        expect: [/The egress rule \(tcp 443\) has no description/],
      },
      {
        name: "inline rules without description",
        resourceClass: aws.ec2.SecurityGroup,
        mutate: (p) => Object.assign(p, { ingress: [inline({ description: undefined })], egress: [inline({ description: "", protocol: "-1" })] }),
        expect: [/The ingress ingress\[0\] \(tcp 443\) has no description/, /The egress egress\[0\] \(all traffic\) has no description/],
      },
      {
        name: "a default group's inline rule without description",
        resourceClass: aws.ec2.DefaultSecurityGroup,
        mutate: (p) => Object.assign(p, { ingress: [inline({ description: undefined })] }),
        expect: [/ingress\[0\] \(tcp 443\) has no description/],
      },
    ],
    unknown: (p) => (p.description = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: securityGroupDisallowInlineRules,
    resourceClass: aws.ec2.SecurityGroup,
    compliant: tierGroup,
    alsoCompliant: [{ name: "explicitly empty inline lists", mutate: (p) => Object.assign(p, { ingress: [], egress: [] }) }],
    violations: [
      { name: "inline ingress", mutate: (p) => (p.ingress = [inline({})]), expect: [/declares 1 inline ingress rule\(s\); declare them as rule resources/] },
      { name: "inline egress", mutate: (p) => (p.egress = [inline({}), inline({})]), expect: [/declares 2 inline egress rule\(s\)/] },
    ],
    unknown: (p) => (p.ingress = UNKNOWN_SENTINELS.array),
  });

  describeResourcePolicy({
    policy: securityGroupDisallowPublicAdminIngress,
    resourceClass: aws.vpc.SecurityGroupIngressRule,
    aliases: [aws.vpc.SecurityGroupEgressRule],
    compliant: albHttpsIngress,
    alsoCompliant: [
      { name: "SSH from a private range", mutate: (p) => Object.assign(p, { fromPort: 22, toPort: 22, cidrIpv4: "10.0.0.0/8" }) },
      {
        name: "SSH from another security group",
        mutate: (p) => {
          delete p.cidrIpv4;
          Object.assign(p, { fromPort: 22, toPort: 22, referencedSecurityGroupId: "sg-1" });
        },
      },
      {
        name: "egress to SSH anywhere (an egress rule)",
        resourceClass: aws.vpc.SecurityGroupEgressRule,
        mutate: (p) => Object.assign(p, { fromPort: 22, toPort: 22 }),
      },
      {
        name: "a port made public but not an admin one by config",
        config: { adminPorts: [5432] },
        mutate: (p) => Object.assign(p, { fromPort: 22, toPort: 22 }),
      },
    ],
    violations: [
      {
        name: "SSH from anywhere",
        mutate: (p) => Object.assign(p, { fromPort: 22, toPort: 22 }),
        expect: [/opens administration port\(s\) 22 \(tcp 22\) to 0\.0\.0\.0\/0/],
      },
      {
        name: "RDP from anywhere over IPv6",
        mutate: (p) => {
          delete p.cidrIpv4;
          Object.assign(p, { fromPort: 3389, toPort: 3389, cidrIpv6: "::/0" });
        },
        expect: [/administration port\(s\) 3389 .* to ::\/0/],
      },
      { name: "a range covering SSH", mutate: (p) => Object.assign(p, { fromPort: 20, toPort: 25 }), expect: [/administration port\(s\) 22 \(tcp 20-25\)/] },
      {
        name: "all traffic",
        mutate: (p) => Object.assign(p, { ipProtocol: "-1", fromPort: undefined, toPort: undefined }),
        expect: [/opens all traffic to 0\.0\.0\.0\/0/],
      },
      { name: "every TCP port", mutate: (p) => Object.assign(p, { fromPort: 0, toPort: 65535 }), expect: [/opens tcp 0-65535 to 0\.0\.0\.0\/0/] },
      {
        name: "a configured admin port",
        config: { adminPorts: [5432] },
        mutate: (p) => Object.assign(p, { fromPort: 5432, toPort: 5432 }),
        expect: [/administration port\(s\) 5432/],
      },
      {
        name: "SSH in an inline rule",
        resourceClass: aws.ec2.SecurityGroup,
        mutate: (p) => (p.ingress = [inline({ fromPort: 22, toPort: 22 })]),
        expect: [/The ingress ingress\[0\] opens administration port\(s\) 22/],
      },
      {
        name: "SSH in a legacy SecurityGroupRule",
        resourceClass: aws.ec2.SecurityGroupRule,
        mutate: (p) => Object.assign(p, { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }),
        expect: [/The ingress rule opens administration port\(s\) 22/],
      },
    ],
    unknown: (p) => (p.cidrIpv4 = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: securityGroupDisallowPublicIngress,
    resourceClass: aws.vpc.SecurityGroupIngressRule,
    compliant: albHttpsIngress,
    alsoCompliant: [
      { name: "HTTP for the redirect", mutate: (p) => Object.assign(p, { fromPort: 80, toPort: 80 }) },
      {
        name: "the app port from the ALB group",
        mutate: (p) => {
          delete p.cidrIpv4;
          Object.assign(p, { fromPort: 8080, toPort: 8080, referencedSecurityGroupId: "sg-alb" });
        },
      },
    ],
    violations: [
      {
        name: "the app port from anywhere",
        mutate: (p) => Object.assign(p, { fromPort: 8080, toPort: 8080 }),
        expect: [/opens tcp 8080 to 0\.0\.0\.0\/0; only ports 443, 80 may be public/],
      },
      {
        name: "HTTP once the config drops it",
        config: { allowedPorts: [443] },
        mutate: (p) => Object.assign(p, { fromPort: 80, toPort: 80 }),
        expect: [/tcp 80 .* only ports 443 may be public/],
      },
      { name: "a wide range", mutate: (p) => Object.assign(p, { fromPort: 80, toPort: 8080 }), expect: [/opens tcp 80-8080/] },
      {
        name: "ICMP from anywhere",
        mutate: (p) => Object.assign(p, { ipProtocol: "icmp", fromPort: -1, toPort: -1 }),
        expect: [/opens icmp to 0\.0\.0\.0\/0/],
      },
    ],
    unknown: (p) => (p.cidrIpv4 = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: securityGroupRestrictPublicEgress,
    resourceClass: aws.vpc.SecurityGroupEgressRule,
    compliant: appHttpsEgress,
    alsoCompliant: [
      {
        name: "the database port to the data group",
        mutate: (p) => {
          delete p.cidrIpv4;
          Object.assign(p, { fromPort: 5432, toPort: 5432, referencedSecurityGroupId: "sg-data" });
        },
      },
    ],
    violations: [
      {
        name: "all traffic to anywhere",
        mutate: (p) => Object.assign(p, { ipProtocol: "-1", fromPort: undefined, toPort: undefined }),
        expect: [/The egress rule opens all traffic to 0\.0\.0\.0\/0; only ports 443 may reach the internet/],
      },
      { name: "HTTP to anywhere", mutate: (p) => Object.assign(p, { fromPort: 80, toPort: 80 }), expect: [/opens tcp 80 to 0\.0\.0\.0\/0/] },
      {
        name: "the inline allow-all egress AWS puts on new groups",
        resourceClass: aws.ec2.SecurityGroup,
        mutate: (p) => (p.egress = [inline({ protocol: "-1", fromPort: 0, toPort: 0 })]),
        expect: [/The egress egress\[0\] opens all traffic/],
      },
    ],
    unknown: (p) => (p.cidrIpv4 = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: flowLogConfigureAllTraffic,
    resourceClass: aws.ec2.FlowLog,
    compliant: {
      region: "us-east-1",
      vpcId: "vpc-1",
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: "arn:aws:logs:us-east-1:123456789012:log-group:/blueprint/prod/us-east-1/vpc-flow-logs",
      iamRoleArn: "arn:aws:iam::123456789012:role/flow-logs",
      maxAggregationInterval: 60,
      tags: TAGS,
    },
    violations: [
      { name: "rejected traffic only", mutate: (p) => (p.trafficType = "REJECT"), expect: [/captures only REJECT traffic; set trafficType to ALL/] },
      { name: "no traffic type", mutate: (p) => delete p.trafficType, expect: [/captures no traffic type/] },
      { name: "no destination", mutate: (p) => delete p.logDestination, expect: [/has no destination/] },
    ],
    unknown: (p) => (p.trafficType = UNKNOWN_SENTINELS.string),
  });

  describe(vpcEnableFlowLogs.name, () => {
    it("passes when every VPC has a flow log (offline shape and CLI shape)", async () => {
      assertPasses(await checkStack(vpcEnableFlowLogs, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(vpcEnableFlowLogs, prodNetwork("cli").graph.resources));
    });
    it("reports the VPC without one", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16" });
      const lonely = offlineStamp(graph, { region: "eu-west-1", cidr: "10.1.0.0/16", withoutFlowLog: true });
      const outcome = await checkStack(vpcEnableFlowLogs, graph.resources);
      assertViolations(outcome, [/VPC eu-west-1-vpc has no flow log/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === lonely.vpc) }, [/eu-west-1/]);
    });
    it("does not count a flow log of another VPC (CLI shape)", async () => {
      const { graph, stamps } = prodNetwork("cli");
      graph.get(stamps[1].flowLog!).propertyDependencies = { vpcId: [] };
      graph.get(stamps[1].flowLog!).props.vpcId = "vpc-other";
      assertViolations(await checkStack(vpcEnableFlowLogs, graph.resources), [/VPC eu-west-1-vpc has no flow log/]);
    });
    it("matches by VPC ID when there is no property dependency", async () => {
      const { graph, stamps } = prodNetwork("cli");
      graph.get(stamps[0].flowLog!).propertyDependencies = {};
      assertPasses(await checkStack(vpcEnableFlowLogs, graph.resources));
    });
    it("does not apply to a stack without VPCs", async () => {
      assertNotApplicable(await checkStack(vpcEnableFlowLogs, []), /no VPC/);
    });
    it("treats unknown VPC IDs that nothing else links as no match", async () => {
      const { graph, stamps } = prodNetwork("offline");
      graph.get(stamps[0].flowLog!).propertyDependencies = {};
      graph.get(stamps[0].vpc).props.vpcId = UNKNOWN_SENTINELS.string;
      graph.get(stamps[0].flowLog!).props.vpcId = UNKNOWN_SENTINELS.string;
      assertViolations(await checkStack(vpcEnableFlowLogs, graph.resources), [/VPC us-east-1-vpc has no flow log/]);
    });
  });

  describe(vpcRequireLockedDefaultSecurityGroup.name, () => {
    it("passes when every VPC owns its default group", async () => {
      assertPasses(await checkStack(vpcRequireLockedDefaultSecurityGroup, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(vpcRequireLockedDefaultSecurityGroup, prodNetwork("cli").graph.resources));
    });
    it("reports a VPC whose default group is not owned", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", withoutDefaultSecurityGroup: true });
      assertViolations(await checkStack(vpcRequireLockedDefaultSecurityGroup, graph.resources), [/VPC us-east-1-vpc does not own its default security group/]);
    });
    it("does not apply without VPCs", async () => {
      assertNotApplicable(await checkStack(vpcRequireLockedDefaultSecurityGroup, []));
    });
    it("treats an unknown, unlinked VPC ID of the default group as no match", async () => {
      const { graph, stamps } = prodNetwork("offline");
      const group = graph.get(stamps[2].defaultSecurityGroup!);
      group.propertyDependencies = {};
      group.props.vpcId = UNKNOWN_SENTINELS.string;
      assertViolations(await checkStack(vpcRequireLockedDefaultSecurityGroup, graph.resources), [/ap-southeast-2-vpc does not own/]);
    });
  });

  describe(vpcConfigureMultiAz.name, () => {
    it("passes two AZs by default and three with the prod config", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", zones: ["a", "b"] });
      assertPasses(await checkStack(vpcConfigureMultiAz, graph.resources));
      assertPasses(await checkStack(vpcConfigureMultiAz, prodNetwork("cli").graph.resources, { config: { minimumAvailabilityZones: 3 } }));
    });
    it("reports a VPC below the minimum, in either shape", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", zones: ["a", "b"] });
      assertViolations(await checkStack(vpcConfigureMultiAz, graph.resources, { config: { minimumAvailabilityZones: 3 } }), [
        /VPC us-east-1-vpc spans 2 AZ\(s\) \(us-east-1a, us-east-1b\); at least 3 are required/,
      ]);
      const { graph: cli } = prodNetwork("cli");
      for (const subnet of cli.resources.filter((r) => r.type === "aws:ec2/subnet:Subnet" && String(r.props.availabilityZone) === "eu-west-1c"))
        cli.remove(subnet.urn);
      assertViolations(await checkStack(vpcConfigureMultiAz, cli.resources, { config: { minimumAvailabilityZones: 3 } }), [/VPC eu-west-1-vpc spans 2 AZ/]);
    });
    it("does not apply under a resilience waiver", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", zones: ["a"] });
      assertNotApplicable(
        await checkStack(vpcConfigureMultiAz, graph.resources, { stackTags: { "blueprint:resilience-waiver": "Data residency until the 2027 audit." } }),
        /Resilience waiver: Data residency/,
      );
    });
    it("cannot run while an AZ is unknown", async () => {
      const { graph } = prodNetwork("cli");
      graph.resources.find((r) => r.type === "aws:ec2/subnet:Subnet")!.props.availabilityZone = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(vpcConfigureMultiAz, graph.resources));
    });
  });

  describe(vpcConfigureNatPerAz.name, () => {
    it("passes a NAT gateway per AZ in prod, in either shape", async () => {
      assertPasses(await checkStack(vpcConfigureNatPerAz, prodNetwork("offline").graph.resources));
      assertPasses(await checkStack(vpcConfigureNatPerAz, prodNetwork("cli").graph.resources));
    });
    it("reports a single NAT gateway in prod", async () => {
      const graph = new StackGraph();
      rootStack(graph, { environment: "prod" });
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", nat: "Single" });
      assertViolations(await checkStack(vpcConfigureNatPerAz, graph.resources, { stackTags: {} }), [
        /VPC us-east-1-vpc has private subnets in us-east-1b, us-east-1c without a NAT gateway in the same AZ \(NAT gateways in: us-east-1a\)/,
      ]);
      const cli = new StackGraph();
      cliStamp(cli, { region: "eu-west-1", cidr: "10.1.0.0/16", nat: "None" });
      assertViolations(await checkStack(vpcConfigureNatPerAz, cli.resources), [
        /eu-west-1a, eu-west-1b, eu-west-1c without a NAT gateway .*\(NAT gateways in: none\)/,
      ]);
    });
    it("does not apply to staging or dev (tag, stack output or config)", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", nat: "Single" });
      assertNotApplicable(
        await checkStack(vpcConfigureNatPerAz, graph.resources, { stackTags: { "blueprint:environment": "staging" } }),
        /only required in prod; this stack is staging/,
      );
      rootStack(graph, { environment: "dev" });
      assertNotApplicable(await checkStack(vpcConfigureNatPerAz, graph.resources, { stackTags: {} }), /this stack is dev/);
      assertViolations(await checkStack(vpcConfigureNatPerAz, graph.resources, { stackTags: {}, config: { environments: ["dev", "prod"] } }), [
        /without a NAT gateway/,
      ]);
    });
    it("applies when the environment is unknown (fail closed)", async () => {
      const graph = new StackGraph();
      offlineStamp(graph, { region: "us-east-1", cidr: "10.0.0.0/16", nat: "Single" });
      assertViolations(await checkStack(vpcConfigureNatPerAz, graph.resources, { stackTags: {} }), [/without a NAT gateway/]);
    });
    it("cannot run while a NAT gateway's subnet is unknown (CLI shape)", async () => {
      const { graph } = prodNetwork("cli");
      graph.resources.find((r) => r.type === "aws:ec2/natGateway:NatGateway")!.props.subnetId = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(vpcConfigureNatPerAz, graph.resources));
    });
  });

  describe(securityGroupRestrictPublicIngressToLoadBalancers.name, () => {
    /** One region's tier groups, as components/network declares them, and the internet-facing ALB using the alb group. */
    const tiers = (options: { internal?: boolean } = {}) => {
      const graph = new StackGraph();
      const group = (tier: string) =>
        graph.add("aws:ec2/securityGroup:SecurityGroup", `us-east-1-${tier}`, { ...tierGroup, id: `sg-${tier}`, description: `${tier} tier` });
      const groups = { alb: group("alb"), app: group("app"), data: group("data") };
      const rule = (name: string, tier: keyof typeof groups, props: Record<string, unknown>) =>
        graph.add(
          "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
          name,
          { region: "us-east-1", securityGroupId: `sg-${tier}`, ipProtocol: "tcp", fromPort: 443, toPort: 443, description: name, ...props },
          { propertyDependencies: { securityGroupId: [groups[tier]] } },
        );
      rule("us-east-1-alb-in-https", "alb", { cidrIpv4: "0.0.0.0/0" });
      rule("us-east-1-app-in-alb", "app", { fromPort: 8080, toPort: 8080, referencedSecurityGroupId: "sg-alb" });
      graph.add(
        "aws:lb/loadBalancer:LoadBalancer",
        "us-east-1-alb",
        { region: "us-east-1", internal: options.internal ?? false, securityGroups: ["sg-alb"] },
        { propertyDependencies: { securityGroups: [groups.alb] } },
      );
      return { graph, groups, rule };
    };
    it("passes internet ingress on the internet-facing load balancer's group, CloudFront's prefix list included", async () => {
      const { graph, rule } = tiers();
      rule("us-east-1-alb-in-cloudfront", "alb", { prefixListId: "pl-3b927c52" });
      assertPasses(await checkStack(securityGroupRestrictPublicIngressToLoadBalancers, graph.resources));
    });
    it("passes a customer-managed prefix list of the stack on another tier", async () => {
      const { graph, rule } = tiers();
      graph.add("aws:ec2/managedPrefixList:ManagedPrefixList", "office", { region: "us-east-1", id: "pl-0office", addressFamily: "IPv4" });
      rule("us-east-1-app-in-office", "app", { prefixListId: "pl-0office" });
      assertPasses(await checkStack(securityGroupRestrictPublicIngressToLoadBalancers, graph.resources));
    });
    it("reports internet ingress on a tier group, by CIDR, inline block or AWS-managed prefix list", async () => {
      const { graph, groups, rule } = tiers();
      const db = rule("us-east-1-data-in-anywhere", "data", { fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" });
      graph.get(groups.app).props.ingress = [inline({ cidrBlocks: [], ipv6CidrBlocks: ["::/0"] })];
      rule("us-east-1-app-in-cloudfront", "app", { fromPort: 8080, toPort: 8080, prefixListId: "pl-3b927c52" });
      const outcome = await checkStack(securityGroupRestrictPublicIngressToLoadBalancers, graph.resources);
      assertViolations(outcome, [
        /Security group us-east-1-app admits ::\/0 \(tcp 443\) through its ingress\[0\], but no internet-facing load balancer of the stack uses it/,
        /Security group us-east-1-data admits 0\.0\.0\.0\/0 \(tcp 5432\) through rule us-east-1-data-in-anywhere/,
        /Security group us-east-1-app admits prefix list pl-3b927c52 \(tcp 8080\) through rule us-east-1-app-in-cloudfront/,
      ]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === db) }, [/5432/]);
    });
    it("reports an internal load balancer's group and a group outside the stack", async () => {
      assertViolations(await checkStack(securityGroupRestrictPublicIngressToLoadBalancers, tiers({ internal: true }).graph.resources), [
        /Security group us-east-1-alb admits 0\.0\.0\.0\/0 \(tcp 443\)/,
      ]);
      const graph = new StackGraph();
      graph.add("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh", {
        ...albHttpsIngress,
        securityGroupId: "sg-0aaaaaaaaaaaaaaaa",
        fromPort: 22,
        toPort: 22,
      });
      assertViolations(await checkStack(securityGroupRestrictPublicIngressToLoadBalancers, graph.resources), [
        /Security group sg-0aaaaaaaaaaaaaaaa admits 0\.0\.0\.0\/0 \(tcp 22\) through rule ssh/,
      ]);
    });
    it("does not apply to a stack without security groups", async () => {
      assertNotApplicable(
        await checkStack(
          securityGroupRestrictPublicIngressToLoadBalancers,
          prodNetwork().graph.resources.filter((r) => !r.type.includes("ecurityGroup")),
        ),
        /no security group/,
      );
    });
    it("cannot run while a rule's CIDR is unknown", async () => {
      const { graph, rule } = tiers();
      graph.get(rule("us-east-1-app-in-x", "app", {})).props.cidrIpv4 = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(securityGroupRestrictPublicIngressToLoadBalancers, graph.resources));
    });
  });
});

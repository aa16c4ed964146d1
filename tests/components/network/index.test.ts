import * as assert from "node:assert/strict";
import { Network, type NetworkArgs } from "../../../components/network";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { INTERFACE_ENDPOINT_SERVICES } from "../../../components/network/lib/endpointServices";
import { mockRouteTableId } from "../../../components/network/lib/routeTablesMock";
import { ofType as byType, one } from "../../support/resources";

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: "eu-west-1" };

async function recordNetwork(natGateways: "None" | "Single" | "OnePerAz" = "OnePerAz", extra: Partial<NetworkArgs> = {}): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      new Network("eu-west-1", {
        region: "eu-west-1",
        vpcCidr: "10.129.0.0/16",
        availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
        natGateways,
        flowLogRetentionDays: 365,
        tags: TAGS,
        ...extra,
      });
      return {};
    },
    { stack: "test", config: { "aws:region": "us-east-1" } },
  );
  return resources;
}

describe("Network component", () => {
  let resources: PlannedResource[];
  before(async () => {
    resources = await recordNetwork();
  });

  it("declares exactly these resources", () => {
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    assert.deepEqual(counts, {
      "pulumi:pulumi:Stack": 1,
      "blueprint:network:Network": 1,
      "awsx:ec2:Vpc": 1,
      "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": 1,
      "aws:cloudwatch/logGroup:LogGroup": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicy:RolePolicy": 1,
      "aws:ec2/flowLog:FlowLog": 1,
      "aws:rds/subnetGroup:SubnetGroup": 1,
      "aws:elasticache/subnetGroup:SubnetGroup": 1,
      "aws:ec2/securityGroup:SecurityGroup": 4,
      "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": 7,
      "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": 7,
      // the S3 gateway endpoint only; interface endpoints are opt-in
      "aws:ec2/vpcEndpoint:VpcEndpoint": 1,
    });
  });

  it("sets region and the tags on every regional resource, no region on IAM", () => {
    for (const r of resources.filter((r) => r.custom)) {
      if (r.type.startsWith("aws:iam/")) {
        assert.equal(r.region, null, r.urn);
        continue;
      }
      assert.equal(r.region, "eu-west-1", r.urn);
      const tags = r.inputs.tags as Record<string, string>;
      for (const [key, value] of Object.entries(TAGS)) assert.equal(tags[key], value, `${r.urn} ${key}`);
    }
    const role = one(resources, "aws:iam/role:Role", "eu-west-1-flow-logs");
    assert.equal((role.inputs.tags as Record<string, string>).Region, undefined);
    assert.equal(one(resources, "awsx:ec2:Vpc", "eu-west-1-vpc").region, "eu-west-1");
  });

  it("gives awsx the pinned AZs and explicit per-AZ CIDRs by AZ letter", () => {
    const vpc = one(resources, "awsx:ec2:Vpc", "eu-west-1-vpc").inputs as any;
    assert.deepEqual(vpc.availabilityZoneNames, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
    assert.equal(vpc.cidrBlock, "10.129.0.0/16");
    assert.deepEqual(
      vpc.subnetSpecs.map((s: any) => [s.type, s.cidrBlocks]),
      [
        ["Public", ["10.129.24.0/22", "10.129.56.0/22", "10.129.88.0/22"]],
        ["Private", ["10.129.0.0/20", "10.129.32.0/20", "10.129.64.0/20"]],
        ["Isolated", ["10.129.16.0/21", "10.129.48.0/21", "10.129.80.0/21"]],
      ],
    );
    assert.deepEqual(vpc.natGateways, { strategy: "OnePerAz" });
    // awsx would create the gateway endpoint without a route table (pulumi-awsx#1627): the component owns it
    assert.equal(vpc.vpcEndpointSpecs, undefined);
    assert.deepEqual([vpc.enableDnsHostnames, vpc.enableDnsSupport], [true, true]);
  });

  it("puts the S3 gateway endpoint on the route table of every private and isolated subnet, none public", () => {
    const vpc = one(resources, "awsx:ec2:Vpc", "eu-west-1-vpc").outputs as any;
    const endpoint = one(resources, "aws:ec2/vpcEndpoint:VpcEndpoint", "eu-west-1-s3").inputs as any;
    assert.equal(endpoint.serviceName, "com.amazonaws.eu-west-1.s3");
    assert.equal(endpoint.vpcEndpointType, "Gateway");
    assert.equal(endpoint.vpcId, vpc.vpcId);
    const expected = [...vpc.privateSubnetIds, ...vpc.isolatedSubnetIds].map(mockRouteTableId).sort();
    assert.equal(expected.length, 6);
    assert.deepEqual(endpoint.routeTableIds, expected);
    for (const id of vpc.publicSubnetIds) assert.ok(!endpoint.routeTableIds.includes(mockRouteTableId(id)));
  });

  it("with interfaceEndpoints: one private-DNS endpoint per service in the private subnets, behind a group admitting only app and worker on 443", async () => {
    const withEndpoints = await recordNetwork("OnePerAz", { interfaceEndpoints: true });
    const vpc = one(withEndpoints, "awsx:ec2:Vpc", "eu-west-1-vpc").outputs as any;
    const endpoints = byType(withEndpoints, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
    assert.deepEqual(
      endpoints.map((e) => e.inputs.serviceName),
      INTERFACE_ENDPOINT_SERVICES.map((service) => `com.amazonaws.eu-west-1.${service}`),
    );
    const group = one(withEndpoints, "aws:ec2/securityGroup:SecurityGroup", "eu-west-1-endpoints");
    for (const endpoint of endpoints) {
      assert.equal(endpoint.inputs.privateDnsEnabled, true);
      assert.deepEqual(endpoint.inputs.subnetIds, vpc.privateSubnetIds);
      assert.deepEqual(endpoint.inputs.securityGroupIds, [group.outputs.id]);
      assert.deepEqual(JSON.parse(endpoint.inputs.policy as string).Statement, [
        {
          Sid: "OnlyThisAccount",
          Effect: "Allow",
          Principal: "*",
          Action: "*",
          Resource: "*",
          Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } },
        },
      ]);
    }
    const rules = byType(withEndpoints, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter(
      (r) => r.inputs.securityGroupId === group.outputs.id,
    );
    const tierGroup = (tier: string) => one(withEndpoints, "aws:ec2/securityGroup:SecurityGroup", `eu-west-1-${tier}`).outputs.id;
    assert.deepEqual(
      rules.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.referencedSecurityGroupId, r.inputs.cidrIpv4]),
      [
        [443, 443, tierGroup("app"), undefined],
        [443, 443, tierGroup("worker"), undefined],
      ],
    );
    assert.equal(
      byType(withEndpoints, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter((r) => r.inputs.securityGroupId === group.outputs.id).length,
      0,
    );
  });

  it("passes the NAT strategy through", async () => {
    const single = await recordNetwork("Single");
    assert.deepEqual((one(single, "awsx:ec2:Vpc", "eu-west-1-vpc").inputs as any).natGateways, { strategy: "Single" });
  });

  it("empties the default security group", () => {
    const sg = one(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "eu-west-1-default");
    assert.deepEqual([sg.inputs.ingress, sg.inputs.egress], [[], []]);
  });

  it("logs all VPC traffic to a retained log group through a scoped role", () => {
    const flowLog = one(resources, "aws:ec2/flowLog:FlowLog", "eu-west-1-flow-log").inputs;
    const logGroup = one(resources, "aws:cloudwatch/logGroup:LogGroup", "eu-west-1-flow-logs");
    const role = one(resources, "aws:iam/role:Role", "eu-west-1-flow-logs");
    assert.equal(flowLog.trafficType, "ALL");
    assert.equal(flowLog.logDestinationType, "cloud-watch-logs");
    assert.equal(flowLog.logDestination, logGroup.outputs.arn);
    assert.equal(flowLog.iamRoleArn, role.outputs.arn);
    assert.equal(logGroup.inputs.retentionInDays, 365);
    const trust = JSON.parse(role.inputs.assumeRolePolicy as string).Statement[0];
    assert.deepEqual(trust.Principal, { Service: "vpc-flow-logs.amazonaws.com" });
    assert.deepEqual(trust.Condition, {
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*" },
    });
    const policy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy", "eu-west-1-flow-logs").inputs.policy as string);
    assert.deepEqual(policy.Statement[0].Resource, [logGroup.outputs.arn, `${logGroup.outputs.arn}:*`]);
  });

  it("puts the DB and cache subnet groups on the isolated subnets", () => {
    const vpc = one(resources, "awsx:ec2:Vpc", "eu-west-1-vpc");
    for (const [type, name] of [
      ["aws:rds/subnetGroup:SubnetGroup", "eu-west-1-db"],
      ["aws:elasticache/subnetGroup:SubnetGroup", "eu-west-1-cache"],
    ]) {
      assert.deepEqual(one(resources, type, name).inputs.subnetIds, vpc.outputs.isolatedSubnetIds);
    }
  });

  it("opens the ALB to the internet on 443 and 80 only, the app only to the ALB, data only to app and worker", () => {
    const sgName = new Map(byType(resources, "aws:ec2/securityGroup:SecurityGroup").map((g) => [g.outputs.id, g.name.replace("eu-west-1-", "")]));
    const describe = (r: PlannedResource) => {
      const i = r.inputs as any;
      const peer = i.cidrIpv4 ?? sgName.get(i.referencedSecurityGroupId);
      return `${sgName.get(i.securityGroupId)} ${i.ipProtocol}/${i.fromPort}-${i.toPort} ${peer}`;
    };
    assert.deepEqual(byType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map(describe).sort(), [
      "alb tcp/443-443 0.0.0.0/0",
      "alb tcp/80-80 0.0.0.0/0",
      "app tcp/8080-8080 alb",
      "data tcp/5432-5432 app",
      "data tcp/5432-5432 worker",
      "data tcp/6379-6379 app",
      "data tcp/6379-6379 worker",
    ]);
    assert.deepEqual(byType(resources, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map(describe).sort(), [
      "alb tcp/8080-8080 app",
      "app tcp/443-443 0.0.0.0/0",
      "app tcp/5432-5432 data",
      "app tcp/6379-6379 data",
      "worker tcp/443-443 0.0.0.0/0",
      "worker tcp/5432-5432 data",
      "worker tcp/6379-6379 data",
    ]);
    for (const group of byType(resources, "aws:ec2/securityGroup:SecurityGroup")) {
      assert.equal(group.inputs.ingress, undefined, "no inline rules");
      assert.equal(group.inputs.egress, undefined, "no inline rules");
      assert.match(group.inputs.description as string, /^[\x20-\x7e]+$/, "SG descriptions are ASCII");
    }
  });

  it("rejects invalid arguments before declaring anything, listing every problem", () => {
    assert.throws(
      () =>
        new Network("bad", {
          region: "eu-west-1",
          vpcCidr: "10.0.0.0/24",
          availabilityZones: ["eu-west-1a", "us-east-1b"],
          flowLogRetentionDays: 10,
          ports: { app: 443, database: 6379, cache: 6379 },
        }),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "Network bad has invalid arguments:",
            "  - vpcCidr must be /16 to /21 for the subnet layout, got 10.0.0.0/24",
            '  - availabilityZones entry "us-east-1b" is not an AZ of eu-west-1',
            "  - flowLogRetentionDays must be a CloudWatch Logs retention (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), got 10",
            "  - ports.database and ports.cache must differ, both are 6379",
            "  - ports.app must not be 443: the load balancer owns 80 and 443; use a port such as 8080",
          ].join("\n"),
        );
        return true;
      },
    );
  });
});

/** `group protocol/ports peer` of every rule of a type, sorted; prefix lists by ID. */
function describeRules(resources: PlannedResource[], type: string): string[] {
  const sgName = new Map(byType(resources, "aws:ec2/securityGroup:SecurityGroup").map((g) => [g.outputs.id, g.name.replace("eu-west-1-", "")]));
  return byType(resources, type)
    .map((r) => {
      const i = r.inputs as any;
      const peer = i.cidrIpv4 ?? i.prefixListId ?? sgName.get(i.referencedSecurityGroupId);
      return `${sgName.get(i.securityGroupId)} ${i.ipProtocol}/${i.fromPort}-${i.toPort} ${peer}`;
    })
    .sort();
}

describe("Network behind CloudFront", () => {
  let resources: PlannedResource[];
  before(async () => {
    resources = await recordNetwork("Single", { albIngress: "cloudfront", albOriginPort: 443, albHealthCheckIngress: true });
  });

  it("adds the health-check group and replaces the internet rules with one CloudFront rule", () => {
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    assert.equal(counts["aws:ec2/securityGroup:SecurityGroup"], 5);
    assert.equal(counts["aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"], 7);
    assert.equal(counts["aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"], 7);
  });

  it("admits only CloudFront's origin-facing list on 443 to the alb group, and Route 53 checkers to the second group", () => {
    const cloudfront = one(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "eu-west-1-alb-in-cloudfront").inputs.prefixListId;
    const route53 = one(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "eu-west-1-alb-health-checks-in").inputs.prefixListId;
    assert.match(String(cloudfront), /^pl-[0-9a-f]{8}$/);
    assert.match(String(route53), /^pl-[0-9a-f]{8}$/);
    assert.notEqual(cloudfront, route53);
    assert.deepEqual(describeRules(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"), [
      `alb tcp/443-443 ${cloudfront}`,
      `alb-health-checks tcp/443-443 ${route53}`,
      "app tcp/8080-8080 alb",
      "data tcp/5432-5432 app",
      "data tcp/5432-5432 worker",
      "data tcp/6379-6379 app",
      "data tcp/6379-6379 worker",
    ]);
    const groups = byType(resources, "aws:ec2/securityGroup:SecurityGroup");
    assert.equal(
      groups.find((g) => g.name === "eu-west-1-alb")!.inputs.description,
      "Application load balancer: from CloudFront origin-facing servers only, out to the web tier only",
    );
    assert.equal(groups.find((g) => g.name === "eu-west-1-alb-health-checks")!.inputs.description, "Application load balancer: Route 53 health checkers only");
  });

  it("uses the real us-east-1 list ID there, and port 80 for an HTTP origin", async () => {
    const { resources: east } = await recordProgram(
      () => {
        new Network("us-east-1", {
          region: "us-east-1",
          vpcCidr: "10.128.0.0/16",
          availabilityZones: ["us-east-1a", "us-east-1b"],
          albIngress: "cloudfront",
          albOriginPort: 80,
          tags: { ...TAGS, Region: "us-east-1" },
        });
        return {};
      },
      { stack: "test", config: { "aws:region": "us-east-1" } },
    );
    const rule = one(east, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "us-east-1-alb-in-cloudfront").inputs;
    assert.deepEqual([rule.prefixListId, rule.fromPort, rule.toPort, rule.description], ["pl-3b927c52", 80, 80, "HTTP from CloudFront origin-facing servers"]);
    assert.equal(byType(east, "aws:ec2/securityGroup:SecurityGroup").length, 4);
  });

  it("rejects a health-check group or origin port without CloudFront", () => {
    assert.throws(
      () =>
        new Network("bad", {
          region: "eu-west-1",
          vpcCidr: "10.0.0.0/16",
          availabilityZones: ["eu-west-1a", "eu-west-1b"],
          albOriginPort: 80,
          albHealthCheckIngress: true,
        }),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "Network bad has invalid arguments:",
            "  - albHealthCheckIngress only applies with albIngress cloudfront: from the internet, health checkers already get in",
            "  - albOriginPort only applies with albIngress cloudfront: from the internet, the load balancer takes 443 and 80",
          ].join("\n"),
        );
        return true;
      },
    );
  });
});

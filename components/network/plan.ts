/**
 * Plan facts of the network component: the awsx VPC (one node offline, with what awsx would create
 * under it recorded as data), its NAT gateways' creation time, security groups and their rules,
 * flow logs and the data tier's subnet groups; the managed prefix list look-up; the diagram's
 * traffic arrows that security-group rules draw between tiers.
 */
import { LAUNCH_TEMPLATE } from "../compute/plan";
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts, EdgeContext } from "../lib/plan/facts";
import { ec2Resource, genericMock, named } from "../lib/plan/mock";
import { arn } from "../lib/plan/mockIds";
import { mockManagedPrefixList } from "./lib/prefixListMock";
import { mockRouteTables } from "./lib/routeTablesMock";
import type { PlannedResource } from "../lib/plan/plannedResource";
import type { PlanGraph } from "../lib/plan/planGraph";
import { mockAwsxVpc } from "./lib/vpcMock";
import { free, hours, traffic, type CostRule } from "../lib/plan/cost";

/** A security group. */
export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
/** An ingress rule of a security group. */
export const SG_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/** Security groups a drawn resource uses: directly, or through its launch template. */
function securityGroupsOf(graph: PlanGraph, resource: PlannedResource): Set<string> {
  const groups = new Set<string>();
  const visit = (urns: readonly string[], throughTemplates: boolean) => {
    for (const urn of urns) {
      const dependency = graph.byUrn.get(urn);
      if (dependency?.type === SECURITY_GROUP) groups.add(urn);
      else if (throughTemplates && dependency?.type === LAUNCH_TEMPLATE) visit(graph.dependenciesOf(dependency), false);
    }
  };
  visit(graph.dependenciesOf(resource), true);
  return groups;
}

/** A rule from group A into group B draws an arrow from A's users to B's users. */
function securityGroupEdges({ graph, kindOf, portOf, nodeOf, connect }: EdgeContext): void {
  const usersOf = new Map<string, PlannedResource[]>();
  for (const resource of graph.resources) {
    const kind = kindOf(resource);
    if (kind === undefined) continue;
    for (const group of securityGroupsOf(graph, resource)) usersOf.set(group, [...(usersOf.get(group) ?? []), resource]);
  }
  for (const rule of graph.ofTypes([SG_INGRESS_RULE])) {
    const into = graph.propertyDependenciesOf(rule, "securityGroupId");
    const from = graph.propertyDependenciesOf(rule, "referencedSecurityGroupId");
    const fromPort = typeof rule.inputs.fromPort === "number" ? rule.inputs.fromPort : undefined;
    const toPort = typeof rule.inputs.toPort === "number" ? rule.inputs.toPort : fromPort;
    for (const target of into.flatMap((group) => usersOf.get(group) ?? [])) {
      const kind = kindOf(target);
      if ((kind === "cache" || kind === "database") && fromPort !== undefined && toPort !== undefined) {
        // A data group shared by the cache and the database: the rule's port says which it opens.
        const port = portOf(target);
        if (port !== undefined && (port < fromPort || port > toPort)) continue;
      }
      for (const source of from.flatMap((group) => usersOf.get(group) ?? [])) connect(nodeOf(source.urn), nodeOf(target.urn), "traffic");
    }
  }
}

/** The network component's facts. */
/** NAT gateways an awsx VPC creates: none, one, or one per AZ. */
function natGatewayCount(vpc: PlannedResource): number {
  const strategy = (vpc.inputs.natGateways as { strategy?: unknown } | undefined)?.strategy ?? "OnePerAz";
  const zones = Array.isArray(vpc.inputs.availabilityZoneNames)
    ? vpc.inputs.availabilityZoneNames.length
    : typeof vpc.inputs.numberOfAvailabilityZones === "number"
      ? vpc.inputs.numberOfAvailabilityZones
      : 3;
  return strategy === "None" ? 0 : strategy === "Single" ? 1 : zones;
}

const NAT_DATA = "NAT data processing ($0.045 per GB in us-east-1) and data transfer out";

/** How the network is billed: NAT gateway hours and interface endpoint hours per AZ; the rest is free. */
const NETWORK_COSTS: Readonly<Record<string, CostRule>> = {
  "awsx:ec2:Vpc": {
    rule: "NAT gateway hours: one per AZ, one (Single) or none, as the VPC's natGateways strategy says; VPC, subnets and route tables are free",
    meters: (vpc) => {
      const count = natGatewayCount(vpc);
      return count > 0 ? [hours("vpc:nat-gateway", count, `${count} NAT gateway(s), hours`)] : [];
    },
    traffic: NAT_DATA,
  },
  "aws:ec2/natGateway:NatGateway": { rule: "NAT gateway hours", meters: () => [hours("vpc:nat-gateway", 1, "NAT gateway hours")], traffic: NAT_DATA },
  "aws:ec2/vpcEndpoint:VpcEndpoint": {
    rule: "interface endpoint hours per AZ (one per subnet); gateway endpoints (S3, DynamoDB) are free",
    meters: (endpoint) => {
      if (endpoint.inputs.vpcEndpointType !== "Interface") return [];
      const zones = Array.isArray(endpoint.inputs.subnetIds) ? endpoint.inputs.subnetIds.length : 1;
      return [hours("vpc:interface-endpoint-az", zones, "interface endpoint AZ-hours")];
    },
    traffic: "interface endpoint data processing ($0.01 per GB)",
  },
  [SECURITY_GROUP]: free("security groups have no charge"),
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": free("security groups have no charge"),
  [SG_INGRESS_RULE]: free("security group rules have no charge"),
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": free("security group rules have no charge"),
  "aws:rds/subnetGroup:SubnetGroup": free("configuration"),
  "aws:elasticache/subnetGroup:SubnetGroup": free("configuration"),
  "aws:ec2/flowLog:FlowLog": traffic("flow log delivery: vended log ingestion ($0.50 per GB to CloudWatch Logs, less to S3)"),
};

export const networkPlanFacts: ComponentPlanFacts = {
  component: "network",
  costs: NETWORK_COSTS,
  types: [
    {
      type: "awsx:ec2:Vpc",
      mock: (input) => ({ outputs: mockAwsxVpc(input.urn, input.inputs) }),
      creation: {
        seconds: 180,
        basis: "experience: VPC, subnets and route tables take seconds, NAT gateways 1-3 min (created in parallel); provider NAT gateway create timeout 10 min",
      },
    },
    // created by awsx inside the VPC node; a program that declares one gets this estimate
    { type: "aws:ec2/natGateway:NatGateway", mock: genericMock, creation: { seconds: 120, basis: "experience: 1-3 min; provider create timeout 10 min" } },
    {
      type: SECURITY_GROUP,
      mock: ec2Resource("sg", "security-group", (input) => ({ name: named(input) }), { ownerId: true }),
      creation: { seconds: 5, basis: "experience: seconds (API-only)" },
    },
    {
      type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      mock: ec2Resource("sg", "security-group", () => ({ name: "default" }), { ownerId: true }),
      creation: API_ONLY_CREATION,
    },
    {
      type: SG_INGRESS_RULE,
      mock: ec2Resource("sgr", "security-group-rule", (_, id) => ({ securityGroupRuleId: id })),
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      mock: ec2Resource("sgr", "security-group-rule", (_, id) => ({ securityGroupRuleId: id })),
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:ec2/vpcEndpoint:VpcEndpoint",
      mock: ec2Resource("vpce", "vpc-endpoint", () => ({ state: "available" }), { ownerId: true }),
      creation: {
        seconds: 120,
        basis: "experience: a gateway endpoint takes seconds, an interface endpoint 1-3 min (its network interfaces); provider create timeout 10 min",
      },
    },
    { type: "aws:ec2/flowLog:FlowLog", mock: ec2Resource("fl", "vpc-flow-log"), creation: API_ONLY_CREATION },
    {
      type: "aws:rds/subnetGroup:SubnetGroup",
      mock: (input, region) => {
        // RDS lower-cases subnet group names
        const name = named(input).toLowerCase();
        return { id: name, outputs: { name, arn: arn("rds", region, `subgrp:${name}`) } };
      },
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:elasticache/subnetGroup:SubnetGroup",
      mock: (input, region) => {
        const name = named(input).toLowerCase();
        return { id: name, outputs: { name, arn: arn("elasticache", region, `subnetgroup:${name}`) } };
      },
      creation: API_ONLY_CREATION,
    },
  ],
  invokes: {
    "aws:ec2/getManagedPrefixList:getManagedPrefixList": mockManagedPrefixList,
    "aws:ec2/getRouteTables:getRouteTables": mockRouteTables,
  },
  edges: { requests: securityGroupEdges },
};

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
export const networkPlanFacts: ComponentPlanFacts = {
  component: "network",
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

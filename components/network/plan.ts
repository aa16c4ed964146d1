/**
 * Plan facts of the network component: the awsx VPC (one node offline, with what awsx would create
 * under it recorded as data), its NAT gateways' creation time, security groups and their rules,
 * flow logs and the data tier's subnet groups; the managed prefix list look-up.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { ec2Resource, genericMock, named } from "../lib/plan/mock";
import { arn } from "../lib/plan/mockIds";
import { mockManagedPrefixList } from "./lib/prefixListMock";
import { mockAwsxVpc } from "./lib/vpcMock";

/** A security group. */
export const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
/** An ingress rule of a security group. */
export const SG_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

/** The network component's facts. */
export const networkPlanFacts: ComponentPlanFacts = {
  component: "network",
  types: [
    {
      type: "awsx:ec2:Vpc",
      mock: (input, region) => ({ outputs: mockAwsxVpc(input.urn, input.inputs, region) }),
      creation: {
        seconds: 180,
        basis: "experience: VPC, subnets and route tables take seconds, NAT gateways 1-3 min (created in parallel); provider NAT gateway create timeout 10 min",
      },
    },
    // created by awsx inside the VPC node; a program that declares one gets this estimate
    { type: "aws:ec2/natGateway:NatGateway", mock: genericMock, creation: { seconds: 120, basis: "experience: 1-3 min; provider create timeout 10 min" } },
    {
      type: SECURITY_GROUP,
      mock: ec2Resource("sg", "security-group", (input) => ({ name: named(input) })),
      creation: { seconds: 5, basis: "experience: seconds (API-only)" },
    },
    { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", mock: ec2Resource("sg", "security-group", () => ({ name: "default" })), creation: API_ONLY_CREATION },
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
  },
};

/**
 * What the offline plan says AWS would return for each resource: its ID and the computed outputs
 * (ARNs, physical names) a real `pulumi up` would fill in. Types not in the table get a generic
 * ID and ARN, so a new resource type never breaks the plan; add it here to make it realistic.
 */
import { COMPUTE_BUILDERS, mockAmiParameter } from "./builders/compute";
import { CACHE_BUILDERS } from "./builders/cache";
import { CHAOS_BUILDERS } from "./builders/chaos";
import { DATABASE_BUILDERS } from "./builders/database";
import { EDGE_BUILDERS, mockManagedPrefixList } from "./builders/edge";
import { MESSAGING_BUILDERS } from "./builders/messaging";
import { ec2Resource, named, type Builder, type MockInput, type MockResult } from "../../components/lib/plan/mock";
import { arn, hashHex, MOCK_ACCOUNT_ID } from "../../components/lib/plan/mockIds";
import { mockAwsxVpc } from "./mockAwsxVpc";

export type { MockInput, MockResult } from "../../components/lib/plan/mock";

const BUILDERS: Readonly<Record<string, Builder>> = {
  "aws:ec2/securityGroup:SecurityGroup": ec2Resource("sg", "security-group", (input) => ({ name: named(input) })),
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ec2Resource("sg", "security-group", () => ({ name: "default" })),
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ec2Resource("sgr", "security-group-rule", (_, id) => ({
    securityGroupRuleId: id,
  })),
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ec2Resource("sgr", "security-group-rule", (_, id) => ({
    securityGroupRuleId: id,
  })),
  "aws:ec2/flowLog:FlowLog": ec2Resource("fl", "vpc-flow-log"),
  "aws:cloudwatch/logGroup:LogGroup": (input, region) => {
    const name = named(input);
    return { id: name, outputs: { name, arn: arn("logs", region, `log-group:${name}`) } };
  },
  "aws:iam/role:Role": (input) => {
    const name = named(input);
    return {
      id: name,
      outputs: {
        name,
        arn: arn("iam", "", `role/${name}`),
        uniqueId: `AROA${hashHex(17, "role", input.urn).toUpperCase()}`,
        createDate: "2026-01-01T00:00:00Z",
      },
    };
  },
  "aws:iam/rolePolicy:RolePolicy": (input) => {
    const name = named(input);
    return { id: `${String(input.inputs.role)}:${name}`, outputs: { name } };
  },
  "aws:rds/subnetGroup:SubnetGroup": (input, region) => {
    // RDS lower-cases subnet group names
    const name = named(input).toLowerCase();
    return { id: name, outputs: { name, arn: arn("rds", region, `subgrp:${name}`) } };
  },
  "aws:elasticache/subnetGroup:SubnetGroup": (input, region) => {
    const name = named(input).toLowerCase();
    return { id: name, outputs: { name, arn: arn("elasticache", region, `subnetgroup:${name}`) } };
  },
  "awsx:ec2:Vpc": (input, region) => ({ outputs: mockAwsxVpc(input.urn, input.inputs, region) }),
  ...COMPUTE_BUILDERS,
  ...MESSAGING_BUILDERS,
  ...EDGE_BUILDERS,
  ...DATABASE_BUILDERS,
  ...CACHE_BUILDERS,
  ...CHAOS_BUILDERS,
};

/** The region a resource is created in: its `region` input, else the stack's default region. */
export function resourceRegion(inputs: Record<string, unknown>): string | undefined {
  return typeof inputs.region === "string" ? inputs.region : undefined;
}

/** The mocked ID and outputs of one registration. */
export function mockState(input: MockInput, defaultRegion: string): MockResult {
  const region = resourceRegion(input.inputs) ?? defaultRegion;
  const builder = BUILDERS[input.type];
  if (builder) return builder(input, region);
  if (input.type.startsWith("blueprint:") || input.type === "pulumi:pulumi:Stack") return { outputs: {} };
  // Generic fallback: `aws:<module>/<resource>:<Type>` → `arn:aws:<module>:<region>:<account>:<resource>/<id>`
  const match = /^aws:([a-z0-9]+)\/([a-zA-Z0-9]+):/.exec(input.type);
  const id = `${input.name}-${hashHex(12, input.urn)}`;
  return { id, outputs: match ? { arn: arn(match[1], region, `${match[2]}/${id}`) } : {} };
}

/** Known invoke results, keyed by token. */
export function mockInvoke(token: string, inputs: Record<string, unknown>, defaultRegion: string): Record<string, unknown> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return {
        accountId: MOCK_ACCOUNT_ID,
        arn: arn("iam", "", "user/offline-plan"),
        userId: "AIDAOFFLINEPLAN00000",
        id: MOCK_ACCOUNT_ID,
      };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws", id: "aws" };
    case "aws:index/getRegion:getRegion": {
      const region = typeof inputs.region === "string" ? inputs.region : defaultRegion;
      return { region, name: region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
    }
    case "aws:ssm/getParameter:getParameter": {
      const name = String(inputs.name);
      if (!name.startsWith("/aws/service/")) {
        const message = `The offline plan only resolves AWS's public SSM parameters, not ${name}`;
        throw Object.assign(new Error(message), { details: message });
      }
      return mockAmiParameter(name, typeof inputs.region === "string" ? inputs.region : defaultRegion);
    }
    case "aws:ec2/getManagedPrefixList:getManagedPrefixList":
      return mockManagedPrefixList(inputs, typeof inputs.region === "string" ? inputs.region : defaultRegion);
    default: {
      const message = `The offline plan has no mock for the invoke ${token}; add one to mockInvoke in tools/plan/mockState.ts`;
      // the SDK reports a failed invoke by its gRPC `details`, not its message
      throw Object.assign(new Error(message), { details: message });
    }
  }
}

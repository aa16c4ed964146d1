/**
 * The VPC's private paths to AWS: the S3 gateway endpoint on every private and isolated route
 * table, and (optionally) one interface endpoint with private DNS per service the tiers call,
 * behind a security group that admits only the app and worker tiers on 443.
 */
import * as aws from "@pulumi/aws";
import type * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { endpointServiceName, INTERFACE_ENDPOINT_SERVICES } from "./lib/endpointServices";

/** Description of the endpoints' security group (changing it replaces the group). */
export const ENDPOINT_SECURITY_GROUP_DESCRIPTION = "Interface VPC endpoints: HTTPS from the app and worker tiers only";

/** The interface endpoints' policy: any action, by principals of `accountId` only. */
export function endpointPolicy(accountId: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "OnlyThisAccount",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalAccount": accountId } },
      },
    ],
  });
}

/** What `createVpcEndpoints` declares. */
export interface VpcEndpoints {
  readonly s3: aws.ec2.VpcEndpoint;
  /** The interface endpoints by service; empty when they are off. */
  readonly interfaceEndpoints: Readonly<Record<string, aws.ec2.VpcEndpoint>>;
  /** The endpoints' security group, when there are interface endpoints. */
  readonly securityGroup?: aws.ec2.SecurityGroup;
}

/** Arguments of `createVpcEndpoints`. */
export interface VpcEndpointArgs {
  readonly region: string;
  readonly vpc: awsx.ec2.Vpc;
  /** Whether to create the interface endpoints. */
  readonly interfaceEndpoints: boolean;
  /** Groups whose members may reach the interface endpoints on 443 (the app and worker tiers). */
  readonly clientSecurityGroups: Readonly<Record<string, pulumi.Input<string>>>;
  readonly tags: Record<string, string>;
}

/** Declares the VPC's endpoints under `parent`. */
export function createVpcEndpoints(name: string, args: VpcEndpointArgs, parent: pulumi.Resource): VpcEndpoints {
  const { region, vpc, tags } = args;
  const opts = { parent };

  // awsx creates a gateway endpoint without associating it with any route table
  // (pulumi/pulumi-awsx#1627), so the blueprint owns it. awsx gives each subnet its own route
  // table; the look-up runs once the VPC's children exist and finds the tables of the private and
  // isolated subnets. Public subnets reach S3 through the internet gateway.
  const subnetIds = pulumi.all([vpc.privateSubnetIds, vpc.isolatedSubnetIds]).apply(([privateIds, isolatedIds]) => [...privateIds, ...isolatedIds]);
  const routeTableIds = aws.ec2
    .getRouteTablesOutput({ region, vpcId: vpc.vpcId, filters: [{ name: "association.subnet-id", values: subnetIds }] }, { parent, dependsOn: [vpc] })
    .apply((result) => [...result.ids].sort());
  const s3 = new aws.ec2.VpcEndpoint(
    `${name}-s3`,
    {
      region,
      vpcId: vpc.vpcId,
      serviceName: endpointServiceName(region, "s3"),
      vpcEndpointType: "Gateway",
      routeTableIds,
      tags: { ...tags, Name: `${name}-s3` },
    },
    opts,
  );
  if (!args.interfaceEndpoints) return { s3, interfaceEndpoints: {} };

  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-endpoints`,
    { region, vpcId: vpc.vpcId, description: ENDPOINT_SECURITY_GROUP_DESCRIPTION, revokeRulesOnDelete: true, tags: { ...tags, Name: `${name}-endpoints` } },
    opts,
  );
  // no egress rule: an endpoint only answers, and security groups are stateful
  for (const [tier, groupId] of Object.entries(args.clientSecurityGroups)) {
    new aws.vpc.SecurityGroupIngressRule(
      `${name}-endpoints-in-${tier}`,
      {
        region,
        securityGroupId: securityGroup.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        referencedSecurityGroupId: groupId,
        description: `HTTPS from the ${tier} tier to the AWS service endpoints`,
        tags: { ...tags, Name: `${name}-endpoints-in-${tier}` },
      },
      opts,
    );
  }
  // only this account's principals may call AWS through the endpoints (a stolen foreign credential
  // cannot use them to move data out of the VPC); AWS's own calls do not pass through them
  const policy = aws.getCallerIdentityOutput({}, { parent }).accountId.apply(endpointPolicy);
  const interfaceEndpoints = Object.fromEntries(
    INTERFACE_ENDPOINT_SERVICES.map((service) => [
      service,
      new aws.ec2.VpcEndpoint(
        `${name}-${service}`,
        {
          region,
          vpcId: vpc.vpcId,
          serviceName: endpointServiceName(region, service),
          vpcEndpointType: "Interface",
          // private DNS needs enableDnsSupport and enableDnsHostnames on the VPC (both set)
          privateDnsEnabled: true,
          subnetIds: vpc.privateSubnetIds,
          securityGroupIds: [securityGroup.id],
          policy,
          tags: { ...tags, Name: `${name}-${service}` },
        },
        opts,
      ),
    ]),
  );
  return { s3, interfaceEndpoints, securityGroup };
}

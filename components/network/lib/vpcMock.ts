/**
 * Outputs of an `awsx:ec2:Vpc` derived from its inputs. awsx is a remote component, so offline it
 * is one node; its scalar outputs (`vpcId`, `*SubnetIds`) are what the program consumes. The plan
 * also records what awsx would create under it, as plain data under keys awsx does not use
 * (`subnetDetails`, `routeTableIds`, `natGatewayDetails`, …), so reviewers and policies can see
 * every subnet, route table and NAT gateway with its AZ and CIDR.
 */
import { ec2Id } from "../../lib/plan/mockIds";

interface SubnetSpecInput {
  type?: string;
  name?: string;
  cidrBlocks?: string[];
}

/** One subnet awsx would create. */
export interface MockSubnet {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly availabilityZone: string;
  readonly cidrBlock: string;
  readonly routeTableId: string;
}

/** The mocked outputs of an awsx VPC. */
export function mockAwsxVpc(urn: string, inputs: Record<string, unknown>, region: string): Record<string, unknown> {
  const zones = Array.isArray(inputs.availabilityZoneNames) ? (inputs.availabilityZoneNames as string[]) : [];
  const specs = Array.isArray(inputs.subnetSpecs) ? (inputs.subnetSpecs as SubnetSpecInput[]) : [];
  const vpcId = ec2Id("vpc", urn);
  const subnets: MockSubnet[] = zones.flatMap((zone, zoneIndex) =>
    specs.map((spec) => {
      const specName = spec.name ?? String(spec.type ?? "subnet").toLowerCase();
      return {
        // awsx names subnets `${vpcName}-${specName}-${azNumber}`
        id: ec2Id("subnet", urn, specName, zone),
        name: `${specName}-${zoneIndex + 1}`,
        type: String(spec.type),
        availabilityZone: zone,
        cidrBlock: spec.cidrBlocks?.[zoneIndex] ?? "",
        routeTableId: ec2Id("rtb", urn, specName, zone),
      };
    }),
  );
  const idsOf = (type: string) => subnets.filter((subnet) => subnet.type === type).map((subnet) => subnet.id);
  const publicSubnets = subnets.filter((subnet) => subnet.type === "Public");
  const hasPrivate = subnets.some((subnet) => subnet.type === "Private");
  const strategy = (inputs.natGateways as { strategy?: string } | undefined)?.strategy ?? (hasPrivate ? "OnePerAz" : "None");
  const natSubnets = strategy === "OnePerAz" ? publicSubnets : strategy === "Single" ? publicSubnets.slice(0, 1) : [];
  const natGatewayDetails = natSubnets.map((subnet) => ({
    id: ec2Id("nat", urn, subnet.availabilityZone),
    allocationId: ec2Id("eipalloc", urn, subnet.availabilityZone),
    subnetId: subnet.id,
    availabilityZone: subnet.availabilityZone,
  }));
  const endpoints = Array.isArray(inputs.vpcEndpointSpecs) ? (inputs.vpcEndpointSpecs as Array<{ serviceName?: string }>) : [];
  return {
    vpcId,
    publicSubnetIds: idsOf("Public"),
    privateSubnetIds: idsOf("Private"),
    isolatedSubnetIds: idsOf("Isolated"),
    subnetDetails: subnets,
    routeTableIds: subnets.map((subnet) => subnet.routeTableId),
    natGatewayDetails,
    internetGatewayId: publicSubnets.length > 0 ? ec2Id("igw", urn) : null,
    vpcEndpointDetails: endpoints.map((endpoint) => ({ id: ec2Id("vpce", urn, String(endpoint.serviceName)), serviceName: endpoint.serviceName })),
    region,
  };
}

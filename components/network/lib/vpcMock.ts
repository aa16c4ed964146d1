/**
 * Outputs of an `awsx:ec2:Vpc` derived from its inputs. awsx is a remote component, so offline it
 * is one node; its scalar outputs (`vpcId`, `*SubnetIds`) are what the program consumes. The plan
 * also records the subnets and NAT gateways awsx would create under it, as plain data under two
 * keys awsx does not output (`subnetDetails`, `natGatewayDetails`; under the CLI policies read the
 * real `aws:ec2/subnet` and `aws:ec2/natGateway` children instead), so policies can place every
 * subnet and gateway in its AZ. Nothing else is invented: no route tables (they are only visible
 * through the S3 endpoint's look-up, lib/routeTablesMock.ts) and no endpoints (awsx creates none).
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
}

/** The mocked outputs of an awsx VPC. */
export function mockAwsxVpc(urn: string, inputs: Record<string, unknown>): Record<string, unknown> {
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
  return {
    vpcId,
    publicSubnetIds: idsOf("Public"),
    privateSubnetIds: idsOf("Private"),
    isolatedSubnetIds: idsOf("Isolated"),
    subnetDetails: subnets,
    natGatewayDetails,
  };
}

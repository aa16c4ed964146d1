/**
 * Outputs of an `awsx:ec2:Vpc` derived from its inputs. awsx is a remote component, so offline it
 * is one node and its mocked outputs are only scalar outputs the real component returns (`vpcId`
 * and the subnet ID lists, one subnet of each type per AZ in `availabilityZoneNames` order). Its
 * children (subnets, route tables, NAT gateways) are resources under the Pulumi CLI; offline,
 * policies place the subnets and gateways from these outputs and the component's inputs
 * (policies/lib/vpc.ts), and the S3 endpoint finds the route tables through its look-up
 * (lib/routeTablesMock.ts). Nothing is invented.
 */
import { ec2Id } from "../../lib/plan/mockIds";

interface SubnetSpecInput {
  type?: string;
  name?: string;
}

/** The mocked outputs of an awsx VPC. */
export function mockAwsxVpc(urn: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const zones = Array.isArray(inputs.availabilityZoneNames) ? (inputs.availabilityZoneNames as string[]) : [];
  const specs = Array.isArray(inputs.subnetSpecs) ? (inputs.subnetSpecs as SubnetSpecInput[]) : [];
  const idsOf = (type: string) =>
    specs
      .filter((spec) => spec.type === type)
      .flatMap((spec) => zones.map((zone) => ec2Id("subnet", urn, spec.name ?? String(spec.type ?? "subnet").toLowerCase(), zone)));
  return {
    vpcId: ec2Id("vpc", urn),
    publicSubnetIds: idsOf("Public"),
    privateSubnetIds: idsOf("Private"),
    isolatedSubnetIds: idsOf("Isolated"),
  };
}

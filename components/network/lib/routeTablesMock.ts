/**
 * The mocked result of `aws.ec2.getRouteTables` (the S3 gateway endpoint looks up the route tables
 * of the private and isolated subnets): awsx gives every subnet its own route table, so a filter
 * on `association.subnet-id` finds one table per subnet named in it.
 */
import { ec2Id } from "../../lib/plan/mockIds";

interface Filter {
  name?: unknown;
  values?: unknown;
}

/** The route table the offline plan gives a subnet. */
export function mockRouteTableId(subnetId: string): string {
  return ec2Id("rtb", subnetId);
}

/** What `GetRouteTablesResult` holds for the look-up. */
export function mockRouteTables(inputs: Record<string, unknown>, region: string): Record<string, unknown> {
  const filters = Array.isArray(inputs.filters) ? (inputs.filters as Filter[]) : [];
  const subnetIds = filters
    .filter((filter) => filter.name === "association.subnet-id" && Array.isArray(filter.values))
    .flatMap((filter) => (filter.values as unknown[]).filter((value): value is string => typeof value === "string"));
  return {
    id: region,
    ids: subnetIds.map(mockRouteTableId),
    region,
    ...(typeof inputs.vpcId === "string" ? { vpcId: inputs.vpcId } : {}),
    ...(filters.length > 0 ? { filters } : {}),
    tags: {},
  };
}

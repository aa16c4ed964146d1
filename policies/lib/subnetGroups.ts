/**
 * Shared check of DB and cache subnet groups: enough subnets for the service to place nodes in
 * more than one AZ.
 */
import type { ReportViolation } from "@pulumi/policy";

/** Config of the subnet-group policies. */
export const SUBNET_GROUP_CONFIG_SCHEMA = {
  properties: {
    minimumSubnets: {
      type: "integer" as const,
      minimum: 1,
      default: 2,
      description: "Fewest subnets (one per AZ in the blueprint's layout) a subnet group lists.",
    },
  },
};

/** Reports a subnet group listing fewer than `minimumSubnets` distinct subnets. */
export function checkSubnetCount(kind: string, subnetIds: readonly string[] | undefined, minimumSubnets: number, reportViolation: ReportViolation): void {
  const count = new Set(subnetIds ?? []).size;
  if (count < minimumSubnets) {
    reportViolation(
      `The ${kind} subnet group lists ${count} subnet(s); at least ${minimumSubnets} (in different AZs) are required for a standby in another AZ.`,
    );
  }
}

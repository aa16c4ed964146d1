/**
 * Database policies: DB subnet groups now; RDS/Aurora instances, clusters and global clusters join
 * when components/database lands.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, type BlueprintPolicy } from "./lib/define";
import { checkSubnetCount, SUBNET_GROUP_CONFIG_SCHEMA } from "./lib/subnetGroups";

/** DB subnet groups span several AZs. */
export const dbSubnetGroupConfigureMultiAz = resourcePolicy({
  name: "aws-rds-subnetgroup-configure-multi-az",
  description: "Checks that every DB subnet group lists at least two subnets, so that a Multi-AZ standby or reader can run in another availability zone.",
  severity: "medium",
  service: "database",
  remediationSteps: "Give the subnet group the isolated subnets of every AZ of the region (components/network passes vpc.isolatedSubnetIds).",
  ids: { wellArchitected: ["REL10-BP01"] },
  configSchema: SUBNET_GROUP_CONFIG_SCHEMA,
  validateResource: validateResourceOfType(aws.rds.SubnetGroup, (group, args, reportViolation) => {
    checkSubnetCount("DB", group.subnetIds, args.getConfig<{ minimumSubnets: number }>().minimumSubnets, reportViolation);
  }),
});

/** The database policies, in pack order. */
export const DATABASE_POLICIES: readonly BlueprintPolicy[] = [dbSubnetGroupConfigureMultiAz];

/**
 * Cache policies: ElastiCache subnet groups now; replication groups and the global datastore join
 * when components/cache lands.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, type BlueprintPolicy } from "./lib/define";
import { checkSubnetCount, SUBNET_GROUP_CONFIG_SCHEMA } from "./lib/subnetGroups";

/** Cache subnet groups span several AZs. */
export const cacheSubnetGroupConfigureMultiAz = resourcePolicy({
  name: "aws-elasticache-subnetgroup-configure-multi-az",
  description: "Checks that every ElastiCache subnet group lists at least two subnets, so that replicas and automatic failover can use another AZ.",
  severity: "medium",
  service: "cache",
  remediationSteps: "Give the subnet group the isolated subnets of every AZ of the region (components/network passes vpc.isolatedSubnetIds).",
  ids: { wellArchitected: ["REL10-BP01"] },
  configSchema: SUBNET_GROUP_CONFIG_SCHEMA,
  validateResource: validateResourceOfType(aws.elasticache.SubnetGroup, (group, args, reportViolation) => {
    checkSubnetCount("cache", group.subnetIds, args.getConfig<{ minimumSubnets: number }>().minimumSubnets, reportViolation);
  }),
});

/** The cache policies, in pack order. */
export const CACHE_POLICIES: readonly BlueprintPolicy[] = [cacheSubnetGroupConfigureMultiAz];

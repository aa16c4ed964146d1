/**
 * The settings of `blueprint:network`, applied to every region's VPC: type, allowed values,
 * default per environment and description, once.
 */
import { LOG_RETENTION_DAYS } from "../lib/logRetention";
import { NAT_STRATEGIES } from "../lib/nat";
import { byEnvironment, choice, flag, fromEnvironment, integer, type GroupValue } from "../lib/settings";

/** The keys of `blueprint:network`. */
export const networkKeys = {
  natGateways: choice(NAT_STRATEGIES, {
    description:
      "NAT gateways per region: None, Single or OnePerAz. Cost: each NAT gateway is billed per hour and per GB; Single shares one per region, so an AZ outage cuts the other AZs' egress.",
    default: byEnvironment({ dev: "Single", staging: "Single", prod: "OnePerAz" }),
  }),
  flowLogRetentionDays: integer({
    description: "VPC flow log retention in days (a CloudWatch Logs retention).",
    values: LOG_RETENTION_DAYS,
    default: fromEnvironment("logRetentionDays", "the environment's log retention"),
  }),
  interfaceEndpoints: flag({
    description:
      "Interface VPC endpoints with private DNS for Secrets Manager, SQS, SSM (and its session channels), KMS, CloudWatch Logs and metrics and STS, in the private subnets, so the tiers reach AWS without the NAT gateway. Cost: 9 endpoints per AZ at about USD 0.01 per hour each (about USD 131 a month per region with 2 AZs, 197 with 3) plus USD 0.01 per GB.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
};

/** The network settings after defaults. */
export type NetworkSettings = GroupValue<typeof networkKeys>;

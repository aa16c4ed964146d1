/**
 * NAT gateway strategies, as awsx names them. Cost: a NAT gateway is billed per hour and per GB,
 * so `OnePerAz` costs one gateway per AZ per region; `Single` shares one per region (an AZ outage
 * then cuts egress for the others); `None` leaves private subnets without internet egress.
 */
export const NAT_STRATEGIES = ["None", "Single", "OnePerAz"] as const;

/** One of `NAT_STRATEGIES`. */
export type NatStrategy = (typeof NAT_STRATEGIES)[number];

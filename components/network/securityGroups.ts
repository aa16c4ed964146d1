/**
 * The tier security groups of one VPC and their rules, one resource per rule.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { SECURITY_TIERS, TIER_DESCRIPTIONS, tierRules, type SecurityTier, type TierPorts } from "./lib/securityGroupRules";

/** What `createTierSecurityGroups` declares. */
export interface TierSecurityGroups {
  readonly groups: Readonly<Record<SecurityTier, aws.ec2.SecurityGroup>>;
  readonly ingressRules: readonly aws.vpc.SecurityGroupIngressRule[];
  readonly egressRules: readonly aws.vpc.SecurityGroupEgressRule[];
}

/** Declares the alb, app, worker and data groups of a VPC and the rules between them. */
export function createTierSecurityGroups(
  name: string,
  args: { region: string; vpcId: pulumi.Input<string>; ports: TierPorts; tags: Record<string, string> },
  parent: pulumi.Resource,
): TierSecurityGroups {
  const opts = { parent };
  const groups = Object.fromEntries(
    SECURITY_TIERS.map((tier) => [
      tier,
      new aws.ec2.SecurityGroup(
        `${name}-${tier}`,
        {
          region: args.region,
          vpcId: args.vpcId,
          description: TIER_DESCRIPTIONS[tier],
          // rules reference each other across groups; revoke them first so a delete never hangs
          revokeRulesOnDelete: true,
          tags: { ...args.tags, Name: `${name}-${tier}` },
        },
        opts,
      ),
    ]),
  ) as Record<SecurityTier, aws.ec2.SecurityGroup>;

  const ingressRules: aws.vpc.SecurityGroupIngressRule[] = [];
  const egressRules: aws.vpc.SecurityGroupEgressRule[] = [];
  for (const rule of tierRules(args.ports)) {
    const ruleArgs = {
      region: args.region,
      securityGroupId: groups[rule.tier].id,
      ipProtocol: "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      description: rule.description,
      ...("tier" in rule.peer ? { referencedSecurityGroupId: groups[rule.peer.tier].id } : { cidrIpv4: rule.peer.cidrIpv4 }),
      tags: { ...args.tags, Name: `${name}-${rule.key}` },
    };
    if (rule.direction === "ingress") {
      ingressRules.push(new aws.vpc.SecurityGroupIngressRule(`${name}-${rule.key}`, ruleArgs, opts));
    } else {
      egressRules.push(new aws.vpc.SecurityGroupEgressRule(`${name}-${rule.key}`, ruleArgs, opts));
    }
  }
  return { groups, ingressRules, egressRules };
}

/**
 * The tier security groups of one VPC and their rules, one resource per rule. Behind CloudFront,
 * the load balancer's ingress references AWS-managed prefix lists, looked up once per region.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  ALB_BEHIND_CLOUDFRONT_DESCRIPTION,
  ALB_HEALTH_CHECKS_DESCRIPTION,
  INTERNET_INGRESS,
  managedPrefixListName,
  SECURITY_TIERS,
  TIER_DESCRIPTIONS,
  tierRules,
  type AlbIngressOptions,
  type ManagedPrefixList,
  type SecurityTier,
  type TierPorts,
} from "./lib/securityGroupRules";

/** What `createTierSecurityGroups` declares. */
export interface TierSecurityGroups {
  readonly groups: Readonly<Record<SecurityTier, aws.ec2.SecurityGroup>>;
  /** The load balancer's second group for Route 53 health checkers, when requested. */
  readonly albHealthChecks?: aws.ec2.SecurityGroup;
  readonly ingressRules: readonly aws.vpc.SecurityGroupIngressRule[];
  readonly egressRules: readonly aws.vpc.SecurityGroupEgressRule[];
}

/** Declares the alb, app, worker and data groups of a VPC (and the optional health-check group) and the rules between them. */
export function createTierSecurityGroups(
  name: string,
  args: { region: string; vpcId: pulumi.Input<string>; ports: TierPorts; albIngress?: AlbIngressOptions; tags: Record<string, string> },
  parent: pulumi.Resource,
): TierSecurityGroups {
  const opts = { parent };
  const ingress = args.albIngress ?? INTERNET_INGRESS;
  const group = (key: string, description: string) =>
    new aws.ec2.SecurityGroup(
      `${name}-${key}`,
      {
        region: args.region,
        vpcId: args.vpcId,
        description,
        // rules reference each other across groups; revoke them first so a delete never hangs
        revokeRulesOnDelete: true,
        tags: { ...args.tags, Name: `${name}-${key}` },
      },
      opts,
    );
  const describe = (tier: SecurityTier) => (tier === "alb" && ingress.mode === "cloudfront" ? ALB_BEHIND_CLOUDFRONT_DESCRIPTION : TIER_DESCRIPTIONS[tier]);
  const groups = Object.fromEntries(SECURITY_TIERS.map((tier) => [tier, group(tier, describe(tier))])) as Record<SecurityTier, aws.ec2.SecurityGroup>;
  const albHealthChecks = ingress.mode === "cloudfront" && ingress.healthCheckIngress ? group("alb-health-checks", ALB_HEALTH_CHECKS_DESCRIPTION) : undefined;

  const prefixLists = new Map<ManagedPrefixList, pulumi.Output<string>>();
  const prefixListId = (list: ManagedPrefixList) => {
    if (!prefixLists.has(list)) {
      prefixLists.set(list, aws.ec2.getManagedPrefixListOutput({ name: managedPrefixListName(list, args.region), region: args.region }, opts).id);
    }
    return prefixLists.get(list)!;
  };

  const ingressRules: aws.vpc.SecurityGroupIngressRule[] = [];
  const egressRules: aws.vpc.SecurityGroupEgressRule[] = [];
  for (const rule of tierRules(args.ports, ingress)) {
    const owner = rule.tier === "albHealthChecks" ? albHealthChecks! : groups[rule.tier];
    const peer = rule.peer;
    const ruleArgs = {
      region: args.region,
      securityGroupId: owner.id,
      ipProtocol: "tcp",
      fromPort: rule.port,
      toPort: rule.port,
      description: rule.description,
      ...("tier" in peer
        ? { referencedSecurityGroupId: groups[peer.tier].id }
        : "prefixList" in peer
          ? { prefixListId: prefixListId(peer.prefixList) }
          : { cidrIpv4: peer.cidrIpv4 }),
      tags: { ...args.tags, Name: `${name}-${rule.key}` },
    };
    if (rule.direction === "ingress") {
      ingressRules.push(new aws.vpc.SecurityGroupIngressRule(`${name}-${rule.key}`, ruleArgs, opts));
    } else {
      egressRules.push(new aws.vpc.SecurityGroupEgressRule(`${name}-${rule.key}`, ruleArgs, opts));
    }
  }
  return { groups, ...(albHealthChecks ? { albHealthChecks } : {}), ingressRules, egressRules };
}

/**
 * Network policies: security groups and their rules, the VPC's default security group, flow logs,
 * the VPC-level checks (flow logs and a locked default group per VPC, AZ spread, NAT per AZ), and
 * internet ingress only on the groups of internet-facing load balancers.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { resilienceWaiver, stackEnvironment, ENVIRONMENTS } from "./lib/environment";
import { ofType, ofTypes } from "./lib/graph";
import { coversAllPorts, coversPort, describePorts, portsWithin, publicCidrs, validateSecurityGroupRules } from "./lib/securityGroupRules";
import { groupsOfLoadBalancer, internetPeers, isInternetFacing, loadBalancers, SECURITY_GROUP_TYPES, stackIngressRules } from "./lib/loadBalancers";
import { vpcOriginLoadBalancers } from "./lib/cloudfront";
import { findVpcs, natGatewayZones, privateSubnetZones, refersToVpc, vpcAvailabilityZones } from "./lib/vpc";

/** Descriptions AWS or the providers fill in when none is given; they say nothing. */
const PLACEHOLDER_DESCRIPTIONS = new Set(["managed by terraform", "managed by pulumi"]);

function meaningful(description: unknown): boolean {
  return typeof description === "string" && description.trim().length > 0 && !PLACEHOLDER_DESCRIPTIONS.has(description.trim().toLowerCase());
}

/** The VPC's default security group is owned with no rules. */
export const defaultSecurityGroupDisallowRules = resourcePolicy({
  name: "aws-ec2-defaultsecuritygroup-disallow-rules",
  description: "Checks that every VPC's default security group is owned with explicitly empty ingress and egress, so nothing can use it by accident.",
  severity: "high",
  service: "network",
  remediationSteps:
    "Declare aws.ec2.DefaultSecurityGroup for the VPC with `ingress: []` and `egress: []` (components/network does), and put traffic on the tier security groups instead.",
  ids: { checkov: ["CKV2_AWS_12"], trivy: ["AVD-AWS-0173"], cdkNag: ["VPCDefaultSecurityGroupClosed"], wellArchitected: ["SEC05-BP02"] },
  validateResource: validateResourceOfType(aws.ec2.DefaultSecurityGroup, (group, _args, reportViolation) => {
    // Absent lists leave AWS's defaults in place: all egress and all traffic from the group itself.
    for (const direction of ["ingress", "egress"] as const) {
      const rules = group[direction];
      if (rules === undefined) {
        reportViolation(`The default security group leaves ${direction} unset, which keeps AWS's default rules; set ${direction}: [].`);
      } else if (rules.length > 0) {
        reportViolation(`The default security group declares ${rules.length} ${direction} rule(s); it must have none.`);
      }
    }
  }),
});

/** Security groups say what they are for. */
export const securityGroupMissingDescription = resourcePolicy({
  name: "aws-ec2-securitygroup-missing-description",
  description: "Checks that every security group has a description saying what it is for.",
  severity: "low",
  service: "network",
  remediationSteps: "Set `description` on the aws.ec2.SecurityGroup (for a tier group, the tier's entry in TIER_DESCRIPTIONS).",
  ids: {
    checkov: ["CKV_AWS_23"],
    trivy: ["AVD-AWS-0099"],
    cdkNag: ["AwsSolutions-EC27"],
    compliancePolicies: ["aws-ec2-securitygroup-missing-description"],
  },
  validateResource: validateResourceOfType(aws.ec2.SecurityGroup, (group, _args, reportViolation) => {
    if (!meaningful(group.description)) {
      reportViolation(
        group.description === undefined
          ? "The security group has no description (AWS would fill in a placeholder)."
          : `The security group's description ${JSON.stringify(group.description)} says nothing about its purpose.`,
      );
    }
  }),
});

/** Every rule says why it exists. */
export const securityGroupMissingRuleDescription = resourcePolicy({
  name: "aws-ec2-securitygroup-missing-rule-description",
  description: "Checks that every security group rule, inline or a rule resource, has a description.",
  severity: "low",
  service: "network",
  remediationSteps: "Set `description` on the rule (components/network/lib/securityGroupRules.ts gives each rule one).",
  ids: {
    checkov: ["CKV_AWS_23"],
    trivy: ["AVD-AWS-0124"],
    compliancePolicies: ["aws-ec2-securitygroup-missing-ingress-rule-description", "aws-ec2-securitygroup-missing-egress-rule-description"],
  },
  validateResource: validateSecurityGroupRules((rules, _args, reportViolation) => {
    for (const rule of rules) {
      if (!meaningful(rule.description)) reportViolation(`The ${rule.direction} ${rule.where} (${describePorts(rule)}) has no description.`);
    }
  }),
});

/** Rules are separate resources, never inline blocks of the group. */
export const securityGroupDisallowInlineRules = resourcePolicy({
  name: "aws-ec2-securitygroup-disallow-inline-rules",
  description:
    "Checks that security groups declare no inline ingress or egress rules, so that rules are separate SecurityGroupIngressRule/EgressRule resources and the two styles never fight over one group.",
  severity: "medium",
  service: "network",
  remediationSteps:
    "Move each inline rule to its own aws.vpc.SecurityGroupIngressRule or aws.vpc.SecurityGroupEgressRule resource and drop `ingress`/`egress` from the group.",
  ids: { awsguard: ["security-group-no-rule-management-conflicts"], wellArchitected: ["SEC05-BP02"] },
  validateResource: validateResourceOfType(aws.ec2.SecurityGroup, (group, _args, reportViolation) => {
    for (const direction of ["ingress", "egress"] as const) {
      const rules = group[direction];
      if (rules !== undefined && rules.length > 0) {
        reportViolation(`The security group declares ${rules.length} inline ${direction} rule(s); declare them as rule resources.`);
      }
    }
  }),
});

/** SSH, RDP and all-ports ingress are never open to the internet. */
export const securityGroupDisallowPublicAdminIngress = resourcePolicy({
  name: "aws-ec2-securitygroup-disallow-public-admin-ingress",
  description: "Checks that no security group rule opens SSH, RDP, another administration port or all ports to 0.0.0.0/0 or ::/0.",
  severity: "critical",
  service: "network",
  remediationSteps:
    "Remove the rule; reach instances through SSM Session Manager (no inbound port) or, if a port is unavoidable, from a named security group or a narrow CIDR.",
  ids: {
    checkov: ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277"],
    trivy: ["AVD-AWS-0107"],
    cdkNag: ["EC2RestrictedSSH", "EC2RestrictedCommonPorts"],
    compliancePolicies: ["aws-ec2-securitygroup-disallow-public-internet-ingress"],
    wellArchitected: ["SEC05-BP02"],
  },
  configSchema: {
    properties: {
      adminPorts: {
        type: "array",
        items: { type: "integer", minimum: 0, maximum: 65535 },
        default: [22, 3389],
        description: "Ports that must never be reachable from the internet.",
      },
    },
  },
  validateResource: validateSecurityGroupRules((rules, args, reportViolation) => {
    const { adminPorts } = args.getConfig<{ adminPorts: number[] }>();
    for (const rule of rules.filter((r) => r.direction === "ingress")) {
      const open = publicCidrs(rule);
      if (open.length === 0) continue;
      if (coversAllPorts(rule)) {
        reportViolation(`The ingress ${rule.where} opens ${describePorts(rule)} to ${open.join(", ")}.`);
        continue;
      }
      const ports = adminPorts.filter((port) => coversPort(rule, port));
      if (ports.length > 0)
        reportViolation(`The ingress ${rule.where} opens administration port(s) ${ports.join(", ")} (${describePorts(rule)}) to ${open.join(", ")}.`);
    }
  }),
});

/** Internet ingress only on the public listener ports. */
export const securityGroupDisallowPublicIngress = resourcePolicy({
  name: "aws-ec2-securitygroup-disallow-public-ingress",
  description: "Checks that security group rules open to 0.0.0.0/0 or ::/0 only admit the public listener ports (HTTPS, and HTTP for the redirect to HTTPS).",
  severity: "high",
  service: "network",
  remediationSteps:
    "Admit traffic from the upstream tier's security group (referencedSecurityGroupId) instead of a CIDR; only the load balancer's group takes 443 (and 80 for the redirect) from the internet.",
  ids: {
    checkov: ["CKV_AWS_260"],
    cdkNag: ["AwsSolutions-EC23"],
    compliancePolicies: ["aws-ec2-securitygroup-disallow-inbound-http-traffic", "aws-ec2-securitygroup-disallow-public-internet-ingress"],
    wellArchitected: ["SEC05-BP01", "SEC05-BP02"],
  },
  configSchema: {
    properties: {
      allowedPorts: {
        type: "array",
        items: { type: "integer", minimum: 0, maximum: 65535 },
        default: [443, 80],
        description: "TCP ports that may take traffic from the internet. Remove 80 once no listener redirects HTTP.",
      },
    },
  },
  validateResource: validateSecurityGroupRules((rules, args, reportViolation) => {
    const { allowedPorts } = args.getConfig<{ allowedPorts: number[] }>();
    for (const rule of rules.filter((r) => r.direction === "ingress")) {
      const open = publicCidrs(rule);
      if (open.length > 0 && !portsWithin(rule, allowedPorts)) {
        reportViolation(`The ingress ${rule.where} opens ${describePorts(rule)} to ${open.join(", ")}; only ports ${allowedPorts.join(", ")} may be public.`);
      }
    }
  }),
});

/** Egress to the internet only on the ports workloads need. */
export const securityGroupRestrictPublicEgress = resourcePolicy({
  name: "aws-ec2-securitygroup-restrict-public-egress",
  description: "Checks that security group rules to 0.0.0.0/0 or ::/0 open only the allowed ports (HTTPS), never all traffic.",
  severity: "medium",
  service: "network",
  remediationSteps:
    "Limit the egress rule to the port the workload needs (443 for AWS APIs and package mirrors) or point it at the target tier's security group.",
  ids: { checkov: ["CKV_AWS_382"], trivy: ["AVD-AWS-0104"], wellArchitected: ["SEC05-BP02"] },
  configSchema: {
    properties: {
      allowedPorts: {
        type: "array",
        items: { type: "integer", minimum: 0, maximum: 65535 },
        default: [443],
        description: "TCP ports workloads may reach on the internet.",
      },
    },
  },
  validateResource: validateSecurityGroupRules((rules, args, reportViolation) => {
    const { allowedPorts } = args.getConfig<{ allowedPorts: number[] }>();
    for (const rule of rules.filter((r) => r.direction === "egress")) {
      const open = publicCidrs(rule);
      if (open.length > 0 && !portsWithin(rule, allowedPorts)) {
        reportViolation(
          `The egress ${rule.where} opens ${describePorts(rule)} to ${open.join(", ")}; only ports ${allowedPorts.join(", ")} may reach the internet.`,
        );
      }
    }
  }),
});

/** Flow logs capture accepted and rejected traffic. */
export const flowLogConfigureAllTraffic = resourcePolicy({
  name: "aws-ec2-flowlog-configure-all-traffic",
  description: "Checks that VPC flow logs capture all traffic (accepted and rejected) and name a destination.",
  severity: "medium",
  service: "network",
  remediationSteps: 'Set `trafficType: "ALL"` and a `logDestination` (components/network/flowLogs.ts does).',
  ids: { checkov: ["CKV2_AWS_11"], trivy: ["AVD-AWS-0178"], cdkNag: ["AwsSolutions-VPC7"], wellArchitected: ["SEC04-BP01"] },
  validateResource: validateResourceOfType(aws.ec2.FlowLog, (flowLog, _args, reportViolation) => {
    if (flowLog.trafficType !== "ALL") {
      reportViolation(
        `The flow log captures ${flowLog.trafficType === undefined ? "no traffic type" : `only ${flowLog.trafficType} traffic`}; set trafficType to ALL.`,
      );
    }
    if (flowLog.logDestination === undefined || flowLog.logDestination === "") {
      reportViolation("The flow log has no destination (logDestination).");
    }
  }),
});

/** Every VPC has a flow log. */
export const vpcEnableFlowLogs = stackPolicy({
  name: "aws-ec2-vpc-enable-flow-logs",
  description: "Checks that every VPC of the stack has a flow log attached to it.",
  severity: "high",
  service: "network",
  remediationSteps: "Create an aws.ec2.FlowLog with `vpcId` set to the VPC (the Network component does this for every region).",
  ids: { checkov: ["CKV2_AWS_11"], trivy: ["AVD-AWS-0178"], cdkNag: ["AwsSolutions-VPC7"], wellArchitected: ["SEC04-BP01", "REL06-BP01"] },
  validateStack: (args, reportViolation) => {
    const vpcs = findVpcs(args.resources);
    if (vpcs.length === 0) args.notApplicable("The stack has no VPC.");
    const flowLogs = ofType(args.resources, "aws:ec2/flowLog:FlowLog");
    for (const vpc of vpcs) {
      if (!flowLogs.some((flowLog) => refersToVpc(flowLog, "vpcId", vpc))) {
        reportViolation(`VPC ${vpc.resource.name} has no flow log.`, vpc.resource.urn);
      }
    }
  },
});

/** Every VPC's default group is owned (and, by the resource policy, empty). */
export const vpcRequireLockedDefaultSecurityGroup = stackPolicy({
  name: "aws-ec2-vpc-require-locked-default-security-group",
  description: "Checks that every VPC of the stack owns its default security group, so that the resource policy can keep it empty.",
  severity: "high",
  service: "network",
  remediationSteps: "Declare aws.ec2.DefaultSecurityGroup with `vpcId` set to the VPC and no rules (the Network component does).",
  ids: { checkov: ["CKV2_AWS_12"], trivy: ["AVD-AWS-0173"], cdkNag: ["VPCDefaultSecurityGroupClosed"], wellArchitected: ["SEC05-BP02"] },
  validateStack: (args, reportViolation) => {
    const vpcs = findVpcs(args.resources);
    if (vpcs.length === 0) args.notApplicable("The stack has no VPC.");
    const groups = ofType(args.resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
    for (const vpc of vpcs) {
      if (!groups.some((group) => refersToVpc(group, "vpcId", vpc))) {
        reportViolation(`VPC ${vpc.resource.name} does not own its default security group, so AWS's default rules stay in place.`, vpc.resource.urn);
      }
    }
  },
});

/** Subnets spread over enough AZs. */
export const vpcConfigureMultiAz = stackPolicy({
  name: "aws-ec2-vpc-configure-multi-az",
  description: "Checks that every VPC has subnets in at least the configured number of availability zones.",
  severity: "high",
  service: "network",
  remediationSteps: "List more AZs under the region's `availabilityZones` in the stack file (append them), or set blueprint:resilienceWaiver with the reason.",
  ids: { wellArchitected: ["REL10-BP01", "REL02-BP03"] },
  configSchema: {
    properties: {
      minimumAvailabilityZones: {
        type: "integer",
        minimum: 1,
        default: 2,
        description: "Fewest AZs per VPC (the prod pack config raises it to 3).",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const waiver = resilienceWaiver(args.stackTags);
    if (waiver) args.notApplicable(`Resilience waiver: ${waiver}`);
    const vpcs = findVpcs(args.resources);
    if (vpcs.length === 0) args.notApplicable("The stack has no VPC.");
    const { minimumAvailabilityZones } = args.getConfig<{ minimumAvailabilityZones: number }>();
    for (const vpc of vpcs) {
      const zones = vpcAvailabilityZones(vpc, args.resources);
      if (zones.length < minimumAvailabilityZones) {
        reportViolation(
          `VPC ${vpc.resource.name} spans ${zones.length} AZ(s) (${zones.join(", ") || "none"}); at least ${minimumAvailabilityZones} are required.`,
          vpc.resource.urn,
        );
      }
    }
  },
});

/** Each AZ with private subnets has its own NAT gateway (in the configured environments). */
export const vpcConfigureNatPerAz = stackPolicy({
  name: "aws-ec2-vpc-configure-nat-per-az",
  description:
    "Checks that every availability zone with private subnets has its own NAT gateway in the configured environments (prod), so losing one AZ does not cut the others off.",
  severity: "medium",
  service: "network",
  remediationSteps: "Set blueprint:network.natGateways to OnePerAz (the prod default). Cost: one NAT gateway per AZ, billed per hour and per GB.",
  ids: { checkov: ["CKV2_AWS_35"], wellArchitected: ["REL10-BP01", "REL11-BP05"] },
  configSchema: {
    properties: {
      environments: {
        type: "array",
        items: { type: "string", enum: [...ENVIRONMENTS] },
        default: ["prod"],
        description: "Environments that need a NAT gateway per AZ (dev and staging run one per region to save cost).",
      },
      environment: {
        type: "string",
        enum: [...ENVIRONMENTS],
        description: "The stack's environment when neither the blueprint:environment stack tag nor the environment stack output gives it.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<{ environments: string[]; environment?: string }>();
    const environment = stackEnvironment(args, config.environment);
    if (environment !== undefined && !config.environments.includes(environment)) {
      args.notApplicable(`A NAT gateway per AZ is only required in ${config.environments.join(", ")}; this stack is ${environment}.`);
    }
    const vpcs = findVpcs(args.resources);
    if (vpcs.length === 0) args.notApplicable("The stack has no VPC.");
    for (const vpc of vpcs) {
      const nat = natGatewayZones(vpc, args.resources);
      const missing = privateSubnetZones(vpc, args.resources).filter((zone) => !nat.includes(zone));
      if (missing.length > 0) {
        reportViolation(
          `VPC ${vpc.resource.name} has private subnets in ${missing.join(", ")} without a NAT gateway in the same AZ (NAT gateways in: ${nat.join(", ") || "none"}).`,
          vpc.resource.urn,
        );
      }
    }
  },
});

/** Only the internet-facing load balancers' groups take traffic from the internet. */
export const securityGroupRestrictPublicIngressToLoadBalancers = stackPolicy({
  name: "aws-ec2-securitygroup-restrict-public-ingress-to-load-balancers",
  description:
    "Checks that ingress from the internet (0.0.0.0/0, ::/0, or an AWS-managed prefix list such as CloudFront's origin-facing list) is only allowed on security groups attached to an internet-facing load balancer or to an internal one that a CloudFront VPC origin reaches (AWS's documented way to admit a VPC origin is CloudFront's prefix list).",
  severity: "high",
  service: "network",
  remediationSteps:
    "Admit the app, worker and data tiers from the upstream tier's security group (referencedSecurityGroupId), never from a CIDR or prefix list; only the internet-facing load balancer's group takes traffic from the internet or from CloudFront.",
  ids: { cdkNag: ["AwsSolutions-EC23", "AwsSolutions-RDS8"], wellArchitected: ["SEC05-BP01", "SEC05-BP02"] },
  validateStack: (args, reportViolation) => {
    const rules = stackIngressRules(args.resources);
    if (rules.length === 0 && ofTypes(args.resources, SECURITY_GROUP_TYPES).length === 0) args.notApplicable("The stack has no security group.");
    const front = new Set(
      [...loadBalancers(args.resources).filter(isInternetFacing), ...vpcOriginLoadBalancers(args.resources)]
        .flatMap((loadBalancer) => groupsOfLoadBalancer(loadBalancer, args.resources))
        .map((group) => group.urn),
    );
    for (const { carrier, rule, group, groupId } of rules) {
      const peers = internetPeers(rule, args.resources);
      if (peers.length === 0 || (group !== undefined && front.has(group.urn))) continue;
      const where = carrier === group ? `its ${rule.where}` : `rule ${carrier.name}`;
      const label = group ? `Security group ${group.name}` : `Security group ${groupId ?? "(unknown)"}`;
      reportViolation(
        `${label} admits ${peers.join(", ")} (${describePorts(rule)}) through ${where}, but no internet-facing load balancer of the stack uses it.`,
        carrier.urn,
      );
    }
  },
});

/** The network policies, in pack order. */
export const NETWORK_POLICIES: readonly BlueprintPolicy[] = [
  defaultSecurityGroupDisallowRules,
  securityGroupMissingDescription,
  securityGroupMissingRuleDescription,
  securityGroupDisallowInlineRules,
  securityGroupDisallowPublicAdminIngress,
  securityGroupDisallowPublicIngress,
  securityGroupRestrictPublicEgress,
  flowLogConfigureAllTraffic,
  vpcEnableFlowLogs,
  vpcRequireLockedDefaultSecurityGroup,
  vpcConfigureMultiAz,
  vpcConfigureNatPerAz,
  securityGroupRestrictPublicIngressToLoadBalancers,
];

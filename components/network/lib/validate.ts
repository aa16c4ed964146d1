/**
 * Argument checks of the Network component, run before any child is declared. Config parsing
 * catches the same problems with key paths; these guard direct users of the component.
 */
import { isRfc1918, parseCidr } from "../../lib/cidr";
import { isLogRetention, LOG_RETENTION_DAYS } from "../../lib/logRetention";
import { NAT_STRATEGIES } from "../../lib/nat";
import { regionInfo } from "../../lib/regions";
import { azSlot, MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../../lib/subnetLayout";
import { albIngressProblems, ruleQuotaProblems, tierPortProblems, tierRules, type AlbIngressOptions, type TierPorts } from "./securityGroupRules";

/** The subset of NetworkArgs that is checked. */
export interface NetworkArgsToValidate {
  readonly region: string;
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  readonly natGateways: string;
  readonly flowLogRetentionDays: number;
  readonly ports: TierPorts;
  /** How the load balancer admits traffic. @default INTERNET_INGRESS */
  readonly albIngress?: AlbIngressOptions;
  /** Whether `albOriginPort` was written (it only applies behind CloudFront). */
  readonly albOriginPortGiven?: boolean;
}

/** Every problem with the arguments, as complete sentences; empty when they are valid. */
export function networkArgProblems(args: NetworkArgsToValidate): string[] {
  const problems: string[] = [];
  if (!regionInfo(args.region)) problems.push(`region must be a known AWS region, got "${args.region}"`);
  const cidr = parseCidr(args.vpcCidr);
  if (typeof cidr === "string") {
    problems.push(`vpcCidr "${args.vpcCidr}" ${cidr}`);
  } else {
    if (!isRfc1918(cidr)) problems.push(`vpcCidr must be inside an RFC 1918 range, got ${args.vpcCidr}`);
    if (cidr.prefix < MIN_VPC_PREFIX || cidr.prefix > MAX_VPC_PREFIX) {
      problems.push(`vpcCidr must be /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} for the subnet layout, got ${args.vpcCidr}`);
    }
  }
  const zones = args.availabilityZones;
  if (zones.length < 2 || zones.length > 6) problems.push(`availabilityZones must list 2 to 6 AZs, got ${zones.length}`);
  if (new Set(zones).size !== zones.length) problems.push(`availabilityZones must not repeat an AZ, got ${zones.join(", ")}`);
  for (const zone of zones) {
    const letter = zone.slice(args.region.length);
    if (!zone.startsWith(args.region) || letter.length !== 1 || azSlot(zone) === undefined) {
      problems.push(`availabilityZones entry "${zone}" is not an AZ of ${args.region}`);
    }
  }
  if (!(NAT_STRATEGIES as readonly string[]).includes(args.natGateways)) {
    problems.push(`natGateways must be one of ${NAT_STRATEGIES.join(", ")}, got "${args.natGateways}"`);
  }
  if (!isLogRetention(args.flowLogRetentionDays)) {
    problems.push(`flowLogRetentionDays must be a CloudWatch Logs retention (${LOG_RETENTION_DAYS.join(", ")}), got ${args.flowLogRetentionDays}`);
  }
  problems.push(...tierPortProblems(args.ports));
  if (args.albIngress !== undefined) {
    const ingressProblems = albIngressProblems(args.albIngress);
    if (args.albIngress.mode === "internet" && args.albOriginPortGiven === true) {
      ingressProblems.push("albOriginPort only applies with albIngress cloudfront: from the internet, the load balancer takes 443 and 80");
    }
    problems.push(...ingressProblems);
    if (ingressProblems.length === 0) problems.push(...ruleQuotaProblems(tierRules(args.ports, args.albIngress)));
  }
  return problems;
}

/**
 * Security group rules in one shape, whichever way they are declared: inline `ingress`/`egress`
 * blocks of `aws.ec2.SecurityGroup` and `aws.ec2.DefaultSecurityGroup`, `aws.vpc.SecurityGroupIngressRule`
 * / `EgressRule` resources, and legacy `aws.ec2.SecurityGroupRule` resources. Policies check the
 * shape once instead of once per alias.
 */
import * as aws from "@pulumi/aws";
import type { ReportViolation, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { onType, validateResourceOfTypes } from "./define";

/** One rule, normalised. */
export interface SecurityGroupRule {
  readonly direction: "ingress" | "egress";
  /** Lower-case protocol name or number; `-1` means all. */
  readonly protocol: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  /** IPv4 and IPv6 CIDRs the rule admits (peers that are groups or prefix lists are not listed). */
  readonly cidrs: readonly string[];
  /** Prefix lists the rule admits (`pl-…`), such as CloudFront's origin-facing list. */
  readonly prefixListIds: readonly string[];
  readonly description?: string;
  /** Where the rule was declared, for messages: `ingress[0]` or `rule`. */
  readonly where: string;
}

/** Inline rule blocks as the SDK types them (ingress and egress share the shape). */
interface InlineRule {
  readonly protocol?: string;
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrBlocks?: readonly string[];
  readonly ipv6CidrBlocks?: readonly string[];
  readonly prefixListIds?: readonly string[];
  readonly description?: string;
}

const ALL_PROTOCOLS = new Set(["-1", "all"]);
const PORTED_PROTOCOLS = new Set(["tcp", "udp", "6", "17"]);

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The inline `ingress`/`egress` blocks of a group (or a legacy rule resource's own props) as rules. */
export function inlineRules(direction: "ingress" | "egress", rules: unknown): SecurityGroupRule[] {
  if (!Array.isArray(rules)) return [];
  return (rules as InlineRule[]).map((rule, index) => ({
    direction,
    protocol: String(rule.protocol ?? "").toLowerCase(),
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    cidrs: [...strings(rule.cidrBlocks), ...strings(rule.ipv6CidrBlocks)],
    prefixListIds: strings(rule.prefixListIds),
    description: rule.description,
    where: `${direction}[${index}]`,
  }));
}

/** An `aws.vpc.SecurityGroupIngressRule`/`EgressRule` resource's props as a rule. */
export function ruleResource(
  direction: "ingress" | "egress",
  props: { ipProtocol?: string; fromPort?: number; toPort?: number; cidrIpv4?: string; cidrIpv6?: string; prefixListId?: string; description?: string },
): SecurityGroupRule {
  return {
    direction,
    protocol: String(props.ipProtocol ?? "").toLowerCase(),
    fromPort: props.fromPort,
    toPort: props.toPort,
    cidrs: [props.cidrIpv4, props.cidrIpv6].filter((cidr): cidr is string => typeof cidr === "string"),
    prefixListIds: typeof props.prefixListId === "string" ? [props.prefixListId] : [],
    description: props.description,
    where: "rule",
  };
}

/** What a rules validation receives. */
export type RulesValidation = (rules: readonly SecurityGroupRule[], args: ResourceValidationArgs, reportViolation: ReportViolation) => void;

/** A resource validation over the rules of any rule-bearing resource; other types are not applicable. */
export function validateSecurityGroupRules(validate: RulesValidation): ResourceValidation {
  return validateResourceOfTypes(
    onType(aws.ec2.SecurityGroup, (props, args, report) =>
      validate([...inlineRules("ingress", props.ingress), ...inlineRules("egress", props.egress)], args, report),
    ),
    onType(aws.ec2.DefaultSecurityGroup, (props, args, report) =>
      validate([...inlineRules("ingress", props.ingress), ...inlineRules("egress", props.egress)], args, report),
    ),
    onType(aws.vpc.SecurityGroupIngressRule, (props, args, report) => validate([ruleResource("ingress", props)], args, report)),
    onType(aws.vpc.SecurityGroupEgressRule, (props, args, report) => validate([ruleResource("egress", props)], args, report)),
    onType(aws.ec2.SecurityGroupRule, (props, args, report) => {
      const direction = props.type === "egress" ? "egress" : "ingress";
      const [rule] = inlineRules(direction, [props]);
      validate([{ ...rule, where: "rule" }], args, report);
    }),
  );
}

/** True for a CIDR that admits every address (`0.0.0.0/0`, `::/0`). */
export function isPublicCidr(cidr: string): boolean {
  return /\/0$/.test(cidr.trim());
}

/** The rule's public CIDRs. */
export function publicCidrs(rule: SecurityGroupRule): string[] {
  return rule.cidrs.filter(isPublicCidr);
}

/** True when the rule admits every protocol, or every port of a ported protocol. */
export function coversAllPorts(rule: SecurityGroupRule): boolean {
  if (ALL_PROTOCOLS.has(rule.protocol)) return true;
  if (!PORTED_PROTOCOLS.has(rule.protocol)) return false;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return from <= 0 && to >= 65535;
}

/** True when the rule admits traffic to `port` (TCP or UDP). */
export function coversPort(rule: SecurityGroupRule, port: number): boolean {
  if (ALL_PROTOCOLS.has(rule.protocol)) return true;
  if (!PORTED_PROTOCOLS.has(rule.protocol)) return false;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return from <= port && port <= to;
}

/** The ports a rule opens, for messages: `tcp 443`, `tcp 0-65535`, `all traffic`. */
export function describePorts(rule: SecurityGroupRule): string {
  if (ALL_PROTOCOLS.has(rule.protocol)) return "all traffic";
  if (!PORTED_PROTOCOLS.has(rule.protocol)) return rule.protocol || "no protocol";
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return from === to ? `${rule.protocol} ${from}` : `${rule.protocol} ${from}-${to}`;
}

/**
 * True when every port the rule opens is in `allowed`. All traffic, protocols without ports (ICMP)
 * and ranges wider than a handful of ports are never within an allow-list.
 */
export function portsWithin(rule: SecurityGroupRule, allowed: readonly number[]): boolean {
  if (!PORTED_PROTOCOLS.has(rule.protocol)) return false;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  if (to - from > 16) return false;
  for (let port = from; port <= to; port++) if (!allowed.includes(port)) return false;
  return true;
}

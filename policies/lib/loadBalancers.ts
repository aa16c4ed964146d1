/**
 * Load balancers, their listeners and the security-group rules that let traffic in, as stack
 * policies see them (outputs with property dependencies). `aws.lb` and its `aws.alb` aliases are
 * the same resources under two type tokens.
 */
import type { PolicyResource } from "@pulumi/policy";
import { known, listRefersTo, matchableStringProp, ofType, ofTypes, refersTo } from "./graph";
import { inlineRules, publicCidrs, ruleResource, type SecurityGroupRule } from "./securityGroupRules";

/** Type tokens of load balancers, listeners and listener rules (both modules). */
export const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"] as const;
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"] as const;
export const LISTENER_RULE_TYPES = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"] as const;

/** Groups that carry rules: tier groups and a VPC's default group. */
export const SECURITY_GROUP_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup"] as const;
const INGRESS_RULE_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const LEGACY_RULE_TYPE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const MANAGED_PREFIX_LIST_TYPE = "aws:ec2/managedPrefixList:ManagedPrefixList";

/** Every load balancer of the stack. */
export function loadBalancers(resources: readonly PolicyResource[]): PolicyResource[] {
  return ofTypes(resources, LOAD_BALANCER_TYPES);
}

/** True unless the load balancer declares `internal: true` (AWS's default is internet-facing). */
export function isInternetFacing(loadBalancer: PolicyResource): boolean {
  return loadBalancer.props.internal !== true;
}

/** The stack's security groups a load balancer is attached to. */
export function groupsOfLoadBalancer(loadBalancer: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
  return ofTypes(resources, SECURITY_GROUP_TYPES).filter((group) => listRefersTo(loadBalancer, "securityGroups", group, ["id"]));
}

/** The listeners of a load balancer. */
export function listenersOf(loadBalancer: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
  return ofTypes(resources, LISTENER_TYPES).filter((listener) => refersTo(listener, "loadBalancerArn", loadBalancer, ["arn", "id"]));
}

/** The rules of a listener. */
export function rulesOfListener(listener: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
  return ofTypes(resources, LISTENER_RULE_TYPES).filter((rule) => refersTo(rule, "listenerArn", listener, ["arn", "id"]));
}

/** One ingress rule of the stack and the group it opens. */
export interface StackIngressRule {
  /** The resource that declares the rule: a rule resource, or the group for an inline rule. */
  readonly carrier: PolicyResource;
  readonly rule: SecurityGroupRule;
  /** The group the rule belongs to, when it is a group of the stack. */
  readonly group?: PolicyResource;
  /** The group's ID as the rule names it, when known. */
  readonly groupId?: string;
}

/** Every ingress rule of the stack: inline blocks of groups, rule resources and legacy `SecurityGroupRule`s. */
export function stackIngressRules(resources: readonly PolicyResource[]): StackIngressRule[] {
  const groups = ofTypes(resources, SECURITY_GROUP_TYPES);
  const owner = (carrier: PolicyResource) => {
    const group = groups.find((candidate) => refersTo(carrier, "securityGroupId", candidate, ["id"]));
    const groupId = matchableStringProp(carrier, "securityGroupId");
    return { ...(group ? { group } : {}), ...(groupId !== undefined ? { groupId } : {}) };
  };
  const rules: StackIngressRule[] = [];
  for (const group of groups) {
    for (const rule of inlineRules("ingress", group.props.ingress)) rules.push({ carrier: group, rule, group });
  }
  for (const carrier of ofType(resources, INGRESS_RULE_TYPE)) {
    rules.push({ carrier, rule: ruleResource("ingress", carrier.props as Parameters<typeof ruleResource>[1]), ...owner(carrier) });
  }
  for (const carrier of ofType(resources, LEGACY_RULE_TYPE)) {
    if (carrier.props.type === "egress") continue;
    const [rule] = inlineRules("ingress", [carrier.props]);
    rules.push({ carrier, rule: { ...rule, where: "rule" }, ...owner(carrier) });
  }
  return rules;
}

/**
 * The peers of a rule that stand for the internet: `/0` CIDRs, and prefix lists the stack does not
 * declare itself (AWS-managed lists such as `com.amazonaws.global.cloudfront.origin-facing`, which
 * admit address ranges of AWS's public edge).
 */
export function internetPeers(rule: SecurityGroupRule, resources: readonly PolicyResource[]): string[] {
  const declared = new Set(
    ofType(resources, MANAGED_PREFIX_LIST_TYPE)
      .map((list) => known(() => matchableStringProp(list, "id")))
      .filter((id): id is string => id !== undefined),
  );
  return [...publicCidrs(rule), ...rule.prefixListIds.filter((id) => !declared.has(id)).map((id) => `prefix list ${id}`)];
}

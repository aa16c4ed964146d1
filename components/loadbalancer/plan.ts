/**
 * Plan facts of the load balancer component: the ALB (its DNS name and zone, which CloudFront's
 * origins and Route 53 aliases point at, and the ARN suffixes alarms read), target groups,
 * listeners and listener rules. Its certificates, records and log bucket are shared types.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { ELB_ZONE_IDS } from "../lib/plan/elbZones";
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { genericMock, named, type Builder } from "../lib/plan/mock";
import { arn, hashHex } from "../lib/plan/mockIds";
import { free, hours, type CostRule } from "../lib/plan/cost";

const elbArn = (kind: string, region: string, name: string, urn: string) => {
  const suffix = `${kind}/${name}/${hashHex(16, urn)}`;
  return { arn: arn("elasticloadbalancing", region, `${kind === "targetgroup" ? "" : "loadbalancer/"}${suffix}`), suffix };
};

const loadBalancer: Builder = (input, region) => {
  const name = named(input);
  const { arn: lbArn, suffix } = elbArn("app", region, name, input.urn);
  return {
    id: lbArn,
    outputs: {
      name,
      arn: lbArn,
      arnSuffix: suffix,
      dnsName: `${name}-${parseInt(hashHex(8, input.urn), 16) % 1_000_000_000}.${region}.elb.amazonaws.com`,
      zoneId: ELB_ZONE_IDS[region] ?? `Z${hashHex(13, "elb-zone", region).toUpperCase()}`,
    },
  };
};

const targetGroup: Builder = (input, region) => {
  const name = named(input);
  const { arn: tgArn, suffix } = elbArn("targetgroup", region, name, input.urn);
  return { id: tgArn, outputs: { name, arn: tgArn, arnSuffix: suffix } };
};

const listenerLike =
  (kind: "listener" | "listener-rule"): Builder =>
  (input, region) => {
    const id = arn("elasticloadbalancing", region, `${kind}/app/${hashHex(16, kind, input.urn)}`);
    return { id, outputs: { arn: id } };
  };

/** The load balancer component's facts. */
/** Load balancer hours by type, with LCUs at a stated average. */
const loadBalancerHours: CostRule = {
  rule: "load balancer hours by type, plus capacity units at an assumed average of 1 LCU per hour",
  meters: (balancer) => {
    const kind = balancer.inputs.loadBalancerType === "network" ? "nlb" : "alb";
    return [hours(`elb:${kind}`, 1, `${kind.toUpperCase()} hours`), hours(`elb:${kind}-lcu`, 1, `${kind.toUpperCase()} capacity units (assumed 1 per hour)`)];
  },
  traffic: "capacity units above 1 per hour on average (one LCU: 25 new connections/s, 3,000 active connections, 1 GB/h processed or 1,000 rule evaluations/s)",
};

/** How the load balancer is billed: hours and capacity units. */
const LOAD_BALANCER_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:lb/loadBalancer:LoadBalancer": loadBalancerHours,
  "aws:alb/loadBalancer:LoadBalancer": loadBalancerHours,
  "aws:lb/targetGroup:TargetGroup": free("configuration"),
  "aws:lb/listener:Listener": free("configuration"),
  "aws:lb/listenerRule:ListenerRule": free("configuration (rule evaluations count towards the LCUs)"),
};

export const loadBalancerPlanFacts: ComponentPlanFacts = {
  component: "loadbalancer",
  costs: LOAD_BALANCER_COSTS,
  types: [
    {
      type: "aws:lb/loadBalancer:LoadBalancer",
      mock: loadBalancer,
      creation: {
        seconds: 180,
        basis: "experience: an ALB is active 2-4 min after creation (the provider waits for active); provider create timeout 10 min",
      },
      kind: "loadBalancer",
    },
    // the legacy alias of the `lb` module: older programs and plans use it
    {
      type: "aws:alb/loadBalancer:LoadBalancer",
      mock: genericMock,
      creation: { seconds: 180, basis: "same as aws:lb/loadBalancer:LoadBalancer" },
      kind: "loadBalancer",
    },
    { type: "aws:lb/targetGroup:TargetGroup", mock: targetGroup, creation: API_ONLY_CREATION },
    { type: "aws:lb/listener:Listener", mock: listenerLike("listener"), creation: API_ONLY_CREATION },
    { type: "aws:lb/listenerRule:ListenerRule", mock: listenerLike("listener-rule"), creation: API_ONLY_CREATION },
  ],
};

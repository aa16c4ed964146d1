/**
 * Plan facts of the DNS component: Route 53 health checks (its records, key, topic and alarms are
 * shared types); the diagram's Route 53 alias arrows, and the resolution of a DNS name to the
 * drawn resource it leads to (which the CDN's origins use too).
 */
import type { ComponentPlanFacts, EdgeContext } from "../lib/plan/facts";
import { arn, edgeUuid } from "../lib/plan/mockIds";
import type { PlannedResource } from "../lib/plan/plannedResource";
import { objectList } from "../lib/plan/planGraph";
import { ROUTE53_RECORD } from "../lib/plan/sharedTypes";
import { monthly, type CostRule } from "../lib/plan/cost";

const DOMAIN_OUTPUTS = ["dnsName", "fqdn", "domainName", "bucketRegionalDomainName", "bucketDomainName", "name"];

const normalizeDomain = (value: unknown) => (typeof value === "string" ? value.toLowerCase().replace(/\.$/, "") : undefined);

/**
 * The drawn resource a DNS name leads to: a load balancer or bucket by its recorded name, a
 * CloudFront distribution by its domain, or whatever a Route 53 alias record of that name points at.
 */
export function resolveDomain(context: Pick<EdgeContext, "graph" | "kindOf">, domain: unknown, seen = new Set<string>()): PlannedResource | undefined {
  const { graph, kindOf } = context;
  const wanted = normalizeDomain(domain);
  if (wanted === undefined || seen.has(wanted)) return undefined;
  seen.add(wanted);
  for (const resource of graph.resources) {
    const matches = DOMAIN_OUTPUTS.some((key) => normalizeDomain(resource.outputs[key]) === wanted);
    if (!matches) continue;
    if (resource.type === ROUTE53_RECORD) {
      for (const alias of objectList(resource.inputs.aliases)) {
        const target = resolveDomain(context, alias.name, seen);
        if (target) return target;
      }
      const viaDependency = graph
        .propertyDependenciesOf(resource, "aliases")
        .map((urn) => graph.byUrn.get(urn))
        .find((target) => target !== undefined && kindOf(target) !== undefined);
      if (viaDependency) return viaDependency;
      continue;
    }
    if (kindOf(resource) !== undefined) return resource;
  }
  return undefined;
}

/** An alias record draws DNS → what its alias leads to, labelled with its routing policy. */
function aliasEdges(context: EdgeContext): void {
  const { graph, nodeOf, connect } = context;
  for (const record of graph.ofTypes([ROUTE53_RECORD])) {
    const dns = nodeOf(record.urn);
    if (dns === undefined) continue;
    const failover = objectList(record.inputs.failoverRoutingPolicies)[0]?.type;
    const label = typeof failover === "string" ? failover.toLowerCase() : objectList(record.inputs.latencyRoutingPolicies).length > 0 ? "latency" : undefined;
    for (const alias of objectList(record.inputs.aliases)) {
      const target = resolveDomain(context, alias.name);
      connect(dns, target ? nodeOf(target.urn) : undefined, "traffic", label);
    }
  }
}

/** The DNS component's facts. */
/** How DNS is billed: a monthly fee per health check. */
const DNS_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:route53/healthCheck:HealthCheck": monthly(
    "route53:health-check",
    "health checks",
    "a monthly fee per health check (AWS-endpoint rate: CloudWatch-metric and calculated checks)",
    "optional features (HTTPS, string matching, fast interval, latency measurement) add $1 a month each",
  ),
};

export const dnsPlanFacts: ComponentPlanFacts = {
  component: "dns",
  costs: DNS_COSTS,
  types: [
    {
      type: "aws:route53/healthCheck:HealthCheck",
      mock: (input) => {
        const id = edgeUuid("healthcheck", input.urn);
        return { id, outputs: { arn: arn("route53", "", `healthcheck/${id}`, "") } };
      },
      creation: { seconds: 10, basis: "experience: seconds (API-only)" },
      kind: "dns",
      noun: "health check",
    },
  ],
  edges: { requests: aliasEdges },
};

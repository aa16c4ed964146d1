/**
 * Routing policies: every region the stack pays for serves some route (no idle region unless the
 * stack declares it a standby), and the edge's CloudFront Functions and VPC origins keep to the
 * rules CloudFront sets.
 *
 * Which regions serve is read from the distribution as planned: a behaviour's target origin (or an
 * origin group's first member), and for a behaviour with a viewer-request router, the routing data
 * the router carries on its `var ROUTING = {…};` line (the regions and, per group of viewers, the
 * region they are sent to first). A region declares itself a standby with the `ServingRole:
 * standby` tag on its load balancer.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType, type PolicyResource } from "@pulumi/policy";
import { behaviors, DISTRIBUTION_TYPE, isS3Origin, originRegion, VPC_ORIGIN_TYPE, type DistributionProps, type OriginProps } from "./lib/cloudfront";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { known, matchableStringProp, ofType } from "./lib/graph";
import { loadBalancers } from "./lib/loadBalancers";
import { arnRegion, regionOf } from "./lib/region";

/** The tag a region's load balancer carries to say whether the region serves viewers first (`active`) or only takes failover traffic (`standby`). */
export const SERVING_ROLE_TAG = "ServingRole";

/** Type token of a CloudFront Function. */
export const FUNCTION_TYPE = "aws:cloudfront/function:Function";

/** The line of a router's code that carries its routing data. */
const ROUTING_LINE = /^var ROUTING = (\{.*\});$/m;

/** What the policy reads of a router's routing data. */
interface RoutingData {
  readonly regions?: readonly string[];
  /** Regions (by index) the router ranks first by distance: a viewer at a serving region's own location goes there. */
  readonly serving?: readonly number[];
  readonly pairs?: readonly (readonly number[])[];
  readonly fallback?: readonly number[];
}

/**
 * The regions a router sends some viewer to first, from its code: the first region of each
 * country's pair and of the fallback, and every serving region (the router ranks by the viewer's
 * latitude and longitude, so a viewer standing at a serving region goes to it); undefined when the
 * code carries no routing data.
 */
export function routerFirstRegions(code: unknown): string[] | undefined {
  if (typeof code !== "string") return undefined;
  const match = ROUTING_LINE.exec(code);
  if (!match) return undefined;
  let data: RoutingData;
  try {
    data = JSON.parse(match[1]) as RoutingData;
  } catch {
    return undefined;
  }
  const regions = data.regions ?? [];
  const firsts = [...(data.pairs ?? []), data.fallback ?? [], ...(data.serving ?? []).map((index) => [index])]
    .map((pair) => regions[pair[0]])
    .filter((region): region is string => typeof region === "string");
  return [...new Set(firsts)];
}

/** The region of an origin: by its domain name, else through its VPC origin's load balancer ARN. */
function regionOfOrigin(
  origin: OriginProps & { readonly vpcOriginConfig?: { readonly vpcOriginId?: string } },
  resources: readonly PolicyResource[],
): string | undefined {
  const byName = originRegion(origin, resources);
  if (byName !== undefined) return byName;
  const id = known(() => origin.vpcOriginConfig?.vpcOriginId);
  if (typeof id !== "string") return undefined;
  // a VPC origin's ARN ends in its ID (arn:aws:cloudfront::<account>:vpcorigin/<id>)
  const vpcOrigin = ofType(resources, VPC_ORIGIN_TYPE).find((candidate) => matchableStringProp(candidate, "arn")?.endsWith(`/${id}`) === true);
  return vpcOrigin ? arnRegion(known(() => (vpcOrigin.props.vpcOriginEndpointConfig as { arn?: unknown } | undefined)?.arn)) : undefined;
}

/** Every region some behaviour of the distribution serves first for some viewers. */
function servedRegions(distribution: PolicyResource, resources: readonly PolicyResource[]): Set<string> {
  const props = distribution.props as DistributionProps & { readonly origins?: ReadonlyArray<OriginProps & { vpcOriginConfig?: { vpcOriginId?: string } }> };
  const origins = props.origins ?? [];
  const regionOfId = (id: string | undefined): string | undefined => {
    const group = (props.originGroups ?? []).find((candidate) => candidate.originId === id);
    const originId = group ? group.members?.[0]?.originId : id;
    const origin = origins.find((candidate) => candidate.originId === originId);
    return origin === undefined || isS3Origin(origin) ? undefined : regionOfOrigin(origin, resources);
  };
  const functions = ofType(resources, FUNCTION_TYPE);
  const served = new Set<string>();
  for (const behaviour of behaviors(props) as ReadonlyArray<{
    targetOriginId?: string;
    functionAssociations?: ReadonlyArray<{ eventType?: string; functionArn?: string }>;
  }>) {
    const router = (behaviour.functionAssociations ?? []).find((association) => association.eventType === "viewer-request");
    const routed = router ? routerFirstRegions(functions.find((fn) => matchableStringProp(fn, "arn") === router.functionArn)?.props.code) : undefined;
    if (routed !== undefined) {
      for (const region of routed) served.add(region);
      continue;
    }
    const region = regionOfId(behaviour.targetOriginId);
    if (region !== undefined) served.add(region);
  }
  return served;
}

/** No region pays for a stamp that serves nobody. */
export const stackRequireServingRegions = stackPolicy({
  name: "stack-require-serving-regions",
  description:
    "Checks that every region with a load balancer behind the stack's CloudFront distribution is the first choice of some route for some viewers (a behaviour's origin, or a region its router sends viewers to first), unless the region's load balancer is tagged ServingRole standby.",
  severity: "medium",
  service: "stack",
  remediationSteps:
    "Give the region viewers: a read-any, read-your-writes or cacheable route in blueprint:routes (each region is then the nearest for some viewers), or declare it a standby in blueprint:cdn.standbyRegions (it then only takes failover traffic).",
  ids: { wellArchitected: ["REL10-BP01", "COST02-BP05"] },
  validateStack: (args, reportViolation) => {
    const distributions = ofType(args.resources, DISTRIBUTION_TYPE);
    if (distributions.length === 0) args.notApplicable("The stack has no CloudFront distribution.");
    const balancers = loadBalancers(args.resources);
    if (balancers.length === 0) args.notApplicable("The stack has no load balancer.");
    const served = new Set(distributions.flatMap((distribution) => [...servedRegions(distribution, args.resources)]));
    for (const loadBalancer of balancers) {
      const region = regionOf(loadBalancer);
      if (region === undefined || served.has(region)) continue;
      const tags = (known((): unknown => loadBalancer.props.tags) ?? {}) as Record<string, unknown>;
      if (tags[SERVING_ROLE_TAG] === "standby") continue;
      reportViolation(
        `Region ${region} serves no route: no behaviour of the distribution sends viewers there first, so its load balancer ${loadBalancer.name} and its tiers wait for a failover. Route viewers to it, or tag it ${SERVING_ROLE_TAG} standby.`,
        loadBalancer.urn,
      );
    }
  },
});

/** Largest CloudFront Function. */
const MAX_FUNCTION_BYTES = 10 * 1024;

/** CloudFront Functions use the current runtime and fit its limits. */
export const functionConfigureRuntime = resourcePolicy({
  name: "aws-cloudfront-function-configure-runtime",
  description:
    "Checks that a CloudFront Function uses JavaScript runtime 2.0 (the one with the origin helpers and key value stores), is published, and fits CloudFront's 10 KB function size.",
  severity: "medium",
  service: "cdn",
  remediationSteps: 'Set `runtime: "cloudfront-js-2.0"` and `publish: true`, and keep the code under 10 KB (move data to a key value store).',
  ids: { wellArchitected: ["REL05-BP01"] },
  validateResource: validateResourceOfType(aws.cloudfront.Function, (fn, _args, reportViolation) => {
    if (fn.runtime !== "cloudfront-js-2.0") reportViolation(`The function uses runtime ${String(fn.runtime)}; use cloudfront-js-2.0.`);
    if (fn.publish !== true) reportViolation("The function is not published, so distributions run its previous LIVE code (or none).");
    const bytes = typeof fn.code === "string" ? Buffer.byteLength(fn.code, "utf8") : 0;
    if (bytes > MAX_FUNCTION_BYTES) reportViolation(`The function's code is ${bytes} bytes; CloudFront Functions allow ${MAX_FUNCTION_BYTES}.`);
  }),
});

/** VPC origins speak HTTPS with TLS 1.2. */
export const vpcOriginRequireHttps = resourcePolicy({
  name: "aws-cloudfront-vpcorigin-require-https",
  description: "Checks that a CloudFront VPC origin reaches its load balancer over HTTPS only, with TLS 1.2.",
  severity: "medium",
  service: "cdn",
  remediationSteps:
    'Give the load balancer an HTTPS listener with a certificate for the origin\'s domain name, and set `originProtocolPolicy: "https-only"` and `originSslProtocols: { items: ["TLSv1.2"], quantity: 1 }`.',
  ids: { wellArchitected: ["SEC09-BP02"] },
  validateResource: validateResourceOfType(aws.cloudfront.VpcOrigin, (vpcOrigin, _args, reportViolation) => {
    const config = vpcOrigin.vpcOriginEndpointConfig;
    if (config?.originProtocolPolicy !== "https-only") {
      reportViolation(`The VPC origin is reached with ${String(config?.originProtocolPolicy)}; traffic inside the VPC is unencrypted. Use https-only.`);
    }
    const weak = (config?.originSslProtocols?.items ?? []).filter((protocol) => protocol !== "TLSv1.2");
    if (weak.length > 0) reportViolation(`The VPC origin accepts ${weak.join(", ")}; allow TLSv1.2 only.`);
  }),
});

/** The routing policies, in pack order. */
export const ROUTING_POLICIES: readonly BlueprintPolicy[] = [stackRequireServingRegions, functionConfigureRuntime, vpcOriginRequireHttps];

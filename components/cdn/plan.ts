/**
 * Plan facts of the CDN component: the CloudFront distribution, its policies and origin access
 * control, the WAF web ACL and its logging, the access logs' vended-log delivery and the static
 * assets' S3 replication; the diagram's arrows for CloudFront's origins and origin-group failover,
 * WAF protection and S3 replication.
 */
import { resolveDomain } from "../dns/plan";
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts, EdgeContext, ReportContext } from "../lib/plan/facts";
import { REPRESENTATIVE_VIEWERS } from "../lib/countries";
import { plannedRoutes, type PlannedRoute, type PlannedRouteTypes } from "./lib/plannedRoutes";
import { referenced } from "../lib/plan/graphQueries";
import { genericMock } from "../lib/plan/mock";
import { objectList, type PlanGraph } from "../lib/plan/planGraph";
import { BUCKET_TYPES } from "../lib/plan/sharedTypes";
import {
  bucketReplicationConfig,
  cloudFrontFunction,
  cloudFrontPolicy,
  distribution,
  logDelivery,
  logDeliveryDestination,
  logDeliverySource,
  logResourcePolicy,
  originAccessControl,
  webAcl,
  webAclLoggingConfiguration,
  vpcOrigin,
} from "./lib/mocks";
import { free, traffic, type CostRule } from "../lib/plan/cost";

/** A CloudFront distribution. */
export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
/** Load balancer types (declared by the loadbalancer component; read here to follow origins). */
const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
/** A CloudFront VPC origin (an internal load balancer CloudFront reaches privately). */
export const CLOUDFRONT_VPC_ORIGIN = "aws:cloudfront/vpcOrigin:VpcOrigin";
/** A CloudFront Function. */
export const CLOUDFRONT_FUNCTION = "aws:cloudfront/function:Function";
/** A regional web ACL's association with a load balancer or API. */
export const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
/** A bucket's replication configuration. */
export const S3_REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

/** The types the planned routes pass through. */
const ROUTE_TYPES: PlannedRouteTypes = {
  distribution: CLOUDFRONT_DISTRIBUTION,
  function: CLOUDFRONT_FUNCTION,
  vpcOrigin: CLOUDFRONT_VPC_ORIGIN,
  loadBalancers: LOAD_BALANCER_TYPES,
  buckets: [...BUCKET_TYPES],
};

/** Routes already read back per graph: the matrix, the diagram and the survivability analysis share one run of the routers. */
const routesByGraph = new WeakMap<PlanGraph, PlannedRoute[]>();

/** The routes of a plan's distributions as the planned edge serves them (the survivability analysis reads them). */
export function routesOfPlan(graph: PlanGraph): PlannedRoute[] {
  let routes = routesByGraph.get(graph);
  if (!routes) {
    routes = plannedRoutes(graph, ROUTE_TYPES);
    routesByGraph.set(graph, routes);
  }
  return routes;
}

/**
 * CloudFront's real traffic, WAF protection (of a distribution, or by association): an arrow to
 * each origin some route sends viewers to first, and a failover arrow from a region to the region
 * that takes its viewers when it fails.
 */
function edgeServiceEdges(context: EdgeContext): void {
  const { graph, nodeOf, connect } = context;
  const distributions = graph.ofTypes([CLOUDFRONT_DISTRIBUTION]);
  if (distributions.length === 0) return;
  // the box of each region's load balancer, and of each bucket region
  const balancerNode = new Map(graph.ofTypes(LOAD_BALANCER_TYPES).map((balancer) => [balancer.region, nodeOf(balancer.urn)] as const));
  const bucketNode = new Map<string | null, string | undefined>();
  for (const distribution of distributions) {
    for (const origin of objectList(distribution.inputs.origins)) {
      const target = origin.vpcOriginConfig === undefined ? resolveDomain(context, origin.domainName) : undefined;
      if (target && BUCKET_TYPES.has(target.type)) bucketNode.set(target.region, nodeOf(target.urn));
    }
  }
  const nodeFor = (region: string | undefined, bucket: boolean) =>
    region === undefined ? undefined : bucket ? bucketNode.get(region) : balancerNode.get(region);
  const routes = routesOfPlan(graph);
  for (const distribution of distributions) {
    const cdn = nodeOf(distribution.urn);
    for (const route of routes) {
      for (const serving of route.servings) {
        const bucket = serving.origin === "bucket";
        connect(cdn, nodeFor(serving.region, bucket), "traffic");
        if (serving.failoverRegion !== undefined) connect(nodeFor(serving.region, bucket), nodeFor(serving.failoverRegion, bucket), "failover", "failover");
      }
    }
    for (const acl of graph.propertyDependenciesOf(distribution, "webAclId")) connect(nodeOf(acl), cdn, "protects", "protects");
  }
  for (const association of graph.ofTypes([WAF_ASSOCIATION])) {
    for (const acl of graph.propertyDependenciesOf(association, "webAclArn")) {
      for (const target of graph.propertyDependenciesOf(association, "resourceArn")) connect(nodeOf(acl), nodeOf(target), "protects", "protects");
    }
  }
}

/** S3 replication: the source bucket's rule names each destination bucket's ARN. */
function replicationEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const configuration of graph.ofTypes([S3_REPLICATION])) {
    const source = referenced(graph, configuration, "bucket", BUCKET_TYPES) ?? graph.ownerOfValue(configuration.inputs.bucket, ["bucket", "id"], BUCKET_TYPES);
    for (const rule of objectList(configuration.inputs.rules)) {
      const destination = rule.destination !== null && typeof rule.destination === "object" ? (rule.destination as Record<string, unknown>).bucket : undefined;
      const target = graph.ownerOfValue(destination, ["arn"], BUCKET_TYPES);
      if (source && target) connect(nodeOf(source.urn), nodeOf(target.urn), "replication", "replication");
    }
  }
}

/**
 * The report's route matrix: for every route and a table of representative viewers, the region
 * that serves it and (after the arrow) where it fails over, read back from the planned
 * distribution by running its routers.
 */
export function routeMatrixSection(context: ReportContext): string[] {
  const routes = routesOfPlan(context.graph);
  if (routes.length === 0) return [];
  const cell = (region?: string, failover?: string) => (region === undefined ? "?" : failover !== undefined ? `${region} → ${failover}` : region);
  const header = ["route", "class", "method", ...REPRESENTATIVE_VIEWERS.map((viewer) => viewer.country)];
  const rows = routes.map((route) => [
    `\`${route.pathPattern}\``,
    route.routeClass,
    route.method,
    ...route.servings.map((serving) => cell(serving.region, serving.failoverRegion)),
  ]);
  const served = new Set(routes.flatMap((route) => (route.routeClass === "static" ? [] : route.servings.map((serving) => serving.region))));
  const standby = new Set(
    context.graph
      .ofTypes(LOAD_BALANCER_TYPES)
      .filter((balancer) => (balancer.inputs.tags as Record<string, unknown> | undefined)?.ServingRole === "standby")
      .map((balancer) => balancer.region),
  );
  const duty = context.regions.map((region) => {
    const role =
      region === context.primaryRegion ? "primary" : standby.has(region) ? "standby (failover only; its tiers may run at standby minimums)" : "serving";
    const first = served.has(region) ? "nearest region for some viewers" : "serves no viewer first";
    return `- \`${region}\`: ${role}, ${first}`;
  });
  return [
    "### Route matrix",
    "",
    "Which region serves each route for viewers in these countries, and where it fails over (`A → B`). Write routes have no failover at the edge: they move only with a switchover. Read routes fail over at the edge to the next nearest region; read-your-writes routes serve a viewer who just wrote from the primary (failing over to the viewer's nearest region).",
    "",
    "| " + header.join(" | ") + " |",
    "| " + header.map(() => "---").join(" | ") + " |",
    ...rows.map((row) => "| " + row.join(" | ") + " |"),
    "",
    "Viewers: " + REPRESENTATIVE_VIEWERS.map((viewer) => `${viewer.country} ${viewer.name}`).join(", ") + ".",
    "",
    ...duty,
  ];
}

/** The CDN component's facts. */
/** The regions a planned route's viewers are served from in normal operation (failover targets only do not count); undefined without routes. */
function servingRegionsOf(context: ReportContext): string[] | undefined {
  const routes = routesOfPlan(context.graph);
  if (routes.length === 0) return undefined;
  return [...new Set(routes.flatMap((route) => route.servings.flatMap((serving) => (serving.region !== undefined ? [serving.region] : []))))];
}

/** How the edge is billed: WAF's monthly fees; CloudFront has no base fee. */
const CDN_COSTS: Readonly<Record<string, CostRule>> = {
  [CLOUDFRONT_DISTRIBUTION]: traffic("pay-as-you-go CloudFront has no monthly base fee: data transfer out and HTTPS requests"),
  [CLOUDFRONT_FUNCTION]: traffic("$0.10 per million invocations"),
  [CLOUDFRONT_VPC_ORIGIN]: free("VPC origins have no additional charge"),
  "aws:cloudfront/cachePolicy:CachePolicy": free("configuration"),
  "aws:cloudfront/originRequestPolicy:OriginRequestPolicy": free("configuration"),
  "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": free("configuration"),
  "aws:cloudfront/originAccessControl:OriginAccessControl": free("configuration"),
  "aws:wafv2/webAcl:WebAcl": {
    rule: "a monthly fee per web ACL and per rule in it",
    meters: (acl) => {
      const rules = Array.isArray(acl.inputs.rules) ? acl.inputs.rules.length : 0;
      return [
        { sku: "waf:web-acl", what: "web ACLs", min: 1, max: 1 },
        { sku: "waf:rule", what: "WAF rules", min: rules, max: rules },
      ];
    },
    traffic: "requests ($0.60 per million); paid managed rule groups (Bot Control, ATP) are not used",
  },
  [WAF_ASSOCIATION]: free("configuration"),
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration": traffic("WAF logs: vended log ingestion"),
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": free("configuration"),
  "aws:cloudwatch/logDeliverySource:LogDeliverySource": free("configuration"),
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": free("configuration"),
  "aws:cloudwatch/logDelivery:LogDelivery": traffic("access logs: vended log delivery per GB"),
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig": traffic("replication: cross-region data transfer ($0.02 per GB) and requests"),
};

export const cdnPlanFacts: ComponentPlanFacts = {
  component: "cdn",
  costs: CDN_COSTS,
  types: [
    {
      type: CLOUDFRONT_DISTRIBUTION,
      mock: distribution,
      creation: {
        seconds: 480,
        basis:
          "AWS CloudFront docs: a new distribution is deployed to every edge location within minutes (experience: 5-10 min, the provider waits for Deployed)",
      },
      kind: "cdn",
    },
    { type: "aws:cloudfront/originAccessControl:OriginAccessControl", mock: originAccessControl, creation: API_ONLY_CREATION },
    {
      type: CLOUDFRONT_VPC_ORIGIN,
      mock: vpcOrigin,
      creation: { seconds: 600, basis: "AWS CloudFront docs: a VPC origin takes up to 15 minutes to reach Deployed (the provider waits for it)" },
    },
    {
      type: CLOUDFRONT_FUNCTION,
      mock: cloudFrontFunction,
      creation: { seconds: 10, basis: "experience: seconds (API-only; publishing copies the function to LIVE)" },
    },
    { type: "aws:cloudfront/cachePolicy:CachePolicy", mock: cloudFrontPolicy("cache-policy"), creation: API_ONLY_CREATION },
    { type: "aws:cloudfront/originRequestPolicy:OriginRequestPolicy", mock: cloudFrontPolicy("origin-request-policy"), creation: API_ONLY_CREATION },
    { type: "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", mock: cloudFrontPolicy("response-headers-policy"), creation: API_ONLY_CREATION },
    {
      type: "aws:wafv2/webAcl:WebAcl",
      mock: webAcl,
      creation: { seconds: 15, basis: "experience: seconds (API-only)" },
      kind: "waf",
      // a CLOUDFRONT-scoped ACL lives in us-east-1 whatever the stack's regions; a regional one is drawn in its region
      global: (resource) => resource.inputs.scope === "CLOUDFRONT",
    },
    { type: "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", mock: webAclLoggingConfiguration, creation: API_ONLY_CREATION },
    // the blueprint's ACL protects CloudFront directly; a regional ACL would be associated
    { type: WAF_ASSOCIATION, mock: genericMock, creation: API_ONLY_CREATION },
    { type: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", mock: logResourcePolicy, creation: API_ONLY_CREATION },
    { type: "aws:cloudwatch/logDeliverySource:LogDeliverySource", mock: logDeliverySource, creation: API_ONLY_CREATION },
    { type: "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination", mock: logDeliveryDestination, creation: API_ONLY_CREATION },
    { type: "aws:cloudwatch/logDelivery:LogDelivery", mock: logDelivery, creation: API_ONLY_CREATION },
    { type: S3_REPLICATION, mock: bucketReplicationConfig, creation: API_ONLY_CREATION },
  ],
  edges: { requests: edgeServiceEdges, replication: replicationEdges },
  report: routeMatrixSection,
  servingRegions: servingRegionsOf,
};

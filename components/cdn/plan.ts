/**
 * Plan facts of the CDN component: the CloudFront distribution, its policies and origin access
 * control, the WAF web ACL and its logging, the access logs' vended-log delivery and the static
 * assets' S3 replication; the diagram's arrows for CloudFront's origins and origin-group failover,
 * WAF protection and S3 replication.
 */
import { resolveDomain } from "../dns/plan";
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts, EdgeContext } from "../lib/plan/facts";
import { referenced } from "../lib/plan/graphQueries";
import { genericMock } from "../lib/plan/mock";
import { objectList } from "../lib/plan/planGraph";
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

/** A CloudFront distribution. */
export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
/** A CloudFront VPC origin (an internal load balancer CloudFront reaches privately). */
export const CLOUDFRONT_VPC_ORIGIN = "aws:cloudfront/vpcOrigin:VpcOrigin";
/** A CloudFront Function. */
export const CLOUDFRONT_FUNCTION = "aws:cloudfront/function:Function";
/** A regional web ACL's association with a load balancer or API. */
export const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
/** A bucket's replication configuration. */
export const S3_REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

/** CloudFront origins and origin-group failover, WAF protection (of a distribution, or by association). */
function edgeServiceEdges(context: EdgeContext): void {
  const { graph, nodeOf, connect } = context;
  for (const distribution of graph.ofTypes([CLOUDFRONT_DISTRIBUTION])) {
    const cdn = nodeOf(distribution.urn);
    const originNode = new Map<string, string | undefined>();
    for (const origin of objectList(distribution.inputs.origins)) {
      const target = resolveDomain(context, origin.domainName);
      const node = target ? nodeOf(target.urn) : undefined;
      if (typeof origin.originId === "string") originNode.set(origin.originId, node);
      connect(cdn, node, "traffic");
    }
    for (const group of objectList(distribution.inputs.originGroups)) {
      const members = objectList(group.members).map((member) => (typeof member.originId === "string" ? originNode.get(member.originId) : undefined));
      const [primary, ...secondaries] = members;
      for (const secondary of secondaries) connect(primary, secondary, "failover", "failover");
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

/** The CDN component's facts. */
export const cdnPlanFacts: ComponentPlanFacts = {
  component: "cdn",
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
};

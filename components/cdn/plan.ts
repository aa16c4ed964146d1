/**
 * Plan facts of the CDN component: the CloudFront distribution, its policies and origin access
 * control, the WAF web ACL and its logging, the access logs' vended-log delivery and the static
 * assets' S3 replication.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { genericMock } from "../lib/plan/mock";
import {
  bucketReplicationConfig,
  cloudFrontPolicy,
  distribution,
  logDelivery,
  logDeliveryDestination,
  logDeliverySource,
  logResourcePolicy,
  originAccessControl,
  webAcl,
  webAclLoggingConfiguration,
} from "./lib/mocks";

/** A CloudFront distribution. */
export const CLOUDFRONT_DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
/** A regional web ACL's association with a load balancer or API. */
export const WAF_ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
/** A bucket's replication configuration. */
export const S3_REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

/** The CDN component's facts. */
export const cdnPlanFacts: ComponentPlanFacts = {
  component: "cdn",
  types: [
    {
      type: CLOUDFRONT_DISTRIBUTION,
      mock: distribution,
      creation: {
        seconds: 480,
        basis: "AWS CloudFront docs: a new distribution is deployed to every edge location within minutes (experience: 5-10 min, the provider waits for Deployed)",
      },
      kind: "cdn",
    },
    { type: "aws:cloudfront/originAccessControl:OriginAccessControl", mock: originAccessControl, creation: API_ONLY_CREATION },
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
};

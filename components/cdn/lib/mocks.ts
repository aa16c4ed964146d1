/**
 * Mocked states of CloudFront, WAF, vended-log delivery and the static assets' replication: the
 * computed outputs other resources and the stack outputs read (distribution domain names and ARNs,
 * web ACL ARNs, delivery ARNs).
 */
import { arn, edgeUuid as uuid, hashHex } from "../../lib/plan/mockIds";
import { named, textInput as text, type Builder } from "../../lib/plan/mock";

/** Route 53 zone of every CloudFront domain name (AWS's published value). */
const CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

/** A CloudFront-style ID: `E` and 13 uppercase letters and digits. */
function cloudFrontId(...seed: string[]): string {
  return `E${hashHex(13, "cloudfront", ...seed).toUpperCase()}`;
}

/** A distribution: ID, ARN, domain name and the provider's computed attributes. */
export const distribution: Builder = (input) => {
  const id = cloudFrontId("distribution", input.urn);
  return {
    id,
    outputs: {
      arn: arn("cloudfront", "", `distribution/${id}`),
      domainName: `d${hashHex(13, "cloudfront-domain", input.urn)}.cloudfront.net`,
      hostedZoneId: CLOUDFRONT_ZONE_ID,
      status: "Deployed",
      etag: cloudFrontId("etag", input.urn),
      callerReference: `terraform-${hashHex(20, "caller", input.urn)}`,
      lastModifiedTime: "2026-01-01T00:00:00Z",
      inProgressValidationBatches: 0,
    },
  };
};

/** An origin access control. */
export const originAccessControl: Builder = (input) => ({
  id: cloudFrontId("oac", input.urn),
  outputs: { etag: cloudFrontId("etag", input.urn), arn: arn("cloudfront", "", `origin-access-control/${cloudFrontId("oac", input.urn)}`) },
});

/** Policies CloudFront identifies by a UUID and versions with an ETag. */
export const cloudFrontPolicy =
  (kind: string): Builder =>
  (input) => {
    const id = uuid(kind, input.urn);
    return { id, outputs: { etag: cloudFrontId("etag", input.urn), arn: arn("cloudfront", "", `${kind}/${id}`) } };
  };

/** A web ACL: ARN by scope, lock token and the capacity its rules use. */
export const webAcl: Builder = (input, region) => {
  const name = named(input);
  const id = uuid("webacl", input.urn);
  const scope = text(input, "scope") === "CLOUDFRONT" ? "global" : "regional";
  const rules = Array.isArray(input.inputs.rules) ? (input.inputs.rules as WebAclRuleInput[]) : [];
  return {
    id,
    outputs: {
      name,
      arn: arn("wafv2", region, `${scope}/webacl/${name}/${id}`),
      capacity: rules.reduce((sum, rule) => sum + ruleCapacity(rule), 0),
      lockToken: uuid("lock", input.urn),
      applicationIntegrationUrl: "",
    },
  };
};

/** The part of a web ACL rule's inputs the capacity depends on. */
interface WebAclRuleInput {
  readonly statement?: StatementInput;
}

/** A rule statement, as far as its capacity goes. */
interface StatementInput {
  readonly managedRuleGroupStatement?: { readonly name?: string };
  readonly rateBasedStatement?: unknown;
  readonly regexMatchStatement?: unknown;
  readonly labelMatchStatement?: unknown;
  readonly sizeConstraintStatement?: unknown;
  readonly byteMatchStatement?: unknown;
  readonly andStatement?: { readonly statements?: readonly StatementInput[] };
  readonly orStatement?: { readonly statements?: readonly StatementInput[] };
  readonly notStatement?: { readonly statements?: readonly StatementInput[] };
}

/**
 * Web ACL capacity units of a rule, as AWS publishes them: the managed groups the blueprint uses,
 * a rate rule 2, a regex match 3, a label match, size constraint or byte match 1, logical
 * statements the sum of theirs.
 */
function ruleCapacity(rule: WebAclRuleInput): number {
  return rule.statement ? statementCapacity(rule.statement) : 1;
}

function statementCapacity(statement: StatementInput): number {
  const nested = statement.andStatement ?? statement.orStatement ?? statement.notStatement;
  if (nested) return (nested.statements ?? []).reduce((sum, inner) => sum + statementCapacity(inner), 0);
  if (statement.rateBasedStatement) return 2;
  if (statement.regexMatchStatement) return 3;
  if (statement.labelMatchStatement || statement.sizeConstraintStatement || statement.byteMatchStatement) return 1;
  const group = statement.managedRuleGroupStatement?.name;
  if (group === undefined) return 1;
  return (
    ({ AWSManagedRulesCommonRuleSet: 700, AWSManagedRulesKnownBadInputsRuleSet: 200, AWSManagedRulesAmazonIpReputationList: 25 } as Record<string, number>)[
      group
    ] ?? 0
  );
}

/** WAF identifies a logging configuration by the ACL's ARN. */
export const webAclLoggingConfiguration: Builder = (input) => ({ id: text(input, "resourceArn") ?? input.name, outputs: {} });

const logsArn = (region: string, kind: string, name: string) => arn("logs", region, `${kind}:${name}`);

/** A CloudWatch Logs resource policy (vended-log delivery's permission). */
export const logResourcePolicy: Builder = (input) => ({
  id: text(input, "resourceArn") ?? text(input, "policyName") ?? input.name,
  outputs: { revisionId: hashHex(8, "revision", input.urn) },
});

/** A vended-log delivery source (the distribution's access logs). */
export const logDeliverySource: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { name, arn: logsArn(region, "delivery-source", name), service: "cloudfront" } };
};

/** A vended-log delivery destination (the log bucket). */
export const logDeliveryDestination: Builder = (input, region) => {
  const name = named(input);
  return { id: name, outputs: { name, arn: logsArn(region, "delivery-destination", name), deliveryDestinationType: "S3" } };
};

/** A vended-log delivery. */
export const logDelivery: Builder = (input, region) => {
  const id = hashHex(16, "delivery", input.urn);
  return { id, outputs: { arn: logsArn(region, "delivery", id) } };
};

/** S3 names a bucket's replication configuration by the bucket. */
export const bucketReplicationConfig: Builder = (input) => ({ id: text(input, "bucket") ?? input.name, outputs: {} });

/** A VPC origin: an ID `vo_` and 22 letters and digits, its ARN and ETag. */
export const vpcOrigin: Builder = (input) => {
  const id = `vo_${hashHex(22, "vpc-origin", input.urn)}`;
  return { id, outputs: { arn: arn("cloudfront", "", `vpcorigin/${id}`), etag: cloudFrontId("etag", input.urn) } };
};

/** A CloudFront Function: named by its name, with ARN, ETags and its stage's status. */
export const cloudFrontFunction: Builder = (input) => {
  const name = named(input);
  return {
    id: name,
    outputs: {
      arn: arn("cloudfront", "", `function/${name}`),
      etag: cloudFrontId("etag", input.urn),
      liveStageEtag: cloudFrontId("live", input.urn),
      status: "UNASSOCIATED",
    },
  };
};

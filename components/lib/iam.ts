/**
 * IAM policy documents as plain data, built in one place: the document wrapper, the trust policy
 * of a role a service assumes, the confused-deputy condition of a service principal, the statement
 * that refuses plain HTTP and the account root's ARN. Pure: the components pass resolved strings
 * and get JSON (or statements) back, with keys always in the same order so that plans stay stable.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
 */

/** The policy language version every document of the blueprint is written in. */
export const POLICY_VERSION = "2012-10-17";

/** An IAM policy statement; `T` is `string`, or `pulumi.Input<string>` before resolution. */
export interface IamStatement<T = string> {
  /** Statement ID; IAM allows only letters and digits. */
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: string[];
  readonly Resource: T[];
  /** Narrows the grant, e.g. to calls made through one AWS service. @default - none */
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | string[]>>>>;
}

/** Who a policy statement names: anyone, an AWS service, or an account or role. */
export type PolicyPrincipal = "*" | { readonly Service: string } | { readonly AWS: string };

/** A statement of any policy document (identity, resource or trust policy), as IAM spells it. */
export interface PolicyStatement {
  /** @default - none */
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  /** Only in resource and trust policies. @default - none */
  readonly Principal?: PolicyPrincipal;
  readonly Action: string | readonly string[];
  /** Absent in trust policies. @default - none */
  readonly Resource?: string | readonly string[];
  /** @default - none */
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** A policy document as JSON: `Version`, then the statements in the order given. */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: POLICY_VERSION, Statement: statements });
}

/** On whose behalf a service principal acts. */
export interface ServiceSource {
  /** The account whose resources the service acts for (`aws:SourceAccount`). */
  readonly accountId: string;
  /** ARN pattern of those resources (`aws:SourceArn`, matched with `ArnLike`). @default - the account only */
  readonly sourceArn?: string;
}

/** The condition of a service-principal statement that only holds on behalf of the given source. */
export type SourceCondition = {
  readonly StringEquals: Readonly<Record<string, string>>;
  /** Present when the source names an ARN pattern. @default - none */
  readonly ArnLike?: Readonly<Record<string, string>>;
};

/**
 * The confused-deputy guard AWS recommends for a service principal: `StringEquals` on
 * `aws:SourceAccount`, and `ArnLike` on `aws:SourceArn` when the source names resources, so no
 * other account (or other resource) can make the service act with this grant.
 */
export function sourceCondition(source: ServiceSource): SourceCondition {
  const StringEquals = { "aws:SourceAccount": source.accountId };
  return source.sourceArn === undefined ? { StringEquals } : { StringEquals, ArnLike: { "aws:SourceArn": source.sourceArn } };
}

/**
 * The trust policy of a role one AWS service assumes (`sts:AssumeRole`), guarded by
 * `sourceCondition` when a source is given.
 *
 * @param service the service principal, e.g. `s3.amazonaws.com`
 * @param source on whose behalf the service may assume the role; without one, no condition
 */
export function serviceTrustPolicy(service: string, source?: ServiceSource): string {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      ...(source === undefined ? {} : { Condition: sourceCondition(source) }),
    },
  ]);
}

/**
 * The resource-policy statement that refuses every principal the given actions over plain HTTP
 * (`aws:SecureTransport` false). It grants nothing.
 *
 * @param action e.g. `sqs:*` or `sns:Publish`
 * @param resource the ARN, or ARNs, the statement covers
 */
export function denyInsecureTransportStatement(action: string, resource: string | readonly string[]): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: action,
    Resource: resource,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** `denyInsecureTransportStatement` for an S3 bucket: every S3 action on the bucket and its objects. */
export function denyInsecureBucketTransportStatement(bucketArn: string): PolicyStatement {
  return denyInsecureTransportStatement("s3:*", [bucketArn, `${bucketArn}/*`]);
}

/** The ARN of an account's root principal, which stands for the account (its IAM policies decide). */
export function accountRootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

import * as aws from "@pulumi/aws";
import { roleDisallowWildcardPrincipal, rolePolicyDisallowWildcardActions, rolePolicyDisallowWildcardResources } from "../../policies/iam";
import { describeResourcePolicy, UNKNOWN_SENTINELS } from "../support/policies/harness";

const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** The flow-log role's trust policy, as components/network/flowLogs.ts writes it. */
const flowLogTrust = doc({
  Effect: "Allow",
  Principal: { Service: "vpc-flow-logs.amazonaws.com" },
  Action: "sts:AssumeRole",
  Condition: { StringEquals: { "aws:SourceAccount": "123456789012" }, ArnLike: { "aws:SourceArn": "arn:aws:ec2:us-east-1:123456789012:vpc-flow-log/*" } },
});

const logGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/blueprint/prod/us-east-1/vpc-flow-logs";

/** The flow-log role policy. */
const flowLogPolicy = doc(
  { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource: [logGroupArn, `${logGroupArn}:*`] },
  { Effect: "Allow", Action: "logs:DescribeLogGroups", Resource: "*" },
);

describe("IAM policies", () => {
  describeResourcePolicy({
    policy: roleDisallowWildcardPrincipal,
    resourceClass: aws.iam.Role,
    compliant: { assumeRolePolicy: flowLogTrust, description: "Delivers VPC flow logs", tags: {} },
    alsoCompliant: [
      {
        name: "an object document naming an account",
        mutate: (p) =>
          (p.assumeRolePolicy = {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }],
          }),
      },
      { name: "a Deny for everyone", mutate: (p) => (p.assumeRolePolicy = doc({ Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" })) },
    ],
    violations: [
      {
        name: 'Principal "*"',
        mutate: (p) => (p.assumeRolePolicy = doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" })),
        expect: [/trust policy's statement 0 lets any principal assume the role/],
      },
      {
        name: 'Principal { AWS: ["*"] } with a Sid',
        mutate: (p) => (p.assumeRolePolicy = doc({ Sid: "Open", Effect: "Allow", Principal: { AWS: ["*"] }, Action: "sts:AssumeRole" })),
        expect: [/statement 0 \("Open"\) lets any principal/],
      },
      { name: "a document that is not JSON", mutate: (p) => (p.assumeRolePolicy = "{not json"), expect: [/The trust policy is not valid JSON/] },
    ],
    unknown: (p) => (p.assumeRolePolicy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: rolePolicyDisallowWildcardActions,
    resourceClass: aws.iam.RolePolicy,
    compliant: { role: "flow-logs", policy: flowLogPolicy },
    alsoCompliant: [
      { name: "a role without inline policies", resourceClass: aws.iam.Role, mutate: (p) => Object.assign(p, { assumeRolePolicy: flowLogTrust }) },
      { name: "a prefix wildcard (logs:Describe*)", mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: "logs:Describe*", Resource: logGroupArn })) },
      { name: "a Deny of everything", mutate: (p) => (p.policy = doc({ Effect: "Deny", Action: "*", Resource: "*" })) },
    ],
    violations: [
      {
        name: "Action *",
        mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: "*", Resource: logGroupArn })),
        expect: [/The policy: statement 0 allows wildcard action\(s\) \*/],
      },
      {
        name: "a service wildcard",
        mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: ["logs:PutLogEvents", "s3:*"], Resource: logGroupArn })),
        expect: [/allows wildcard action\(s\) s3:\*/],
      },
      {
        name: "NotAction",
        mutate: (p) => (p.policy = doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })),
        expect: [/allows everything except iam:\* \(NotAction\)/],
      },
      {
        name: "a role's inline policy with a wildcard",
        resourceClass: aws.iam.Role,
        mutate: (p) =>
          Object.assign(p, {
            assumeRolePolicy: flowLogTrust,
            inlinePolicies: [{ name: "admin", policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }],
          }),
        expect: [/Inline policy admin: statement 0 allows wildcard action\(s\) \*/],
      },
      { name: "a document that is not JSON", mutate: (p) => (p.policy = "nope"), expect: [/The policy is not valid JSON/] },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: rolePolicyDisallowWildcardResources,
    resourceClass: aws.iam.RolePolicy,
    compliant: { role: "flow-logs", policy: flowLogPolicy },
    alsoCompliant: [
      {
        name: "an action added to the allow-list",
        config: { wildcardResourceActions: ["s3:ListAllMyBuckets"] },
        mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: "s3:ListAllMyBuckets", Resource: "*" })),
      },
      { name: "allow-listed actions in another case", mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: "LOGS:describeloggroups", Resource: "*" })) },
    ],
    violations: [
      {
        name: "a scoped action on *",
        mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: ["logs:PutLogEvents", "logs:DescribeLogGroups"], Resource: "*" })),
        expect: [/statement 0 grants logs:PutLogEvents on every resource \(\*\)/],
      },
      {
        name: "NotResource",
        mutate: (p) => (p.policy = doc({ Effect: "Allow", Action: "sqs:SendMessage", NotResource: "arn:aws:sqs:*:*:secret" })),
        expect: [/grants sqs:SendMessage on every resource but some \(NotResource\)/],
      },
      {
        name: "the default allow-list emptied",
        config: { wildcardResourceActions: [] },
        mutate: () => undefined,
        expect: [/statement 1 grants logs:DescribeLogGroups on every resource/],
      },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });
});

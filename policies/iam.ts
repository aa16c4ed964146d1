/**
 * IAM policies: who may assume a role, and what its inline policies allow. IAM is global, so these
 * apply to the roles of every region alike.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType, type ReportViolation } from "@pulumi/policy";
import { onType, resourcePolicy, validateResourceOfTypes, type BlueprintPolicy } from "./lib/define";
import { admitsAnyPrincipal, isWildcardAction, parseIamDocument, statementLabel, type IamStatement } from "./lib/iamDocument";

/** Every policy document a role or role policy carries, with a label for messages. */
function identityDocuments(props: { policy?: unknown; inlinePolicies?: unknown }): Array<{ label: string; document: unknown }> {
  const documents: Array<{ label: string; document: unknown }> = [];
  if (props.policy !== undefined) documents.push({ label: "The policy", document: props.policy });
  if (Array.isArray(props.inlinePolicies)) {
    props.inlinePolicies.forEach((inline: { name?: string; policy?: unknown }, index: number) => {
      if (inline.policy !== undefined) documents.push({ label: `Inline policy ${inline.name ?? index}`, document: inline.policy });
    });
  }
  return documents;
}

/** Runs `check` over the Allow statements of every identity document of a role or role policy. */
function validateIdentityStatements(
  check: (statement: IamStatement, label: string, config: Record<string, unknown>, reportViolation: ReportViolation) => void,
) {
  const run = (props: { policy?: unknown; inlinePolicies?: unknown }, config: Record<string, unknown>, reportViolation: ReportViolation) => {
    for (const { label, document } of identityDocuments(props)) {
      const parsed = parseIamDocument(document);
      if ("error" in parsed) {
        reportViolation(`${label} ${parsed.error}.`);
        continue;
      }
      for (const statement of parsed.statements.filter((s) => s.effect === "Allow")) check(statement, label, config, reportViolation);
    }
  };
  return validateResourceOfTypes(
    onType(aws.iam.RolePolicy, (props, args, report) => run(props, args.getConfig(), report)),
    onType(aws.iam.Role, (props, args, report) => run({ inlinePolicies: props.inlinePolicies }, args.getConfig(), report)),
  );
}

/** Roles name who may assume them. */
export const roleDisallowWildcardPrincipal = resourcePolicy({
  name: "aws-iam-role-disallow-wildcard-principal",
  description: "Checks that no role's trust policy lets any principal (`*`) assume it.",
  severity: "critical",
  service: "iam",
  remediationSteps:
    "Name the service or account principals that may assume the role, and for service principals add aws:SourceAccount / aws:SourceArn conditions (components/network/flowLogs.ts shows the pattern).",
  ids: { checkov: ["CKV_AWS_60"], wellArchitected: ["SEC03-BP02"] },
  validateResource: validateResourceOfType(aws.iam.Role, (role, _args, reportViolation) => {
    const parsed = parseIamDocument(role.assumeRolePolicy);
    if ("error" in parsed) {
      reportViolation(`The trust policy ${parsed.error}.`);
      return;
    }
    for (const statement of parsed.statements) {
      if (statement.effect === "Allow" && admitsAnyPrincipal(statement.principals)) {
        reportViolation(`The trust policy's ${statementLabel(statement)} lets any principal assume the role.`);
      }
    }
  }),
});

/** Identity policies name their actions. */
export const rolePolicyDisallowWildcardActions = resourcePolicy({
  name: "aws-iam-rolepolicy-disallow-wildcard-actions",
  description: "Checks that no role policy (or inline policy of a role) allows `*`, `<service>:*` or NotAction.",
  severity: "high",
  service: "iam",
  remediationSteps: "List the actions the workload calls (for example logs:CreateLogStream, logs:PutLogEvents) instead of a wildcard.",
  ids: { checkov: ["CKV_AWS_62", "CKV_AWS_63"], trivy: ["AVD-AWS-0057"], cdkNag: ["AwsSolutions-IAM5"], wellArchitected: ["SEC03-BP02"] },
  validateResource: validateIdentityStatements((statement, label, _config, reportViolation) => {
    if (statement.notAction) {
      reportViolation(`${label}: ${statementLabel(statement)} allows everything except ${statement.actions.join(", ")} (NotAction).`);
      return;
    }
    const wildcards = statement.actions.filter(isWildcardAction);
    if (wildcards.length > 0) reportViolation(`${label}: ${statementLabel(statement)} allows wildcard action(s) ${wildcards.join(", ")}.`);
  }),
});

/** Identity policies scope their resources, except for actions that cannot be scoped. */
export const rolePolicyDisallowWildcardResources = resourcePolicy({
  name: "aws-iam-rolepolicy-disallow-wildcard-resources",
  description: "Checks that role policies grant actions on `*` resources only for actions that have no resource-level permissions (a configured list).",
  severity: "medium",
  service: "iam",
  remediationSteps:
    "Scope `Resource` to the ARNs the workload uses (the log group, the queue, …); if the action has no resource-level permissions, add it to this policy's wildcardResourceActions.",
  ids: { checkov: ["CKV_AWS_355", "CKV_AWS_290"], trivy: ["AVD-AWS-0057"], cdkNag: ["AwsSolutions-IAM5"], wellArchitected: ["SEC03-BP02"] },
  configSchema: {
    properties: {
      wildcardResourceActions: {
        type: "array",
        items: { type: "string" },
        // FIS experiments: instance look-ups, tag look-ups and vended log delivery have no resource-level permissions
        default: [
          "logs:DescribeLogGroups",
          "cloudwatch:PutMetricData",
          "ec2:DescribeTags",
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "ec2:DescribeInstances",
          "tag:GetResources",
          "logs:CreateLogDelivery",
          // ARC Region switch's scaling step: group look-ups and the capacity metrics have no resource-level permissions
          "autoscaling:DescribeAutoScalingGroups",
          "cloudwatch:GetMetricStatistics",
          // the region-scale drills: the network look-ups of the cross-region disruption and S3's bucket listing
          "ec2:DescribeRouteTables",
          "ec2:DescribeSubnets",
          "ec2:DescribeVpcs",
          "ec2:DescribeManagedPrefixLists",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeVpcPeeringConnections",
          "s3:ListAllMyBuckets",
          // the AZ power-interruption drill: network ACL look-ups, and the capacity-error injection, which EC2 grants on `*` (scoped by its ec2:FisActionId and ec2:FisTargetArns conditions)
          "ec2:DescribeNetworkAcls",
          "ec2:InjectApiError",
          // Grafana's read-only data sources: metric queries, workspace listing and trace search have no resource-level permissions
          "cloudwatch:GetMetricData",
          "cloudwatch:ListMetrics",
          "aps:ListWorkspaces",
          "xray:GetTraceSummaries",
          "xray:BatchGetTraces",
          "xray:GetServiceGraph",
        ],
        description: "Actions that AWS only grants on `*` (no resource-level permissions); compared case-insensitively.",
      },
    },
  },
  validateResource: validateIdentityStatements((statement, label, config, reportViolation) => {
    if (!statement.notResource && !statement.resources.includes("*")) return;
    const allowed = new Set(((config.wildcardResourceActions as string[] | undefined) ?? []).map((action) => action.toLowerCase()));
    const unscoped = statement.actions.filter((action) => !allowed.has(action.toLowerCase()));
    if (statement.notResource || unscoped.length > 0) {
      reportViolation(
        `${label}: ${statementLabel(statement)} grants ${(statement.notResource ? statement.actions : unscoped).join(", ")} on ${statement.notResource ? "every resource but some (NotResource)" : "every resource (*)"}.`,
      );
    }
  }),
});

/** The IAM policies, in pack order. */
export const IAM_POLICIES: readonly BlueprintPolicy[] = [roleDisallowWildcardPrincipal, rolePolicyDisallowWildcardActions, rolePolicyDisallowWildcardResources];

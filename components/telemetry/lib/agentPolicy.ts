/**
 * What a tier's instances may do for the agents, least privilege: write to the tier's two log
 * groups, put metrics in the agents' namespace only, read the tier's two SSM parameters, send
 * traces to X-Ray and, with a workspace, remote-write to the region's Prometheus workspace. The log
 * groups' key is used by CloudWatch Logs, not by the instances, so no KMS permission is needed.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/create-iam-roles-for-cloudwatch-agent.html
 * @see https://docs.aws.amazon.com/xray/latest/devguide/security_iam_id-based-policy-examples.html
 * @see https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-and-IAM.html
 */
import type { IamStatement } from "../../lib/iam";
import { AGENT_METRICS_NAMESPACE } from "./agentConfig";

/** The resources a tier's agents reach, as ARNs (or inputs before resolution). */
export interface AgentResources<T> {
  /** Each log group's ARN and its streams' (`<arn>:*`). */
  readonly logGroupArns: readonly T[];
  readonly parameterArns: readonly T[];
  /** @default none (no Prometheus workspace) */
  readonly workspaceArn?: T;
}

/** The statements of a tier's agents. */
export function agentStatements<T>(resources: AgentResources<T>): IamStatement<T | string>[] {
  return [
    {
      Sid: "AgentsWriteTierLogs",
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
      Resource: [...resources.logGroupArns],
    },
    // PutMetricData has no resource-level permission; the namespace condition narrows it
    {
      Sid: "AgentsPutMetrics",
      Effect: "Allow",
      Action: ["cloudwatch:PutMetricData"],
      Resource: ["*"],
      Condition: { StringEquals: { "cloudwatch:namespace": AGENT_METRICS_NAMESPACE } },
    },
    // the CloudWatch agent reads the instance's ASG name through DescribeTags (no resource-level permission)
    { Sid: "AgentsDescribeTags", Effect: "Allow", Action: ["ec2:DescribeTags"], Resource: ["*"] },
    { Sid: "AgentsReadConfiguration", Effect: "Allow", Action: ["ssm:GetParameter"], Resource: [...resources.parameterArns] },
    { Sid: "AgentsSendTraces", Effect: "Allow", Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], Resource: ["*"] },
    ...(resources.workspaceArn !== undefined
      ? [{ Sid: "AgentsRemoteWrite", Effect: "Allow" as const, Action: ["aps:RemoteWrite"], Resource: [resources.workspaceArn] }]
      : []),
  ];
}

/**
 * Mocked states of SQS queues, SNS topics, KMS keys, alarms and dashboards.
 */
import { arn, hashHex, MOCK_ACCOUNT_ID } from "../mockIds";
import { named, type Builder, type MockInput } from "./kit";

/** A KMS key ID: a UUID built from the URN. */
function kmsKeyId(urn: string): string {
  const hex = hashHex(32, "kms-key", urn);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A subscription's trailing UUID. */
function subscriptionId(urn: string): string {
  const hex = hashHex(32, "sns-subscription", urn);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const text = (input: MockInput, key: string): string | undefined =>
  typeof input.inputs[key] === "string" ? (input.inputs[key] as string) : undefined;

/** Builders keyed by Pulumi type token. */
export const MESSAGING_BUILDERS: Readonly<Record<string, Builder>> = {
  // SQS identifies a queue by its URL; Pulumi's ID of a queue is that URL.
  "aws:sqs/queue:Queue": (input, region) => {
    const name = named(input);
    const url = `https://sqs.${region}.amazonaws.com/${MOCK_ACCOUNT_ID}/${name}`;
    return { id: url, outputs: { name, url, arn: arn("sqs", region, name) } };
  },
  "aws:sqs/queuePolicy:QueuePolicy": (input) => ({ id: text(input, "queueUrl") ?? input.name, outputs: {} }),
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": (input) => ({ id: text(input, "queueUrl") ?? input.name, outputs: {} }),

  "aws:sns/topic:Topic": (input, region) => {
    const name = named(input);
    const topicArn = arn("sns", region, name);
    return { id: topicArn, outputs: { name, arn: topicArn, owner: MOCK_ACCOUNT_ID } };
  },
  "aws:sns/topicPolicy:TopicPolicy": (input) => ({ id: text(input, "arn") ?? input.name, outputs: { owner: MOCK_ACCOUNT_ID } }),
  "aws:sns/topicSubscription:TopicSubscription": (input, region) => {
    const topic = text(input, "topic") ?? arn("sns", region, input.name);
    const subscriptionArn = `${topic}:${subscriptionId(input.urn)}`;
    // email endpoints stay pending until the recipient clicks the link
    const pending = ["email", "email-json"].includes(text(input, "protocol") ?? "");
    return {
      id: subscriptionArn,
      outputs: { arn: subscriptionArn, ownerId: MOCK_ACCOUNT_ID, pendingConfirmation: pending, confirmationWasAuthenticated: false },
    };
  },

  "aws:kms/key:Key": (input, region) => {
    const keyId = kmsKeyId(input.urn);
    return { id: keyId, outputs: { keyId, arn: arn("kms", region, `key/${keyId}`) } };
  },
  "aws:kms/alias:Alias": (input, region) => {
    const name = named(input);
    const target = text(input, "targetKeyId") ?? "";
    const targetKeyArn = target.startsWith("arn:") ? target : arn("kms", region, `key/${target}`);
    return { id: name, outputs: { name, arn: arn("kms", region, name), targetKeyArn } };
  },

  "aws:cloudwatch/metricAlarm:MetricAlarm": (input, region) => {
    const name = named(input);
    return { id: name, outputs: { name, arn: arn("cloudwatch", region, `alarm:${name}`) } };
  },
  // Dashboards are global: their ARN has no region, whatever region the API call went to.
  "aws:cloudwatch/dashboard:Dashboard": (input) => {
    const name = text(input, "dashboardName") ?? input.name;
    return { id: name, outputs: { dashboardName: name, dashboardArn: arn("cloudwatch", "", `dashboard/${name}`) } };
  },
};

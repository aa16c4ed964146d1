/**
 * Mocked states of SQS queues, SNS topics, KMS keys, Secrets Manager secrets, alarms and dashboards.
 */
import { arn, hashHex, MOCK_ACCOUNT_ID } from "../../../components/lib/plan/mockIds";
import { named, type Builder, type MockInput } from "../../../components/lib/plan/mock";

/** A KMS key ID: a UUID built from the URN; multi-region keys carry `mrk-` and 32 hex digits. */
function kmsKeyId(urn: string, multiRegion: boolean): string {
  const hex = hashHex(32, "kms-key", urn);
  if (multiRegion) return `mrk-${hex}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The six random characters Secrets Manager appends to a secret's name in its ARN. */
function secretSuffix(urn: string): string {
  return hashHex(6, "secret", urn);
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
    const keyId = kmsKeyId(input.urn, input.inputs.multiRegion === true);
    return { id: keyId, outputs: { keyId, arn: arn("kms", region, `key/${keyId}`) } };
  },
  // A replica shares its primary's key ID; only the region in its ARN differs.
  "aws:kms/replicaKey:ReplicaKey": (input, region) => {
    const primary = text(input, "primaryKeyArn") ?? "";
    const keyId = primary.split("key/")[1] ?? kmsKeyId(input.urn, true);
    return { id: keyId, outputs: { keyId, arn: arn("kms", region, `key/${keyId}`), keyRotationEnabled: true, enabled: true } };
  },
  "aws:secretsmanager/secret:Secret": (input, region) => {
    const name = named(input);
    const secretArn = arn("secretsmanager", region, `secret:${name}-${secretSuffix(input.urn)}`);
    return { id: secretArn, outputs: { name, arn: secretArn } };
  },
  "aws:secretsmanager/secretVersion:SecretVersion": (input) => {
    const versionId = hashHex(32, "secret-version", input.urn);
    return { id: `${text(input, "secretId") ?? input.name}|${versionId}`, outputs: { versionId, arn: text(input, "secretId") ?? "" } };
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

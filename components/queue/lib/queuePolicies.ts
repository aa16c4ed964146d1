/**
 * The policy documents around a queue, as plain data: the redrive policy of a source queue, the
 * redrive-allow policy of its dead-letter queue, the queue policy that refuses plain HTTP, and the
 * least-privilege IAM statements of the queue's consumers and producers.
 */
import { denyInsecureTransportStatement, policyDocument, type IamStatement } from "../../lib/iam";

export type { IamStatement } from "../../lib/iam";

/**
 * What a consumer needs: receive, delete, extend the visibility timeout, and look the queue up.
 * `DeleteMessageBatch` and `ChangeMessageVisibilityBatch` are authorised by the same actions.
 */
export const QUEUE_CONSUMER_ACTIONS: readonly string[] = [
  "sqs:ReceiveMessage",
  "sqs:DeleteMessage",
  "sqs:ChangeMessageVisibility",
  "sqs:GetQueueAttributes",
  "sqs:GetQueueUrl",
];

/** What a producer needs: send (`SendMessageBatch` included) and look the queue up. */
export const QUEUE_PRODUCER_ACTIONS: readonly string[] = ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"];

/** Narrows a KMS grant to calls SQS makes in `region` on the principal's behalf. */
function throughSqs(region: string | undefined): Pick<IamStatement, "Condition"> {
  return region === undefined ? {} : { Condition: { StringEquals: { "kms:ViaService": `sqs.${region}.amazonaws.com` } } };
}

/**
 * IAM statements that let a principal consume the given queues, and nothing more.
 *
 * With a customer managed key, SQS decrypts received messages with the consumer's credentials, so
 * the consumer also needs `kms:Decrypt` on that key.
 *
 * @param queueArns the queues; none gives no statement (an empty `Resource` is invalid IAM)
 * @param kmsKeyArn the queues' customer managed key; without one (SSE-SQS) no KMS statement is needed
 * @param region with a key: the queues' region, so the key is usable only through SQS there (`kms:ViaService`)
 */
export function queueConsumerStatements<T>(queueArns: readonly T[], kmsKeyArn?: T, region?: string): IamStatement<T>[] {
  if (queueArns.length === 0) return [];
  const statements: IamStatement<T>[] = [{ Sid: "QueueConsume", Effect: "Allow", Action: [...QUEUE_CONSUMER_ACTIONS], Resource: [...queueArns] }];
  if (kmsKeyArn !== undefined) {
    statements.push({ Sid: "QueueConsumeDecrypt", Effect: "Allow", Action: ["kms:Decrypt"], Resource: [kmsKeyArn], ...throughSqs(region) });
  }
  return statements;
}

/**
 * IAM statements that let a principal send to the given queues, and nothing more.
 *
 * With a customer managed key, SQS asks KMS for a data key with the producer's credentials
 * (`kms:GenerateDataKey`) and needs `kms:Decrypt` to reuse a cached one.
 *
 * @param queueArns the queues; none gives no statement (an empty `Resource` is invalid IAM)
 * @param kmsKeyArn the queues' customer managed key; without one (SSE-SQS) no KMS statement is needed
 * @param region with a key: the queues' region, so the key is usable only through SQS there (`kms:ViaService`)
 */
export function queueProducerStatements<T>(queueArns: readonly T[], kmsKeyArn?: T, region?: string): IamStatement<T>[] {
  if (queueArns.length === 0) return [];
  const statements: IamStatement<T>[] = [{ Sid: "QueueProduce", Effect: "Allow", Action: [...QUEUE_PRODUCER_ACTIONS], Resource: [...queueArns] }];
  if (kmsKeyArn !== undefined) {
    statements.push({
      Sid: "QueueProduceEncrypt",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: [kmsKeyArn],
      ...throughSqs(region),
    });
  }
  return statements;
}

/** The `RedrivePolicy` attribute of a source queue: both keys are mandatory for SQS. */
export function redrivePolicyJson(deadLetterTargetArn: string, maxReceiveCount: number): string {
  return JSON.stringify({ deadLetterTargetArn, maxReceiveCount });
}

/**
 * The `RedriveAllowPolicy` attribute of a dead-letter queue: only the listed source queues may use
 * it (SQS allows at most 10), so no other queue can dump its failures here.
 */
export function redriveAllowPolicyJson(sourceQueueArns: readonly string[]): string {
  return JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [...sourceQueueArns] });
}

/**
 * A queue policy that denies every principal every SQS action over plain HTTP: messages are only
 * sent and received over TLS. It grants nothing; access comes from IAM policies in the account.
 */
export function secureTransportQueuePolicy(queueArn: string): string {
  return policyDocument([denyInsecureTransportStatement("sqs:*", queueArn)]);
}

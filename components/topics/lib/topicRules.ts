/**
 * The rules of the event bus as plain data: topic and subscription names, the SNS and SQS limits
 * each topic's settings must satisfy (offline errors instead of failures at deploy time), and the
 * policy documents and IAM statements around a topic.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-fifo-topics.html
 * @see https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html
 * @see https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html
 */
import { denyInsecureTransportStatement, policyDocument, type IamStatement } from "../../lib/iam";
import { ruleDeliveryStatement } from "./busRules";

/** SNS topic kinds. */
export const TOPIC_TYPES = ["standard", "fifo"] as const;
/** A topic kind. */
export type TopicType = (typeof TOPIC_TYPES)[number];

/** What a filter policy matches. */
export const FILTER_POLICY_SCOPES = ["MessageAttributes", "MessageBody"] as const;

/** SNS topic names: 1-256 letters, digits, - and _ (`.fifo` included). */
const MAX_TOPIC_NAME = 256;
/** SQS queue names: 1-80 characters (`.fifo` included). */
const MAX_QUEUE_NAME = 80;
/** SNS allows at most 5 attribute names in a filter policy. */
export const MAX_FILTER_POLICY_KEYS = 5;
/** Logical names become part of physical names and environment variables. */
const LOGICAL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A problem at a key of one topic. */
export interface TopicProblem {
  readonly field: string;
  readonly message: string;
}

/** What the rules need to know of a queue of the stack. */
export interface SubscribableQueue {
  readonly name: string;
  readonly type: TopicType;
}

/** The topic's physical name. */
export function topicPhysicalName(namePrefix: string, topic: { readonly name: string; readonly type: TopicType }): string {
  return `${namePrefix}-${topic.name}${topic.type === "fifo" ? ".fifo" : ""}`;
}

/** The physical name of a subscription's dead-letter queue (FIFO for a FIFO topic, as SNS requires). */
export function subscriptionDeadLetterName(namePrefix: string, topic: { readonly name: string; readonly type: TopicType }, queue: string): string {
  return `${namePrefix}-${topic.name}-${queue}-sub-dlq${topic.type === "fifo" ? ".fifo" : ""}`;
}

/** Every problem of one topic, given the stack's queues. */
export function topicSpecProblems(
  topic: {
    readonly name: string;
    readonly type: TopicType;
    readonly contentBasedDeduplication: boolean;
    readonly subscribers: readonly { readonly queue: string; readonly filterPolicy?: string }[];
  },
  context: { readonly namePrefix: string; readonly queues: readonly SubscribableQueue[] },
): TopicProblem[] {
  const problems: TopicProblem[] = [];
  if (!LOGICAL_NAME.test(topic.name)) {
    problems.push({ field: "name", message: "must be 1-64 letters, digits, - or _" });
    return problems;
  }
  const physical = topicPhysicalName(context.namePrefix, topic);
  if (physical.length > MAX_TOPIC_NAME)
    problems.push({ field: "name", message: `gives the topic name ${physical} of ${physical.length} characters; SNS allows ${MAX_TOPIC_NAME}` });
  if (topic.contentBasedDeduplication && topic.type !== "fifo") {
    problems.push({ field: "contentBasedDeduplication", message: "applies only to a fifo topic (SNS refuses it on a standard topic)" });
  }
  const seen = new Set<string>();
  topic.subscribers.forEach((subscriber, index) => {
    const field = `subscribers.${index}`;
    const queue = context.queues.find((candidate) => candidate.name === subscriber.queue);
    if (!queue) {
      const names = context.queues.map((candidate) => candidate.name).join(", ");
      problems.push({ field: `${field}.queue`, message: `must name a queue of blueprint:queues (${names})` });
      return;
    }
    if (seen.has(subscriber.queue))
      problems.push({ field: `${field}.queue`, message: `subscribes ${subscriber.queue} twice; a queue subscribes once per topic` });
    seen.add(subscriber.queue);
    if (queue.type !== topic.type) {
      problems.push({
        field: `${field}.queue`,
        message: `is a ${queue.type} queue but the topic is ${topic.type}: SNS delivers a FIFO topic only to FIFO queues and a standard topic only to standard queues`,
      });
    }
    const dlq = subscriptionDeadLetterName(context.namePrefix, topic, subscriber.queue);
    if (dlq.length > MAX_QUEUE_NAME) {
      problems.push({
        field: `${field}.queue`,
        message: `gives the subscription's dead-letter queue the name ${dlq} of ${dlq.length} characters; SQS allows ${MAX_QUEUE_NAME}`,
      });
    }
    if (subscriber.filterPolicy !== undefined) {
      const problem = filterPolicyProblem(subscriber.filterPolicy);
      if (problem) problems.push({ field: `${field}.filterPolicy`, message: problem });
    }
  });
  return problems;
}

/** Why a filter policy is refused, if it is. */
export function filterPolicyProblem(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "must be a JSON object (it does not parse)";
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return "must be a JSON object";
  const keys = Object.keys(parsed);
  if (keys.length === 0) return "must name at least one attribute";
  if (keys.length > MAX_FILTER_POLICY_KEYS) return `names ${keys.length} attributes; SNS allows ${MAX_FILTER_POLICY_KEYS}`;
  return undefined;
}

/** SNS's redrive policy of a subscription: failed deliveries go to this dead-letter queue. */
export function subscriptionRedrivePolicy(deadLetterArn: string): string {
  return JSON.stringify({ deadLetterTargetArn: deadLetterArn });
}

/**
 * The statement of a queue policy that lets exactly these topics deliver to the queue: SNS as the
 * principal, `sqs:SendMessage` only, and `aws:SourceArn` naming the topics (the confused-deputy
 * guard). It works with SSE-SQS queues as is; a queue under a customer managed key also needs the
 * key policy to let sns.amazonaws.com use the key (kms:GenerateDataKey*, kms:Decrypt).
 */
export function topicDeliveryStatement(queueArn: string, topicArns: readonly string[]) {
  return {
    Sid: "TopicDelivery",
    Effect: "Allow" as const,
    Principal: { Service: "sns.amazonaws.com" },
    Action: "sqs:SendMessage",
    Resource: queueArn,
    Condition: { ArnEquals: { "aws:SourceArn": [...topicArns] } },
  };
}

/** A queue policy: TLS only, and delivery from exactly these topics and EventBridge rules. */
export function topicQueuePolicy(queueArn: string, topicArns: readonly string[], ruleArns: readonly string[] = []): string {
  return policyDocument([
    denyInsecureTransportStatement("sqs:*", queueArn),
    ...(topicArns.length > 0 ? [topicDeliveryStatement(queueArn, topicArns)] : []),
    ...(ruleArns.length > 0 ? [ruleDeliveryStatement(queueArn, ruleArns)] : []),
  ]);
}

/**
 * IAM statements of a tier that publishes to its region's topics and nothing else, with the
 * region's key usable only through SNS of that region (an encrypted topic encrypts with the
 * publisher's credentials).
 */
export function topicPublisherStatements<T>(topicArns: readonly T[], kmsKeyArn: T, region: string): IamStatement<T>[] {
  if (topicArns.length === 0) return [];
  return [
    { Sid: "PublishRegionTopics", Effect: "Allow", Action: ["sns:Publish"], Resource: [...topicArns] },
    {
      Sid: "EncryptRegionTopics",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: [kmsKeyArn],
      Condition: { StringEquals: { "kms:ViaService": `sns.${region}.amazonaws.com` } },
    },
  ];
}

/**
 * The topic's policy: it refuses publishing over plain HTTP and grants nothing (it replaces SNS's
 * default policy, which lets every principal of the account manage the topic); the tiers publish
 * through their roles, which name their own region's topics only.
 */
export function eventTopicPolicy(topicArn: string): string {
  return policyDocument([denyInsecureTransportStatement("sns:Publish", topicArn)]);
}

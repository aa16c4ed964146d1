/**
 * Queue policies: SQS encryption, queue policies (SSL only, nothing public), and every queue's
 * dead-letter queue (present, same region, same kind, long enough retention).
 */
import * as aws from "@pulumi/aws";
import { UnknownValueError, validateResourceOfType, type PolicyResource } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { dependsThrough, matchableStringProp, ofType } from "./lib/graph";
import { admitsAnyPrincipal, deniesInsecureTransport, isWildcardAction, parseIamDocument, statementLabel } from "./lib/iamDocument";
import { regionOf } from "./lib/region";

const QUEUE_TYPE = "aws:sqs/queue:Queue";
const REDRIVE_POLICY_TYPE = "aws:sqs/redrivePolicy:RedrivePolicy";
const REDRIVE_ALLOW_POLICY_TYPE = "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy";

/** SQS's retention when none is set: four days. */
const DEFAULT_RETENTION_SECONDS = 345600;

/** Messages are encrypted at rest. */
export const queueEnableEncryption = resourcePolicy({
  name: "aws-sqs-queue-enable-encryption",
  description: "Checks that every SQS queue declares server-side encryption (SQS-managed or KMS).",
  severity: "high",
  service: "queue",
  remediationSteps: "Set `sqsManagedSseEnabled: true`, or `kmsMasterKeyId` with the region's KMS key.",
  ids: { checkov: ["CKV_AWS_27"], trivy: ["AVD-AWS-0096"], cdkNag: ["AwsSolutions-SQS2"], wellArchitected: ["SEC08-BP02"] },
  validateResource: validateResourceOfType(aws.sqs.Queue, (queue, _args, reportViolation) => {
    const kms = queue.kmsMasterKeyId !== undefined && queue.kmsMasterKeyId !== "";
    if (!kms && queue.sqsManagedSseEnabled !== true) {
      reportViolation(queue.sqsManagedSseEnabled === false ? "The queue turns server-side encryption off." : "The queue declares no server-side encryption.");
    }
  }),
});

/** Messages are encrypted with a customer-managed key. */
export const queueConfigureCustomerManagedKey = resourcePolicy({
  name: "aws-sqs-queue-configure-customer-managed-key",
  description: "Checks that SQS queues are encrypted with a customer-managed KMS key rather than the SQS-managed or AWS-managed key.",
  severity: "low",
  service: "queue",
  remediationSteps: "Set `kmsMasterKeyId` to a customer-managed key of the queue's region whose key policy lets the producers and consumers use it.",
  ids: { checkov: ["CKV2_AWS_73"], trivy: ["AVD-AWS-0135"], wellArchitected: ["SEC08-BP01"] },
  validateResource: validateResourceOfType(aws.sqs.Queue, (queue, _args, reportViolation) => {
    const key = queue.kmsMasterKeyId;
    if (key === undefined || key === "") reportViolation("The queue is not encrypted with a customer-managed KMS key.");
    else if (key === "alias/aws/sqs") reportViolation("The queue uses the AWS-managed key alias/aws/sqs, not a customer-managed key.");
  }),
});

/** Queue policies refuse plain HTTP. */
export const queuePolicyRequireSecureTransport = resourcePolicy({
  name: "aws-sqs-queuepolicy-require-secure-transport",
  description: "Checks that SQS queue policies deny requests over plain HTTP.",
  severity: "medium",
  service: "queue",
  remediationSteps:
    'Add `{ Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: <queue ARN>, Condition: { Bool: { "aws:SecureTransport": "false" } } }` to the queue policy.',
  ids: { cdkNag: ["AwsSolutions-SQS4"], wellArchitected: ["SEC09-BP02"] },
  validateResource: validateResourceOfType(aws.sqs.QueuePolicy, (queuePolicy, _args, reportViolation) => {
    const parsed = parseIamDocument(queuePolicy.policy);
    if ("error" in parsed) reportViolation(`The queue policy ${parsed.error}.`);
    else if (!deniesInsecureTransport(parsed.statements, ["sqs:*"]))
      reportViolation("The queue policy does not deny requests over plain HTTP (aws:SecureTransport false).");
  }),
});

/** Queue policies grant named principals named actions. */
export const queuePolicyDisallowPublicAccess = resourcePolicy({
  name: "aws-sqs-queuepolicy-disallow-public-access",
  description: "Checks that SQS queue policies allow no action to every principal without a condition, and no wildcard actions.",
  severity: "high",
  service: "queue",
  remediationSteps: "Name the principals (roles, or a service with an aws:SourceArn condition) and the actions (sqs:SendMessage, …) of each Allow statement.",
  ids: { checkov: ["CKV_AWS_72", "CKV_AWS_168", "CKV_AWS_387"], trivy: ["AVD-AWS-0097"], wellArchitected: ["SEC03-BP02"] },
  validateResource: validateResourceOfType(aws.sqs.QueuePolicy, (queuePolicy, _args, reportViolation) => {
    const parsed = parseIamDocument(queuePolicy.policy);
    if ("error" in parsed) {
      reportViolation(`The queue policy ${parsed.error}.`);
      return;
    }
    for (const statement of parsed.statements.filter((s) => s.effect === "Allow")) {
      if (admitsAnyPrincipal(statement.principals) && !statement.hasCondition) {
        reportViolation(`The queue policy's ${statementLabel(statement)} allows every principal.`);
      }
      const wildcards = statement.notAction ? ["NotAction"] : statement.actions.filter(isWildcardAction);
      if (wildcards.length > 0) reportViolation(`The queue policy's ${statementLabel(statement)} allows ${wildcards.join(", ")}.`);
    }
  }),
});

/** A queue's redrive settings, from its own `redrivePolicy` or an `aws.sqs.RedrivePolicy` resource. */
interface Redrive {
  readonly deadLetterTargetArn?: string;
  readonly maxReceiveCount?: number;
  /** The resource whose property dependencies lead to the DLQ. */
  readonly carrier: PolicyResource;
  readonly prop: string;
}

function parseRedrive(text: unknown, carrier: PolicyResource, prop: string): Redrive | undefined {
  if (typeof text !== "string" || text === "") return undefined;
  try {
    const value = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    return {
      ...(typeof value.deadLetterTargetArn === "string" ? { deadLetterTargetArn: value.deadLetterTargetArn } : {}),
      ...(value.maxReceiveCount !== undefined ? { maxReceiveCount: Number(value.maxReceiveCount) } : {}),
      carrier,
      prop,
    };
  } catch {
    return { carrier, prop };
  }
}

function queueIdentifiers(queue: PolicyResource): string[] {
  return ["arn", "url", "id"].map((prop) => matchableStringProp(queue, prop)).filter((value): value is string => value !== undefined);
}

function refersToQueue(resource: PolicyResource, prop: string, queue: PolicyResource): boolean {
  if (dependsThrough(resource, prop, [queue])) return true;
  const value = matchableStringProp(resource, prop);
  return value !== undefined && queueIdentifiers(queue).includes(value);
}

/** `arn:aws:sqs:<region>:<account>:<name>` → region and name. */
function parseQueueArn(arn: string | undefined): { region: string; name: string } | undefined {
  const match = arn === undefined ? null : /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):\d*:(.+)$/.exec(arn);
  return match ? { region: match[1], name: match[2] } : undefined;
}

function isFifo(queue: PolicyResource): boolean {
  if (queue.props.fifoQueue === true) return true;
  try {
    return String(queue.props.name ?? "").endsWith(".fifo");
  } catch (err) {
    if (err instanceof UnknownValueError) return false;
    throw err;
  }
}

/** Every queue has a dead-letter queue in its region, of its kind, that keeps messages as long. */
export const queueConfigureDeadLetterQueue = stackPolicy({
  name: "aws-sqs-queue-configure-dead-letter-queue",
  description:
    "Checks that every SQS queue that is not itself a dead-letter queue redrives to one in the same region, of the same kind (FIFO or standard), keeping messages at least as long, with a maxReceiveCount.",
  severity: "high",
  service: "queue",
  remediationSteps:
    "Give the queue a `redrivePolicy` naming a DLQ created next to it (same region, FIFO for a FIFO queue, retention at least the queue's) and a maxReceiveCount (components/queue does this per queue).",
  ids: { cdkNag: ["AwsSolutions-SQS3", "SQSRedrivePolicy"], wellArchitected: ["REL05-BP04"] },
  validateStack: (args, reportViolation) => {
    const queues = ofType(args.resources, QUEUE_TYPE);
    if (queues.length === 0) args.notApplicable("The stack has no SQS queue.");
    const redrivePolicies = ofType(args.resources, REDRIVE_POLICY_TYPE);
    const allowPolicies = ofType(args.resources, REDRIVE_ALLOW_POLICY_TYPE);

    const redriveOf = (queue: PolicyResource): Redrive | undefined =>
      parseRedrive(queue.props.redrivePolicy, queue, "redrivePolicy") ??
      redrivePolicies
        .filter((policy) => refersToQueue(policy, "queueUrl", queue))
        .map((policy) => parseRedrive(policy.props.redrivePolicy, policy, "redrivePolicy"))
        .find((redrive) => redrive !== undefined);
    const redrives = new Map(queues.map((queue) => [queue, redriveOf(queue)]));
    const targetOf = (redrive: Redrive): PolicyResource | undefined =>
      queues.find(
        (candidate) =>
          candidate !== redrive.carrier &&
          (dependsThrough(redrive.carrier, redrive.prop, [candidate]) ||
            (redrive.deadLetterTargetArn !== undefined && queueIdentifiers(candidate).includes(redrive.deadLetterTargetArn))),
      );
    const isDeadLetterQueue = (queue: PolicyResource): boolean =>
      [...redrives.values()].some((redrive) => redrive !== undefined && targetOf(redrive) === queue) ||
      allowPolicies.some((policy) => refersToQueue(policy, "queueUrl", queue));

    for (const queue of queues) {
      const redrive = redrives.get(queue);
      if (redrive === undefined) {
        if (!isDeadLetterQueue(queue)) reportViolation(`Queue ${queue.name} has no dead-letter queue and is not one.`, queue.urn);
        continue;
      }
      if (redrive.maxReceiveCount === undefined || !Number.isInteger(redrive.maxReceiveCount) || redrive.maxReceiveCount < 1) {
        reportViolation(`Queue ${queue.name}'s redrive policy sets no valid maxReceiveCount.`, queue.urn);
      }
      const target = targetOf(redrive);
      const region = regionOf(queue);
      const targetRegion = target ? regionOf(target) : parseQueueArn(redrive.deadLetterTargetArn)?.region;
      if (target === undefined && targetRegion === undefined) {
        reportViolation(`Queue ${queue.name}'s dead-letter queue ${redrive.deadLetterTargetArn ?? "(unset)"} is not a queue of this stack.`, queue.urn);
        continue;
      }
      if (region !== undefined && targetRegion !== undefined && region !== targetRegion) {
        reportViolation(`Queue ${queue.name} (${region}) redrives to a dead-letter queue in ${targetRegion}; SQS needs it in the same region.`, queue.urn);
      }
      const targetFifo = target ? isFifo(target) : (parseQueueArn(redrive.deadLetterTargetArn)?.name.endsWith(".fifo") ?? false);
      if (isFifo(queue) !== targetFifo) {
        reportViolation(
          `Queue ${queue.name} is ${isFifo(queue) ? "FIFO" : "standard"} but its dead-letter queue is ${targetFifo ? "FIFO" : "standard"}; they must be the same kind.`,
          queue.urn,
        );
      }
      if (target) {
        const own = Number(queue.props.messageRetentionSeconds ?? DEFAULT_RETENTION_SECONDS);
        const dlq = Number(target.props.messageRetentionSeconds ?? DEFAULT_RETENTION_SECONDS);
        if (dlq < own) {
          reportViolation(
            `Queue ${queue.name} keeps messages ${own} s but its dead-letter queue ${target.name} only ${dlq} s; failed messages would expire early.`,
            queue.urn,
          );
        }
      }
    }
  },
});

/** Every delivery of a topic to a queue has a dead-letter queue of its own region. */
export const subscriptionConfigureDeadLetterQueue = stackPolicy({
  name: "aws-sns-subscription-configure-dead-letter-queue",
  description:
    "Checks that every SNS subscription that delivers to an SQS queue has a redrive policy to a queue of this stack in the same region (SNS keeps undeliverable messages there instead of dropping them after its retries).",
  severity: "medium",
  service: "queue",
  remediationSteps:
    "Set the subscription's `redrivePolicy` to `{\"deadLetterTargetArn\": <a queue of the topic's region>}` and let that queue's policy admit sns.amazonaws.com for the topic.",
  ids: { wellArchitected: ["REL05-BP01", "REL11-BP01"] },
  validateStack: (args, reportViolation) => {
    const subscriptions = ofType(args.resources, "aws:sns/topicSubscription:TopicSubscription").filter(
      (subscription) => matchableStringProp(subscription, "protocol") === "sqs",
    );
    if (subscriptions.length === 0) args.notApplicable("The stack has no SNS subscription to an SQS queue.");
    const queues = ofType(args.resources, QUEUE_TYPE);
    for (const subscription of subscriptions) {
      const redrive = parseRedrive(matchableStringProp(subscription, "redrivePolicy"), subscription, "redrivePolicy");
      if (redrive?.deadLetterTargetArn === undefined) {
        reportViolation(`Subscription ${subscription.name} has no dead-letter queue: undeliverable messages are dropped.`, subscription.urn);
        continue;
      }
      const target = queues.find(
        (queue) => dependsThrough(subscription, "redrivePolicy", [queue]) || queueIdentifiers(queue).includes(redrive.deadLetterTargetArn!),
      );
      if (!target) {
        reportViolation(`Subscription ${subscription.name}'s dead-letter queue ${redrive.deadLetterTargetArn} is not a queue of this stack.`, subscription.urn);
      } else if (regionOf(target) !== regionOf(subscription)) {
        reportViolation(
          `Subscription ${subscription.name} (${regionOf(subscription) ?? "unknown region"}) redrives to a queue in ${regionOf(target) ?? "an unknown region"}; SNS needs it in the topic's region.`,
          subscription.urn,
        );
      }
    }
  },
});

/** The queue policies, in pack order. */
export const QUEUE_POLICIES: readonly BlueprintPolicy[] = [
  queueEnableEncryption,
  queueConfigureCustomerManagedKey,
  queuePolicyRequireSecureTransport,
  queuePolicyDisallowPublicAccess,
  queueConfigureDeadLetterQueue,
  subscriptionConfigureDeadLetterQueue,
];

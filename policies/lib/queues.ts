/**
 * Which SQS queues of the stack are dead-letter queues: the target of another queue's redrive
 * policy (inline or an `aws.sqs.RedrivePolicy`), or a queue with a redrive-allow policy.
 */
import type { PolicyResource } from "@pulumi/policy";
import { known, ofType, refersTo } from "./graph";

export const QUEUE_TYPE = "aws:sqs/queue:Queue";
const REDRIVE_POLICY_TYPE = "aws:sqs/redrivePolicy:RedrivePolicy";
const REDRIVE_ALLOW_POLICY_TYPE = "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy";

/** The queue a redrive policy (`carrier.redrivePolicy`) sends failed messages to. */
function redriveTarget(carrier: PolicyResource, queues: readonly PolicyResource[]): PolicyResource | undefined {
  const byDependency = queues.find((queue) => queue !== carrier && (carrier.propertyDependencies.redrivePolicy ?? []).some((dep) => dep.urn === queue.urn));
  if (byDependency) return byDependency;
  const text = known((): unknown => carrier.props.redrivePolicy);
  if (typeof text !== "string" || text === "") return undefined;
  let arn: unknown;
  try {
    arn = (JSON.parse(text) as { deadLetterTargetArn?: unknown }).deadLetterTargetArn;
  } catch {
    return undefined;
  }
  return typeof arn === "string" ? queues.find((queue) => known((): unknown => queue.props.arn) === arn) : undefined;
}

/** The stack's dead-letter queues. */
export function deadLetterQueues(resources: readonly PolicyResource[]): PolicyResource[] {
  const queues = ofType(resources, QUEUE_TYPE);
  const found = new Set<PolicyResource>();
  for (const carrier of [...queues, ...ofType(resources, REDRIVE_POLICY_TYPE)]) {
    const target = redriveTarget(carrier, queues);
    if (target) found.add(target);
  }
  for (const allow of ofType(resources, REDRIVE_ALLOW_POLICY_TYPE)) {
    for (const queue of queues) if (refersTo(allow, "queueUrl", queue, ["url", "id"])) found.add(queue);
  }
  return queues.filter((queue) => found.has(queue));
}

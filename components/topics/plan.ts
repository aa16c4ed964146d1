/**
 * Plan facts of the topics component: the diagram's arrow from each region's event bus to the
 * queues it delivers to. Its topics, topic policies and subscriptions are shared types
 * (components/lib/plan/sharedTypes.ts: the alarm topics use them too); its dead-letter queues are
 * the queue component's type.
 */
import type { ComponentPlanFacts, EdgeContext } from "../lib/plan/facts";

/** An SNS subscription. */
export const SNS_TOPIC_SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const SQS_QUEUE = "aws:sqs/queue:Queue";
/**
 * The region's topics box (drawn from the subscriptions: the alarm topics are SNS topics too, and
 * are not part of the event bus) delivers to the region's queue box.
 */
function deliveryEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const subscription of graph.ofTypes([SNS_TOPIC_SUBSCRIPTION])) {
    const queue = graph.propertyDependenciesOf(subscription, "endpoint").find((urn) => graph.byUrn.get(urn)?.type === SQS_QUEUE);
    connect(nodeOf(subscription.urn), nodeOf(queue), "traffic", "fan-out");
  }
}

/** The topics component's facts. */
export const topicsPlanFacts: ComponentPlanFacts = {
  component: "topics",
  types: [],
  edges: { requests: deliveryEdges },
};

/**
 * Plan facts of the topics component: the diagram's arrow from each region's event bus to the
 * queues it delivers to. Its topics, topic policies and subscriptions are shared types
 * (components/lib/plan/sharedTypes.ts: the alarm topics use them too); its dead-letter queues are
 * the queue component's type.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts, EdgeContext } from "../lib/plan/facts";
import { named, textInput } from "../lib/plan/mock";
import { arn, hashHex } from "../lib/plan/mockIds";
import { free, traffic, type CostRule } from "../lib/plan/cost";

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
/** How event buses are billed: by events. */
const TOPICS_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:cloudwatch/eventBus:EventBus": free("a custom bus has no fee of its own"),
  "aws:cloudwatch/eventRule:EventRule": traffic("custom events published ($1.00 per million)"),
  "aws:cloudwatch/eventTarget:EventTarget": free("configuration"),
};

export const topicsPlanFacts: ComponentPlanFacts = {
  component: "topics",
  costs: TOPICS_COSTS,
  types: [
    {
      type: "aws:cloudwatch/eventBus:EventBus",
      mock: (input, region) => {
        const name = named(input);
        return { id: name, outputs: { arn: arn("events", region, `event-bus/${name}`) } };
      },
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:cloudwatch/eventRule:EventRule",
      // the provider's ID is `<bus>/<rule>` on a custom bus
      mock: (input, region) => {
        const name = named(input);
        const bus = textInput(input, "eventBusName") ?? "default";
        return {
          id: bus === "default" ? name : `${bus}/${name}`,
          outputs: { arn: arn("events", region, bus === "default" ? `rule/${name}` : `rule/${bus}/${name}`) },
        };
      },
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:cloudwatch/eventTarget:EventTarget",
      // the provider's ID is `<bus>/<rule>/<target id>`; the target ID is generated when not given
      mock: (input) => {
        const targetId = `terraform-${hashHex(26, input.urn)}`;
        return { id: `${textInput(input, "eventBusName") ?? "default"}/${textInput(input, "rule") ?? input.name}/${targetId}`, outputs: { targetId } };
      },
      creation: API_ONLY_CREATION,
    },
  ],
  edges: { requests: deliveryEdges },
};

/**
 * The settings of one entry of `blueprint:topics`, declared once: an SNS topic in every region
 * whose subscribers are queues of `blueprint:queues` in the same region.
 */
import { choice, flag, group, list, text, type GroupValue } from "../lib/settings";
import { FILTER_POLICY_SCOPES, TOPIC_TYPES } from "./lib/topicRules";

/** The keys of one subscription. */
export const subscriberKeys = {
  queue: text({ description: "Name of a queue of blueprint:queues; in every region the topic delivers to that region's queue.", required: true }),
  rawMessageDelivery: flag({ description: "Deliver the message body as published, without SNS's JSON envelope.", default: true }),
  filterPolicy: text({
    description: "SNS filter policy (a JSON object, at most 5 keys): the queue only gets the messages it matches.",
    optional: true,
    absentMeans: "every message",
  }),
  filterPolicyScope: choice(FILTER_POLICY_SCOPES, {
    description: "What the filter policy matches: MessageAttributes or MessageBody.",
    default: "MessageAttributes",
  }),
};

/** The keys of one topic. */
export const topicKeys = {
  name: text({ description: "Logical name: letters, digits, - and _; the physical name is <project>-<stack>-<name> (+ .fifo).", required: true }),
  type: choice(TOPIC_TYPES, {
    description: "standard or fifo; a FIFO topic delivers only to FIFO queues, a standard topic only to standard queues.",
    default: "standard",
  }),
  contentBasedDeduplication: flag({ description: "FIFO only: deduplicate by body hash.", default: false }),
  subscribers: list(group(subscriberKeys, { description: "A queue that gets the topic's messages, with a dead-letter queue of its own." }), {
    description: "The queues the topic delivers to (each region's topic to the same region's queues).",
    default: [],
  }),
};

/** One topic after defaults: exactly what the topics component takes. */
export type TopicSpec = GroupValue<typeof topicKeys>;
/** One subscription after defaults. */
export type SubscriberSpec = TopicSpec["subscribers"][number];

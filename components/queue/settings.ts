/**
 * The settings of one entry of `blueprint:queues`: type, allowed values, default and description,
 * once. Every region gets every queue, each with its dead-letter queue.
 */
import { choice, derived, flag, group, integer, text, type GroupValue } from "../lib/settings";
import { QUEUE_RANGES, QUEUE_TYPES } from "./lib/limits";

/** Longest retention SQS allows (14 days); dead letters are kept that long by default. */
const MAX_RETENTION = QUEUE_RANGES.messageRetentionSeconds.max;

/** The keys of one queue. */
export const queueKeys = {
  name: text({ description: "Logical name: letters, digits, - and _; the physical name is <project>-<stack>-<name> (+ .fifo).", required: true }),
  type: choice(QUEUE_TYPES, { description: "standard or fifo.", default: "standard" }),
  visibilityTimeoutSeconds: integer({
    description: "Seconds a received message stays hidden.",
    range: QUEUE_RANGES.visibilityTimeoutSeconds,
    unit: "seconds",
    default: 60,
  }),
  messageRetentionSeconds: integer({
    description: "Seconds a message is kept.",
    range: QUEUE_RANGES.messageRetentionSeconds,
    unit: "seconds",
    default: 345_600,
  }),
  delaySeconds: integer({ description: "Delivery delay.", range: QUEUE_RANGES.delaySeconds, unit: "seconds", default: 0 }),
  // long polling: fewer empty receives, lower cost
  receiveWaitTimeSeconds: integer({ description: "Long-polling wait.", range: QUEUE_RANGES.receiveWaitTimeSeconds, unit: "seconds", default: 20 }),
  maxMessageSizeBytes: integer({ description: "Largest message.", range: QUEUE_RANGES.maxMessageSizeBytes, unit: "bytes", default: 262_144 }),
  maxReceiveCount: integer({ description: "Receives before a message moves to the dead-letter queue.", range: QUEUE_RANGES.maxReceiveCount, default: 5 }),
  contentBasedDeduplication: flag({ description: "FIFO only: deduplicate by body hash.", default: false }),
  deadLetter: group(
    {
      type: choice(QUEUE_TYPES, {
        description: "Must match the queue's type (AWS requires it).",
        default: derived("the queue's type", ({ parent }) => (parent?.type === "fifo" ? "fifo" : "standard")),
      }),
      messageRetentionSeconds: integer({
        description: "Seconds a dead letter is kept, at least the queue's retention.",
        range: QUEUE_RANGES.messageRetentionSeconds,
        unit: "seconds",
        default: MAX_RETENTION,
      }),
    },
    { description: "The queue's dead-letter queue." },
  ),
};

/** One queue after defaults: exactly what the queue component takes. */
export type QueueSpec = GroupValue<typeof queueKeys>;

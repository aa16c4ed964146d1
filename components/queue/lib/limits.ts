/**
 * SQS's limits on a queue's settings, as constants that the settings' declarations and the rules
 * (`queueRules.ts`) both read. `[volatile]`: a changed AWS limit is a one-line edit here.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
 */
import type { IntegerRange } from "../../lib/ranges";

/** Every queue kind; the kind is fixed at creation (changing it replaces the queue). */
export const QUEUE_TYPES = ["standard", "fifo"] as const;

/** One of `QUEUE_TYPES`. */
export type QueueType = (typeof QUEUE_TYPES)[number];

/**
 * The numeric attributes of a queue and their AWS ranges.
 *
 * `maxMessageSizeBytes` goes to 1 MiB: SQS raised the limit from 256 KiB in 2025 and the provider
 * (@pulumi/aws 7.x) accepts 1048576. `[volatile]`
 */
export const QUEUE_RANGES = {
  visibilityTimeoutSeconds: { min: 0, max: 43_200, reading: "12 hours" },
  messageRetentionSeconds: { min: 60, max: 1_209_600, reading: "14 days" },
  delaySeconds: { min: 0, max: 900, reading: "15 minutes" },
  receiveWaitTimeSeconds: { min: 0, max: 20 },
  maxMessageSizeBytes: { min: 1_024, max: 1_048_576, reading: "1 MiB" },
  maxReceiveCount: { min: 1, max: 1_000 },
} as const satisfies Record<string, IntegerRange>;

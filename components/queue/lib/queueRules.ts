/**
 * SQS queue specs and the AWS rules they must satisfy, checked offline before any queue is declared.
 *
 * SQS rejects most of these only when `pulumi up` calls CreateQueue (or, for a wrong redrive
 * target, SetQueueAttributes), long after other resources of the region were created. Every limit
 * lives in one constant here so that a changed AWS limit (`[volatile]`) is a one-line edit.
 *
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html
 */
import type { IntegerRange } from "../../lib/ranges";
export type { IntegerRange } from "../../lib/ranges";
import { regionInfo } from "../../lib/regions";
import type { QueueSpec } from "../settings";
import { QUEUE_RANGES, type QueueType } from "./limits";

export { QUEUE_RANGES, QUEUE_TYPES, type QueueType } from "./limits";
export type { QueueSpec } from "../settings";

/** A FIFO queue's name must end with this; a standard queue's must not. */
export const FIFO_SUFFIX = ".fifo";

/** Appended to a queue's logical and physical name to name its dead-letter queue. */
export const DEAD_LETTER_SUFFIX = "-dlq";

/** Longest queue name SQS accepts, `.fifo` included. */
export const MAX_QUEUE_NAME_LENGTH = 80;

/** Characters SQS accepts in a queue name (before `.fifo`). */
export const QUEUE_NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * How long SQS may reuse a data key from KMS before asking again, when a customer managed key is
 * used: AWS's default (5 minutes) balances KMS request cost against how long a key is cached.
 * Allowed: 60 to 86400.
 */
export const KMS_DATA_KEY_REUSE_PERIOD_SECONDS = 300;

/**
 * A queue's encryption inputs: never off; SSE-SQS without a key, else the caller's customer managed
 * key. The two settings conflict in the provider, so exactly one is set.
 */
export function queueEncryption<K>(kmsKeyArn: K | undefined): { sqsManagedSseEnabled: true } | { kmsMasterKeyId: K; kmsDataKeyReusePeriodSeconds: number } {
  return kmsKeyArn === undefined
    ? { sqsManagedSseEnabled: true }
    : { kmsMasterKeyId: kmsKeyArn, kmsDataKeyReusePeriodSeconds: KMS_DATA_KEY_REUSE_PERIOD_SECONDS };
}

/** One problem with a queue spec. */
export interface QueueSpecProblem {
  /** Key path inside the spec, e.g. `deadLetter.type`. */
  readonly field: string;
  /** A sentence that starts with `field`, shows the value and says what is allowed. */
  readonly message: string;
}

/** The physical names of a queue and its dead-letter queue. */
export interface QueuePhysicalNames {
  readonly queue: string;
  readonly deadLetter: string;
}

const suffixOf = (type: QueueType): string => (type === "fifo" ? FIFO_SUFFIX : "");

/**
 * The SQS names of a queue and its dead-letter queue: `<namePrefix>-<name>` and
 * `<namePrefix>-<name>-dlq`, each with `.fifo` when that queue is FIFO. Names are explicit because
 * SQS requires the `.fifo` suffix, which Pulumi's auto-naming does not add.
 */
export function queuePhysicalNames(namePrefix: string, spec: Pick<QueueSpec, "name" | "type" | "deadLetter">): QueuePhysicalNames {
  const base = `${namePrefix}-${spec.name}`;
  return {
    queue: `${base}${suffixOf(spec.type)}`,
    deadLetter: `${base}${DEAD_LETTER_SUFFIX}${suffixOf(spec.deadLetter.type)}`,
  };
}

const isQueueType = (value: unknown): value is QueueType => value === "standard" || value === "fifo";

function rangeProblem(field: string, value: number, range: IntegerRange): QueueSpecProblem | undefined {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return undefined;
  const reading = range.reading ? ` (${range.reading})` : "";
  return { field, message: `${field} must be an integer from ${range.min} to ${range.max}${reading}, got ${value}` };
}

/**
 * Every problem with one queue spec, in field order; empty when SQS would accept it.
 *
 * Covers the name's characters, the 80-character limit of both the queue's and the dead-letter
 * queue's names (`.fifo` included), every attribute range, the rule that a FIFO queue needs a FIFO
 * dead-letter queue and a standard queue a standard one, content-based deduplication on FIFO only,
 * and a dead-letter retention no shorter than the queue's. No AWS rule ties the visibility timeout
 * to the long-polling wait (each is validated on its own), so none is invented here.
 *
 * @param namePrefix prefix of the physical names, needed for the length limit
 */
export function queueSpecProblems(spec: QueueSpec, namePrefix: string): QueueSpecProblem[] {
  const problems: QueueSpecProblem[] = [];
  const push = (problem: QueueSpecProblem | undefined) => {
    if (problem) problems.push(problem);
  };

  if (!QUEUE_NAME_PATTERN.test(spec.name)) {
    push({
      field: "name",
      message: `name may only contain letters, digits, hyphens and underscores (at least one), got ${JSON.stringify(spec.name)}`,
    });
  }
  if (!isQueueType(spec.type)) {
    push({ field: "type", message: `type must be "standard" or "fifo", got ${JSON.stringify(spec.type)}` });
  }
  const typesKnown = isQueueType(spec.type) && isQueueType(spec.deadLetter.type);
  if (typesKnown) {
    const names = queuePhysicalNames(namePrefix, spec);
    for (const [what, name] of [
      ["queue", names.queue],
      ["dead-letter queue", names.deadLetter],
    ] as const) {
      if (name.length > MAX_QUEUE_NAME_LENGTH) {
        push({
          field: "name",
          message:
            `name ${JSON.stringify(spec.name)} makes the ${what} name "${name}" ${name.length} characters long; ` +
            `SQS allows at most ${MAX_QUEUE_NAME_LENGTH}, ${FIFO_SUFFIX} included (shorten the name or the prefix)`,
        });
      }
    }
  }
  for (const field of [
    "visibilityTimeoutSeconds",
    "messageRetentionSeconds",
    "delaySeconds",
    "receiveWaitTimeSeconds",
    "maxMessageSizeBytes",
    "maxReceiveCount",
  ] as const) {
    push(rangeProblem(field, spec[field], QUEUE_RANGES[field]));
  }
  if (spec.contentBasedDeduplication && spec.type === "standard") {
    push({
      field: "contentBasedDeduplication",
      message:
        "contentBasedDeduplication is true but the queue is standard; only FIFO queues deduplicate messages " + "(set it to false or make the queue fifo)",
    });
  }

  if (!isQueueType(spec.deadLetter.type)) {
    push({
      field: "deadLetter.type",
      message: `deadLetter.type must be "standard" or "fifo", got ${JSON.stringify(spec.deadLetter.type)}`,
    });
  } else if (isQueueType(spec.type) && spec.deadLetter.type !== spec.type) {
    const article = spec.type === "fifo" ? "a FIFO" : "a standard";
    const kind = spec.type === "fifo" ? "FIFO" : "standard";
    push({
      field: "deadLetter.type",
      message: `deadLetter.type is ${spec.deadLetter.type} but the queue is ${spec.type}; ` + `${article} queue's dead-letter queue must also be ${kind}`,
    });
  }
  const retention = spec.deadLetter.messageRetentionSeconds;
  const retentionProblem = rangeProblem("deadLetter.messageRetentionSeconds", retention, QUEUE_RANGES.messageRetentionSeconds);
  push(retentionProblem);
  if (!retentionProblem && Number.isInteger(spec.messageRetentionSeconds) && retention < spec.messageRetentionSeconds) {
    push({
      field: "deadLetter.messageRetentionSeconds",
      message:
        `deadLetter.messageRetentionSeconds must be at least messageRetentionSeconds (${spec.messageRetentionSeconds}), ` +
        `got ${retention}; a message keeps its original enqueue time when it moves to a standard dead-letter queue, ` +
        "so a shorter retention deletes it before anyone can look at it",
    });
  }
  return problems;
}

/** The parts of `RegionalQueuesArgs` that are checked. */
export interface QueueArgsToValidate {
  readonly region: string;
  readonly namePrefix: string;
  readonly queues: readonly QueueSpec[];
  /** Checked only when it is a plain string (an unknown Output is left to AWS). */
  readonly kmsKeyArn?: unknown;
}

/** A KMS key or alias ARN; group 1 is the region. */
const KMS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:(?:key\/[A-Za-z0-9-]+|alias\/[A-Za-z0-9/_-]+)$/;

/**
 * Every problem with the component's arguments as complete lines: the region, the prefix, a
 * customer managed key from another region, each queue's spec (prefixed `queues[i].`), and names
 * that collide (two queues, or a queue and another queue's dead-letter queue, would get the same
 * Pulumi resource name).
 */
export function queueArgsProblems(args: QueueArgsToValidate): string[] {
  const problems: string[] = [];
  if (!regionInfo(args.region)) problems.push(`region must be a known AWS region, got ${JSON.stringify(args.region)}`);
  if (!QUEUE_NAME_PATTERN.test(args.namePrefix)) {
    problems.push(`namePrefix may only contain letters, digits, hyphens and underscores (at least one), got ${JSON.stringify(args.namePrefix)}`);
  }
  if (typeof args.kmsKeyArn === "string") {
    const match = KMS_ARN.exec(args.kmsKeyArn);
    if (!match || match[1] !== args.region) {
      problems.push(
        `kmsKeyArn must be the ARN of a KMS key or alias in ${args.region} (KMS keys are regional and SQS cannot use ` +
          `a key of another region), got ${JSON.stringify(args.kmsKeyArn)}`,
      );
    }
  }

  // Logical names become Pulumi resource names (`<component>-<name>` and `<component>-<name>-dlq`),
  // which must be unique whatever the queue kinds are.
  const owners = new Map<string, { index: number; deadLetter: boolean }>();
  const ownerText = (index: number) => `queues[${index}] (${JSON.stringify(args.queues[index].name)})`;
  args.queues.forEach((spec, index) => {
    for (const problem of queueSpecProblems(spec, args.namePrefix)) problems.push(`queues[${index}].${problem.message}`);
    const name = JSON.stringify(spec.name);
    const owner = owners.get(spec.name);
    if (owner && !owner.deadLetter) {
      problems.push(`queues[${index}].name ${name} is also the name of ${ownerText(owner.index)}; queue names must be unique`);
      return;
    }
    if (owner) {
      problems.push(
        `queues[${index}].name ${name} is the name of the dead-letter queue of ${ownerText(owner.index)}; ` +
          `choose a name that does not end in ${DEAD_LETTER_SUFFIX}`,
      );
    } else {
      owners.set(spec.name, { index, deadLetter: false });
    }
    const deadLetterName = `${spec.name}${DEAD_LETTER_SUFFIX}`;
    const deadLetterOwner = owners.get(deadLetterName);
    if (deadLetterOwner) {
      problems.push(
        `queues[${index}].name ${name} gives a dead-letter queue named ${JSON.stringify(deadLetterName)}, ` +
          `which is already the name of ${ownerText(deadLetterOwner.index)}; rename one of them`,
      );
    } else {
      owners.set(deadLetterName, { index, deadLetter: true });
    }
  });
  return problems;
}

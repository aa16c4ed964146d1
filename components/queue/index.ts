/**
 * One region's SQS queues: per queue a dead-letter queue of the same kind, the source queue with its
 * redrive policy, a redrive-allow policy that lets only that source use the dead-letter queue,
 * encryption at rest on both, and queue policies that refuse plain HTTP.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { redriveAllowPolicyJson, redrivePolicyJson, secureTransportQueuePolicy } from "./lib/queuePolicies";
import { topicQueuePolicy } from "../topics/lib/topicRules";
import { queueArgsProblems, queueEncryption, queuePhysicalNames, type QueueSpec } from "./lib/queueRules";

export type { QueueSpec, QueueType } from "./lib/queueRules";
export { queueArgsProblems, queuePhysicalNames, queueSpecProblems } from "./lib/queueRules";
export { queueConsumerStatements, queueProducerStatements, type IamStatement } from "./lib/queuePolicies";

/** Arguments of the RegionalQueues component. */
export interface RegionalQueuesArgs {
  /** Region every queue is created in; a dead-letter queue must be in its source queue's region. */
  readonly region: string;
  /** Prefix of every physical queue name, e.g. "blueprint-prod" (`[A-Za-z0-9_-]`). */
  readonly namePrefix: string;
  /** The queues, validated and with defaults applied. */
  readonly queues: readonly QueueSpec[];
  /**
   * Customer managed KMS key (ARN, in `region`) for server-side encryption. Producers then need
   * `kms:GenerateDataKey` and `kms:Decrypt`, consumers `kms:Decrypt` (see `queueProducerStatements`).
   * Cost: KMS requests, at most one per data key reuse period (5 minutes) per principal.
   * @default - SSE-SQS (`sqsManagedSseEnabled`), no key to manage and no KMS cost
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /**
   * Per queue (logical name), the SNS topics that may deliver to it: its queue policy then admits
   * sns.amazonaws.com for `sqs:SendMessage` with `aws:SourceArn` one of them, nothing else.
   * @default {} (no topic delivers)
   */
  readonly topicSenders?: Readonly<Record<string, readonly pulumi.Input<string>[]>>;
  /**
   * Per queue (logical name), the EventBridge rules that may deliver to it (events.amazonaws.com
   * with `aws:SourceArn` one of them).
   * @default {} (no rule delivers)
   */
  readonly ruleSenders?: Readonly<Record<string, readonly pulumi.Input<string>[]>>;
  /**
   * Tags of every queue; `Region` is expected among them.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The outputs of one logical queue. */
export interface QueueOutputs {
  /** Physical name of the source queue (`<namePrefix>-<name>`, `.fifo` for FIFO). */
  readonly name: pulumi.Output<string>;
  readonly url: pulumi.Output<string>;
  readonly arn: pulumi.Output<string>;
  /** Physical name of the dead-letter queue (`<namePrefix>-<name>-dlq`, `.fifo` for FIFO). */
  readonly deadLetterName: pulumi.Output<string>;
  readonly deadLetterUrl: pulumi.Output<string>;
  readonly deadLetterArn: pulumi.Output<string>;
}

/** SQS queues with dead-letter queues, encrypted, TLS-only, for one region. */
export class RegionalQueues extends pulumi.ComponentResource {
  /** Region the queues live in. */
  public readonly region: string;
  /** Outputs per logical queue name. */
  public readonly queues: Readonly<Record<string, QueueOutputs>>;
  /** ARNs of the source queues, in spec order. */
  public readonly queueArns: pulumi.Output<string>[];
  /** ARNs of the dead-letter queues, in spec order. */
  public readonly deadLetterQueueArns: pulumi.Output<string>[];

  constructor(name: string, args: RegionalQueuesArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:queue:RegionalQueues", name, {}, opts);

    const problems = queueArgsProblems(args);
    if (problems.length > 0) {
      throw new Error(`RegionalQueues ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const region = args.region;
    const tags = { ...(args.tags ?? {}) };
    const encryption = queueEncryption(args.kmsKeyArn);
    const opt = { parent: this };

    const queues: Record<string, QueueOutputs> = {};
    for (const spec of args.queues) {
      const names = queuePhysicalNames(args.namePrefix, spec);
      const base = `${name}-${spec.name}`;

      const deadLetter = new aws.sqs.Queue(
        `${base}-dlq`,
        {
          region,
          name: names.deadLetter,
          fifoQueue: spec.deadLetter.type === "fifo",
          messageRetentionSeconds: spec.deadLetter.messageRetentionSeconds,
          // a message that fitted the source queue must fit here too
          maxMessageSize: spec.maxMessageSizeBytes,
          ...encryption,
          tags,
        },
        opt,
      );

      const fifo = spec.type === "fifo";
      const queue = new aws.sqs.Queue(
        base,
        {
          region,
          name: names.queue,
          fifoQueue: fifo,
          // SQS rejects the attribute on standard queues, so it is only sent for FIFO
          contentBasedDeduplication: fifo ? spec.contentBasedDeduplication : undefined,
          visibilityTimeoutSeconds: spec.visibilityTimeoutSeconds,
          messageRetentionSeconds: spec.messageRetentionSeconds,
          delaySeconds: spec.delaySeconds,
          receiveWaitTimeSeconds: spec.receiveWaitTimeSeconds,
          maxMessageSize: spec.maxMessageSizeBytes,
          redrivePolicy: deadLetter.arn.apply((arn) => redrivePolicyJson(arn, spec.maxReceiveCount)),
          ...encryption,
          tags,
        },
        opt,
      );

      // Only this source queue may move messages into its dead-letter queue.
      new aws.sqs.RedriveAllowPolicy(
        `${base}-dlq`,
        { region, queueUrl: deadLetter.url, redriveAllowPolicy: queue.arn.apply((arn) => redriveAllowPolicyJson([arn])) },
        opt,
      );
      const senders = args.topicSenders?.[spec.name] ?? [];
      const rules = args.ruleSenders?.[spec.name] ?? [];
      new aws.sqs.QueuePolicy(
        base,
        {
          region,
          queueUrl: queue.url,
          policy:
            senders.length + rules.length > 0
              ? pulumi
                  .all([queue.arn, pulumi.all([...senders]), pulumi.all([...rules])])
                  .apply(([arn, topics, ruleArns]) => topicQueuePolicy(arn, topics, ruleArns))
              : queue.arn.apply(secureTransportQueuePolicy),
        },
        opt,
      );
      new aws.sqs.QueuePolicy(`${base}-dlq`, { region, queueUrl: deadLetter.url, policy: deadLetter.arn.apply(secureTransportQueuePolicy) }, opt);

      queues[spec.name] = {
        name: queue.name,
        url: queue.url,
        arn: queue.arn,
        deadLetterName: deadLetter.name,
        deadLetterUrl: deadLetter.url,
        deadLetterArn: deadLetter.arn,
      };
    }

    this.region = region;
    this.queues = queues;
    this.queueArns = args.queues.map((spec) => queues[spec.name].arn);
    this.deadLetterQueueArns = args.queues.map((spec) => queues[spec.name].deadLetterArn);

    this.registerOutputs({
      queues: this.queues,
      queueArns: this.queueArns,
      deadLetterQueueArns: this.deadLetterQueueArns,
    });
  }
}

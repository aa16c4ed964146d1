/**
 * One region's event bus: the SNS topics of `blueprint:topics` (`RegionalTopics`, declared before
 * the queues so that each queue's policy can admit exactly its topics) and their subscriptions to
 * the region's queues (`TopicSubscriptions`, declared after them): raw delivery, filter policies, a
 * dead-letter queue per subscription that only SNS may fill, and alarms on failed deliveries.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { senderDeadLetterQueue } from "./senderDeadLetterQueue";
import { eventTopicPolicy, subscriptionDeadLetterName, subscriptionRedrivePolicy, topicPhysicalName } from "./lib/topicRules";
import type { TopicSpec } from "./settings";

export type { TopicSpec, SubscriberSpec } from "./settings";
export { topicPublisherStatements, topicDeliveryStatement } from "./lib/topicRules";

/** Arguments of the RegionalTopics component. */
export interface RegionalTopicsArgs {
  readonly region: string;
  /** `<project>-<stack>`: prefix of every physical name. */
  readonly namePrefix: string;
  readonly topics: readonly TopicSpec[];
  /** The region's customer managed key: every topic is encrypted with it. */
  readonly kmsKeyArn: pulumi.Input<string>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** One region's SNS topics, encrypted with the region's key, TLS only. */
export class RegionalTopics extends pulumi.ComponentResource {
  /** ARN of each topic, by logical name. */
  public readonly topicArns: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: RegionalTopicsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:topics:RegionalTopics", name, {}, opts);
    const opt = { parent: this };
    const topicArns: Record<string, pulumi.Output<string>> = {};
    for (const spec of args.topics) {
      const fifo = spec.type === "fifo";
      const topic = new aws.sns.Topic(
        `${name}-${spec.name}`,
        {
          region: args.region,
          name: topicPhysicalName(args.namePrefix, spec),
          fifoTopic: fifo,
          ...(fifo ? { contentBasedDeduplication: spec.contentBasedDeduplication } : {}),
          kmsMasterKeyId: args.kmsKeyArn,
          tags: { ...(args.tags ?? {}) },
        },
        opt,
      );
      new aws.sns.TopicPolicy(`${name}-${spec.name}`, { region: args.region, arn: topic.arn, policy: topic.arn.apply(eventTopicPolicy) }, opt);
      topicArns[spec.name] = topic.arn;
    }
    this.topicArns = topicArns;
    this.registerOutputs({ topicArns });
  }
}

/** A queue a subscription delivers to. */
export interface SubscribedQueue {
  readonly arn: pulumi.Input<string>;
}

/** Arguments of the TopicSubscriptions component. */
export interface TopicSubscriptionsArgs {
  readonly region: string;
  readonly namePrefix: string;
  readonly topics: readonly TopicSpec[];
  /** The region's topics (`RegionalTopics.topicArns`). */
  readonly topicArns: Readonly<Record<string, pulumi.Input<string>>>;
  /** The region's queues, by logical name. */
  readonly queues: Readonly<Record<string, SubscribedQueue>>;
  /** The region's alarm topic. */
  readonly alarmTopicArn: pulumi.Input<string>;
  /** Pulumi `protect` on the dead-letter queues and their policies (they hold undelivered messages). @default false */
  readonly protect?: boolean;
  /**
   * The region's data key for the dead-letter queues, as for the queues they stand behind (the key
   * policy admits the senders). @default - SSE-SQS
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The region's subscriptions of its queues to its topics, each with a dead-letter queue and an alarm. */
export class TopicSubscriptions extends pulumi.ComponentResource {
  /** ARN of each subscription, by `<topic>/<queue>`. */
  public readonly subscriptionArns: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: TopicSubscriptionsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:topics:TopicSubscriptions", name, {}, opts);
    const problems: string[] = [];
    for (const spec of args.topics) {
      if (args.topicArns[spec.name] === undefined) problems.push(`topicArns has no topic ${spec.name}`);
      for (const subscriber of spec.subscribers) {
        if (args.queues[subscriber.queue] === undefined) problems.push(`topics ${spec.name}: queues has no queue ${subscriber.queue}`);
      }
    }
    if (problems.length > 0) throw new Error(`TopicSubscriptions ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);

    const { region } = args;
    const tags = { ...(args.tags ?? {}) };
    const opt = { parent: this };
    const subscriptionArns: Record<string, pulumi.Output<string>> = {};
    for (const spec of args.topics) {
      const topicArn = pulumi.output(args.topicArns[spec.name]);
      const fifo = spec.type === "fifo";
      for (const subscriber of spec.subscribers) {
        const base = `${name}-${spec.name}-${subscriber.queue}`;
        // SNS is the only sender; no SQS queue may redrive into it
        const deadLetter = senderDeadLetterQueue(
          `${base}-sub-dlq`,
          {
            region,
            namePrefix: args.namePrefix,
            queueName: subscriptionDeadLetterName(args.namePrefix, spec, subscriber.queue),
            // SNS needs a FIFO dead-letter queue for a FIFO topic's subscriptions
            fifo,
            sender: { topicArn },
            ...(args.kmsKeyArn !== undefined ? { kmsKeyArn: args.kmsKeyArn } : {}),
            alarm: {
              key: `topic-${spec.name}-${subscriber.queue}-dlq-depth`,
              description: `Messages of topic ${spec.name} could not be delivered to queue ${subscriber.queue} in ${region} and wait in the subscription's dead-letter queue`,
              topicArn: args.alarmTopicArn,
            },
            tags,
          },
          this,
          args.protect ?? false,
        );
        const subscription = new aws.sns.TopicSubscription(
          base,
          {
            region,
            topic: topicArn,
            protocol: "sqs",
            endpoint: args.queues[subscriber.queue].arn,
            rawMessageDelivery: subscriber.rawMessageDelivery,
            ...(subscriber.filterPolicy !== undefined ? { filterPolicy: subscriber.filterPolicy, filterPolicyScope: subscriber.filterPolicyScope } : {}),
            redrivePolicy: deadLetter.arn.apply(subscriptionRedrivePolicy),
          },
          opt,
        );
        subscriptionArns[`${spec.name}/${subscriber.queue}`] = subscription.arn;
      }
    }
    this.subscriptionArns = subscriptionArns;
    this.registerOutputs({ subscriptionArns });
  }
}

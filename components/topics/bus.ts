/**
 * One region's EventBridge bus (`blueprint:eventBus`): the bus and its rules (`RegionalEventBus`,
 * declared before the queues so that each queue's policy can admit exactly its rules) and the
 * rules' targets (`EventBusTargets`, after them): each delivers to a queue of the region, with a
 * dead-letter queue only EventBridge may fill and an alarm on its depth.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EventBusSettings } from "./busSection";
import { busName, busRuleDeadLetterName, busRuleName } from "./lib/busRules";
import { senderDeadLetterQueue } from "./senderDeadLetterQueue";

/** EventBridge retries a failed delivery for up to a day (its longest) before the dead-letter queue. */
const RETRY_POLICY = { maximumEventAgeInSeconds: 86_400, maximumRetryAttempts: 185 };

/** Arguments of the RegionalEventBus component. */
export interface RegionalEventBusArgs {
  readonly region: string;
  readonly namePrefix: string;
  readonly settings: EventBusSettings;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The region's bus and rules. */
export class RegionalEventBus extends pulumi.ComponentResource {
  public readonly busArn: pulumi.Output<string>;
  public readonly busName: pulumi.Output<string>;
  /** ARN of each rule, by logical name. */
  public readonly ruleArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** Physical name of each rule, by logical name (the targets wait for the rules through it). */
  public readonly ruleNames: Readonly<Record<string, pulumi.Output<string>>>;

  constructor(name: string, args: RegionalEventBusArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:topics:RegionalEventBus", name, {}, opts);
    const opt = { parent: this };
    const tags = { ...(args.tags ?? {}) };
    const bus = new aws.cloudwatch.EventBus(
      `${name}-events`,
      { region: args.region, name: busName(args.namePrefix), description: `Event bus of ${args.namePrefix} in ${args.region}`, tags },
      opt,
    );
    const ruleArns: Record<string, pulumi.Output<string>> = {};
    const ruleNames: Record<string, pulumi.Output<string>> = {};
    for (const rule of args.settings.rules) {
      const created = new aws.cloudwatch.EventRule(
        `${name}-${rule.name}`,
        { region: args.region, name: busRuleName(args.namePrefix, rule.name), eventBusName: bus.name, eventPattern: rule.eventPattern, state: "ENABLED", tags },
        opt,
      );
      ruleArns[rule.name] = created.arn;
      ruleNames[rule.name] = created.name;
    }
    this.ruleNames = ruleNames;
    this.busArn = bus.arn;
    this.busName = bus.name;
    this.ruleArns = ruleArns;
    this.registerOutputs({ busArn: this.busArn, ruleArns });
  }
}

/** Arguments of the EventBusTargets component. */
export interface EventBusTargetsArgs {
  readonly region: string;
  readonly namePrefix: string;
  readonly settings: EventBusSettings;
  readonly bus: RegionalEventBus;
  /** The region's queues, by logical name, and whether each is FIFO. */
  readonly queues: Readonly<Record<string, { readonly arn: pulumi.Input<string>; readonly fifo: boolean }>>;
  readonly alarmTopicArn: pulumi.Input<string>;
  /** Pulumi `protect` on the dead-letter queues and their policies. @default false */
  readonly protect?: boolean;
  /**
   * The region's data key for the dead-letter queues, as for the queues they stand behind (the key
   * policy admits the senders). @default - SSE-SQS
   */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The rules' deliveries to the region's queues. */
export class EventBusTargets extends pulumi.ComponentResource {
  constructor(name: string, args: EventBusTargetsArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:topics:EventBusTargets", name, {}, opts);
    const { region } = args;
    const opt = { parent: this };
    const tags = { ...(args.tags ?? {}) };
    for (const rule of args.settings.rules) {
      const queue = args.queues[rule.queue];
      if (queue === undefined) throw new Error(`EventBusTargets ${name} has invalid arguments:\n  - rule ${rule.name}: queues has no queue ${rule.queue}`);
      const ruleArn = args.bus.ruleArns[rule.name];
      const base = `${name}-${rule.name}`;
      const deadLetter = senderDeadLetterQueue(
        `${base}-rule-dlq`,
        {
          region,
          namePrefix: args.namePrefix,
          queueName: busRuleDeadLetterName(args.namePrefix, rule.name),
          sender: { ruleArn },
          ...(args.kmsKeyArn !== undefined ? { kmsKeyArn: args.kmsKeyArn } : {}),
          alarm: {
            key: `bus-${rule.name}-dlq-depth`,
            description: `Events of rule ${rule.name} could not be delivered to queue ${rule.queue} in ${region} and wait in the rule's dead-letter queue`,
            topicArn: args.alarmTopicArn,
          },
          tags,
        },
        this,
        args.protect ?? false,
      );
      new aws.cloudwatch.EventTarget(
        base,
        {
          region,
          rule: args.bus.ruleNames[rule.name],
          eventBusName: args.bus.busName,
          arn: queue.arn,
          // a FIFO queue needs a message group; one per rule keeps each rule's events in order
          ...(queue.fifo ? { sqsTarget: { messageGroupId: rule.name } } : {}),
          deadLetterConfig: { arn: deadLetter.arn },
          retryPolicy: RETRY_POLICY,
        },
        opt,
      );
    }
    this.registerOutputs({});
  }
}

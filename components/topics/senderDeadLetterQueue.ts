/**
 * The dead-letter queue behind one delivery to a queue (an SNS subscription or an EventBridge
 * rule's target): only that sender may fill it, no SQS queue may redrive into it, and an alarm
 * notifies the region's topic as soon as a message waits there.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmName } from "../observability/lib/alarms";
import { flatMetricAlarmInputs } from "../observability/metricAlarmInputs";
import { queueEncryption } from "../queue/lib/queueRules";
import { topicQueuePolicy } from "./lib/topicRules";

/** How long dead letters are kept: 14 days, SQS's longest. */
const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/** Arguments of one sender's dead-letter queue. */
export interface SenderDeadLetterQueueArgs {
  readonly region: string;
  readonly namePrefix: string;
  /** The queue's physical name. */
  readonly queueName: string;
  /** `fifoQueue`: FIFO as SNS requires behind a FIFO topic; EventBridge takes only standard ones. @default unset */
  readonly fifo?: boolean;
  /** The sender that may fill it: a topic's or a rule's ARN. */
  readonly sender: { readonly topicArn: pulumi.Input<string> } | { readonly ruleArn: pulumi.Input<string> };
  /** The region's data key. @default - SSE-SQS */
  readonly kmsKeyArn?: pulumi.Input<string>;
  /** The alarm's key (its name is `<prefix>-<region>-<key>`) and what its description says waits there. */
  readonly alarm: { readonly key: string; readonly description: string; readonly topicArn: pulumi.Input<string> };
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Declares the queue, its policy, its redrive-allow policy (all three named `name`) and its depth
 * alarm (`<name>-depth`) under `parent`; `protect` reaches the queue and its policies.
 */
export function senderDeadLetterQueue(name: string, args: SenderDeadLetterQueueArgs, parent: pulumi.Resource, protect: boolean): aws.sqs.Queue {
  const { region } = args;
  const kept = { parent, protect };
  const deadLetter = new aws.sqs.Queue(
    name,
    {
      region,
      name: args.queueName,
      ...(args.fifo !== undefined ? { fifoQueue: args.fifo } : {}),
      messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      ...queueEncryption(args.kmsKeyArn),
      tags: { ...args.tags },
    },
    kept,
  );
  const senderArn = "topicArn" in args.sender ? args.sender.topicArn : args.sender.ruleArn;
  const isTopic = "topicArn" in args.sender;
  new aws.sqs.QueuePolicy(
    name,
    {
      region,
      queueUrl: deadLetter.url,
      policy: pulumi
        .all([deadLetter.arn, senderArn])
        .apply(([arn, sender]) => (isTopic ? topicQueuePolicy(arn, [sender]) : topicQueuePolicy(arn, [], [sender]))),
    },
    kept,
  );
  new aws.sqs.RedriveAllowPolicy(name, { region, queueUrl: deadLetter.url, redriveAllowPolicy: JSON.stringify({ redrivePermission: "denyAll" }) }, kept);
  new aws.cloudwatch.MetricAlarm(
    `${name}-depth`,
    {
      region,
      ...flatMetricAlarmInputs({
        name: alarmName(args.namePrefix, region, args.alarm.key),
        description: args.alarm.description,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: "notBreaching",
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: deadLetter.name },
        period: 300,
        statistic: "Maximum",
      }),
      actionsEnabled: true,
      alarmActions: [args.alarm.topicArn],
      okActions: [args.alarm.topicArn],
      tags: { ...args.tags },
    },
    { parent },
  );
  return deadLetter;
}

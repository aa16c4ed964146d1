/**
 * Plan facts of the queue component: SQS queues (identified by their URL, as SQS does), their
 * policies and redrive-allow policies.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { always, type ComponentPlanFacts } from "../lib/plan/facts";
import { named, textInput } from "../lib/plan/mock";
import { arn, MOCK_ACCOUNT_ID } from "../lib/plan/mockIds";
import { free, traffic, type CostRule } from "../lib/plan/cost";

/** An SQS queue. */
export const SQS_QUEUE = "aws:sqs/queue:Queue";

/** The queue component's facts. */
/** How queues are billed: by requests. */
const QUEUE_COSTS: Readonly<Record<string, CostRule>> = {
  [SQS_QUEUE]: traffic("requests ($0.40 per million standard, $0.50 FIFO, after the first million a month)"),
  "aws:sqs/queuePolicy:QueuePolicy": free("configuration"),
  "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy": free("configuration"),
};

export const queuePlanFacts: ComponentPlanFacts = {
  component: "queue",
  costs: QUEUE_COSTS,
  types: [
    {
      type: SQS_QUEUE,
      // SQS identifies a queue by its URL; Pulumi's ID of a queue is that URL.
      mock: (input, region) => {
        const name = named(input);
        const url = `https://sqs.${region}.amazonaws.com/${MOCK_ACCOUNT_ID}/${name}`;
        return { id: url, outputs: { name, url, arn: arn("sqs", region, name) } };
      },
      creation: {
        seconds: 30,
        basis: "AWS SQS docs: queue attributes can take up to 60 s to propagate (the provider waits for them to settle)",
      },
      stateful: { label: "queue", loses: "every message in flight", replacedBy: always("region", "name", "namePrefix", "fifoQueue") },
      kind: "queue",
    },
    {
      type: "aws:sqs/queuePolicy:QueuePolicy",
      mock: (input) => ({ id: textInput(input, "queueUrl") ?? input.name, outputs: {} }),
      creation: API_ONLY_CREATION,
    },
    {
      type: "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy",
      mock: (input) => ({ id: textInput(input, "queueUrl") ?? input.name, outputs: {} }),
      creation: API_ONLY_CREATION,
    },
  ],
};

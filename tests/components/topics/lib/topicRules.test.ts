import * as assert from "node:assert/strict";
import {
  eventTopicPolicy,
  subscriptionDeadLetterName,
  topicPhysicalName,
  topicPublisherStatements,
  topicQueuePolicy,
} from "../../../../components/topics/lib/topicRules";

const QUEUE = "arn:aws:sqs:us-east-1:123456789012:blueprint-prod-jobs";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:blueprint-prod-jobs-events";
const RULE = "arn:aws:events:us-east-1:123456789012:rule/blueprint-prod-events/blueprint-prod-reports-requested";

describe("topic rules", () => {
  it("names FIFO topics and their subscriptions' dead-letter queues with .fifo", () => {
    assert.equal(topicPhysicalName("blueprint-prod", { name: "orders", type: "fifo" }), "blueprint-prod-orders.fifo");
    assert.equal(subscriptionDeadLetterName("blueprint-prod", { name: "orders", type: "fifo" }, "orders"), "blueprint-prod-orders-orders-sub-dlq.fifo");
  });

  it("writes a queue policy that refuses plain HTTP and admits exactly its topics and rules", () => {
    assert.deepEqual(JSON.parse(topicQueuePolicy(QUEUE, [TOPIC], [RULE])), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: "sqs:*",
          Resource: QUEUE,
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
          Sid: "TopicDelivery",
          Effect: "Allow",
          Principal: { Service: "sns.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: QUEUE,
          Condition: { ArnEquals: { "aws:SourceArn": [TOPIC] } },
        },
        {
          Sid: "EventRuleDelivery",
          Effect: "Allow",
          Principal: { Service: "events.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: QUEUE,
          Condition: { ArnEquals: { "aws:SourceArn": [RULE] } },
        },
      ],
    });
    assert.equal(JSON.parse(topicQueuePolicy(QUEUE, [])).Statement.length, 1, "no sender: TLS only");
  });

  it("grants a tier publishing to its region's topics, the key only through that region's SNS, and a topic policy that grants nothing", () => {
    assert.deepEqual(topicPublisherStatements([TOPIC], "arn:aws:kms:us-east-1:123456789012:key/mrk-1", "us-east-1"), [
      { Sid: "PublishRegionTopics", Effect: "Allow", Action: ["sns:Publish"], Resource: [TOPIC] },
      {
        Sid: "EncryptRegionTopics",
        Effect: "Allow",
        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
        Resource: ["arn:aws:kms:us-east-1:123456789012:key/mrk-1"],
        Condition: { StringEquals: { "kms:ViaService": "sns.us-east-1.amazonaws.com" } },
      },
    ]);
    const policy = JSON.parse(eventTopicPolicy(TOPIC)) as { Statement: Array<{ Effect: string }> };
    assert.deepEqual(
      policy.Statement.map((statement) => statement.Effect),
      ["Deny"],
    );
  });
});

import * as assert from "node:assert/strict";
import { RegionalQueues, type QueueSpec } from "../../../components/queue";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { one } from "../../support/resources";

const REGION = "eu-west-1";
const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi", Region: REGION };
const KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-4333-8444-555555555555";
const ARN = (name: string) => `arn:aws:sqs:${REGION}:123456789012:${name}`;
const URL = (name: string) => `https://sqs.${REGION}.amazonaws.com/123456789012/${name}`;

const ORDERS: QueueSpec = {
  name: "orders",
  type: "fifo",
  visibilityTimeoutSeconds: 120,
  messageRetentionSeconds: 345_600,
  delaySeconds: 0,
  receiveWaitTimeSeconds: 20,
  maxMessageSizeBytes: 262_144,
  maxReceiveCount: 5,
  contentBasedDeduplication: true,
  deadLetter: { type: "fifo", messageRetentionSeconds: 1_209_600 },
};
const EMAILS: QueueSpec = {
  name: "emails",
  type: "standard",
  visibilityTimeoutSeconds: 30,
  messageRetentionSeconds: 86_400,
  delaySeconds: 10,
  receiveWaitTimeSeconds: 10,
  maxMessageSizeBytes: 65_536,
  maxReceiveCount: 3,
  contentBasedDeduplication: false,
  deadLetter: { type: "standard", messageRetentionSeconds: 604_800 },
};

async function recordQueues(kmsKeyArn?: string) {
  return recordProgram(
    () => {
      const queues = new RegionalQueues(REGION, {
        region: REGION,
        namePrefix: "blueprint-prod",
        queues: [ORDERS, EMAILS],
        kmsKeyArn,
        tags: TAGS,
      });
      return { queues: queues.queues, queueArns: queues.queueArns, deadLetterQueueArns: queues.deadLetterQueueArns };
    },
    { stack: "test", config: { "aws:region": "us-east-1" } },
  );
}

const QUEUE = "aws:sqs/queue:Queue";
const POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const REDRIVE_ALLOW = "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy";

describe("RegionalQueues component", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordQueues());
  });

  it("declares exactly five resources per queue: two queues, two queue policies, one redrive-allow policy", () => {
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    assert.deepEqual(counts, {
      "pulumi:pulumi:Stack": 1,
      "blueprint:queue:RegionalQueues": 1,
      [QUEUE]: 4,
      [POLICY]: 4,
      [REDRIVE_ALLOW]: 2,
    });
    const component = one(resources, "blueprint:queue:RegionalQueues", REGION);
    for (const r of resources.filter((r) => r.custom)) assert.equal(r.parent, component.urn, r.urn);
  });

  it("sets region on every resource and the tags on every queue", () => {
    for (const r of resources.filter((r) => r.custom)) {
      assert.equal(r.region, REGION, r.urn);
      if (r.type === QUEUE) assert.deepEqual(r.inputs.tags, TAGS, r.urn);
    }
  });

  it("names FIFO queues and their dead-letter queues with .fifo, standard ones without", () => {
    const describe = (name: string) => {
      const q = one(resources, QUEUE, name).inputs;
      return [q.name, q.fifoQueue, q.contentBasedDeduplication];
    };
    assert.deepEqual(describe("eu-west-1-orders"), ["blueprint-prod-orders.fifo", true, true]);
    assert.deepEqual(describe("eu-west-1-orders-dlq"), ["blueprint-prod-orders-dlq.fifo", true, undefined]);
    assert.deepEqual(describe("eu-west-1-emails"), ["blueprint-prod-emails", false, undefined]);
    assert.deepEqual(describe("eu-west-1-emails-dlq"), ["blueprint-prod-emails-dlq", false, undefined]);
  });

  it("passes every attribute of the spec to the source queue and the DLQ retention to the DLQ", () => {
    const q = one(resources, QUEUE, "eu-west-1-emails").inputs;
    assert.deepEqual(
      [q.visibilityTimeoutSeconds, q.messageRetentionSeconds, q.delaySeconds, q.receiveWaitTimeSeconds, q.maxMessageSize],
      [30, 86_400, 10, 10, 65_536],
    );
    const dlq = one(resources, QUEUE, "eu-west-1-emails-dlq").inputs;
    assert.deepEqual([dlq.messageRetentionSeconds, dlq.maxMessageSize, dlq.redrivePolicy], [604_800, 65_536, undefined]);
  });

  it("redrives each source queue to its own DLQ after maxReceiveCount receives", () => {
    assert.equal(
      one(resources, QUEUE, "eu-west-1-orders").inputs.redrivePolicy,
      `{"deadLetterTargetArn":"${ARN("blueprint-prod-orders-dlq.fifo")}","maxReceiveCount":5}`,
    );
    assert.equal(
      one(resources, QUEUE, "eu-west-1-emails").inputs.redrivePolicy,
      `{"deadLetterTargetArn":"${ARN("blueprint-prod-emails-dlq")}","maxReceiveCount":3}`,
    );
  });

  it("lets only the source queue redrive into each DLQ", () => {
    const allow = one(resources, REDRIVE_ALLOW, "eu-west-1-orders-dlq").inputs;
    assert.equal(allow.queueUrl, URL("blueprint-prod-orders-dlq.fifo"));
    assert.deepEqual(JSON.parse(allow.redriveAllowPolicy as string), {
      redrivePermission: "byQueue",
      sourceQueueArns: [ARN("blueprint-prod-orders.fifo")],
    });
    assert.deepEqual(JSON.parse(one(resources, REDRIVE_ALLOW, "eu-west-1-emails-dlq").inputs.redriveAllowPolicy as string), {
      redrivePermission: "byQueue",
      sourceQueueArns: [ARN("blueprint-prod-emails")],
    });
  });

  it("encrypts every queue with SSE-SQS when no key is given", () => {
    for (const q of resources.filter((r) => r.type === QUEUE)) {
      assert.equal(q.inputs.sqsManagedSseEnabled, true, q.name);
      assert.equal(q.inputs.kmsMasterKeyId, undefined, q.name);
      assert.equal(q.inputs.kmsDataKeyReusePeriodSeconds, undefined, q.name);
    }
  });

  it("encrypts every queue with the customer managed key when one is given, and never sets both", async () => {
    const { resources: withKey } = await recordQueues(KEY_ARN);
    const queues = withKey.filter((r) => r.type === QUEUE);
    assert.equal(queues.length, 4);
    for (const q of queues) {
      assert.deepEqual([q.inputs.kmsMasterKeyId, q.inputs.kmsDataKeyReusePeriodSeconds, q.inputs.sqsManagedSseEnabled], [KEY_ARN, 300, undefined], q.name);
    }
  });

  it("denies every SQS action over plain HTTP on every queue, DLQs included", () => {
    for (const [resourceName, physical] of [
      ["eu-west-1-orders", "blueprint-prod-orders.fifo"],
      ["eu-west-1-orders-dlq", "blueprint-prod-orders-dlq.fifo"],
      ["eu-west-1-emails", "blueprint-prod-emails"],
      ["eu-west-1-emails-dlq", "blueprint-prod-emails-dlq"],
    ]) {
      const policy = one(resources, POLICY, resourceName).inputs;
      assert.equal(policy.queueUrl, URL(physical));
      assert.deepEqual(JSON.parse(policy.policy as string), {
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "sqs:*",
            Resource: ARN(physical),
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      });
    }
  });

  it("outputs names, URLs and ARNs per logical queue and the ARN lists in spec order", () => {
    assert.deepEqual(outputs.queues.orders, {
      name: "blueprint-prod-orders.fifo",
      url: URL("blueprint-prod-orders.fifo"),
      arn: ARN("blueprint-prod-orders.fifo"),
      deadLetterName: "blueprint-prod-orders-dlq.fifo",
      deadLetterUrl: URL("blueprint-prod-orders-dlq.fifo"),
      deadLetterArn: ARN("blueprint-prod-orders-dlq.fifo"),
    });
    assert.deepEqual(outputs.queueArns, [ARN("blueprint-prod-orders.fifo"), ARN("blueprint-prod-emails")]);
    assert.deepEqual(outputs.deadLetterQueueArns, [ARN("blueprint-prod-orders-dlq.fifo"), ARN("blueprint-prod-emails-dlq")]);
  });

  it("declares nothing for an empty queue list", async () => {
    const { resources: empty } = await recordProgram(
      () => {
        new RegionalQueues(REGION, { region: REGION, namePrefix: "blueprint-prod", queues: [] });
        return {};
      },
      { stack: "test" },
    );
    assert.deepEqual(
      empty.map((r) => r.type),
      ["pulumi:pulumi:Stack", "blueprint:queue:RegionalQueues"],
    );
  });

  it("rejects invalid arguments before declaring anything, listing every problem", () => {
    assert.throws(
      () =>
        new RegionalQueues("bad", {
          region: REGION,
          namePrefix: "blueprint prod",
          kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/abc",
          queues: [
            { ...ORDERS, deadLetter: { type: "standard", messageRetentionSeconds: 60 } },
            { ...EMAILS, contentBasedDeduplication: true, receiveWaitTimeSeconds: 21 },
            { ...EMAILS },
          ],
        }),
      (error: Error) => {
        assert.equal(
          error.message,
          [
            "RegionalQueues bad has invalid arguments:",
            '  - namePrefix may only contain letters, digits, hyphens and underscores (at least one), got "blueprint prod"',
            "  - kmsKeyArn must be the ARN of a KMS key or alias in eu-west-1 (KMS keys are regional and SQS cannot use a key of another region), " +
              'got "arn:aws:kms:us-east-1:123456789012:key/abc"',
            "  - queues[0].deadLetter.type is standard but the queue is fifo; a FIFO queue's dead-letter queue must also be FIFO",
            "  - queues[0].deadLetter.messageRetentionSeconds must be at least messageRetentionSeconds (345600), got 60; " +
              "a message keeps its original enqueue time when it moves to a standard dead-letter queue, so a shorter retention deletes it before anyone can look at it",
            "  - queues[1].receiveWaitTimeSeconds must be an integer from 0 to 20, got 21",
            "  - queues[1].contentBasedDeduplication is true but the queue is standard; only FIFO queues deduplicate messages (set it to false or make the queue fifo)",
            '  - queues[2].name "emails" is also the name of queues[1] ("emails"); queue names must be unique',
          ].join("\n"),
        );
        return true;
      },
    );
  });
});

import * as assert from "node:assert/strict";
import { queueConsumerStatements, queueProducerStatements, redriveAllowPolicyJson, redrivePolicyJson } from "../../../../components/queue/lib/queuePolicies";

describe("queue policies", () => {
  const ARNS = ["arn:aws:sqs:eu-west-1:123456789012:a", "arn:aws:sqs:eu-west-1:123456789012:b.fifo"];
  const KEY = "arn:aws:kms:eu-west-1:123456789012:key/k";

  it("lets consumers receive, delete, change visibility and look the queue up, and decrypt with the key", () => {
    assert.deepEqual(queueConsumerStatements(ARNS), [
      {
        Sid: "QueueConsume",
        Effect: "Allow",
        Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
        Resource: ARNS,
      },
    ]);
    assert.deepEqual(queueConsumerStatements(ARNS, KEY)[1], { Sid: "QueueConsumeDecrypt", Effect: "Allow", Action: ["kms:Decrypt"], Resource: [KEY] });
  });

  it("lets producers send and look the queue up, and generate data keys with the key", () => {
    assert.deepEqual(queueProducerStatements(ARNS, KEY), [
      { Sid: "QueueProduce", Effect: "Allow", Action: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"], Resource: ARNS },
      { Sid: "QueueProduceEncrypt", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [KEY] },
    ]);
  });

  it("gives no statement for no queue, uses IAM-valid Sids and never wildcards", () => {
    assert.deepEqual(queueConsumerStatements([], KEY), []);
    assert.deepEqual(queueProducerStatements([]), []);
    for (const s of [...queueConsumerStatements(ARNS, KEY), ...queueProducerStatements(ARNS, KEY)]) {
      assert.match(s.Sid, /^[A-Za-z0-9]+$/);
      for (const action of s.Action) assert.ok(!action.includes("*"), action);
      for (const resource of s.Resource) assert.ok(!resource.includes("*"), resource);
    }
  });

  it("writes the redrive and redrive-allow attributes SQS expects", () => {
    assert.equal(
      redrivePolicyJson("arn:aws:sqs:eu-west-1:123456789012:a-dlq", 4),
      '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-1:123456789012:a-dlq","maxReceiveCount":4}',
    );
    assert.equal(redriveAllowPolicyJson([ARNS[0]]), '{"redrivePermission":"byQueue","sourceQueueArns":["arn:aws:sqs:eu-west-1:123456789012:a"]}');
  });
});

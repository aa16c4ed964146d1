import * as aws from "@pulumi/aws";
import {
  queueConfigureCustomerManagedKey,
  queueConfigureDeadLetterQueue,
  queueEnableEncryption,
  queuePolicyDisallowPublicAccess,
  queuePolicyRequireSecureTransport,
  subscriptionConfigureDeadLetterQueue,
} from "../../policies/queue";
import {
  assertNotApplicable,
  assertPasses,
  assertUnknown,
  assertViolations,
  checkStack,
  describeResourcePolicy,
  StackGraph,
  UNKNOWN_SENTINELS,
} from "../support/policies/harness";

const arn = (region: string, name: string) => `arn:aws:sqs:${region}:123456789012:${name}`;
const url = (region: string, name: string) => `https://sqs.${region}.amazonaws.com/123456789012/${name}`;
const doc = (...statements: object[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const denyHttp = (resource: string) => ({
  Sid: "DenyInsecureTransport",
  Effect: "Deny",
  Principal: "*",
  Action: "sqs:*",
  Resource: resource,
  Condition: { Bool: { "aws:SecureTransport": "false" } },
});

/** A queue as components/queue declares it. */
const jobs = {
  region: "us-east-1",
  name: "blueprint-prod-jobs",
  fifoQueue: false,
  messageRetentionSeconds: 345600,
  sqsManagedSseEnabled: true,
  redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn("us-east-1", "blueprint-prod-jobs-dlq"), maxReceiveCount: 5 }),
};

/** A source queue and its DLQ (both with outputs), wired as components/queue wires them. */
function queues(options: { fifo?: boolean; dlqRegion?: string; dlqRetention?: number; viaResource?: boolean } = {}) {
  const graph = new StackGraph();
  const suffix = options.fifo ? ".fifo" : "";
  const dlqRegion = options.dlqRegion ?? "us-east-1";
  const dlqName = `blueprint-prod-jobs-dlq${suffix}`;
  const dlq = graph.add("aws:sqs/queue:Queue", "jobs-dlq", {
    region: dlqRegion,
    name: dlqName,
    fifoQueue: options.fifo ?? false,
    messageRetentionSeconds: options.dlqRetention ?? 1209600,
    arn: arn(dlqRegion, dlqName),
    url: url(dlqRegion, dlqName),
  });
  const redrive = JSON.stringify({ deadLetterTargetArn: arn(dlqRegion, dlqName), maxReceiveCount: 5 });
  const source = graph.add(
    "aws:sqs/queue:Queue",
    "jobs",
    {
      ...jobs,
      name: `blueprint-prod-jobs${suffix}`,
      fifoQueue: options.fifo ?? false,
      ...(options.viaResource ? { redrivePolicy: undefined } : { redrivePolicy: redrive }),
      arn: arn("us-east-1", `blueprint-prod-jobs${suffix}`),
      url: url("us-east-1", `blueprint-prod-jobs${suffix}`),
    },
    options.viaResource ? {} : { propertyDependencies: { redrivePolicy: [dlq] } },
  );
  if (options.viaResource) {
    graph.add(
      "aws:sqs/redrivePolicy:RedrivePolicy",
      "jobs",
      { queueUrl: url("us-east-1", "blueprint-prod-jobs"), redrivePolicy: redrive },
      { propertyDependencies: { queueUrl: [source], redrivePolicy: [dlq] } },
    );
  }
  return { graph, dlq, source };
}

describe("queue policies", () => {
  describeResourcePolicy({
    policy: queueEnableEncryption,
    resourceClass: aws.sqs.Queue,
    compliant: jobs,
    alsoCompliant: [
      {
        name: "a KMS key",
        mutate: (p) => {
          delete p.sqsManagedSseEnabled;
          p.kmsMasterKeyId = "alias/blueprint";
        },
      },
    ],
    violations: [
      { name: "encryption not declared", mutate: (p) => delete p.sqsManagedSseEnabled, expect: [/declares no server-side encryption/] },
      { name: "encryption turned off", mutate: (p) => (p.sqsManagedSseEnabled = false), expect: [/turns server-side encryption off/] },
    ],
    unknown: (p) => (p.kmsMasterKeyId = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: queueConfigureCustomerManagedKey,
    resourceClass: aws.sqs.Queue,
    compliant: { ...jobs, sqsManagedSseEnabled: undefined, kmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/1" },
    violations: [
      {
        name: "SQS-managed encryption (as components/queue declares it)",
        mutate: (p) => {
          delete p.kmsMasterKeyId;
          p.sqsManagedSseEnabled = true;
        },
        expect: [/not encrypted with a customer-managed KMS key/],
      },
      { name: "the AWS-managed key", mutate: (p) => (p.kmsMasterKeyId = "alias/aws/sqs"), expect: [/uses the AWS-managed key alias\/aws\/sqs/] },
    ],
    unknown: (p) => (p.kmsMasterKeyId = UNKNOWN_SENTINELS.string),
  });

  const queueArn = arn("us-east-1", "blueprint-prod-jobs");
  const sendFromRole = {
    Sid: "Producers",
    Effect: "Allow",
    Principal: { AWS: "arn:aws:iam::123456789012:role/web" },
    Action: "sqs:SendMessage",
    Resource: queueArn,
  };

  describeResourcePolicy({
    policy: queuePolicyRequireSecureTransport,
    resourceClass: aws.sqs.QueuePolicy,
    compliant: { region: "us-east-1", queueUrl: url("us-east-1", "blueprint-prod-jobs"), policy: doc(denyHttp(queueArn)) },
    alsoCompliant: [{ name: "denying * over HTTP, with grants", mutate: (p) => (p.policy = doc(sendFromRole, { ...denyHttp(queueArn), Action: "*" })) }],
    violations: [
      { name: "no SSL-only statement", mutate: (p) => (p.policy = doc(sendFromRole)), expect: [/does not deny requests over plain HTTP/] },
      {
        name: "a deny with SecureTransport true",
        mutate: (p) => (p.policy = doc({ ...denyHttp(queueArn), Condition: { Bool: { "aws:SecureTransport": "true" } } })),
        expect: [/does not deny requests over plain HTTP/],
      },
      { name: "a policy that is not JSON", mutate: (p) => (p.policy = "x"), expect: [/The queue policy is not valid JSON/] },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describeResourcePolicy({
    policy: queuePolicyDisallowPublicAccess,
    resourceClass: aws.sqs.QueuePolicy,
    compliant: { region: "us-east-1", queueUrl: url("us-east-1", "blueprint-prod-jobs"), policy: doc(sendFromRole, denyHttp(queueArn)) },
    alsoCompliant: [
      {
        name: "a service principal with a source condition",
        mutate: (p) =>
          (p.policy = doc({ ...sendFromRole, Principal: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:us-east-1:123456789012:t" } } })),
      },
    ],
    violations: [
      {
        name: "everyone may send",
        mutate: (p) => (p.policy = doc({ ...sendFromRole, Principal: "*" })),
        expect: [/statement 0 \("Producers"\) allows every principal/],
      },
      { name: "every action", mutate: (p) => (p.policy = doc({ ...sendFromRole, Action: "sqs:*" })), expect: [/statement 0 \("Producers"\) allows sqs:\*/] },
      {
        name: "NotAction",
        mutate: (p) => (p.policy = doc({ ...sendFromRole, Action: undefined, NotAction: "sqs:DeleteQueue" })),
        expect: [/allows NotAction/],
      },
    ],
    unknown: (p) => (p.policy = UNKNOWN_SENTINELS.string),
  });

  describe(queueConfigureDeadLetterQueue.name, () => {
    it("passes a queue with its DLQ (standard or FIFO, inline or as a RedrivePolicy resource)", async () => {
      assertPasses(await checkStack(queueConfigureDeadLetterQueue, queues().graph.resources));
      assertPasses(await checkStack(queueConfigureDeadLetterQueue, queues({ fifo: true }).graph.resources));
      assertPasses(await checkStack(queueConfigureDeadLetterQueue, queues({ viaResource: true }).graph.resources));
    });
    it("passes a DLQ that only a RedriveAllowPolicy names", async () => {
      const graph = new StackGraph();
      const dlq = graph.add("aws:sqs/queue:Queue", "dlq", { region: "us-east-1", url: url("us-east-1", "dlq") });
      graph.add("aws:sqs/redriveAllowPolicy:RedriveAllowPolicy", "dlq", { queueUrl: url("us-east-1", "dlq") }, { propertyDependencies: { queueUrl: [dlq] } });
      assertPasses(await checkStack(queueConfigureDeadLetterQueue, graph.resources));
    });
    it("reports a queue without a DLQ", async () => {
      const graph = new StackGraph();
      graph.add("aws:sqs/queue:Queue", "lonely", { region: "us-east-1", name: "lonely" });
      assertViolations(await checkStack(queueConfigureDeadLetterQueue, graph.resources), [/Queue lonely has no dead-letter queue and is not one/]);
    });
    it("reports a DLQ in another region", async () => {
      const { graph, source } = queues({ dlqRegion: "eu-west-1" });
      const outcome = await checkStack(queueConfigureDeadLetterQueue, graph.resources);
      assertViolations(outcome, [/Queue jobs \(us-east-1\) redrives to a dead-letter queue in eu-west-1; SQS needs it in the same region/]);
      assertViolations({ violations: outcome.violations.filter((v) => v.urn === source) }, [/eu-west-1/]);
    });
    it("reports a DLQ outside the stack in another region, from its ARN", async () => {
      const graph = new StackGraph();
      graph.add("aws:sqs/queue:Queue", "jobs", {
        ...jobs,
        redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn("ap-southeast-2", "elsewhere.fifo"), maxReceiveCount: 5 }),
      });
      assertViolations(await checkStack(queueConfigureDeadLetterQueue, graph.resources), [
        /redrives to a dead-letter queue in ap-southeast-2/,
        /is standard but its dead-letter queue is FIFO/,
      ]);
    });
    it("reports a DLQ of another kind", async () => {
      const { graph, dlq } = queues({ fifo: true });
      Object.assign(graph.get(dlq).props, { fifoQueue: false, name: "plain-dlq" });
      assertViolations(await checkStack(queueConfigureDeadLetterQueue, graph.resources), [
        /Queue jobs is FIFO but its dead-letter queue is standard; they must be the same kind/,
      ]);
    });
    it("reports a DLQ that keeps messages for less time", async () => {
      const { graph } = queues({ dlqRetention: 60 });
      assertViolations(await checkStack(queueConfigureDeadLetterQueue, graph.resources), [
        /keeps messages 345600 s but its dead-letter queue jobs-dlq only 60 s/,
      ]);
    });
    it("reports a redrive policy without maxReceiveCount, and one naming nothing", async () => {
      const graph = new StackGraph();
      graph.add("aws:sqs/queue:Queue", "jobs", { ...jobs, redrivePolicy: JSON.stringify({ maxReceiveCount: 0 }) });
      assertViolations(await checkStack(queueConfigureDeadLetterQueue, graph.resources), [
        /sets no valid maxReceiveCount/,
        /dead-letter queue \(unset\) is not a queue of this stack/,
      ]);
    });
    it("does not apply without queues", async () => {
      assertNotApplicable(await checkStack(queueConfigureDeadLetterQueue, []), /no SQS queue/);
    });
    it("cannot run while a queue's region is unknown", async () => {
      const { graph, source } = queues();
      graph.get(source).props.region = UNKNOWN_SENTINELS.string;
      assertUnknown(await checkStack(queueConfigureDeadLetterQueue, graph.resources));
    });
  });
});

describe(subscriptionConfigureDeadLetterQueue.name, () => {
  const topic = "arn:aws:sns:us-east-1:123456789012:blueprint-prod-jobs-events";
  const stack = (dlqRegion: string | undefined) => {
    const graph = new StackGraph();
    const queue = graph.add("aws:sqs/queue:Queue", "jobs", { region: "us-east-1", name: "blueprint-prod-jobs", arn: arn("us-east-1", "blueprint-prod-jobs") });
    const dlq =
      dlqRegion !== undefined ? graph.add("aws:sqs/queue:Queue", "sub-dlq", { region: dlqRegion, name: "sub-dlq", arn: arn(dlqRegion, "sub-dlq") }) : undefined;
    graph.add(
      "aws:sns/topicSubscription:TopicSubscription",
      "jobs-events-jobs",
      {
        region: "us-east-1",
        topic,
        protocol: "sqs",
        endpoint: arn("us-east-1", "blueprint-prod-jobs"),
        ...(dlqRegion !== undefined ? { redrivePolicy: JSON.stringify({ deadLetterTargetArn: arn(dlqRegion, "sub-dlq") }) } : {}),
      },
      { propertyDependencies: { endpoint: [queue], ...(dlq ? { redrivePolicy: [dlq] } : {}) } },
    );
    return graph;
  };
  it("passes a subscription with a dead-letter queue in its region", async () => {
    assertPasses(await checkStack(subscriptionConfigureDeadLetterQueue, stack("us-east-1").resources));
  });
  it("reports a subscription without a dead-letter queue", async () => {
    assertViolations(await checkStack(subscriptionConfigureDeadLetterQueue, stack(undefined).resources), [
      /^Subscription jobs-events-jobs has no dead-letter queue: undeliverable messages are dropped\.$/,
    ]);
  });
  it("reports a dead-letter queue in another region", async () => {
    assertViolations(await checkStack(subscriptionConfigureDeadLetterQueue, stack("eu-west-1").resources), [
      /^Subscription jobs-events-jobs \(us-east-1\) redrives to a queue in eu-west-1; SNS needs it in the topic's region\.$/,
    ]);
  });
});

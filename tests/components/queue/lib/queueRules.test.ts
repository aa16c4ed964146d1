import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  MAX_QUEUE_NAME_LENGTH,
  QUEUE_RANGES,
  queueArgsProblems,
  queuePhysicalNames,
  queueSpecProblems,
  type QueueSpec,
  type QueueType,
} from "../../../../components/queue/lib/queueRules";

const SPEC: QueueSpec = {
  name: "orders",
  type: "standard",
  visibilityTimeoutSeconds: 30,
  messageRetentionSeconds: 345_600,
  delaySeconds: 0,
  receiveWaitTimeSeconds: 20,
  maxMessageSizeBytes: 262_144,
  maxReceiveCount: 5,
  contentBasedDeduplication: false,
  deadLetter: { type: "standard", messageRetentionSeconds: 1_209_600 },
};
const FIFO: QueueSpec = { ...SPEC, type: "fifo", contentBasedDeduplication: true, deadLetter: { ...SPEC.deadLetter, type: "fifo" } };

describe("queue physical names", () => {
  it("appends -dlq and .fifo where they belong", () => {
    assert.deepEqual(queuePhysicalNames("blueprint-prod", SPEC), { queue: "blueprint-prod-orders", deadLetter: "blueprint-prod-orders-dlq" });
    assert.deepEqual(queuePhysicalNames("blueprint-prod", FIFO), {
      queue: "blueprint-prod-orders.fifo",
      deadLetter: "blueprint-prod-orders-dlq.fifo",
    });
  });
});

describe("queue spec rules", () => {
  it("accepts valid standard and FIFO specs, at the edges of every range", () => {
    assert.deepEqual(queueSpecProblems(SPEC, "blueprint-prod"), []);
    assert.deepEqual(queueSpecProblems(FIFO, "blueprint-prod"), []);
    const low: QueueSpec = {
      ...SPEC,
      visibilityTimeoutSeconds: 0,
      messageRetentionSeconds: 60,
      delaySeconds: 0,
      receiveWaitTimeSeconds: 0,
      maxMessageSizeBytes: 1024,
      maxReceiveCount: 1,
      deadLetter: { type: "standard", messageRetentionSeconds: 60 },
    };
    const high: QueueSpec = {
      ...SPEC,
      visibilityTimeoutSeconds: 43_200,
      messageRetentionSeconds: 1_209_600,
      delaySeconds: 900,
      receiveWaitTimeSeconds: 20,
      maxMessageSizeBytes: 1_048_576,
      maxReceiveCount: 1000,
    };
    assert.deepEqual(queueSpecProblems(low, "p"), []);
    assert.deepEqual(queueSpecProblems(high, "p"), []);
  });

  const cases: Array<{ name: string; spec: QueueSpec; prefix?: string; expected: Array<[string, string]> }> = [
    {
      name: "name characters",
      spec: { ...SPEC, name: "orders.v2" },
      expected: [["name", 'name may only contain letters, digits, hyphens and underscores (at least one), got "orders.v2"']],
    },
    {
      name: "empty name",
      spec: { ...SPEC, name: "" },
      expected: [["name", 'name may only contain letters, digits, hyphens and underscores (at least one), got ""']],
    },
    {
      name: "unknown queue type",
      spec: { ...SPEC, type: "fifo-ish" as QueueType },
      expected: [["type", 'type must be "standard" or "fifo", got "fifo-ish"']],
    },
    {
      name: "80 characters, .fifo included, for the DLQ only",
      // "p-" + 70 + ".fifo" is 77 characters; the DLQ adds "-dlq" and reaches 81
      spec: { ...FIFO, name: "x".repeat(70) },
      prefix: "p",
      expected: [
        [
          "name",
          `name "${"x".repeat(70)}" makes the dead-letter queue name "p-${"x".repeat(70)}-dlq.fifo" 81 characters long; SQS allows at most 80, .fifo included (shorten the name or the prefix)`,
        ],
      ],
    },
    {
      name: "80 characters for both names",
      spec: { ...FIFO, name: "y".repeat(80) },
      prefix: "p",
      expected: [
        [
          "name",
          `name "${"y".repeat(80)}" makes the queue name "p-${"y".repeat(80)}.fifo" 87 characters long; SQS allows at most 80, .fifo included (shorten the name or the prefix)`,
        ],
        [
          "name",
          `name "${"y".repeat(80)}" makes the dead-letter queue name "p-${"y".repeat(80)}-dlq.fifo" 91 characters long; SQS allows at most 80, .fifo included (shorten the name or the prefix)`,
        ],
      ],
    },
    {
      name: "visibility timeout",
      spec: { ...SPEC, visibilityTimeoutSeconds: 43_201 },
      expected: [["visibilityTimeoutSeconds", "visibilityTimeoutSeconds must be an integer from 0 to 43200 (12 hours), got 43201"]],
    },
    {
      name: "retention below a minute",
      spec: { ...SPEC, messageRetentionSeconds: 59, deadLetter: { type: "standard", messageRetentionSeconds: 60 } },
      expected: [["messageRetentionSeconds", "messageRetentionSeconds must be an integer from 60 to 1209600 (14 days), got 59"]],
    },
    {
      name: "delay",
      spec: { ...SPEC, delaySeconds: 901 },
      expected: [["delaySeconds", "delaySeconds must be an integer from 0 to 900 (15 minutes), got 901"]],
    },
    {
      name: "long polling wait",
      spec: { ...SPEC, receiveWaitTimeSeconds: -1 },
      expected: [["receiveWaitTimeSeconds", "receiveWaitTimeSeconds must be an integer from 0 to 20, got -1"]],
    },
    {
      name: "message size",
      spec: { ...SPEC, maxMessageSizeBytes: 1_048_577 },
      expected: [["maxMessageSizeBytes", "maxMessageSizeBytes must be an integer from 1024 to 1048576 (1 MiB), got 1048577"]],
    },
    {
      name: "fractional receive count",
      spec: { ...SPEC, maxReceiveCount: 2.5 },
      expected: [["maxReceiveCount", "maxReceiveCount must be an integer from 1 to 1000, got 2.5"]],
    },
    {
      name: "receive count zero",
      spec: { ...SPEC, maxReceiveCount: 0 },
      expected: [["maxReceiveCount", "maxReceiveCount must be an integer from 1 to 1000, got 0"]],
    },
    {
      name: "content-based deduplication on a standard queue",
      spec: { ...SPEC, contentBasedDeduplication: true },
      expected: [
        [
          "contentBasedDeduplication",
          "contentBasedDeduplication is true but the queue is standard; only FIFO queues deduplicate messages (set it to false or make the queue fifo)",
        ],
      ],
    },
    {
      name: "standard DLQ of a FIFO queue",
      spec: { ...FIFO, deadLetter: { type: "standard", messageRetentionSeconds: 1_209_600 } },
      expected: [["deadLetter.type", "deadLetter.type is standard but the queue is fifo; a FIFO queue's dead-letter queue must also be FIFO"]],
    },
    {
      name: "FIFO DLQ of a standard queue",
      spec: { ...SPEC, deadLetter: { type: "fifo", messageRetentionSeconds: 1_209_600 } },
      expected: [["deadLetter.type", "deadLetter.type is fifo but the queue is standard; a standard queue's dead-letter queue must also be standard"]],
    },
    {
      name: "unknown DLQ type",
      spec: { ...SPEC, deadLetter: { type: "" as QueueType, messageRetentionSeconds: 1_209_600 } },
      expected: [["deadLetter.type", 'deadLetter.type must be "standard" or "fifo", got ""']],
    },
    {
      name: "DLQ retention above 14 days",
      spec: { ...SPEC, deadLetter: { type: "standard", messageRetentionSeconds: 1_209_601 } },
      expected: [["deadLetter.messageRetentionSeconds", "deadLetter.messageRetentionSeconds must be an integer from 60 to 1209600 (14 days), got 1209601"]],
    },
    {
      name: "DLQ retention shorter than the queue's",
      spec: { ...SPEC, deadLetter: { type: "standard", messageRetentionSeconds: 345_599 } },
      expected: [
        [
          "deadLetter.messageRetentionSeconds",
          "deadLetter.messageRetentionSeconds must be at least messageRetentionSeconds (345600), got 345599; a message keeps its original enqueue time when it moves to a standard dead-letter queue, so a shorter retention deletes it before anyone can look at it",
        ],
      ],
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const problems = queueSpecProblems(c.spec, c.prefix ?? "blueprint-prod");
      assert.deepEqual(
        problems.map((p) => [p.field, p.message]),
        c.expected,
      );
      for (const p of problems) assert.ok(p.message.startsWith(`${p.field} `), "every message starts with its field");
    });
  }
});

describe("queue argument rules", () => {
  const args = (queues: QueueSpec[], extra: Partial<{ region: string; namePrefix: string; kmsKeyArn: unknown }> = {}) =>
    queueArgsProblems({ region: "eu-west-1", namePrefix: "blueprint-prod", queues, ...extra });

  it("accepts distinct queues, a key of the same region and an unknown key", () => {
    assert.deepEqual(args([SPEC, { ...FIFO, name: "billing" }]), []);
    assert.deepEqual(args([SPEC], { kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-aaaa-4bbb-8ccc-0123456789ab" }), []);
    assert.deepEqual(args([SPEC], { kmsKeyArn: "arn:aws:kms:eu-west-1:123456789012:alias/blueprint-queues" }), []);
    assert.deepEqual(args([SPEC], { kmsKeyArn: { unknown: true } }), [], "Outputs are left to AWS");
  });

  it("reports the region, the prefix and a key that is not a KMS ARN of the region", () => {
    assert.deepEqual(args([], { region: "eu-west-9", namePrefix: "", kmsKeyArn: "alias/aws/sqs" }), [
      'region must be a known AWS region, got "eu-west-9"',
      'namePrefix may only contain letters, digits, hyphens and underscores (at least one), got ""',
      'kmsKeyArn must be the ARN of a KMS key or alias in eu-west-9 (KMS keys are regional and SQS cannot use a key of another region), got "alias/aws/sqs"',
    ]);
  });

  it("reports names used twice and names that collide with another queue's DLQ, whatever the kinds", () => {
    assert.deepEqual(args([SPEC, { ...FIFO }, { ...SPEC, name: "orders-dlq" }, { ...SPEC, name: "a-dlq" }, { ...FIFO, name: "a" }]), [
      'queues[1].name "orders" is also the name of queues[0] ("orders"); queue names must be unique',
      'queues[2].name "orders-dlq" is the name of the dead-letter queue of queues[0] ("orders"); choose a name that does not end in -dlq',
      'queues[4].name "a" gives a dead-letter queue named "a-dlq", which is already the name of queues[3] ("a-dlq"); rename one of them',
    ]);
  });

  it("prefixes each spec problem with its queue's index", () => {
    assert.deepEqual(args([SPEC, { ...SPEC, name: "b", delaySeconds: 1000 }]), [
      "queues[1].delaySeconds must be an integer from 0 to 900 (15 minutes), got 1000",
    ]);
  });
});

/** Specs that satisfy every rule, with names up to the 80-character budget. */
const validSpec = (prefix: string) =>
  fc
    .record({
      type: fc.constantFrom<QueueType>("standard", "fifo"),
      name: fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/),
      visibilityTimeoutSeconds: fc.integer({ min: 0, max: QUEUE_RANGES.visibilityTimeoutSeconds.max }),
      messageRetentionSeconds: fc.integer({ min: 60, max: 1_209_600 }),
      delaySeconds: fc.integer({ min: 0, max: 900 }),
      receiveWaitTimeSeconds: fc.integer({ min: 0, max: 20 }),
      maxMessageSizeBytes: fc.integer({ min: 1024, max: 1_048_576 }),
      maxReceiveCount: fc.integer({ min: 1, max: 1000 }),
      dedup: fc.boolean(),
      extraRetention: fc.integer({ min: 0, max: 1_209_600 }),
    })
    .map(({ type, name, dedup, extraRetention, ...rest }): QueueSpec => {
      // trim the name to what the prefix, "-dlq" and ".fifo" leave of the 80 characters
      const budget = MAX_QUEUE_NAME_LENGTH - prefix.length - 1 - 4 - (type === "fifo" ? 5 : 0);
      return {
        ...rest,
        type,
        name: name.slice(0, budget),
        contentBasedDeduplication: type === "fifo" && dedup,
        deadLetter: { type, messageRetentionSeconds: Math.min(1_209_600, rest.messageRetentionSeconds + extraRetention) },
      };
    });

describe("queue rules, properties", () => {
  it("property: a valid spec has no problem and names of at most 80 characters that end as their kind requires", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,30}$/).chain((prefix) => fc.tuple(fc.constant(prefix), validSpec(prefix))),
        ([prefix, spec]) => {
          assert.deepEqual(queueSpecProblems(spec, prefix), []);
          const names = queuePhysicalNames(prefix, spec);
          for (const name of [names.queue, names.deadLetter]) {
            assert.ok(name.length <= MAX_QUEUE_NAME_LENGTH, name);
            assert.equal(name.endsWith(".fifo"), spec.type === "fifo", name);
            assert.match(name.replace(/\.fifo$/, ""), /^[A-Za-z0-9_-]+$/);
          }
          assert.ok(names.deadLetter.startsWith(`${prefix}-${spec.name}-dlq`));
        },
      ),
    );
  });

  it("property: a DLQ of the other kind is always reported on deadLetter.type", () => {
    fc.assert(
      fc.property(validSpec("blueprint-prod"), (spec) => {
        const other: QueueType = spec.type === "fifo" ? "standard" : "fifo";
        const problems = queueSpecProblems({ ...spec, deadLetter: { ...spec.deadLetter, type: other } }, "blueprint-prod");
        const kinds = problems.filter((p) => p.field === "deadLetter.type");
        assert.equal(kinds.length, 1);
        assert.match(kinds[0].message, new RegExp(`^deadLetter\\.type is ${other} but the queue is ${spec.type}; `));
      }),
    );
  });

  it("property: any name too long for its prefix is reported, and only then", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,40}$/),
        fc.stringMatching(/^[a-z]{1,90}$/),
        fc.constantFrom<QueueType>("standard", "fifo"),
        (prefix, name, type) => {
          const spec: QueueSpec = { ...SPEC, name, type, contentBasedDeduplication: false, deadLetter: { ...SPEC.deadLetter, type } };
          const longest = queuePhysicalNames(prefix, spec).deadLetter.length;
          const reported = queueSpecProblems(spec, prefix).some((p) => p.field === "name");
          assert.equal(reported, longest > MAX_QUEUE_NAME_LENGTH);
        },
      ),
    );
  });
});

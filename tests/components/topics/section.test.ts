import * as assert from "node:assert/strict";
import { topicsSection } from "../../../components/topics/section";
import { frame, resolveSection, sectionLines } from "../../support/sections";

const TWO_REGIONS = frame("prod", ["us-east-1", "eu-west-1"]);

describe("topics config", () => {
  it("resolves a topic: standard, raw delivery, filter on message attributes", () => {
    assert.deepEqual(resolveSection(topicsSection, [{ name: "jobs-events", subscribers: [{ queue: "jobs" }] }], TWO_REGIONS), [
      {
        name: "jobs-events",
        type: "standard",
        contentBasedDeduplication: false,
        subscribers: [{ queue: "jobs", rawMessageDelivery: true, filterPolicyScope: "MessageAttributes" }],
      },
    ]);
  });

  it("refuses subscriptions SNS would refuse: unknown queues, a FIFO topic to a standard queue, bad filter policies", () => {
    assert.deepEqual(
      sectionLines(
        topicsSection,
        [
          { name: "orders", type: "fifo", subscribers: [{ queue: "jobs" }, { queue: "nope" }, { queue: "jobs", filterPolicy: "[1]" }] },
          { name: "plain", contentBasedDeduplication: true, subscribers: [{ queue: "jobs", filterPolicy: '{"a":1,"b":1,"c":1,"d":1,"e":1,"f":1}' }] },
        ],
        TWO_REGIONS,
        { queues: [{ name: "jobs" }] },
      ),
      [
        'blueprint:topics[0].subscribers[0].queue: is a standard queue but the topic is fifo: SNS delivers a FIFO topic only to FIFO queues and a standard topic only to standard queues (got "jobs")',
        'blueprint:topics[0].subscribers[1].queue: must name a queue of blueprint:queues (jobs) (got "nope")',
        'blueprint:topics[0].subscribers[2].queue: subscribes jobs twice; a queue subscribes once per topic (got "jobs")',
        'blueprint:topics[0].subscribers[2].queue: is a standard queue but the topic is fifo: SNS delivers a FIFO topic only to FIFO queues and a standard topic only to standard queues (got "jobs")',
        'blueprint:topics[0].subscribers[2].filterPolicy: must be a JSON object (got "[1]")',
        "blueprint:topics[1].contentBasedDeduplication: applies only to a fifo topic (SNS refuses it on a standard topic) (got true)",
        'blueprint:topics[1].subscribers[0].filterPolicy: names 6 attributes; SNS allows 5 (got "{\\"a\\":1,\\"b\\":1,\\"c\\":1,\\"d\\":1,\\"e\\":1,\\"f\\":1}")',
      ],
    );
  });
});

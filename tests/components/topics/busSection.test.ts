import * as assert from "node:assert/strict";
import { eventBusSection } from "../../../components/topics/busSection";
import { frame, resolveSection, sectionLines } from "../../support/sections";

const TWO_REGIONS = frame("prod", ["us-east-1", "eu-west-1"]);

describe("event bus config", () => {
  it("is off unless a stack turns it on", () => {
    assert.deepEqual(resolveSection(eventBusSection, undefined, TWO_REGIONS), { enabled: false, rules: [] });
  });

  it("refuses rules EventBridge would refuse, and rules on a bus that is off", () => {
    assert.deepEqual(
      sectionLines(
        eventBusSection,
        {
          enabled: true,
          rules: [
            { name: "a", eventPattern: "{}", queue: "jobs" },
            { name: "a", eventPattern: '{"source": ["x"]}', queue: "nope" },
          ],
        },
        TWO_REGIONS,
        { queues: [{ name: "jobs" }] },
      ),
      [
        "blueprint:eventBus.rules[0].eventPattern: must be a JSON object with at least one field (EventBridge refuses an empty or malformed pattern)",
        'blueprint:eventBus.rules[1].name: duplicates another rule\'s name "a"',
        'blueprint:eventBus.rules[1].queue: must name a queue of blueprint:queues (jobs), got "nope"',
      ],
    );
    assert.deepEqual(sectionLines(eventBusSection, { rules: [{ name: "a", eventPattern: '{"source": ["x"]}', queue: "jobs" }] }, TWO_REGIONS), [
      "blueprint:eventBus.rules: lists rules but enabled is false: set enabled true or remove the rules",
    ]);
  });
});

/**
 * `blueprint:eventBus`: the optional EventBridge bus of every region, and the rules its settings
 * must satisfy with `blueprint:queues` (`lib/busRules.ts`).
 */
import { section, type Problem } from "../lib/settings";
import { queuesSection } from "../queue/section";
import { busRuleProblems } from "./lib/busRules";
import { eventBusKeys } from "./busSettings";

/** The `eventBus` section of a stack file. */
export const eventBusSection = section("eventBus", {
  description:
    "An optional EventBridge bus in every region whose rules deliver matching events to queues of blueprint:queues in the same region (a dead-letter queue per rule, queue policies that admit only that rule).",
  keys: eventBusKeys,
  check: (settings, scope): Problem[] => {
    const queues = scope.section(queuesSection).map((queue) => ({ name: queue.name, type: queue.type }));
    return busRuleProblems(settings, { namePrefix: scope.namePrefix, queues }).map((problem) => ({ ...problem, showValue: false }));
  },
});

/** The resolved `blueprint:eventBus`. */
export type EventBusSettings = ReturnType<typeof eventBusSection.resolve>;

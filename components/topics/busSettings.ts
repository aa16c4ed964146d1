/**
 * The settings of `blueprint:eventBus`, declared once: an optional EventBridge bus in every region
 * whose rules deliver matching events to queues of `blueprint:queues` in the same region.
 */
import { flag, group, list, text } from "../lib/settings";

/** The keys of one rule. */
export const busRuleKeys = {
  name: text({ description: "Logical name: letters, digits, - and _; the rule is <project>-<stack>-<name> in every region.", required: true }),
  eventPattern: text({ description: "EventBridge event pattern (a JSON object) the rule matches.", required: true }),
  queue: text({
    description: "Name of a queue of blueprint:queues that receives the matching events (each region's rule to that region's queue).",
    required: true,
  }),
};

/** The keys of `blueprint:eventBus`. */
export const eventBusKeys = {
  enabled: flag({ description: "An EventBridge bus in every region, beside the SNS topics.", default: false }),
  rules: list(group(busRuleKeys, { description: "A rule delivering matching events to a queue, with a dead-letter queue of its own." }), {
    description: "The bus's rules.",
    default: [],
  }),
};

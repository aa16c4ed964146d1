/**
 * `blueprint:topics`: the SNS topics every region gets, whose subscribers are the stack's queues,
 * and the rules each must satisfy together with `blueprint:queues`.
 */
import { envSuffix } from "../compute/lib/userData";
import { listSection, type Problem } from "../lib/settings";
import { queuesSection } from "../queue/section";
import { topicSpecProblems } from "./lib/topicRules";
import { topicKeys } from "./settings";

/** The `topics` section of a stack file. */
export const topicsSection = listSection("topics", {
  description:
    "The event bus: SNS topics in every region, encrypted with the region's key, each delivering to queues of blueprint:queues in the same region (raw delivery, filter policies, a dead-letter queue per subscription).",
  item: { description: "An SNS topic, created in every region with its subscriptions.", keys: topicKeys },
  default: [],
  showValues: true,
  check: (topics, scope) => {
    const queues = scope.section(queuesSection).map((queue) => ({ name: queue.name, type: queue.type }));
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    topics.forEach((topic, index) => {
      if (typeof topic.name !== "string" || topic.name === "") return;
      // instances see BLUEPRINT_TOPIC_<NAME>_ARN: names that differ only in case, - or _ would collide
      const key = envSuffix(topic.name);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          field: `${index}.name`,
          message: `duplicates topics[${first}].name once case, - and _ are ignored (both would be BLUEPRINT_TOPIC_${key}_ARN)`,
        });
      }
      seen.set(key, index);
      for (const problem of topicSpecProblems(topic, { namePrefix: scope.namePrefix, queues })) {
        problems.push({ field: `${index}.${problem.field}`, message: problem.message });
      }
    });
    return problems;
  },
});

/**
 * `blueprint:queues`: the queues every region gets, and the SQS rules each must satisfy, with
 * names that stay unique once the instances' environment variables are derived from them.
 */
import { envSuffix } from "../compute/lib/userData";
import { listSection, type Problem } from "../lib/settings";
import { queueSpecProblems } from "./lib/queueRules";
import { queueKeys } from "./settings";

/** The queue every stack gets when its file lists none. */
export const DEFAULT_QUEUE_NAME = "jobs";

/** The `queues` section of a stack file. */
export const queuesSection = listSection("queues", {
  description: "The SQS queues every region gets, each with its dead-letter queue.",
  item: { description: "An SQS queue, created in every region with its dead-letter queue.", keys: queueKeys },
  default: [{ name: DEFAULT_QUEUE_NAME }],
  showValues: true,
  check: (queues, scope) => {
    if (!Array.isArray(scope.raw)) return [];
    if (scope.raw.length === 0) {
      return [{ field: "", message: "must list at least one queue: the worker tier consumes them (omit the key for the default queue)" }];
    }
    const problems: Problem[] = [];
    const seen = new Map<string, number>();
    queues.forEach((queue, index) => {
      const written = (scope.raw as unknown[])[index];
      if (written === null || typeof written !== "object" || Array.isArray(written) || typeof queue.name !== "string" || queue.name === "") return;
      // instances see BLUEPRINT_QUEUE_<NAME>_URL: names that differ only in case, - or _ would collide
      const key = envSuffix(queue.name);
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          field: `${index}.name`,
          message: `duplicates queues[${first}].name once case, - and _ are ignored (both would be BLUEPRINT_QUEUE_${key}_URL); queue names must be unique`,
        });
      }
      seen.set(key, index);
      for (const problem of queueSpecProblems(queue, scope.namePrefix)) {
        // the path is printed already; drop a leading repeat of the field name
        const message = problem.message.startsWith(`${problem.field} `) ? problem.message.slice(problem.field.length + 1) : problem.message;
        problems.push({ field: `${index}.${problem.field}`, message });
      }
    });
    return problems;
  },
});

/**
 * `blueprint:alarms`: the alarm thresholds and the notification address, and the rules they must
 * satisfy (a queue-age alarm must be able to fire before the shortest-lived queue drops messages).
 */
import { queuesSection } from "../queue/section";
import { isRecord } from "../lib/guards";
import { section, type Problem } from "../lib/settings";
import { alarmsKeys } from "./settings";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The `alarms` section of a stack file. */
export const alarmsSection = section("alarms", {
  description: "Alarm thresholds and the notification address; every region gets the same alarms.",
  keys: alarmsKeys,
  showValues: true,
  check: (alarms, scope) => {
    if (!isRecord(scope.raw)) return [];
    const problems: Problem[] = [];
    if (alarms.email !== undefined && !EMAIL.test(alarms.email)) problems.push({ field: "email", message: "must be an email address such as ops@example.com" });
    if (!(alarms.alb5xxPercent >= 0.1 && alarms.alb5xxPercent <= 100)) problems.push({ field: "alb5xxPercent", message: "must be from 0.1 to 100 percent" });
    if (!(alarms.targetResponseP99Seconds >= 0.01 && alarms.targetResponseP99Seconds <= 60)) {
      problems.push({ field: "targetResponseP99Seconds", message: "must be from 0.01 to 60 seconds" });
    }
    const age = alarms.queueOldestMessageAgeSeconds;
    if (!Number.isInteger(age) || age < 60) {
      problems.push({ field: "queueOldestMessageAgeSeconds", message: "must be a whole number of seconds, 60 or more" });
    } else {
      const shortest = Math.min(...scope.section(queuesSection).map((queue) => queue.messageRetentionSeconds));
      if (age >= shortest) {
        problems.push({
          field: "queueOldestMessageAgeSeconds",
          message: `must be below the shortest queue retention (${shortest} s); messages expire before the alarm could fire`,
        });
      }
    }
    return problems;
  },
});

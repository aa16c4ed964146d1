/**
 * The rules of the EventBridge bus as plain data: names, the problems of its rules (EventBridge's
 * refusals, offline), the queue-policy statement that admits a rule, and the publishers' grant.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html
 */
import type { IamStatement } from "../../lib/iam";

/** What the rules need to know of a queue of the stack. */
interface RuleQueue {
  readonly name: string;
}

/** EventBridge rule names: at most 64 characters of letters, digits, `.`, `-` and `_`. */
const RULE_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const LOGICAL_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** SQS queue names: at most 80 characters. */
const MAX_QUEUE_NAME = 80;

/** The bus's name in every region. */
export function busName(namePrefix: string): string {
  return `${namePrefix}-events`;
}

/** A rule's physical name. */
export function busRuleName(namePrefix: string, rule: string): string {
  return `${namePrefix}-${rule}`;
}

/** The physical name of a rule's dead-letter queue (standard: EventBridge refuses a FIFO dead-letter queue). */
export function busRuleDeadLetterName(namePrefix: string, rule: string): string {
  return `${namePrefix}-${rule}-rule-dlq`;
}

/** Every problem of the bus's settings, given the stack's queues. */
export function busRuleProblems(
  settings: { readonly enabled: boolean; readonly rules: readonly { readonly name: string; readonly eventPattern: string; readonly queue: string }[] },
  context: { readonly namePrefix: string; readonly queues: readonly RuleQueue[] },
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!settings.enabled) {
    if (settings.rules.length > 0) problems.push({ field: "rules", message: "lists rules but enabled is false: set enabled true or remove the rules" });
    return problems;
  }
  const seen = new Set<string>();
  settings.rules.forEach((rule, index) => {
    const field = `rules.${index}`;
    if (!LOGICAL_NAME.test(rule.name))
      problems.push({ field: `${field}.name`, message: `must be 1-64 letters, digits, - or _, got ${JSON.stringify(rule.name)}` });
    else if (!RULE_NAME.test(busRuleName(context.namePrefix, rule.name))) {
      problems.push({ field: `${field}.name`, message: `gives the rule name ${busRuleName(context.namePrefix, rule.name)}; EventBridge allows 64 characters` });
    } else if (busRuleDeadLetterName(context.namePrefix, rule.name).length > MAX_QUEUE_NAME) {
      problems.push({
        field: `${field}.name`,
        message: `gives the dead-letter queue name ${busRuleDeadLetterName(context.namePrefix, rule.name)}; SQS allows ${MAX_QUEUE_NAME} characters`,
      });
    }
    if (seen.has(rule.name)) problems.push({ field: `${field}.name`, message: `duplicates another rule's name ${JSON.stringify(rule.name)}` });
    seen.add(rule.name);
    let pattern: unknown;
    try {
      pattern = JSON.parse(rule.eventPattern);
    } catch {
      pattern = undefined;
    }
    if (pattern === null || typeof pattern !== "object" || Array.isArray(pattern) || Object.keys(pattern).length === 0) {
      problems.push({
        field: `${field}.eventPattern`,
        message: "must be a JSON object with at least one field (EventBridge refuses an empty or malformed pattern)",
      });
    }
    if (!context.queues.some((queue) => queue.name === rule.queue)) {
      problems.push({
        field: `${field}.queue`,
        message: `must name a queue of blueprint:queues (${context.queues.map((queue) => queue.name).join(", ")}), got ${JSON.stringify(rule.queue)}`,
      });
    }
  });
  return problems;
}

/** The statement of a queue policy that lets exactly these rules deliver to the queue (EventBridge as the principal). */
export function ruleDeliveryStatement(queueArn: string, ruleArns: readonly string[]) {
  return {
    Sid: "EventRuleDelivery",
    Effect: "Allow" as const,
    Principal: { Service: "events.amazonaws.com" },
    Action: "sqs:SendMessage",
    Resource: queueArn,
    Condition: { ArnEquals: { "aws:SourceArn": [...ruleArns] } },
  };
}

/** The tiers' grant: put events on their region's bus only. */
export function busPublisherStatements<T>(busArns: readonly T[]): IamStatement<T>[] {
  if (busArns.length === 0) return [];
  return [{ Sid: "PutRegionEvents", Effect: "Allow", Action: ["events:PutEvents"], Resource: [...busArns] }];
}

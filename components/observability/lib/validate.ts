/**
 * Physical names of a region's observability resources and the argument checks of the
 * RegionalObservability component, run before any child is declared.
 */
// KMS's limits live with the data key's rules: one place to edit when AWS changes them
import { KEY_DELETION_WINDOW_DAYS, MAX_ALIAS_LENGTH } from "../../kms/lib/keyRules";
import { regionInfo } from "../../lib/regions";
import { alarmSpecProblems, alarmThresholdProblems, regionalAlarmSpecs, type AlarmThresholds } from "./alarms";

/** Characters of a name prefix and of a logical queue name (valid in every name derived from them). */
export const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Longest SNS topic name (standard topics: letters, digits, `-` and `_`). */
export const MAX_TOPIC_NAME_LENGTH = 256;
/** Longest dashboard name (letters, digits, `-` and `_`). */
export const MAX_DASHBOARD_NAME_LENGTH = 255;
/** Longest email address (RFC 5321 path limit). */
const MAX_EMAIL_LENGTH = 254;

/** The physical names of one region's observability resources. */
export interface ObservabilityNames {
  /** SNS topic: `<namePrefix>-<region>-alarms`. */
  readonly topic: string;
  /** KMS alias: `alias/<namePrefix>-<region>-alarms`. */
  readonly keyAlias: string;
  /** Dashboard: `<namePrefix>-<region>`; dashboards are global, so the region is part of the name. */
  readonly dashboard: string;
}

/** The names of one region's topic, key alias and dashboard. */
export function observabilityNames(namePrefix: string, region: string): ObservabilityNames {
  const base = `${namePrefix}-${region}`;
  return { topic: `${base}-alarms`, keyAlias: `alias/${base}-alarms`, dashboard: base };
}

/** The checked subset of the component's arguments (Outputs are not unwrapped). */
export interface ObservabilityArgsToValidate {
  readonly region: string;
  readonly namePrefix: string;
  readonly alarmEmail?: string;
  readonly thresholds: AlarmThresholds;
  readonly keyDeletionWindowDays: number;
  /** Dimension values are checked when they are plain strings. */
  readonly loadBalancer?: { readonly arnSuffix: unknown; readonly targetGroupArnSuffix: unknown };
  readonly queues: readonly { readonly name: string; readonly queueName?: unknown; readonly deadLetterQueueName?: unknown }[];
}

const STAND_IN_THRESHOLDS: AlarmThresholds = { alb5xxPercent: 1, targetResponseP99Seconds: 1, queueOldestMessageAgeSeconds: 1 };

/**
 * Every problem with the arguments, one line each: the region, the prefix, the email address, the
 * key deletion window, the thresholds, queue names (characters, duplicates), the lengths of the
 * topic, alias and dashboard names, and every alarm spec's CloudWatch rules.
 */
export function observabilityArgProblems(args: ObservabilityArgsToValidate): string[] {
  const problems: string[] = [];
  if (!regionInfo(args.region)) problems.push(`region must be a known AWS region, got ${JSON.stringify(args.region)}`);
  if (!NAME_PATTERN.test(args.namePrefix)) {
    problems.push(`namePrefix may only contain letters, digits, hyphens and underscores (at least one), got ${JSON.stringify(args.namePrefix)}`);
  }
  if (args.alarmEmail !== undefined && (args.alarmEmail.length > MAX_EMAIL_LENGTH || !/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(args.alarmEmail))) {
    problems.push(`alarmEmail must be an email address such as ops@example.com, got ${JSON.stringify(args.alarmEmail)}`);
  }
  const window = args.keyDeletionWindowDays;
  if (!Number.isInteger(window) || window < KEY_DELETION_WINDOW_DAYS.min || window > KEY_DELETION_WINDOW_DAYS.max) {
    problems.push(`keyDeletionWindowDays must be an integer from ${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max}, got ${window}`);
  }
  problems.push(...alarmThresholdProblems(args.thresholds));

  const seen = new Map<string, number>();
  args.queues.forEach((queue, index) => {
    if (!NAME_PATTERN.test(queue.name)) {
      problems.push(`queues[${index}].name may only contain letters, digits, hyphens and underscores (at least one), got ${JSON.stringify(queue.name)}`);
    }
    const first = seen.get(queue.name);
    if (first !== undefined) {
      problems.push(`queues[${index}].name ${JSON.stringify(queue.name)} is also the name of queues[${first}]; queue names must be unique`);
    } else {
      seen.set(queue.name, index);
    }
  });

  const names = observabilityNames(args.namePrefix, args.region);
  if (names.topic.length > MAX_TOPIC_NAME_LENGTH) {
    problems.push(
      `the alarm topic name "${names.topic}" is ${names.topic.length} characters long; SNS allows at most ${MAX_TOPIC_NAME_LENGTH} (shorten namePrefix)`,
    );
  }
  if (names.keyAlias.length > MAX_ALIAS_LENGTH) {
    problems.push(`the key alias "${names.keyAlias}" is ${names.keyAlias.length} characters long; KMS allows at most ${MAX_ALIAS_LENGTH} (shorten namePrefix)`);
  }
  if (names.dashboard.length > MAX_DASHBOARD_NAME_LENGTH) {
    problems.push(
      `the dashboard name "${names.dashboard}" is ${names.dashboard.length} characters long; CloudWatch allows at most ${MAX_DASHBOARD_NAME_LENGTH} (shorten namePrefix)`,
    );
  }

  // The specs' structure is fixed by code; their names come from the arguments. Invalid thresholds
  // are reported above in the caller's terms, so the specs are checked with stand-ins for them.
  const thresholds = alarmThresholdProblems(args.thresholds).length === 0 ? args.thresholds : STAND_IN_THRESHOLDS;
  const specs = regionalAlarmSpecs<unknown>({
    region: args.region,
    namePrefix: args.namePrefix,
    thresholds,
    loadBalancerArnSuffix: args.loadBalancer?.arnSuffix,
    targetGroupArnSuffix: args.loadBalancer?.targetGroupArnSuffix,
    queues: args.queues.map((queue) => ({ name: queue.name, queueName: queue.queueName, deadLetterQueueName: queue.deadLetterQueueName })),
  });
  for (const spec of specs) problems.push(...alarmSpecProblems(spec));
  return problems;
}

/**
 * The chaos experiments a stack may run and the AWS rules their settings must satisfy, checked
 * offline before any experiment template is declared.
 *
 * AWS Fault Injection Service (FIS) accepts most broken settings when the template is created and
 * fails only when someone starts the experiment: a share of instances that rounds down to none, a
 * failover of a cluster with nothing to promote, an AZ power interruption on a replication group
 * without Multi-AZ. Every limit is a constant here, so a changed AWS limit (`[volatile]`) is a
 * one-line edit.
 *
 * @see https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/targets.html
 * @see https://docs.aws.amazon.com/fis/latest/userguide/fis-quotas.html
 */
import type { IntegerRange } from "../../lib/ranges";
export type { IntegerRange } from "../../lib/ranges";
import { isLogRetention, LOG_RETENTION_DAYS } from "../../lib/logRetention";
import type { FieldProblem } from "../../lib/ranges";
import type { ChaosSettings } from "../settings";
import { cacheFailoverProblem, databaseFailoverProblem, type ChaosStackFacts } from "./chaosFacts";
import { CHAOS_EXPERIMENTS, TERMINATE_PERCENTAGE, type ChaosExperimentName } from "./limits";

export type { FieldProblem } from "../../lib/ranges";
export type { ChaosSettings } from "../settings";
export { CHAOS_EXPERIMENTS, TERMINATE_PERCENTAGE, type ChaosExperimentName } from "./limits";
export {
  cacheFailoverProblem,
  databaseFailoverProblem,
  defaultExperiments,
  MIN_AURORA_FAILOVER_INSTANCES,
  type ChaosCacheFacts,
  type ChaosDatabaseFacts,
  type ChaosStackFacts,
} from "./chaosFacts";

/** Durations of FIS actions: one minute to 12 hours ("Action duration in hours" quota). `[volatile]` */
export const ACTION_DURATION_SECONDS: IntegerRange = { min: 60, max: 43_200 };

/**
 * Stop conditions per experiment template. The blueprint needs at least one: FIS would accept
 * `source: none`, an experiment nothing stops, which the blueprint refuses. `[volatile]`
 */
export const STOP_CONDITIONS: IntegerRange = { min: 1, max: 5 };

/** Longest template description CreateExperimentTemplate accepts. */
export const MAX_DESCRIPTION_LENGTH = 512;

/** Longest action and target name (the keys of a template's `actions` and `targets` maps). */
export const MAX_ACTION_NAME_LENGTH = 64;

/** Longest IAM role name. */
export const MAX_ROLE_NAME_LENGTH = 64;

/**
 * Seconds of an ISO 8601 duration of the form FIS uses (`PT10M`, `PT1H30M`, `PT90S`), or
 * undefined when the text is not one. Days, months and fractions are not accepted: FIS actions
 * last at most 12 hours.
 */
export function isoDurationSeconds(text: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return undefined;
  const [hours, minutes, seconds] = [match[1], match[2], match[3]].map((part) => Number(part ?? 0)) as [number, number, number];
  return hours * 3_600 + minutes * 60 + seconds;
}

/**
 * How many instances `PERCENT(percentage)` selects out of `count`: FIS rounds down, and a share
 * below one resource selects none (the experiment then fails).
 */
export function selectedInstances(count: number, percentage: number): number {
  return Math.floor((count * percentage) / 100);
}

/** The smallest percentage that selects at least one of `count` instances. */
export function smallestSelectingPercentage(count: number): number {
  return Math.ceil(100 / count);
}

/**
 * Why `terminate-web-instances` would select no instance, or undefined when it selects at least
 * one even when every region's web tier runs its minimum.
 */
export function terminateProblem(percentage: number, facts: ChaosStackFacts): string | undefined {
  const minSize = facts.web?.minSize;
  if (minSize === undefined || !Number.isInteger(percentage)) return undefined;
  if (minSize < 1) return `the web tier may run no instance (its minSize is ${minSize}), and FIS fails an experiment whose target resolves to none`;
  if (selectedInstances(minSize, percentage) >= 1) return undefined;
  return `${percentage}% of the web tier's minimum of ${minSize} instance(s) rounds down to none (FIS rounds down and fails when no instance is selected); use at least ${smallestSelectingPercentage(minSize)}`;
}

/** Why an experiment does not apply to the stack, or undefined when it does (or the facts are unknown). */
export function experimentProblem(name: ChaosExperimentName, terminatePercentage: number, facts: ChaosStackFacts): string | undefined {
  switch (name) {
    case "terminate-web-instances":
      return terminateProblem(terminatePercentage, facts);
    case "failover-database":
      return databaseFailoverProblem(facts.database);
    case "failover-cache":
      return cacheFailoverProblem(facts.cache);
    default:
      throw new Error(`Unknown chaos experiment '${String(name satisfies never)}'`);
  }
}

const isExperimentName = (value: unknown): value is ChaosExperimentName => (CHAOS_EXPERIMENTS as readonly unknown[]).includes(value);

/** Settings as far as they are known, with the experiments as written (possibly invalid names). */
export interface CheckedChaosSettings extends Omit<ChaosSettings, "experiments"> {
  readonly experiments: readonly string[];
}

/** How the experiments list came about. */
export interface ChaosCheckOptions {
  /** True when the stack file lists the experiments (problems are then reported per entry). */
  readonly experimentsWritten: boolean;
}

function rangeProblem(field: string, value: number, range: IntegerRange, unit = ""): FieldProblem | undefined {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return undefined;
  return { field, message: `must be a whole number from ${range.min} to ${range.max}${unit}; got ${value}` };
}

/** Why a duration is not one FIS accepts for an action, or undefined. */
export function durationProblem(text: string): string | undefined {
  const seconds = isoDurationSeconds(text);
  const allowed = "an ISO 8601 duration from PT1M to PT12H, such as PT10M or PT1H30M";
  if (seconds === undefined) return `must be ${allowed}; got ${JSON.stringify(text)}`;
  if (seconds < ACTION_DURATION_SECONDS.min || seconds > ACTION_DURATION_SECONDS.max) {
    return `must be ${allowed} (FIS runs an action for one minute to 12 hours); got ${text}`;
  }
  return undefined;
}

/**
 * Every problem of the chaos settings, in key order; empty when FIS would accept them and every
 * listed experiment can run. Ranges are always checked; whether the experiments apply only when
 * chaos is enabled (disabled, nothing is declared). Each message shows the value it is about.
 */
export function chaosSettingsProblems(settings: CheckedChaosSettings, facts: ChaosStackFacts, options: ChaosCheckOptions): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const push = (problem: FieldProblem | undefined) => {
    if (problem) problems.push(problem);
  };

  const listed = settings.experiments;
  if (options.experimentsWritten) {
    if (listed.length === 0 && settings.enabled) {
      push({
        field: "experiments",
        message: `lists no experiment while enabled is true; list one or more of ${CHAOS_EXPERIMENTS.join(", ")} (or leave the key out for every one that applies)`,
      });
    }
    const seen = new Set<string>();
    listed.forEach((name, index) => {
      const field = `experiments.${index}`;
      if (!isExperimentName(name)) {
        push({ field, message: `${JSON.stringify(name)} is not an experiment; choose from ${CHAOS_EXPERIMENTS.join(", ")}` });
      } else if (seen.has(name)) {
        push({ field, message: `${JSON.stringify(name)} is listed twice; list each experiment once` });
      } else if (settings.enabled && name !== "terminate-web-instances") {
        const reason = experimentProblem(name, settings.terminatePercentage, facts);
        if (reason) push({ field, message: `${JSON.stringify(name)} cannot run on this stack: it ${reason}` });
      }
      seen.add(name);
    });
  }

  const percentage = rangeProblem("terminatePercentage", settings.terminatePercentage, TERMINATE_PERCENTAGE, " percent");
  push(percentage);
  if (!percentage && settings.enabled && listed.includes("terminate-web-instances")) {
    const reason = terminateProblem(settings.terminatePercentage, facts);
    if (reason) push({ field: "terminatePercentage", message: `selects no web instance: ${reason} (or leave terminate-web-instances out of experiments)` });
  }

  const duration = durationProblem(settings.cacheInterruptionDuration);
  if (duration) push({ field: "cacheInterruptionDuration", message: duration });

  if (!isLogRetention(settings.logRetentionDays)) {
    push({
      field: "logRetentionDays",
      message: `must be one of CloudWatch Logs' retention periods (${LOG_RETENTION_DAYS.join(", ")}); got ${settings.logRetentionDays}`,
    });
  }
  return problems;
}

/**
 * Whether the region's database member is a target of `failover-database`: every RDS instance (the
 * source and each Multi-AZ replica reboot through their own standby), but only the writer's Aurora
 * cluster: an Aurora global database's secondary clusters are read-only and have no writer to fail
 * over from (their failover is the global database's, which the blueprint does not inject).
 *
 * @param role the member's role in the stack's database (`primary` also for single-region)
 */
export function databaseFailoverRunsIn(service: string, role: "primary" | "secondary"): boolean {
  return service === "rds" || role === "primary";
}

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

export type { FieldProblem } from "../../lib/ranges";

/**
 * The experiments, by the name the stack file lists them under:
 * - `terminate-web-instances`: terminates a share of the web tier's running instances (the
 *   auto-scaling group must replace them while the load balancer keeps serving);
 * - `failover-database`: fails the region's Aurora cluster over to a reader, or reboots its RDS
 *   instance with a Multi-AZ failover;
 * - `failover-cache`: interrupts power to the cache's nodes in the primary node's AZ, so that
 *   ElastiCache promotes a replica in another AZ.
 */
export const CHAOS_EXPERIMENTS = ["terminate-web-instances", "failover-database", "failover-cache"] as const;

/** One of `CHAOS_EXPERIMENTS`. */
export type ChaosExperimentName = (typeof CHAOS_EXPERIMENTS)[number];

/** The chaos settings of a stack, defaults applied: exactly what the chaos component takes. */
export interface ChaosSettings {
  /** Whether the stack declares experiment templates at all. Templates only run when someone starts them. */
  readonly enabled: boolean;
  /** The experiments each region gets (where its target exists), in `CHAOS_EXPERIMENTS` order. */
  readonly experiments: readonly ChaosExperimentName[];
  /** Share of the web tier's running instances terminated, 1 to 100 percent (FIS rounds down). */
  readonly terminatePercentage: number;
  /** How long the cache's AZ loses power, an ISO 8601 duration from PT1M to PT12H. */
  readonly cacheInterruptionDuration: string;
  /** Retention of the experiment log group, one of CloudWatch Logs' periods. */
  readonly logRetentionDays: number;
}


/** `PERCENT(n)` selection modes accept 1 to 100. */
export const TERMINATE_PERCENTAGE: IntegerRange = { min: 1, max: 100 };

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

/** Fewest instances an Aurora cluster needs for a failover: a writer and a reader to promote. */
export const MIN_AURORA_FAILOVER_INSTANCES = 2;

/** One of the facts the rules read about the database (defaults applied). */
export interface ChaosDatabaseFacts {
  /** `aurora` or `rds`. */
  readonly service: string;
  /** Aurora: instances of the primary region's cluster (the writer's). */
  readonly instanceCount: number;
  /** RDS: whether every region's instance has a Multi-AZ standby. */
  readonly multiAz: boolean;
  /** `aurora-global`, `rds-replicas` or `single-region`. */
  readonly mode: string;
}

/** The facts the rules read about the cache (defaults applied). */
export interface ChaosCacheFacts {
  /** `global`, `regional` or `none`. */
  readonly mode: string;
  readonly replicasPerNodeGroup: number;
  readonly automaticFailover: boolean;
  /** Multi-AZ of the replication groups; unknown when left out. @default - not checked */
  readonly multiAz?: boolean;
}

/**
 * What the chaos rules need to know about the rest of the stack: which experiments apply depends
 * on the database, the cache and the web tier's size. A fact left out is not checked (and its
 * experiment counts as applicable).
 */
export interface ChaosStackFacts {
  readonly database?: ChaosDatabaseFacts;
  readonly cache?: ChaosCacheFacts;
  /** The web tier: `minSize` is the smallest minimum over the regions (the fewest instances it may run). */
  readonly web?: { readonly minSize: number };
}

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

/** Why `failover-database` does not apply to the stack's database, or undefined when it does. */
export function databaseFailoverProblem(database: ChaosDatabaseFacts | undefined): string | undefined {
  if (database === undefined) return undefined;
  switch (database.service) {
    case "aurora":
      return database.instanceCount >= MIN_AURORA_FAILOVER_INSTANCES
        ? undefined
        : `needs an Aurora cluster of at least ${MIN_AURORA_FAILOVER_INSTANCES} instances (a writer and a reader to promote); database.instanceCount is ${database.instanceCount}`;
    case "rds":
      return database.multiAz
        ? undefined
        : "needs a Multi-AZ RDS instance (RebootDBInstance refuses a forced failover without a standby); database.multiAz is false";
    default:
      // an unknown service is reported by the database rules
      return undefined;
  }
}

/** Why `failover-cache` does not apply to the stack's cache, or undefined when it does. */
export function cacheFailoverProblem(cache: ChaosCacheFacts | undefined): string | undefined {
  if (cache === undefined) return undefined;
  if (cache.mode === "none") return "needs a cache; cache.mode is none";
  const missing: string[] = [];
  if (cache.replicasPerNodeGroup < 1) missing.push(`a replica to promote (cache.replicasPerNodeGroup is ${cache.replicasPerNodeGroup})`);
  if (!cache.automaticFailover) missing.push("automatic failover (cache.automaticFailover is false)");
  if (cache.multiAz === false) missing.push("Multi-AZ (cache.multiAz is false; FIS interrupts AZ power only on Multi-AZ replication groups)");
  if (missing.length === 0) return undefined;
  const last = missing.pop()!;
  return `needs ${missing.length > 0 ? `${missing.join(", ")} and ${last}` : last}`;
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

/**
 * The experiments a stack gets when its file lists none: the web tier's always (every stack has
 * one; a share that rounds down to none is reported at `terminatePercentage`), the database's and
 * the cache's when their prerequisites hold.
 */
export function defaultExperiments(facts: ChaosStackFacts): ChaosExperimentName[] {
  return CHAOS_EXPERIMENTS.filter((name) => {
    switch (name) {
      case "terminate-web-instances":
        return true;
      case "failover-database":
        return databaseFailoverProblem(facts.database) === undefined;
      case "failover-cache":
        return cacheFailoverProblem(facts.cache) === undefined;
      default:
        throw new Error(`Unknown chaos experiment '${String(name satisfies never)}'`);
    }
  });
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
      push({ field: "experiments", message: `lists no experiment while enabled is true; list one or more of ${CHAOS_EXPERIMENTS.join(", ")} (or leave the key out for every one that applies)` });
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
    push({ field: "logRetentionDays", message: `must be one of CloudWatch Logs' retention periods (${LOG_RETENTION_DAYS.join(", ")}); got ${settings.logRetentionDays}` });
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

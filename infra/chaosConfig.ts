/**
 * The `chaos` section of the stack config: its shape, the per-environment defaults, how they fill
 * in a stack file's values, and the rules the effective values must satisfy (FIS limits, and which
 * experiments the stack's web tier, database and cache can take), reported per key path.
 */
import { z } from "zod";
import {
  CHAOS_EXPERIMENTS,
  chaosSettingsProblems,
  defaultExperiments,
  type ChaosExperimentName,
  type ChaosSettings,
  type ChaosStackFacts,
} from "../components/chaos/lib/chaosRules";
import type { ConfigIssue } from "./configIssues";
import { PROFILES, type Environment } from "./profiles";
import type { SectionContext } from "./sectionContext";

export type { ChaosStackFacts } from "../components/chaos/lib/chaosRules";

/** The chaos settings after defaults: exactly what the chaos component takes. */
export type ChaosConfig = ChaosSettings;

/** The `chaos` section. */
export const chaosSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .optional()
      .describe(
        "Declare the AWS FIS experiment templates, an experiment role and a log group in every region. Templates only run when someone starts them; their stop conditions are the region's alarms. Default false in every environment.",
      ),
    experiments: z
      .array(z.enum(CHAOS_EXPERIMENTS))
      .optional()
      .describe(
        "The experiments: terminate-web-instances (a share of the web tier's running instances), failover-database (Aurora: fail the writer's cluster over to a reader, which needs at least 2 instances; RDS: reboot with a Multi-AZ failover, which needs multiAz), failover-cache (cut power to the cache primary's AZ, which needs a replica, automatic failover and Multi-AZ). Default: every one that applies to the stack.",
      ),
    terminatePercentage: z
      .number()
      .int()
      .optional()
      .describe(
        "Share of the web tier's running instances terminate-web-instances terminates, 1 to 100 percent. FIS rounds down and fails when that is no instance, so the share must select at least one of the web tier's minSize. Default: dev 100, staging 50, prod 34.",
      ),
    cacheInterruptionDuration: z
      .string()
      .optional()
      .describe("How long failover-cache cuts power to the primary's AZ (replacements there stay blocked), an ISO 8601 duration from PT1M to PT12H. Default PT10M."),
    logRetentionDays: z
      .number()
      .int()
      .optional()
      .describe("Days the experiment log group keeps its logs, one of CloudWatch Logs' periods (1, 3, 5, 7, 14, 30, ...). Default from the profile's log retention (7/30/365)."),
  })
  .describe("AWS FIS chaos experiments per region, off by default: each stopped by the region's alarms, run by a least-privilege role, logged to CloudWatch Logs.");

/** Allowed keys per sub-path of the section ("" is the top level). */
export const CHAOS_NESTED_KEYS: Readonly<Record<string, string[]>> = {
  "": Object.keys(chaosSchema.shape),
};

/** The chaos defaults of one environment. */
export interface ChaosProfile {
  readonly enabled: boolean;
  readonly terminatePercentage: number;
  readonly logRetentionDays: number;
}

/** Defaults that do not depend on the environment. */
export const CHAOS_DEFAULTS = {
  // the FIS template library's default: long enough for ElastiCache to promote a replica and for
  // clients to reconnect, short enough that the region runs on reduced cache capacity briefly
  cacheInterruptionDuration: "PT10M",
} as const;

/**
 * The chaos defaults of each environment. The percentages are chosen so that FIS, which rounds
 * the share down, selects at least one instance when the web tier runs its profile minimum.
 */
export const CHAOS_PROFILES: Readonly<Record<Environment, ChaosProfile>> = {
  dev: {
    // experiments are opt-in everywhere: a template is harmless, but enabling one is a decision
    enabled: false,
    // dev runs one web instance: any share below 100% of it selects none; losing it is the test
    // that the auto-scaling group replaces it
    terminatePercentage: 100,
    logRetentionDays: PROFILES.dev.logRetentionDays,
  },
  staging: {
    enabled: false,
    // two instances at minimum: half is one, and the other keeps serving
    terminatePercentage: 50,
    logRetentionDays: PROFILES.staging.logRetentionDays,
  },
  prod: {
    enabled: false,
    // a third, rounded up: prod keeps one instance per AZ (three), and 33% of three rounds down to
    // none, while 34% selects one; at the 12-instance maximum it terminates four
    terminatePercentage: 34,
    logRetentionDays: PROFILES.prod.logRetentionDays,
  },
};

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === "number";
const isString = (value: unknown): value is string => typeof value === "string";
const isBoolean = (value: unknown): value is boolean => typeof value === "boolean";
const pick = <T>(value: unknown, guard: (v: unknown) => v is T, fallback: T): T => (guard(value) ? value : fallback);
const isExperimentName = (value: unknown): value is ChaosExperimentName => (CHAOS_EXPERIMENTS as readonly unknown[]).includes(value);

/** The experiments a stack file lists, known names only, each once, in the order written. */
function writtenExperiments(value: unknown): ChaosExperimentName[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return [...new Set(value.filter(isExperimentName))];
}

/**
 * The chaos settings of a stack: the section's values over the environment's profile. Tolerant of
 * wrong types and unknown experiment names (they fall back to the default or are left out; the
 * schema reports them).
 *
 * @param facts the stack's database, cache and web tier; without them the default experiment
 *   list is every experiment (the component declares those whose target a region has)
 */
export function resolveChaos(raw: unknown, ctx: SectionContext & { readonly environment: Environment }, facts: ChaosStackFacts = {}): ChaosConfig {
  const profile = CHAOS_PROFILES[ctx.environment];
  const chaos = isObject(raw) ? raw : {};
  return {
    enabled: pick(chaos.enabled, isBoolean, profile.enabled),
    experiments: writtenExperiments(chaos.experiments) ?? defaultExperiments(facts),
    terminatePercentage: pick(chaos.terminatePercentage, isNumber, profile.terminatePercentage),
    cacheInterruptionDuration: pick(chaos.cacheInterruptionDuration, isString, CHAOS_DEFAULTS.cacheInterruptionDuration),
    logRetentionDays: pick(chaos.logRetentionDays, isNumber, profile.logRetentionDays),
  };
}

/** Whether the stack file writes the key a problem's field points at (`terminatePercentage`, `experiments.2`). */
function written(raw: unknown, field: string): boolean {
  let current: unknown = raw;
  for (const part of field.split(".")) {
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<string, unknown>)[part];
  }
  return current !== undefined;
}

/**
 * Every problem of the section, on the effective values: a default that clashes with a written
 * value or with the rest of the stack (a percentage that selects no web instance, an experiment
 * the database or cache cannot take) is reported at the key the rule is about. Without a known
 * environment the dev profile stands in and only problems at written keys are reported. Paths
 * start with `chaos`; every message names the value it is about.
 *
 * @param facts the stack's database, cache and web tier (effective values); a fact left out is not checked
 */
export function checkChaos(raw: unknown, ctx: SectionContext, facts: ChaosStackFacts = {}): ConfigIssue[] {
  if (raw !== undefined && !isObject(raw)) return [];
  const chaos = raw ?? {};
  const settings = resolveChaos(raw, { ...ctx, environment: ctx.environment ?? "dev" }, facts);
  const listed = Array.isArray(chaos.experiments) ? (chaos.experiments as unknown[]) : undefined;
  const problems = chaosSettingsProblems(
    // the rules see the list as written, so that problems point at the entry the file has
    { ...settings, experiments: listed ? listed.map((entry) => (isString(entry) ? entry : JSON.stringify(entry))) : settings.experiments },
    facts,
    { experimentsWritten: listed !== undefined },
  );
  return (
    problems
      // an entry that is no experiment name is the schema's to report
      .filter((problem) => !(listed && /^experiments\.\d+$/.test(problem.field) && !isExperimentName(listed[Number(problem.field.split(".")[1])])))
      .filter((problem) => ctx.environment !== undefined || written(raw, problem.field))
      .map((problem) => ({
        path: ["chaos", ...problem.field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))],
        message: problem.message,
        showValue: false,
      }))
  );
}

/**
 * The settings of `blueprint:chaos`: AWS FIS experiment templates per region, off by default. Type,
 * allowed values, default per environment and description, once.
 */
import { cacheSection } from "../cache/section";
import { databaseSection } from "../database/section";
import { webSection } from "../compute/section";
import { LOG_RETENTION_DAYS } from "../lib/logRetention";
import { byEnvironment, choice, derived, flag, fromEnvironment, integer, list, text, type DefaultScope, type GroupValue } from "../lib/settings";
import { defaultExperiments, type ChaosStackFacts } from "./lib/chaosFacts";
import { CHAOS_EXPERIMENTS, TERMINATE_PERCENTAGE, type ChaosExperimentName } from "./lib/limits";

/** What the chaos defaults and rules need to know of the database, the cache and the web tier. */
export function chaosStackFacts(scope: Pick<DefaultScope, "section">): ChaosStackFacts {
  const database = scope.section(databaseSection);
  const cache = scope.section(cacheSection);
  const minSizes = Object.values(scope.section(webSection)).map((web) => web.minSize);
  return {
    database: { service: database.service, instanceCount: database.instanceCount, multiAz: database.multiAz, mode: database.mode },
    cache: { mode: cache.mode, replicasPerNodeGroup: cache.replicasPerNodeGroup, automaticFailover: cache.automaticFailover, multiAz: cache.multiAz },
    ...(minSizes.length > 0 ? { web: { minSize: Math.min(...minSizes) } } : {}),
  };
}

const isExperimentName = (value: unknown): value is ChaosExperimentName => (CHAOS_EXPERIMENTS as readonly unknown[]).includes(value);

/** The keys of `blueprint:chaos`. */
export const chaosKeys = {
  enabled: flag({
    description:
      "Declare the AWS FIS experiment templates, an experiment role and a log group in every region. Templates only run when someone starts them; their stop conditions are the region's alarms.",
    default: false,
  }),
  experiments: list(choice(CHAOS_EXPERIMENTS, { description: "An experiment.", required: true }), {
    description:
      "The experiments: terminate-web-instances (a share of the web tier's running instances), failover-database (Aurora: fail the writer's cluster over to a reader, which needs at least 2 instances; RDS: reboot with a Multi-AZ failover, which needs multiAz), failover-cache (cut power to the cache primary's AZ, which needs a replica, automatic failover and Multi-AZ).",
    default: derived("every one that applies to the stack", (scope) => defaultExperiments(chaosStackFacts(scope))),
    // known names only, each once, in the order written (the schema and the rules report the others)
    read: (value) => (Array.isArray(value) ? [...new Set(value.filter(isExperimentName))] : undefined),
  }),
  terminatePercentage: integer({
    description:
      "Share of the web tier's running instances terminate-web-instances terminates. FIS rounds down and fails when that is no instance, so the share must select at least one of the web tier's minSize.",
    range: TERMINATE_PERCENTAGE,
    unit: "percent",
    // chosen so that FIS, which rounds the share down, selects at least one instance at the web tier's default minimum
    default: byEnvironment({ dev: 100, staging: 50, prod: 34 }),
  }),
  cacheInterruptionDuration: text({
    description: "How long failover-cache cuts power to the primary's AZ (replacements there stay blocked), an ISO 8601 duration from PT1M to PT12H.",
    default: "PT10M",
  }),
  logRetentionDays: integer({
    description: "Days the experiment log group keeps its logs.",
    values: LOG_RETENTION_DAYS,
    default: fromEnvironment("logRetentionDays", "the environment's log retention"),
  }),
};

/** The chaos settings after defaults: exactly what the chaos component takes. */
export type ChaosSettings = GroupValue<typeof chaosKeys>;

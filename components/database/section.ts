/**
 * `blueprint:database`: the settings (`settings.ts`) and the RDS/Aurora rules their resolved values
 * must satisfy together and with the stack's regions (`lib/databaseRules.ts`), at the key each rule
 * is about.
 */
import { section } from "../lib/settings";
import { databaseSettingsProblems } from "./lib/databaseRules";
import { shardNamePrefix, shardProblems } from "./lib/sharding";
import { readerScalingProblems } from "./lib/readerScaling";
import { databaseKeys } from "./settings";

/** The `database` section of a stack file. */
export const databaseSection = section("database", {
  description:
    "The relational database: an Aurora global database, RDS with cross-region replicas, or one cluster or instance; encrypted with each region's key, TLS required.",
  keys: databaseKeys,
  check: (settings, scope) => {
    const regions = scope.regions.map((region) => region.name);
    const context = { regions, primaryRegion: scope.primaryRegion ?? regions[0] ?? "" };
    const problems = databaseSettingsProblems(settings, { ...context, namePrefix: scope.namePrefix });
    // the last shard has the longest names; only its naming problems are new
    if (settings.shards > 1) {
      const seen = new Set(problems.map((problem) => problem.message));
      const last = databaseSettingsProblems(settings, { ...context, namePrefix: shardNamePrefix(scope.namePrefix, settings.shards - 1) });
      problems.push(...last.filter((problem) => problem.field === "namePrefix" && !seen.has(problem.message)));
    }
    problems.push(...shardProblems(settings));
    problems.push(...readerScalingProblems(settings.readerScaling, settings, Math.max(0, regions.length - 1)));
    // every message names the value it is about (which may be a default the file does not show)
    return problems.map((problem) => ({
      // derived names are about the project and stack names, not a key of the section
      field: problem.field === "namePrefix" ? "" : problem.field,
      message: problem.message,
      showValue: false,
    }));
  },
});

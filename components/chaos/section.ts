/**
 * `blueprint:chaos`: its settings and the rules they must satisfy (FIS limits, and which
 * experiments the stack's web tier, database and cache can take), at the key each rule is about.
 */
import { isRecord, isString } from "../lib/guards";
import { section } from "../lib/settings";
import { chaosSettingsProblems } from "./lib/chaosRules";
import { CHAOS_EXPERIMENTS } from "./lib/limits";
import { chaosKeys, chaosStackFacts } from "./settings";

/** The `chaos` section of a stack file. */
export const chaosSection = section("chaos", {
  description:
    "AWS FIS chaos experiments per region, off by default: each stopped by the region's alarms, run by a least-privilege role, logged to CloudWatch Logs.",
  keys: chaosKeys,
  check: (settings, scope) => {
    if (scope.raw !== undefined && !isRecord(scope.raw)) return [];
    const listed = isRecord(scope.raw) && Array.isArray(scope.raw.experiments) ? (scope.raw.experiments as unknown[]) : undefined;
    // a fact left out is not checked: without a known environment the data tier's defaults are not the stack's
    const facts = scope.environmentKnown ? chaosStackFacts(scope) : {};
    const problems = chaosSettingsProblems(
      { ...settings, experiments: listed ? listed.map((entry) => (isString(entry) ? entry : JSON.stringify(entry))) : settings.experiments },
      facts,
      { experimentsWritten: listed !== undefined },
    );
    // an unknown experiment name is the schema's to report
    const unknownName = (field: string) =>
      listed !== undefined && /^experiments\.\d+$/.test(field) && !(CHAOS_EXPERIMENTS as readonly unknown[]).includes(listed[Number(field.split(".")[1])]);
    // every message names the value it is about
    return problems.filter((problem) => !unknownName(problem.field)).map((problem) => ({ ...problem, showValue: false }));
  },
});

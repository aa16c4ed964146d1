/**
 * `blueprint:backup`: its settings and the rules they must satisfy (AWS Backup's schedule syntax,
 * Vault Lock's retention bounds, a copy outside the region).
 */
import { section } from "../lib/settings";
import { backupSettingsProblems } from "./lib/backupRules";
import { backupKeys } from "./settings";

/** The `backup` section of a stack file. */
export const backupSection = section("backup", {
  description:
    "AWS Backup outside the replication path: a vault and a daily plan per region, copies to the next region's vault (and another account's), Vault Lock in prod.",
  keys: backupKeys,
  showValues: true,
  check: (settings, scope) => backupSettingsProblems(settings, scope.regions.length),
});

/**
 * Aurora global write forwarding: a secondary cluster accepts writes and forwards them to the
 * primary cluster, so that every region's tiers can write through their own region's cluster.
 * Which versions support it (`[volatile]`), the offline check, and how each region may write.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-write-forwarding-apg.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-write-forwarding-ams.html
 */
import type { DatabaseSettings } from "../settings";
import { compareVersions, parseEngineVersion, rdsEngineName } from "./engines";

/**
 * The lowest version of each major with global write forwarding: Aurora PostgreSQL 14.9, 15.4 and
 * every minor from 16 on; Aurora MySQL 2.08.1 and later, so every Aurora MySQL 3 version.
 */
export const WRITE_FORWARDING_MINIMUM_VERSIONS: Readonly<Record<"aurora-postgresql" | "aurora-mysql", Readonly<Record<string, string>>>> = {
  "aurora-postgresql": { "14": "14.9", "15": "15.4", "16": "16.0", "17": "17.0" },
  "aurora-mysql": { "8.0": "3.01.0" },
};

/** Why the settings' engine version cannot forward writes from the secondaries, or undefined (also when forwarding is off or not global). */
export function writeForwardingProblem(
  settings: Pick<DatabaseSettings, "mode" | "service" | "engine" | "engineVersion" | "globalWriteForwarding">,
): string | undefined {
  if (settings.mode !== "aurora-global" || settings.service !== "aurora" || !settings.globalWriteForwarding) return undefined;
  const engine = rdsEngineName(settings.service, settings.engine) as "aurora-postgresql" | "aurora-mysql";
  const version = parseEngineVersion(engine, settings.engineVersion);
  if ("problem" in version) return undefined;
  const minimum = WRITE_FORWARDING_MINIMUM_VERSIONS[engine][version.major];
  if (minimum !== undefined && compareVersions(version.comparable, minimum) >= 0) return undefined;
  return `is on, but ${engine} ${settings.engineVersion} cannot forward writes from a secondary cluster; it needs ${minimum ?? "a newer major"} or later (raise database.engineVersion, or set globalWriteForwarding false)`;
}

/**
 * How a region's tiers write to the database: `local` (the region holds the writer), `forwarded`
 * (a secondary cluster of an Aurora global database with write forwarding on) or `none` (a read
 * replica: writes go to the primary region).
 */
export type DatabaseWriteMode = "local" | "forwarded" | "none";

/** The write mode of a region's database member. */
export function databaseWriteMode(settings: Pick<DatabaseSettings, "mode" | "globalWriteForwarding">, role: "primary" | "secondary"): DatabaseWriteMode {
  if (role === "primary") return "local";
  return settings.mode === "aurora-global" && settings.globalWriteForwarding ? "forwarded" : "none";
}

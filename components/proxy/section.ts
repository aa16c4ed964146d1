/**
 * `blueprint:proxy`: the RDS Proxy in front of every region's database member, and its rules with
 * the database it fronts (`lib/proxyRules.ts`).
 */
import { databaseSection } from "../database/section";
import { section } from "../lib/settings";
import { proxySettingsProblems, type ProxySettings } from "./lib/proxyRules";
import { proxyKeys } from "./settings";

/** The `proxy` section of a stack file. */
export const proxySection = section("proxy", {
  description:
    "Connection pooling: an RDS Proxy in front of every region's database member (read-write in the primary, read-only endpoints for Aurora secondaries), IAM authentication and TLS required, reachable from the web and worker tiers only.",
  keys: proxyKeys,
  check: (settings: ProxySettings, scope) => {
    const database = scope.section(databaseSection);
    return proxySettingsProblems(settings, {
      database,
      regions: database.mode === "single-region" ? scope.regions.slice(0, 1).map((region) => region.name) : scope.regions.map((region) => region.name),
      namePrefix: scope.namePrefix,
      shards: database.shards,
    });
  },
});

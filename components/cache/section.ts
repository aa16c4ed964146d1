/**
 * `blueprint:cache`: the settings (`settings.ts`) and the rules their resolved values must satisfy
 * together (ElastiCache and Global Datastore limits, `lib/cacheRules.ts`), at the key each rule is about.
 */
import { section } from "../lib/settings";
import { partialCacheSettingsProblems } from "./lib/cacheRules";
import { cacheKeys } from "./settings";

/** The `cache` section of a stack file. */
export const cacheSection = section("cache", {
  description: "The ElastiCache (Valkey/Redis OSS) cache of every region: TLS, AUTH, encryption with the region's key, snapshots and slow logs always on.",
  keys: cacheKeys,
  check: (settings, scope) =>
    // every message names the value it is about (which may be a default the file does not show)
    partialCacheSettingsProblems(settings, {
      regions: scope.regions.map((region) => region.name),
      primaryRegion: scope.primaryRegion ?? "",
      namePrefix: scope.namePrefix,
    }),
});

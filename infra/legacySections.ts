/**
 * TRANSITIONAL: the sections still parsed by their `infra/<x>Config.ts` module, wrapped as engine
 * sections until their component declares them (then the entry and its module go).
 */
import type { z } from "zod";
import { webSection } from "../components/compute/section";
import { cacheSection } from "../components/cache/section";
import { group, type CheckScope, type DefaultScope, type Problem, type Section } from "../components/lib/settings";
import type { AnySetting } from "../components/lib/settings/setting";
import { CHAOS_NESTED_KEYS, checkChaos, chaosSchema, resolveChaos, type ChaosConfig, type ChaosStackFacts } from "./chaosConfig";
import { checkDatabase, DATABASE_NESTED_KEYS, databaseSchema, resolveDatabase, type DatabaseConfig } from "./databaseConfig";
import type { SectionContext } from "./sectionContext";

/** A section parsed by its legacy module: its zod schema and nested keys stand in for a declaration. */
export interface LegacySection<Value, Key extends string> extends Section<Value, Key> {
  readonly legacySchema: z.ZodObject;
  readonly legacyKeys: Readonly<Record<string, string[]>>;
}

const ctxOf = (scope: DefaultScope | CheckScope, known = true): SectionContext => ({
  ...(known ? { environment: scope.environment } : {}),
  regions: scope.regions,
  ...(scope.primaryRegion !== undefined ? { primaryRegion: scope.primaryRegion } : {}),
  namePrefix: scope.namePrefix,
});

function legacy<Value, const Key extends string>(
  key: Key,
  legacySchema: z.ZodObject,
  legacyKeys: Readonly<Record<string, string[]>>,
  resolve: (raw: unknown, scope: DefaultScope) => Value,
  check: (raw: unknown, scope: CheckScope) => readonly Problem[],
): LegacySection<Value, Key> {
  return {
    key,
    setting: group({}, { description: String(legacySchema.description ?? "") }) as unknown as AnySetting,
    // the legacy rules say per issue when the value is not worth printing
    showValues: true,
    legacySchema,
    legacyKeys,
    resolve,
    check: (_value, scope) => check(scope.raw, scope),
  };
}

export const databaseLegacySection = legacy<DatabaseConfig, "database">(
  "database",
  databaseSchema,
  DATABASE_NESTED_KEYS,
  (raw, scope) => resolveDatabase(raw, { ...ctxOf(scope), environment: scope.environment }),
  (raw, scope) => checkDatabase(raw, ctxOf(scope, scope.environmentKnown)),
);

/** What the chaos rules need to know of the data tier and the web tier, after defaults. */
function chaosFacts(scope: { section: DefaultScope["section"] }): ChaosStackFacts {
  const database = scope.section(databaseLegacySection);
  const cache = scope.section(cacheSection);
  const minSizes = Object.values(scope.section(webSection)).map((web) => web.minSize);
  return {
    database: { service: database.service, instanceCount: database.instanceCount, multiAz: database.multiAz, mode: database.mode },
    cache: { mode: cache.mode, replicasPerNodeGroup: cache.replicasPerNodeGroup, automaticFailover: cache.automaticFailover, multiAz: cache.multiAz },
    ...(minSizes.length > 0 ? { web: { minSize: Math.min(...minSizes) } } : {}),
  };
}

export const chaosLegacySection = legacy<ChaosConfig, "chaos">(
  "chaos",
  chaosSchema,
  CHAOS_NESTED_KEYS,
  (raw, scope) => resolveChaos(raw, { ...ctxOf(scope), environment: scope.environment }, chaosFacts(scope)),
  (raw, scope) => checkChaos(raw, ctxOf(scope, scope.environmentKnown), scope.environmentKnown ? chaosFacts(scope) : {}),
);

/** True for a section still parsed by its legacy module. */
export function isLegacy(section: Section<unknown, string>): section is LegacySection<unknown, string> {
  return "legacySchema" in section;
}

/**
 * TRANSITIONAL: the sections still parsed by their `infra/<x>Config.ts` module, wrapped as engine
 * sections until their component declares them (then the entry and its module go).
 */
import type { z } from "zod";
import { webSection } from "../components/compute/section";
import { domainSection } from "../components/dns/domainSection";
import { dnsNameProblem } from "../components/lib/dns";
import { group, type CheckScope, type DefaultScope, type Problem, type Section } from "../components/lib/settings";
import type { AnySetting } from "../components/lib/settings/setting";
import { CDN_NESTED_KEYS, cdnSchema, checkCdn, checkDns, DNS_NESTED_KEYS, dnsSchema, resolveCdn, resolveDns, type CdnConfig, type DnsConfig, type EdgeContext } from "./edgeConfig";
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

/** The domain and health path the edge's rules look at. */
function edgeOf(scope: CheckScope): EdgeContext {
  const domain = scope.section(domainSection);
  const path = Object.values(scope.section(webSection))[0]?.healthCheck.path;
  // a domain whose name is already reported invalid would only repeat that problem in every name derived from it
  return { ...(domain && dnsNameProblem(domain.name) === undefined ? { domain } : {}), ...(scope.environmentKnown && path !== undefined ? { healthCheckPath: path } : {}) };
}

export const cdnLegacySection = legacy<CdnConfig, "cdn">(
  "cdn",
  cdnSchema,
  CDN_NESTED_KEYS,
  (raw, scope) => resolveCdn(raw, { ...ctxOf(scope), environment: scope.environment }),
  (raw, scope) => checkCdn(raw, ctxOf(scope, scope.environmentKnown), edgeOf(scope)),
);

export const dnsLegacySection = legacy<DnsConfig, "dns">(
  "dns",
  dnsSchema,
  DNS_NESTED_KEYS,
  (raw, scope) => resolveDns(raw, { ...ctxOf(scope), environment: scope.environment }),
  (raw, scope) => checkDns(raw, ctxOf(scope, scope.environmentKnown), edgeOf(scope)),
);

/** True for a section still parsed by its legacy module. */
export function isLegacy(section: Section<unknown, string>): section is LegacySection<unknown, string> {
  return "legacySchema" in section;
}

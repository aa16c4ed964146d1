/**
 * Typed stack config: `parseConfig(raw)` validates the `blueprint:` keys of a stack file, reports
 * every problem at once, and applies the environment profile's defaults. Components never read
 * `pulumi.Config`; they receive parts of the `BlueprintConfig` this module returns.
 */
import * as pulumi from "@pulumi/pulumi";
import type { core } from "zod";
import { dnsNameProblem } from "../components/lib/dns";
import { physicalNamePrefix } from "../components/lib/naming";
import { resolveApp, type AppConfig } from "./appConfig";
import { checkAppConfigRules, type NamingContext } from "./appConfigRules";
import { ConfigError, valueAt, type ConfigIssue } from "./configIssues";
import { checkConfigRules } from "./configRules";
import { alarmsSchema, domainSchema, healthCheckSchema, loadBalancerSchema, queueSchema, webSchema, workerSchema } from "./appConfigSchema";
import { CONFIG_KEYS, CONFIG_NAMESPACE, stackConfigSchema, STRING_KEYS, type RawStackConfig } from "./configSchema";
import { PROFILES, type EnforcementLevel, type Environment, type NatStrategy } from "./profiles";
import { CACHE_NESTED_KEYS, checkCache, resolveCache, type CacheConfig } from "./cacheConfig";
import { CHAOS_NESTED_KEYS, checkChaos, resolveChaos, type ChaosConfig, type ChaosStackFacts } from "./chaosConfig";
import { checkDatabase, DATABASE_NESTED_KEYS, resolveDatabase, type DatabaseConfig } from "./databaseConfig";
import { CDN_NESTED_KEYS, checkCdn, checkDns, DNS_NESTED_KEYS, resolveCdn, resolveDns, type CdnConfig, type DnsConfig } from "./edgeConfig";
import { resolveDomain, resolveWeb } from "./appConfig";
import { sectionContext, type SectionContext } from "./sectionContext";

export { ConfigError } from "./configIssues";
export { CONFIG_NAMESPACE } from "./configSchema";

/** One region of the stack, validated. */
export interface RegionConfig {
  /** AWS region code. */
  readonly name: string;
  /** True for the one primary region. */
  readonly primary: boolean;
  /** The VPC's IPv4 CIDR. */
  readonly vpcCidr: string;
  /** The pinned AZ names, in stack-file order. */
  readonly availabilityZones: readonly string[];
}

/** Network settings after profile defaults. */
export interface NetworkConfig {
  /** NAT gateways per region. */
  readonly natGateways: NatStrategy;
  /** VPC flow log retention in days. */
  readonly flowLogRetentionDays: number;
}

/** The validated stack config with every default applied. */
export interface BlueprintConfig extends AppConfig {
  readonly environment: Environment;
  readonly owner: string;
  readonly costCenter: string;
  /** Regions in stack-file order. */
  readonly regions: readonly RegionConfig[];
  /** Name of the primary region. */
  readonly primaryRegion: string;
  readonly network: NetworkConfig;
  /** Pulumi `protect` on stateful resources. */
  readonly protect: boolean;
  /** Default enforcement of the policy pack for this stack. */
  readonly policyEnforcement: EnforcementLevel;
  /** Why the stack may run below its profile's minimums, when it does. */
  readonly resilienceWaiver?: string;
  /** Extra tags from the stack file. */
  readonly tags: Readonly<Record<string, string>>;
  /** The replicated database. */
  readonly database: DatabaseConfig;
  /** The cache. */
  readonly cache: CacheConfig;
  /** The CloudFront distribution, its static assets and WAF. */
  readonly cdn: CdnConfig;
  /** Route 53 health checks and records (used when the domain has a hosted zone). */
  readonly dns: DnsConfig;
  /** FIS experiment templates per region (off unless the stack enables them). */
  readonly chaos: ChaosConfig;
}

/** Naming used when a config is parsed outside a Pulumi program (tests, tools). */
export const DEFAULT_NAMING: NamingContext = { namePrefix: physicalNamePrefix("blueprint", "stack") };

/**
 * Validates the `blueprint:` keys of a stack (namespace already stripped: `{ environment, regions, … }`)
 * and returns the typed config with the environment profile's defaults applied.
 *
 * @param naming the physical-name prefix, so that name-length limits are checked. @default DEFAULT_NAMING
 * @throws ConfigError listing every problem, each with its key path, value and what is allowed.
 */
export function parseConfig(raw: unknown, naming: NamingContext = DEFAULT_NAMING): BlueprintConfig {
  const shape = stackConfigSchema.safeParse(raw);
  const issues: ConfigIssue[] = [
    ...(shape.success ? [] : shape.error.issues.flatMap((issue) => fromZodIssue(issue, raw))),
    ...checkConfigRules(raw),
    ...(isRecord(raw) ? [...checkAppConfigRules(raw, naming), ...checkSections(raw, sectionContext(raw, naming.namePrefix))] : []),
  ];
  if (issues.length > 0 || !shape.success) {
    throw new ConfigError(dedupe(issues), raw);
  }
  return applyProfile(shape.data, naming);
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** The rules of the data-tier and edge sections, each on its effective values. */
function checkSections(raw: Record<string, unknown>, ctx: SectionContext): ConfigIssue[] {
  // a domain whose name is already reported invalid would only repeat that problem in every name derived from it
  const domain = resolveDomain(raw.domain);
  const edge = {
    ...(domain && dnsNameProblem(domain.name) === undefined ? { domain } : {}),
    ...(ctx.environment ? { healthCheckPath: resolveWeb(raw.web, PROFILES[ctx.environment], []).healthCheck.path } : {}),
  };
  return [
    ...checkDatabase(raw.database, ctx),
    ...checkCache(raw.cache, ctx),
    ...checkCdn(raw.cdn, ctx, edge),
    ...checkDns(raw.dns, ctx, edge),
    ...checkChaos(raw.chaos, ctx, chaosFacts(raw, ctx)),
  ];
}

/** What the chaos rules need to know of the data tier and the web tier, after defaults. */
function chaosFacts(raw: Record<string, unknown>, ctx: SectionContext): ChaosStackFacts {
  if (!ctx.environment) return {};
  const withEnvironment = { ...ctx, environment: ctx.environment };
  const database = resolveDatabase(raw.database, withEnvironment);
  const cache = resolveCache(raw.cache, withEnvironment);
  const web = resolveWeb(raw.web, PROFILES[ctx.environment], ctx.regions);
  const minSizes = Object.values(web.capacityByRegion).map((capacity) => capacity.minSize);
  return {
    database: { service: database.service, instanceCount: database.instanceCount, multiAz: database.multiAz, mode: database.mode },
    cache: { mode: cache.mode, replicasPerNodeGroup: cache.replicasPerNodeGroup, automaticFailover: cache.automaticFailover, multiAz: cache.multiAz },
    ...(minSizes.length > 0 ? { web: { minSize: Math.min(...minSizes) } } : {}),
  };
}

function applyProfile(raw: RawStackConfig, naming: NamingContext): BlueprintConfig {
  const ctx = { ...sectionContext(raw as unknown as Record<string, unknown>, naming.namePrefix), environment: raw.environment };
  const profile = PROFILES[raw.environment];
  const regions = raw.regions.map((region) => ({
    name: region.name,
    primary: region.primary === true || raw.regions.length === 1,
    vpcCidr: region.vpcCidr,
    availabilityZones: [...region.availabilityZones],
  }));
  return {
    ...resolveApp(
      raw as unknown as Record<string, unknown>,
      profile,
      regions.map((region) => ({ name: region.name, azCount: region.availabilityZones.length })),
    ),
    environment: raw.environment,
    owner: raw.owner,
    costCenter: raw.costCenter,
    regions,
    primaryRegion: regions.find((region) => region.primary)!.name,
    network: {
      natGateways: raw.network?.natGateways ?? profile.natGateways,
      flowLogRetentionDays: raw.network?.flowLogRetentionDays ?? profile.logRetentionDays,
    },
    protect: raw.protect ?? profile.protect,
    policyEnforcement: profile.policyEnforcement,
    ...(raw.resilienceWaiver ? { resilienceWaiver: raw.resilienceWaiver.reason.trim() } : {}),
    tags: { ...(raw.tags ?? {}) },
    database: resolveDatabase(raw.database, ctx),
    cache: resolveCache(raw.cache, ctx),
    cdn: resolveCdn(raw.cdn, ctx),
    dns: resolveDns(raw.dns, ctx),
    chaos: resolveChaos(raw.chaos, ctx, chaosFacts(raw as unknown as Record<string, unknown>, ctx)),
  };
}

/** Turns one zod issue into config issues with messages that say what is allowed. */
function fromZodIssue(issue: core.$ZodIssue, raw: unknown): ConfigIssue[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `is not a known key; allowed here: ${allowedKeys(path).join(", ")}`,
        showValue: false,
      }));
    case "invalid_type":
      return [
        {
          path,
          message: valueAt(raw, path) === undefined ? `is required (${describeExpected(issue.expected)})` : `must be ${describeExpected(issue.expected)}`,
        },
      ];
    case "invalid_value":
      return [{ path, message: `must be one of ${issue.values.map(String).join(", ")}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "int":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "a map of keys to values";
    default:
      return expected;
  }
}

function allowedKeys(path: ReadonlyArray<string | number>): string[] {
  if (path.length === 0) return CONFIG_KEYS.map((key) => `${CONFIG_NAMESPACE}:${key}`);
  if (path[0] === "regions") return ["name", "primary", "vpcCidr", "availabilityZones"];
  if (path[0] === "network") return ["natGateways", "flowLogRetentionDays"];
  if (path[0] === "resilienceWaiver") return ["reason"];
  const nested = NESTED_KEYS[String(path[0])];
  if (nested) {
    const inner = path.slice(1).filter((part): part is string => typeof part === "string");
    return nested[inner.join(".")] ?? nested[""] ?? [];
  }
  return [];
}

/** Keys allowed inside the application tier's sections, by section and sub-path. */
const NESTED_KEYS: Readonly<Record<string, Readonly<Record<string, string[]>>>> = {
  domain: { "": keysOf(domainSchema) },
  loadBalancer: { "": keysOf(loadBalancerSchema) },
  web: { "": keysOf(webSchema), healthCheck: keysOf(healthCheckSchema), spot: ["onDemandBaseCapacity", "spotPercentage"] },
  worker: { "": keysOf(workerSchema), spot: ["onDemandBaseCapacity", "spotPercentage"] },
  queues: { "": keysOf(queueSchema), deadLetter: ["type", "messageRetentionSeconds"] },
  alarms: { "": keysOf(alarmsSchema) },
  database: DATABASE_NESTED_KEYS,
  cache: CACHE_NESTED_KEYS,
  cdn: CDN_NESTED_KEYS,
  dns: DNS_NESTED_KEYS,
  chaos: CHAOS_NESTED_KEYS,
};

function keysOf(schema: { shape: Record<string, unknown> }): string[] {
  return Object.keys(schema.shape);
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join(".")}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads every `blueprint:` key of the current stack through Pulumi's config and parses it.
 * Values arrive as strings; lists and maps are JSON, as Pulumi stores them.
 */
export function loadConfig(): BlueprintConfig {
  const naming = { namePrefix: physicalNamePrefix(pulumi.getProject(), pulumi.getStack()) };
  const prefix = `${CONFIG_NAMESPACE}:`;
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (!key.startsWith(prefix)) continue;
    const name = key.slice(prefix.length);
    raw[name] = STRING_KEYS.has(name) ? value : decodeConfigValue(value);
  }
  return parseConfig(raw, naming);
}

/** Pulumi hands config values over as strings; structured values and booleans are JSON-encoded. */
export function decodeConfigValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

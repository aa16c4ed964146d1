/**
 * Argument checks of the cache components, run in the constructor before any child is declared.
 * Values that are Pulumi Outputs are not unwrapped: a plain string is checked, anything else is
 * left to AWS.
 */
import { regionInfo } from "../../lib/regions";
import { cacheAlarmSpecs, type CacheRole } from "./cacheAlarms";
import { identifierProblems, MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH, replicationGroupId } from "./cacheNames";
import { cacheSettingsProblems, GLOBAL_DATASTORE_REGIONS, type CacheSettings } from "./cacheRules";
import { alarmSpecProblems } from "../../observability/lib/alarms";

/** The roles a replication group can have. */
export const CACHE_ROLES: readonly CacheRole[] = ["primary", "secondary", "standalone"];

/** A KMS key ARN (not an alias: ElastiCache takes a key); group 1 is the region. */
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:key\/[A-Za-z0-9-]+$/;

/** The checked part of the RegionalCache arguments. */
export interface RegionalCacheArgsToValidate {
  readonly region: string;
  readonly role: string;
  readonly settings: CacheSettings;
  readonly namePrefix: string;
  readonly availabilityZones: readonly string[];
  /** Checked when it is a plain string. */
  readonly kmsKeyArn?: unknown;
  /** Only whether it is given. */
  readonly globalReplicationGroupId?: unknown;
}

/**
 * Every problem with the RegionalCache arguments, one line each: the region, the role and its
 * agreement with the mode and the Global Datastore ID, the settings (prefixed `settings.`), the
 * availability zones (of the region, enough for the nodes' spread and for Multi-AZ), a KMS key
 * from the same region, the derived replication group ID and every alarm's CloudWatch rules.
 */
export function regionalCacheArgProblems(args: RegionalCacheArgsToValidate): string[] {
  const problems: string[] = [];
  const { region, role, settings } = args;
  if (!regionInfo(region)) problems.push(`region must be a known AWS region, got ${JSON.stringify(region)}`);
  if (!(CACHE_ROLES as readonly string[]).includes(role)) {
    problems.push(`role must be "primary", "secondary" or "standalone", got ${JSON.stringify(role)}`);
  }
  const global = role === "primary" || role === "secondary";
  if (global && settings.mode !== "global") {
    problems.push(`role ${JSON.stringify(role)} is a Global Datastore member but settings.mode is ${JSON.stringify(settings.mode)}; use role "standalone"`);
  }
  if (role === "standalone" && settings.mode !== "regional") {
    problems.push(`role "standalone" needs settings.mode "regional", got ${JSON.stringify(settings.mode)}`);
  }
  if (global && !GLOBAL_DATASTORE_REGIONS.has(region)) problems.push(`region ${region} does not offer Global Datastores`);
  if (role === "secondary" && args.globalReplicationGroupId === undefined) {
    problems.push("globalReplicationGroupId is required for a secondary: it names the Global Datastore to join");
  }
  if (role !== "secondary" && args.globalReplicationGroupId !== undefined) {
    problems.push(
      `globalReplicationGroupId is only for a secondary; a ${role} creates its group on its own (the Global Datastore is created from the primary)`,
    );
  }

  for (const problem of cacheSettingsProblems(settings, { regions: [region], primaryRegion: region, namePrefix: args.namePrefix })) {
    problems.push(problem.field === "" ? problem.message : `settings.${problem.field} ${problem.message}`);
  }

  const zones = args.availabilityZones;
  if (zones.length === 0) problems.push("availabilityZones must list at least one AZ of the region");
  const foreign = zones.filter((zone) => !zone.startsWith(region) || !/^[a-z]$/.test(zone.slice(region.length)));
  if (foreign.length > 0) problems.push(`availabilityZones must be AZs of ${region}, got ${foreign.map((zone) => JSON.stringify(zone)).join(", ")}`);
  if (new Set(zones).size !== zones.length) problems.push(`availabilityZones lists an AZ twice: ${zones.join(", ")}`);
  if (settings.multiAz && new Set(zones).size < 2) {
    problems.push(`settings.multiAz needs at least 2 availabilityZones to place a replica apart from the primary, got ${zones.length}`);
  }

  if (typeof args.kmsKeyArn === "string") {
    const match = KMS_KEY_ARN.exec(args.kmsKeyArn);
    if (!match || match[1] !== region) {
      problems.push(
        `kmsKeyArn must be the ARN of a KMS key in ${region} (ElastiCache encrypts with a key of the group's own region), got ${JSON.stringify(args.kmsKeyArn)}`,
      );
    }
  }

  if (problems.length === 0) {
    const id = replicationGroupId(args.namePrefix, region);
    const specs = cacheAlarmSpecs({
      region,
      namePrefix: args.namePrefix,
      replicationGroupId: id,
      nodeCount: 1 + settings.replicasPerNodeGroup,
      role: role as CacheRole,
      thresholds: settings.alarms,
    });
    for (const spec of specs) problems.push(...alarmSpecProblems(spec));
  }
  return problems;
}

/** The checked part of the CacheGlobalDatastore arguments. */
export interface GlobalDatastoreArgsToValidate {
  readonly region: string;
  readonly idSuffix: string;
  readonly settings: CacheSettings;
}

/**
 * Every problem with the CacheGlobalDatastore arguments: the primary region (known, offering Global
 * Datastores), the ID suffix's identifier rules and the settings (mode "global" and the Global
 * Datastore's engine and node type limits).
 */
export function globalDatastoreArgProblems(args: GlobalDatastoreArgsToValidate): string[] {
  const problems: string[] = [];
  if (!regionInfo(args.region)) problems.push(`region must be a known AWS region, got ${JSON.stringify(args.region)}`);
  else if (!GLOBAL_DATASTORE_REGIONS.has(args.region)) problems.push(`region ${args.region} does not offer Global Datastores`);
  for (const rule of identifierProblems(args.idSuffix, MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH)) {
    problems.push(`idSuffix ${JSON.stringify(args.idSuffix)} ${rule} (AWS puts a 5-letter region prefix and a hyphen before it)`);
  }
  if (args.settings.mode !== "global") problems.push(`settings.mode must be "global" for a Global Datastore, got ${JSON.stringify(args.settings.mode)}`);
  for (const problem of cacheSettingsProblems(args.settings, { regions: [args.region], primaryRegion: args.region, namePrefix: "" })) {
    problems.push(`settings.${problem.field} ${problem.message}`);
  }
  return problems;
}

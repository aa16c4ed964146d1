/**
 * The cache settings a stack chooses and every AWS rule they must satisfy, checked offline before
 * any replication group is declared.
 *
 * ElastiCache rejects most of these only when `pulumi up` calls CreateReplicationGroup or
 * CreateGlobalReplicationGroup, often after the primary region's group took fifteen minutes to
 * create. Every limit is a constant here (or in `engineVersions.ts`, `nodeTypes.ts`,
 * `windows.ts`, `cacheNames.ts`), so a changed AWS limit (`[volatile]`) is a one-line edit.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html
 */
import type { IntegerRange } from "../../lib/ranges";
export type { IntegerRange } from "../../lib/ranges";
import { isLogRetention, LOG_RETENTION_DAYS } from "../../lib/logRetention";
import type { FieldProblem } from "../../lib/ranges";
import type { CacheAlarmThresholds, CacheSettings } from "../settings";
import {
  AUTH_ROTATION_DAYS,
  CACHE_MODES,
  GLOBAL_DATASTORE_MAX_REGIONS,
  GLOBAL_DATASTORE_MAX_SECONDARY_REGIONS,
  GLOBAL_DATASTORE_MIN_VERSIONS,
  GLOBAL_DATASTORE_REGIONS,
  MAX_REPLICATION_LAG_SECONDS,
  PORT_RANGE,
  REPLICAS_PER_NODE_GROUP,
  SNAPSHOT_RETENTION_DAYS,
} from "./limits";
import { globalDatastoreIdSuffix, identifierProblems, MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH, replicationGroupId } from "./cacheNames";
import { atLeast, CACHE_ENGINES, ENGINE_LABELS, ENGINE_VERSIONS, isCacheEngine, SLOW_LOG_MIN_VERSIONS } from "./engineVersions";
import { globalDatastoreNodeTypeProblem, nodeTypeEngineProblem, parseNodeType } from "./nodeTypes";
import { parseDailyWindow, parseWeeklyWindow, windowsOverlap } from "./windows";

export { CACHE_ENGINES, type CacheEngine } from "./engineVersions";
export type { CacheAlarmThresholds, CacheSettings } from "../settings";
export { CACHE_MODES, GLOBAL_DATASTORE_REGIONS, type CacheMode } from "./limits";
export type { FieldProblem } from "../../lib/ranges";

/** Settings as far as they are known (a stack file whose environment is unknown has no profile). */
export type PartialCacheSettings = Partial<Omit<CacheSettings, "alarms">> & { readonly alarms?: Partial<CacheAlarmThresholds> };

/** The stack around the settings. */
export interface CacheSettingsContext {
  /** Every region of the stack. */
  readonly regions: readonly string[];
  /**
   * The primary region (the Global Datastore's primary); empty when unknown. No rule needs it
   * today: every Global Datastore limit applies to all regions alike.
   */
  readonly primaryRegion: string;
  /** `<project>-<stack>`, lowercase: the prefix of physical names. */
  readonly namePrefix: string;
}

/**
 * AUTH token rules: 16 to 128 printable ASCII characters, of which the only non-alphanumeric ones
 * ElastiCache accepts are `! & # $ ^ < > -`. `[volatile]`
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
 */
export const AUTH_TOKEN_LENGTH: IntegerRange = { min: 16, max: 128 };
export const AUTH_TOKEN_SPECIALS = "!&#$^<>-";

/** How the AUTH token is generated (`random.RandomPassword` arguments). */
export interface AuthTokenRules {
  readonly length: number;
  /** The only special characters the token may contain. */
  readonly overrideSpecial: string;
  readonly special: true;
  /** At least one character of each class: AWS recommends three classes or more. */
  readonly minUpper: number;
  readonly minLower: number;
  readonly minNumeric: number;
  readonly minSpecial: number;
}

/**
 * The generated AUTH token: 64 characters (inside AWS's 16 to 128), letters, digits and the
 * specials `!`, `^` and `-`. Those three are a subset of what ElastiCache accepts, chosen because
 * none of them needs quoting in a shell, a `redis://` URL or an environment file (`#`, `&`, `$`,
 * `<` and `>` all do somewhere), so a client cannot mangle the token. About 380 bits of entropy.
 */
export function authTokenRules(): AuthTokenRules {
  return { length: 64, overrideSpecial: "!^-", special: true, minUpper: 1, minLower: 1, minNumeric: 1, minSpecial: 1 };
}

/** Why ElastiCache would refuse `token` as an AUTH token (empty when it accepts it). */
export function authTokenProblems(token: string): string[] {
  const problems: string[] = [];
  if (token.length < AUTH_TOKEN_LENGTH.min || token.length > AUTH_TOKEN_LENGTH.max) {
    problems.push(`must be ${AUTH_TOKEN_LENGTH.min} to ${AUTH_TOKEN_LENGTH.max} characters, is ${token.length}`);
  }
  const refused = [...new Set([...token].filter((char) => !/[A-Za-z0-9]/.test(char) && !AUTH_TOKEN_SPECIALS.includes(char)))];
  if (refused.length > 0) {
    problems.push(
      `contains ${refused.map((char) => JSON.stringify(char)).join(", ")}; the only special characters allowed are ${AUTH_TOKEN_SPECIALS.split("").join(" ")}`,
    );
  }
  return problems;
}

type SettingsKey = keyof CacheSettings;

/** One rule: the settings it reads (it runs only when all of them are known) and its check. */
interface Rule {
  readonly needs: readonly SettingsKey[];
  readonly check: (settings: PartialCacheSettings, ctx: CacheSettingsContext) => FieldProblem[];
}

const show = (value: unknown): string => JSON.stringify(value);

function integerProblem(field: string, value: number, range: IntegerRange, meaning: string): FieldProblem[] {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return [];
  return [{ field, message: `must be a whole number from ${range.min} to ${range.max} (${meaning}); got ${show(value)}` }];
}

/** The node type's problems on its own, with the engine when known. */
function nodeTypeProblems(s: PartialCacheSettings): FieldProblem[] {
  const parsed = parseNodeType(s.nodeType!);
  if ("problem" in parsed) return [{ field: "nodeType", message: parsed.problem }];
  if (s.engine === undefined || s.engineVersion === undefined || !isCacheEngine(s.engine)) return [];
  if (!ENGINE_VERSIONS[s.engine].includes(s.engineVersion)) return [];
  const problem = nodeTypeEngineProblem(parsed, s.engine, s.engineVersion);
  return problem ? [{ field: "nodeType", message: problem }] : [];
}

const RULES: readonly Rule[] = [
  {
    needs: ["authRotationDays"],
    check: (s) =>
      integerProblem(
        "authRotationDays",
        s.authRotationDays!,
        AUTH_ROTATION_DAYS,
        "days between rotations; 0 turns rotation off, Secrets Manager rotates every 1 to 1000 days",
      ),
  },
  {
    // TLS and AUTH are always on for the blueprint's groups, so the only precondition is a cache
    needs: ["authRotationDays", "mode"],
    check: (s) =>
      s.mode === "none" && s.authRotationDays! > 0
        ? [
            {
              field: "authRotationDays",
              message: `is ${s.authRotationDays} but mode is "none": there is no AUTH token to rotate (set 0, or choose a cache mode)`,
            },
          ]
        : [],
  },
  {
    needs: ["mode"],
    check: (s) =>
      (CACHE_MODES as readonly string[]).includes(s.mode!)
        ? []
        : [{ field: "mode", message: `must be ${CACHE_MODES.map(show).join(", ")}; got ${show(s.mode)}` }],
  },
  {
    needs: ["mode"],
    check: (s, ctx) => {
      if (s.mode !== "global" || ctx.regions.length === 0) return [];
      const problems: FieldProblem[] = [];
      if (ctx.regions.length > GLOBAL_DATASTORE_MAX_REGIONS) {
        problems.push({
          field: "mode",
          message:
            `is "global" but the stack has ${ctx.regions.length} regions (${ctx.regions.join(", ")}); a Global Datastore has one ` +
            `primary region and at most ${GLOBAL_DATASTORE_MAX_SECONDARY_REGIONS} secondary regions (run at most ` +
            `${GLOBAL_DATASTORE_MAX_REGIONS} regions, or use mode "regional")`,
        });
      }
      const unsupported = ctx.regions.filter((region) => !GLOBAL_DATASTORE_REGIONS.has(region));
      if (unsupported.length > 0) {
        problems.push({
          field: "mode",
          message: `is "global" but ${unsupported.join(", ")} ${unsupported.length === 1 ? "does" : "do"} not offer Global Datastores (use mode "regional")`,
        });
      }
      return problems;
    },
  },
  {
    needs: ["engine"],
    check: (s) => (isCacheEngine(s.engine) ? [] : [{ field: "engine", message: `must be ${CACHE_ENGINES.map(show).join(" or ")}; got ${show(s.engine)}` }]),
  },
  {
    needs: ["engine", "engineVersion"],
    check: (s) => {
      if (!isCacheEngine(s.engine)) return [];
      const versions = ENGINE_VERSIONS[s.engine];
      if (!versions.includes(s.engineVersion!)) {
        return [
          {
            field: "engineVersion",
            message: `${ENGINE_LABELS[s.engine]} ${show(s.engineVersion)} is not a version ElastiCache creates; choose one of ${versions.join(", ")}`,
          },
        ];
      }
      return [];
    },
  },
  {
    needs: ["engine", "engineVersion"],
    check: (s) => {
      if (s.mode === "none" || !isCacheEngine(s.engine) || !ENGINE_VERSIONS[s.engine].includes(s.engineVersion!)) return [];
      const minimum = SLOW_LOG_MIN_VERSIONS[s.engine];
      if (atLeast(s.engineVersion!, minimum)) return [];
      return [
        {
          field: "engineVersion",
          message:
            `${ENGINE_LABELS[s.engine]} ${s.engineVersion} cannot deliver its slow log to CloudWatch Logs, which every replication group ` +
            `of the blueprint does; ElastiCache delivers logs from ${ENGINE_LABELS[s.engine]} ${minimum} on (choose ${minimum} or later)`,
        },
      ];
    },
  },
  {
    needs: ["engine", "engineVersion", "mode"],
    check: (s) => {
      if (s.mode !== "global" || !isCacheEngine(s.engine) || !ENGINE_VERSIONS[s.engine].includes(s.engineVersion!)) return [];
      const minimum = GLOBAL_DATASTORE_MIN_VERSIONS[s.engine];
      if (atLeast(s.engineVersion!, minimum)) return [];
      return [
        {
          field: "engineVersion",
          message: `${ENGINE_LABELS[s.engine]} ${s.engineVersion} cannot form a Global Datastore (mode "global"), which needs ${ENGINE_LABELS[s.engine]} ${minimum} or later`,
        },
      ];
    },
  },
  { needs: ["nodeType"], check: (s) => nodeTypeProblems(s) },
  {
    needs: ["nodeType", "mode"],
    check: (s) => {
      if (s.mode !== "global") return [];
      const parsed = parseNodeType(s.nodeType!);
      if ("problem" in parsed) return [];
      const problem = globalDatastoreNodeTypeProblem(parsed);
      return problem ? [{ field: "nodeType", message: `${problem} (mode "global")` }] : [];
    },
  },
  {
    needs: ["replicasPerNodeGroup"],
    check: (s) => integerProblem("replicasPerNodeGroup", s.replicasPerNodeGroup!, REPLICAS_PER_NODE_GROUP, "read replicas besides the primary node"),
  },
  {
    needs: ["automaticFailover", "replicasPerNodeGroup"],
    check: (s) =>
      s.automaticFailover && s.replicasPerNodeGroup === 0
        ? [
            {
              field: "automaticFailover",
              message:
                "is true but replicasPerNodeGroup is 0; failover promotes a replica, so it needs at least 1 (add a replica or set automaticFailover to false)",
            },
          ]
        : [],
  },
  {
    needs: ["multiAz", "automaticFailover"],
    check: (s) =>
      s.multiAz && !s.automaticFailover
        ? [{ field: "multiAz", message: "is true but automaticFailover is false; ElastiCache enables Multi-AZ only with automatic failover" }]
        : [],
  },
  {
    needs: ["multiAz", "replicasPerNodeGroup"],
    check: (s) =>
      s.multiAz && s.replicasPerNodeGroup === 0
        ? [
            {
              field: "multiAz",
              message: "is true but replicasPerNodeGroup is 0; Multi-AZ needs a replica in another AZ (add a replica or set multiAz to false)",
            },
          ]
        : [],
  },
  { needs: ["port"], check: (s) => integerProblem("port", s.port!, PORT_RANGE, "a TCP port") },
  {
    needs: ["snapshotRetentionDays"],
    check: (s) => integerProblem("snapshotRetentionDays", s.snapshotRetentionDays!, SNAPSHOT_RETENTION_DAYS, "days; 0 turns automatic snapshots off"),
  },
  {
    needs: ["snapshotWindow"],
    check: (s) => {
      const parsed = parseDailyWindow(s.snapshotWindow!);
      return "problem" in parsed ? [{ field: "snapshotWindow", message: parsed.problem }] : [];
    },
  },
  {
    needs: ["maintenanceWindow"],
    check: (s) => {
      const parsed = parseWeeklyWindow(s.maintenanceWindow!);
      return "problem" in parsed ? [{ field: "maintenanceWindow", message: parsed.problem }] : [];
    },
  },
  {
    needs: ["snapshotWindow", "maintenanceWindow"],
    check: (s) => {
      const snapshot = parseDailyWindow(s.snapshotWindow!);
      const maintenance = parseWeeklyWindow(s.maintenanceWindow!);
      if ("problem" in snapshot || "problem" in maintenance || !windowsOverlap(snapshot, maintenance)) return [];
      return [
        {
          field: "snapshotWindow",
          message:
            `${s.snapshotWindow} overlaps the maintenance window ${s.maintenanceWindow} (the snapshot window recurs daily); ` +
            "ElastiCache requires the two not to overlap (move one of them)",
        },
      ];
    },
  },
  {
    needs: ["slowLogRetentionDays"],
    check: (s) =>
      isLogRetention(s.slowLogRetentionDays!)
        ? []
        : [
            {
              field: "slowLogRetentionDays",
              message: `must be one of CloudWatch Logs' retention periods (${LOG_RETENTION_DAYS.join(", ")} days); got ${show(s.slowLogRetentionDays)}`,
            },
          ],
  },
  { needs: ["alarms"], check: (s) => alarmProblems(s.alarms!) },
  {
    needs: ["mode"],
    check: (s, ctx) => (s.mode === "none" ? [] : derivedNameProblems(s.mode!, ctx)),
  },
];

function percentProblem(field: string, value: number | undefined): FieldProblem[] {
  if (value === undefined || (typeof value === "number" && value > 0 && value <= 100)) return [];
  return [{ field, message: `must be a percentage above 0 and at most 100; got ${show(value)}` }];
}

function alarmProblems(alarms: Partial<CacheAlarmThresholds>): FieldProblem[] {
  const problems = [...percentProblem("alarms.cpuPercent", alarms.cpuPercent), ...percentProblem("alarms.memoryPercent", alarms.memoryPercent)];
  if (alarms.replicationLagSeconds !== undefined) {
    problems.push(
      ...integerProblem("alarms.replicationLagSeconds", alarms.replicationLagSeconds, { min: 1, max: MAX_REPLICATION_LAG_SECONDS }, "seconds, at most a day"),
    );
  }
  return problems;
}

/** The names the stack's name prefix yields: each region's replication group ID and the Global Datastore suffix. */
function derivedNameProblems(mode: string, ctx: CacheSettingsContext): FieldProblem[] {
  if (ctx.namePrefix === "") return [];
  const problems: FieldProblem[] = [];
  // one line per broken rule, naming every ID that breaks it (a prefix problem hits all regions)
  const idsByRule = new Map<string, string[]>();
  for (const region of ctx.regions) {
    const id = replicationGroupId(ctx.namePrefix, region);
    for (const rule of identifierProblems(id)) idsByRule.set(rule, [...(idsByRule.get(rule) ?? []), id]);
  }
  for (const [rule, ids] of idsByRule) {
    const subject = ids.length === 1 ? `the replication group ID ${show(ids[0])}` : `the replication group IDs ${ids.map(show).join(", ")}`;
    problems.push({ field: "", message: `${subject} derived from the name prefix ${show(ctx.namePrefix)} ${rule} (rename the project or stack)` });
  }
  if (mode === "global") {
    const suffix = globalDatastoreIdSuffix(ctx.namePrefix);
    for (const rule of identifierProblems(suffix, MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH)) {
      problems.push({
        field: "",
        message: `the Global Datastore ID suffix ${show(suffix)} derived from the name prefix ${show(ctx.namePrefix)} ${rule} (rename the project or stack)`,
      });
    }
  }
  return problems;
}

/**
 * Every problem with the settings that are known, in rule order: a rule runs only when every
 * setting it reads is present, so a stack file without an environment (no profile defaults) is
 * still checked as far as it goes. Fields are paths inside the settings (`alarms.cpuPercent`), ""
 * for names derived from the stack's name prefix; messages say what was given and what is allowed.
 */
export function partialCacheSettingsProblems(settings: PartialCacheSettings, ctx: CacheSettingsContext): FieldProblem[] {
  return RULES.filter((rule) => rule.needs.every((key) => settings[key] !== undefined)).flatMap((rule) => rule.check(settings, ctx));
}

/**
 * Every problem with complete settings (defaults applied), empty when ElastiCache would accept
 * them in every region of the stack. Covers the mode and the Global Datastore's limits (at most 3
 * regions, supported regions, engine version, node family and size), engine and version, the node
 * type and its minimum engine version, replicas 0 to 5, failover and Multi-AZ needing a replica
 * (and Multi-AZ needing failover), the port, snapshot retention 0 to 35, both windows' format and
 * 60-minute minimum and their overlap, the slow-log retention, the alarm thresholds, and the
 * replication group IDs and Global Datastore suffix derived from the name prefix.
 */
export function cacheSettingsProblems(settings: CacheSettings, ctx: CacheSettingsContext): FieldProblem[] {
  return partialCacheSettingsProblems(settings, ctx);
}

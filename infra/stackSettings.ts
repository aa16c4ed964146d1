/**
 * The stack's own keys, at the top of the `blueprint:` namespace: its environment, owner and cost
 * centre, its regions with their VPC ranges and pinned AZs, the resilience waiver, `protect` and
 * extra tags; and the rules they must satisfy (AWS's region and AZ tables, CIDR maths, the subnet
 * layout's size, disjoint regions, tags AWS accepts, the environment's minimums).
 *
 * Every rule reads the raw stack file defensively (any part may be malformed) so that all problems
 * are found in one pass, alongside the shape errors the schema reports.
 */
import { formatCidr, isRfc1918, overlaps, parseCidr, type Cidr } from "../components/lib/cidr";
import { isRecord, isString } from "../components/lib/guards";
import { REGION_NAMES, regionInfo, suggestRegions } from "../components/lib/regions";
import {
  choice,
  flag,
  fromEnvironment,
  group,
  list,
  map,
  section,
  text,
  type CheckScope,
  type Environment,
  type GroupValue,
  type Problem,
} from "../components/lib/settings";
import { ENVIRONMENTS, isEnvironment } from "../components/lib/settings/environment";
import { AZ_SLOT_LETTERS, MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../components/lib/subnetLayout";
import { COMPONENT_TAG_KEYS, MAX_EXTRA_TAGS, MAX_TAGS_PER_RESOURCE, STANDARD_TAG_KEYS, tagKeyProblem, tagValueProblem } from "../components/lib/tags";
import type { EnforcementLevel } from "../components/lib/settings/environment";

/** Fewest and most AZs a region may use. */
export const MIN_AZS = 2;
export const MAX_AZS = 6;

/** Shortest waiver reason accepted, so that "n/a" is not a reason. */
export const MIN_WAIVER_REASON_LENGTH = 20;

const region = group(
  {
    name: text({ description: "AWS region code, e.g. eu-west-1.", required: true, jsonSchema: { enum: [...REGION_NAMES] } }),
    primary: flag({
      description: "Marks the primary region (database writer, cache primary, the write routes' region). Exactly one region is primary.",
      optional: true,
      absentMeans: "false; a single-region stack's region is primary",
    }),
    vpcCidr: text({
      description: `IPv4 CIDR of the region's VPC: inside an RFC 1918 range, /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}, disjoint from every other region's. Each AZ gets a fixed eighth of it by AZ letter.`,
      required: true,
      jsonSchema: { pattern: "^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}/(1[6-9]|2[01])$" },
    }),
    availabilityZones: list(text({ description: "", required: true, jsonSchema: { pattern: "^[a-z]{2}(-[a-z]+)+-\\d[a-h]$" } }), {
      description: `${MIN_AZS} to ${MAX_AZS} AZ names of this region, e.g. [eu-west-1a, eu-west-1b]. Append new AZs at the end: awsx names subnets by position.`,
      required: true,
      length: { min: MIN_AZS, max: MAX_AZS },
      unique: true,
    }),
  },
  { description: "One region of the stack: its VPC range and pinned availability zones." },
);

/** The stack's own keys. */
export const stackKeys = {
  environment: choice(ENVIRONMENTS, { description: "Environment profile the stack starts from: dev, staging or prod.", required: true }),
  owner: text({ description: "Team that owns the stack; becomes the Owner tag.", required: true }),
  costCenter: text({ description: "Cost centre billed for the stack; becomes the CostCenter tag.", required: true }),
  regions: list(region, { description: "The regions the application runs in, each with its VPC CIDR and AZs.", required: true }),
  resilienceWaiver: group(
    {
      reason: text({
        description: `Why this stack may run below its environment's minimum regions or AZs (at least ${MIN_WAIVER_REASON_LENGTH} characters).`,
        required: true,
      }),
    },
    {
      description: "Allows fewer regions or AZs than the environment profile requires; the reason is recorded in the plan.",
      optional: true,
      absentMeans: "none (the environment's minimums apply)",
    },
  ),
  writerRegion: text({
    description:
      "The region whose database is the global writer now, after a switchover (`npm run switchover` sets it): the write routes, the Region switch plan and the writer guard follow it. The primary region keeps the stack's global resources (global cluster, data key, secrets, static bucket), so a switchover replaces nothing.",
    optional: true,
    absentMeans: "the primary region",
  }),
  protect: flag({ description: "Pulumi protect on stateful resources.", default: fromEnvironment("protect", "the environment's protection") }),
  tags: map(text({ description: "", required: true }), {
    description: `Extra tags for every taggable resource. The standard keys (${STANDARD_TAG_KEYS.join(", ")}) are reserved.`,
    default: {},
  }),
};

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

/** The stack's own keys after defaults. */
export interface StackValues {
  readonly environment: Environment;
  readonly owner: string;
  readonly costCenter: string;
  /** Regions in stack-file order. */
  readonly regions: readonly RegionConfig[];
  /** Name of the primary region. */
  readonly primaryRegion: string;
  /** The region whose database is the global writer now (the primary region until a switchover). */
  readonly writerRegion: string;
  /** Pulumi `protect` on stateful resources. */
  readonly protect: boolean;
  /** Default enforcement of the policy pack for this stack. */
  readonly policyEnforcement: EnforcementLevel;
  /** Why the stack may run below its profile's minimums, when it does. */
  readonly resilienceWaiver?: string;
  /** Extra tags from the stack file. */
  readonly tags: Readonly<Record<string, string>>;
}

/** The stack's own keys, at the top of the namespace. */
export const stackSection = section("", {
  description: "Stack config of the multi-region blueprint.",
  keys: stackKeys,
  showValues: true,
  finish: (values: GroupValue<typeof stackKeys>, scope): StackValues => {
    const regions = (values.regions ?? []).map((entry) => ({
      name: entry.name,
      primary: entry.primary === true || values.regions.length === 1,
      vpcCidr: entry.vpcCidr,
      availabilityZones: [...(entry.availabilityZones ?? [])],
    }));
    const reason = values.resilienceWaiver?.reason.trim();
    return {
      environment: values.environment,
      owner: values.owner,
      costCenter: values.costCenter,
      regions,
      primaryRegion: regions.find((entry) => entry.primary)?.name ?? scope.primaryRegion ?? "",
      writerRegion: values.writerRegion ?? regions.find((entry) => entry.primary)?.name ?? scope.primaryRegion ?? "",
      protect: values.protect,
      policyEnforcement: scope.facts.policyEnforcement,
      ...(reason ? { resilienceWaiver: reason } : {}),
      tags: { ...values.tags },
    };
  },
  check: (_values, scope) => {
    const raw = scope.stack;
    return [...tagProblems(raw), ...regionProblems(raw), ...resilienceProblems(raw, scope), ...writerRegionProblems(raw)];
  },
});

type Raw = Readonly<Record<string, unknown>>;

/** The writer region must be one of the stack's regions (a switchover moves the writer between them). */
function writerRegionProblems(raw: Raw): Problem[] {
  const writer = raw.writerRegion;
  if (!isString(writer) || !Array.isArray(raw.regions)) return [];
  const names = raw.regions.flatMap((entry) => (isRecord(entry) && isString(entry.name) ? [entry.name] : []));
  return names.includes(writer) ? [] : [{ field: "writerRegion", message: `is not a region of the stack; allowed: ${names.join(", ")}` }];
}

function tagProblems(raw: Raw): Problem[] {
  const problems: Problem[] = [];
  for (const key of ["owner", "costCenter"] as const) {
    const value = raw[key];
    if (!isString(value)) continue;
    if (value.trim() === "") problems.push({ field: key, message: "must not be empty; it becomes a tag on every resource" });
    const problem = tagValueProblem(value);
    if (problem) problems.push({ field: key, message: `is not a valid tag value: it ${problem}` });
  }
  const tags = raw.tags;
  if (isRecord(tags)) {
    const count = Object.keys(tags).length;
    if (count > MAX_EXTRA_TAGS) {
      problems.push({
        field: "tags",
        message: `lists ${count} tags; at most ${MAX_EXTRA_TAGS} fit: AWS allows ${MAX_TAGS_PER_RESOURCE} per resource and the blueprint sets up to ${MAX_TAGS_PER_RESOURCE - MAX_EXTRA_TAGS} itself`,
        showValue: false,
      });
    }
    for (const [key, value] of Object.entries(tags)) {
      const path = ["tags", key];
      if ((STANDARD_TAG_KEYS as readonly string[]).includes(key)) {
        problems.push({ path, message: `redefines a standard tag; ${STANDARD_TAG_KEYS.join(", ")} are set by the blueprint (use owner/costCenter)` });
      } else if ((COMPONENT_TAG_KEYS as readonly string[]).includes(key)) {
        problems.push({
          path,
          message: `is a tag the blueprint sets on some resources (${COMPONENT_TAG_KEYS.join(", ")}); yours would be overwritten, choose another key`,
        });
      }
      const keyProblem = tagKeyProblem(key);
      if (keyProblem) problems.push({ path, message: `has an invalid tag key: it ${keyProblem}`, showValue: false });
      if (isString(value)) {
        const valueProblem = tagValueProblem(value);
        if (valueProblem) problems.push({ path, message: `is not a valid tag value: it ${valueProblem}` });
      }
    }
  }
  return problems;
}

function regionProblems(raw: Raw): Problem[] {
  const regions = raw.regions;
  if (!Array.isArray(regions)) return [];
  if (regions.length === 0) return [{ field: "regions", message: "must list at least one region" }];
  const problems: Problem[] = [];
  const seenNames = new Map<string, number>();
  const cidrs: Array<{ index: number; cidr: Cidr }> = [];
  regions.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    problems.push(...regionNameProblems(entry, index, seenNames));
    const cidr = vpcCidrOf(entry, index, problems);
    if (cidr) {
      for (const other of cidrs) {
        if (overlaps(other.cidr, cidr)) {
          problems.push({
            path: ["regions", index, "vpcCidr"],
            message: `overlaps regions[${other.index}].vpcCidr ${formatCidr(other.cidr)}; region VPCs must be disjoint so they can be peered`,
          });
        }
      }
      cidrs.push({ index, cidr });
    }
    problems.push(...availabilityZoneProblems(entry, index));
  });
  problems.push(...primaryProblems(regions));
  return problems;
}

function regionNameProblems(entry: Raw, index: number, seen: Map<string, number>): Problem[] {
  const name = entry.name;
  if (!isString(name)) return [];
  const problems: Problem[] = [];
  if (!regionInfo(name)) {
    const suggestions = suggestRegions(name);
    const hint = suggestions.length > 0 ? `did you mean ${suggestions.join(" or ")}? ` : "";
    problems.push({ path: ["regions", index, "name"], message: `is not a known AWS region; ${hint}known regions are listed in components/lib/regions.ts` });
  }
  const first = seen.get(name);
  if (first !== undefined) problems.push({ path: ["regions", index, "name"], message: `duplicates regions[${first}].name; each region may appear once` });
  else seen.set(name, index);
  return problems;
}

function vpcCidrOf(entry: Raw, index: number, problems: Problem[]): Cidr | undefined {
  const value = entry.vpcCidr;
  if (!isString(value)) return undefined;
  const path = ["regions", index, "vpcCidr"];
  const parsed = parseCidr(value);
  if (typeof parsed === "string") {
    problems.push({ path, message: parsed });
    return undefined;
  }
  if (!isRfc1918(parsed)) problems.push({ path, message: "must lie inside an RFC 1918 private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)" });
  if (parsed.prefix < MIN_VPC_PREFIX || parsed.prefix > MAX_VPC_PREFIX) {
    problems.push({
      path,
      message:
        parsed.prefix < MIN_VPC_PREFIX
          ? `is a /${parsed.prefix}; AWS accepts VPC blocks from /16 to /28`
          : `is a /${parsed.prefix}, too small for the subnet layout; use /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (each AZ needs a public subnet of at least /27 for the ALB)`,
    });
  }
  // A block that parses takes part in the overlap check even when it broke another rule:
  // an overlap is a problem of its own and the user should learn of it in the same run.
  return parsed;
}

function availabilityZoneProblems(entry: Raw, index: number): Problem[] {
  const zones = entry.availabilityZones;
  if (!Array.isArray(zones)) return [];
  const problems: Problem[] = [];
  const path = ["regions", index, "availabilityZones"];
  if (zones.length < MIN_AZS || zones.length > MAX_AZS) problems.push({ path, message: `lists ${zones.length} AZs; use ${MIN_AZS} to ${MAX_AZS}` });
  const name = isString(entry.name) ? entry.name : undefined;
  const info = name ? regionInfo(name) : undefined;
  const seen = new Map<string, number>();
  zones.forEach((zone, zoneIndex) => {
    if (!isString(zone)) return;
    const zonePath = [...path, zoneIndex];
    const first = seen.get(zone);
    if (first !== undefined) problems.push({ path: zonePath, message: `duplicates availabilityZones[${first}]` });
    seen.set(zone, zoneIndex);
    if (!name || !info) return;
    const letter = zone.slice(name.length);
    const known = info.azLetters.map((l) => name + l).join(", ");
    if (!zone.startsWith(name) || letter.length !== 1) {
      problems.push({ path: zonePath, message: `does not belong to region ${name}; its AZs are ${known}` });
    } else if (!info.azLetters.includes(letter) || !AZ_SLOT_LETTERS.includes(letter)) {
      problems.push({ path: zonePath, message: `is not an AZ of ${name}; its AZs are ${known}` });
    }
  });
  return problems;
}

function primaryProblems(regions: readonly unknown[]): Problem[] {
  const primaries = regions.flatMap((entry, index) => (isRecord(entry) && entry.primary === true ? [index] : []));
  if (primaries.length === 1) return [];
  if (primaries.length === 0) {
    // A single region is its own primary; more need an explicit choice.
    if (regions.length === 1) return [];
    return [{ field: "regions", message: "has no primary region; set primary: true on exactly one region", showValue: false }];
  }
  return primaries.slice(1).map((index) => ({
    path: ["regions", index, "primary"],
    message: `makes a second primary region (regions[${primaries[0]}] is already primary); exactly one region is primary`,
  }));
}

function resilienceProblems(raw: Raw, scope: CheckScope): Problem[] {
  if (!isEnvironment(raw.environment)) return [];
  const environment = raw.environment;
  const problems: Problem[] = [];
  const waiver = raw.resilienceWaiver;
  const reason = isRecord(waiver) && isString(waiver.reason) ? waiver.reason.trim() : undefined;
  if (reason !== undefined && reason.length < MIN_WAIVER_REASON_LENGTH) {
    problems.push({ path: ["resilienceWaiver", "reason"], message: `is too short to explain anything; write at least ${MIN_WAIVER_REASON_LENGTH} characters` });
  }
  if (reason !== undefined) return problems;
  const { minRegions, minAzsPerRegion } = scope.facts;
  const regions = Array.isArray(raw.regions) ? raw.regions : [];
  if (regions.length > 0 && regions.length < minRegions) {
    problems.push({
      field: "regions",
      message: `lists ${regions.length} region(s); ${environment} needs at least ${minRegions}, or a blueprint:resilienceWaiver with a reason`,
      showValue: false,
    });
  }
  regions.forEach((entry, index) => {
    if (!isRecord(entry) || !Array.isArray(entry.availabilityZones)) return;
    const count = entry.availabilityZones.length;
    if (count >= MIN_AZS && count < minAzsPerRegion) {
      problems.push({
        path: ["regions", index, "availabilityZones"],
        message: `lists ${count} AZs; ${environment} needs at least ${minAzsPerRegion} per region, or a blueprint:resilienceWaiver with a reason`,
      });
    }
  });
  return problems;
}

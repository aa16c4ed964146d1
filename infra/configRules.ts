/**
 * The config rules that need more than a type: AWS region and AZ tables, CIDR maths, the subnet
 * layout's size, cross-region overlap and the environment profile's minimums.
 *
 * Every rule reads the raw config defensively (any part may be malformed) so that all problems are
 * found in one pass, alongside the shape errors zod reports.
 */
import { formatCidr, isRfc1918, overlaps, parseCidr, type Cidr } from "../components/lib/cidr";
import { isLogRetention } from "../components/lib/logRetention";
import { regionInfo, suggestRegions } from "../components/lib/regions";
import { AZ_SLOT_LETTERS, MAX_VPC_PREFIX, MIN_VPC_PREFIX } from "../components/lib/subnetLayout";
import { STANDARD_TAG_KEYS, tagKeyProblem, tagValueProblem } from "../components/lib/tags";
import type { ConfigIssue } from "./configIssues";
import { ENVIRONMENTS, LOG_RETENTION_DAYS, PROFILES, type Environment } from "./profiles";

/** Fewest and most AZs a region may use. */
export const MIN_AZS = 2;
export const MAX_AZS = 6;

/** Shortest waiver reason accepted, so that "n/a" is not a reason. */
export const MIN_WAIVER_REASON_LENGTH = 20;

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";

/** Runs every semantic rule over a raw config and returns the problems found. */
export function checkConfigRules(raw: unknown): ConfigIssue[] {
  if (!isObject(raw)) return [];
  return [
    ...checkTags(raw),
    ...checkRegions(raw),
    ...checkNetwork(raw),
    ...checkResilience(raw),
  ];
}

function checkTags(raw: Raw): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const key of ["owner", "costCenter"] as const) {
    const value = raw[key];
    if (!isString(value)) continue;
    if (value.trim() === "") issues.push({ path: [key], message: "must not be empty; it becomes a tag on every resource" });
    const problem = tagValueProblem(value);
    if (problem) issues.push({ path: [key], message: `is not a valid tag value: it ${problem}` });
  }
  const tags = raw.tags;
  if (isObject(tags)) {
    for (const [key, value] of Object.entries(tags)) {
      if ((STANDARD_TAG_KEYS as readonly string[]).includes(key)) {
        issues.push({
          path: ["tags", key],
          message: `redefines a standard tag; ${STANDARD_TAG_KEYS.join(", ")} are set by the blueprint (use owner/costCenter)`,
        });
      }
      const keyProblem = tagKeyProblem(key);
      if (keyProblem) issues.push({ path: ["tags", key], message: `has an invalid tag key: it ${keyProblem}`, showValue: false });
      if (isString(value)) {
        const valueProblem = tagValueProblem(value);
        if (valueProblem) issues.push({ path: ["tags", key], message: `is not a valid tag value: it ${valueProblem}` });
      }
    }
  }
  return issues;
}

function checkRegions(raw: Raw): ConfigIssue[] {
  const regions = raw.regions;
  if (!Array.isArray(regions)) return [];
  const issues: ConfigIssue[] = [];
  if (regions.length === 0) {
    issues.push({ path: ["regions"], message: "must list at least one region" });
    return issues;
  }
  const seenNames = new Map<string, number>();
  const cidrs: Array<{ index: number; cidr: Cidr }> = [];
  regions.forEach((region, index) => {
    if (!isObject(region)) return;
    issues.push(...checkRegionName(region, index, seenNames));
    const cidr = checkVpcCidr(region, index, issues);
    if (cidr) {
      for (const other of cidrs) {
        if (overlaps(other.cidr, cidr)) {
          issues.push({
            path: ["regions", index, "vpcCidr"],
            message: `overlaps regions[${other.index}].vpcCidr ${formatCidr(other.cidr)}; region VPCs must be disjoint so they can be peered`,
          });
        }
      }
      cidrs.push({ index, cidr });
    }
    issues.push(...checkAvailabilityZones(region, index));
  });
  issues.push(...checkPrimary(regions));
  return issues;
}

function checkRegionName(region: Raw, index: number, seen: Map<string, number>): ConfigIssue[] {
  const name = region.name;
  if (!isString(name)) return [];
  const issues: ConfigIssue[] = [];
  if (!regionInfo(name)) {
    const suggestions = suggestRegions(name);
    const hint = suggestions.length > 0 ? `did you mean ${suggestions.join(" or ")}? ` : "";
    issues.push({
      path: ["regions", index, "name"],
      message: `is not a known AWS region; ${hint}known regions are listed in components/lib/regions.ts`,
    });
  }
  const first = seen.get(name);
  if (first !== undefined) {
    issues.push({ path: ["regions", index, "name"], message: `duplicates regions[${first}].name; each region may appear once` });
  } else {
    seen.set(name, index);
  }
  return issues;
}

function checkVpcCidr(region: Raw, index: number, issues: ConfigIssue[]): Cidr | undefined {
  const text = region.vpcCidr;
  if (!isString(text)) return undefined;
  const path = ["regions", index, "vpcCidr"];
  const parsed = parseCidr(text);
  if (typeof parsed === "string") {
    issues.push({ path, message: `${parsed}` });
    return undefined;
  }
  if (!isRfc1918(parsed)) {
    issues.push({ path, message: "must lie inside an RFC 1918 private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)" });
  }
  if (parsed.prefix < MIN_VPC_PREFIX || parsed.prefix > MAX_VPC_PREFIX) {
    issues.push({
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

function checkAvailabilityZones(region: Raw, index: number): ConfigIssue[] {
  const zones = region.availabilityZones;
  if (!Array.isArray(zones)) return [];
  const issues: ConfigIssue[] = [];
  const path = ["regions", index, "availabilityZones"];
  if (zones.length < MIN_AZS || zones.length > MAX_AZS) {
    issues.push({ path, message: `lists ${zones.length} AZs; use ${MIN_AZS} to ${MAX_AZS}` });
  }
  const name = isString(region.name) ? region.name : undefined;
  const info = name ? regionInfo(name) : undefined;
  const seen = new Map<string, number>();
  zones.forEach((zone, zoneIndex) => {
    if (!isString(zone)) return;
    const zonePath = [...path, zoneIndex];
    const first = seen.get(zone);
    if (first !== undefined) {
      issues.push({ path: zonePath, message: `duplicates availabilityZones[${first}]` });
    }
    seen.set(zone, zoneIndex);
    if (!name || !info) return;
    const letter = zone.slice(name.length);
    if (!zone.startsWith(name) || letter.length !== 1) {
      issues.push({
        path: zonePath,
        message: `does not belong to region ${name}; its AZs are ${info.azLetters.map((l) => name + l).join(", ")}`,
      });
    } else if (!info.azLetters.includes(letter) || !AZ_SLOT_LETTERS.includes(letter)) {
      issues.push({
        path: zonePath,
        message: `is not an AZ of ${name}; its AZs are ${info.azLetters.map((l) => name + l).join(", ")}`,
      });
    }
  });
  return issues;
}

function checkPrimary(regions: unknown[]): ConfigIssue[] {
  const primaries = regions.flatMap((region, index) => (isObject(region) && region.primary === true ? [index] : []));
  if (primaries.length === 1) return [];
  if (primaries.length === 0) {
    // A single region is its own primary; more need an explicit choice.
    if (regions.length === 1) return [];
    return [{ path: ["regions"], message: "has no primary region; set primary: true on exactly one region", showValue: false }];
  }
  return primaries.slice(1).map((index) => ({
    path: ["regions", index, "primary"],
    message: `makes a second primary region (regions[${primaries[0]}] is already primary); exactly one region is primary`,
  }));
}

function checkNetwork(raw: Raw): ConfigIssue[] {
  const network = raw.network;
  if (!isObject(network)) return [];
  const days = network.flowLogRetentionDays;
  if (typeof days === "number" && !isLogRetention(days)) {
    return [
      {
        path: ["network", "flowLogRetentionDays"],
        message: `is not a retention CloudWatch Logs accepts; use one of ${LOG_RETENTION_DAYS.join(", ")}`,
      },
    ];
  }
  return [];
}

function checkResilience(raw: Raw): ConfigIssue[] {
  const environment = raw.environment;
  if (!isString(environment) || !(ENVIRONMENTS as readonly string[]).includes(environment)) return [];
  const issues: ConfigIssue[] = [];
  const waiver = raw.resilienceWaiver;
  const reason = isObject(waiver) && isString(waiver.reason) ? waiver.reason.trim() : undefined;
  if (reason !== undefined && reason.length < MIN_WAIVER_REASON_LENGTH) {
    issues.push({
      path: ["resilienceWaiver", "reason"],
      message: `is too short to explain anything; write at least ${MIN_WAIVER_REASON_LENGTH} characters`,
    });
  }
  if (reason !== undefined) return issues;
  const profile = PROFILES[environment as Environment];
  const regions = Array.isArray(raw.regions) ? raw.regions : [];
  if (regions.length > 0 && regions.length < profile.minRegions) {
    issues.push({
      path: ["regions"],
      message: `lists ${regions.length} region(s); ${environment} needs at least ${profile.minRegions}, or a blueprint:resilienceWaiver with a reason`,
      showValue: false,
    });
  }
  regions.forEach((region, index) => {
    if (!isObject(region) || !Array.isArray(region.availabilityZones)) return;
    const count = region.availabilityZones.length;
    if (count >= MIN_AZS && count < profile.minAzsPerRegion) {
      issues.push({
        path: ["regions", index, "availabilityZones"],
        message: `lists ${count} AZs; ${environment} needs at least ${profile.minAzsPerRegion} per region, or a blueprint:resilienceWaiver with a reason`,
      });
    }
  });
  return issues;
}

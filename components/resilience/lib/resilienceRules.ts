/**
 * The rules the resilience settings must satisfy, each a deploy-time failure otherwise: the drills'
 * duration (FIS runs an action for one minute to 12 hours), the power-interrupted AZ (one of every
 * region's), and the drill schedule (an EventBridge Scheduler expression the drills can be
 * staggered on).
 */
import { regionInfo } from "../../lib/regions";
import type { ResilienceSettings } from "../settings";
import { drillScheduleProblems } from "./drillSchedule";

/** A problem at a key of `blueprint:resilience`. */
export interface ResilienceProblem {
  readonly field: string;
  readonly message: string;
  /** The messages quote the value themselves. */
  readonly showValue: false;
}

/** A drill's duration: whole minutes up to PT12H or whole hours up to 12 (what FIS accepts). */
const DRILL_DURATION = /^PT([1-9]\d*M|([1-9]|1[0-2])H)$/;

/** Seconds of a valid drill duration. */
export function drillDurationSeconds(duration: string): number | undefined {
  const match = DRILL_DURATION.exec(duration);
  if (!match) return undefined;
  const seconds = duration.endsWith("H") ? Number(duration.slice(2, -1)) * 3600 : Number(duration.slice(2, -1)) * 60;
  return seconds <= 43_200 ? seconds : undefined;
}

/** A region of the stack and its AZs, as the rules see them. */
export interface DrillRegion {
  readonly name: string;
  readonly availabilityZones: readonly string[];
  readonly primary: boolean;
}

/** How many drill templates the stack declares: two per region and the static bucket's, with more than one region. */
export function drillTemplateCount(regionCount: number): number {
  return regionCount > 1 ? regionCount * 2 + 1 : 0;
}

/** Every problem of the settings of a stack with these regions. */
export function resilienceSettingsProblems(settings: ResilienceSettings, regions: readonly DrillRegion[]): ResilienceProblem[] {
  const problems: ResilienceProblem[] = [];
  const seconds = drillDurationSeconds(settings.drillDuration);
  if (seconds === undefined)
    problems.push({
      field: "drillDuration",
      showValue: false,
      message: `"${settings.drillDuration}" must be an ISO 8601 duration from PT1M to PT12H in whole minutes or hours, e.g. PT10M`,
    });
  if (!settings.drills || regions.length < 2) return problems;
  const letter = settings.powerInterruptionZone;
  for (const region of regions) {
    // a foreign AZ is the regions rules' problem: check only the zones of a region written right
    if (region.availabilityZones.some((zone) => !new RegExp(`^${region.name}[a-z]$`).test(zone))) continue;
    if (!/^[a-z]$/.test(letter) || !region.availabilityZones.includes(`${region.name}${letter}`)) {
      const letters = region.availabilityZones.map((zone) => zone.slice(region.name.length));
      problems.push({
        field: "powerInterruptionZone",
        showValue: false,
        message: `"${letter}" names no AZ of ${region.name} (${region.name}${letter}); the stack's AZs there are ${region.availabilityZones.join(", ")}, so choose one of ${letters.join(", ")}`,
      });
    }
  }
  for (const message of drillScheduleProblems(settings.drillSchedule, drillTemplateCount(regions.length), seconds ?? 600))
    problems.push({ field: "drillSchedule", showValue: false, message });
  return problems;
}

/** The AZs of a region as the stack file pins them, or the region's first `azCount` when it does not. */
export function regionZones(name: string, written: unknown, azCount: number): string[] {
  if (Array.isArray(written) && written.every((zone) => typeof zone === "string")) return written;
  return (regionInfo(name)?.azLetters ?? []).slice(0, azCount).map((letter) => `${name}${letter}`);
}

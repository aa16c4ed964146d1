import * as assert from "node:assert/strict";
import { drillTemplateCount, regionZones, resilienceSettingsProblems } from "../../../../components/resilience/lib/resilienceRules";
import type { ResilienceSettings } from "../../../../components/resilience/settings";

const STAGING: ResilienceSettings = {
  zonalAutoshift: false,
  drills: true,
  drillDuration: "PT10M",
  powerInterruptionZone: "a",
  drillSchedule: "cron(0 14 ? * TUE *)",
  switchoverRecoveryTimeMinutes: 60,
  switchoverApprovalMinutes: 60,
};
const REGIONS = [
  { name: "us-east-1", primary: true, availabilityZones: ["us-east-1a", "us-east-1b"] },
  { name: "eu-west-1", primary: false, availabilityZones: ["eu-west-1b", "eu-west-1c"] },
];

describe("resilience settings", () => {
  it("counts two drills per region and the static bucket's", () => {
    assert.equal(drillTemplateCount(2), 5);
    assert.equal(drillTemplateCount(1), 0);
  });

  it("refuses an AZ letter some region lacks, naming the letters it has, and a bad duration or schedule, all at once", () => {
    assert.deepEqual(resilienceSettingsProblems({ ...STAGING, drillDuration: "PT13H", drillSchedule: "weekly" }, REGIONS), [
      { field: "drillDuration", showValue: false, message: '"PT13H" must be an ISO 8601 duration from PT1M to PT12H in whole minutes or hours, e.g. PT10M' },
      {
        field: "powerInterruptionZone",
        showValue: false,
        message: '"a" names no AZ of eu-west-1 (eu-west-1a); the stack\'s AZs there are eu-west-1b, eu-west-1c, so choose one of b, c',
      },
      {
        field: "drillSchedule",
        showValue: false,
        message:
          '"weekly" is not an EventBridge Scheduler expression; write cron(minutes hours day-of-month month day-of-week year) with six fields, rate(value unit), at(yyyy-mm-ddThh:mm:ss), or off',
      },
    ]);
    assert.deepEqual(resilienceSettingsProblems({ ...STAGING, powerInterruptionZone: "b" }, REGIONS), []);
    // an AZ of another region is reported by the regions rules, not twice
    assert.deepEqual(
      resilienceSettingsProblems(STAGING, [{ name: "us-east-1", primary: true, availabilityZones: ["eu-west-1a", "us-east-1b"] }, REGIONS[1]]).length,
      1,
    );
    // without drills, only the duration is checked
    assert.deepEqual(resilienceSettingsProblems({ ...STAGING, drills: false, powerInterruptionZone: "z", drillSchedule: "weekly" }, REGIONS), []);
  });

  it("reads a region's AZs from the stack file, or its first ones", () => {
    assert.deepEqual(regionZones("eu-west-1", ["eu-west-1b"], 1), ["eu-west-1b"]);
    assert.deepEqual(regionZones("us-east-1", undefined, 2), ["us-east-1a", "us-east-1b"]);
  });
});

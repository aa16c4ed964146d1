import * as assert from "node:assert/strict";
import { ENVIRONMENTS } from "../../../components/lib/settings";
import { resilienceSection } from "../../../components/resilience/section";
import { frame, sectionLines } from "../../support/sections";

const REGIONS = ["us-east-1", "eu-west-1"];
/** The section's printed problems in a two-region stack whose file writes `others` beside it. */
const lines = (raw: unknown, environment: (typeof ENVIRONMENTS)[number], others: Record<string, unknown> = {}) =>
  sectionLines(resilienceSection, raw, frame(environment, REGIONS, { azCount: 2 }), others);

describe("resilience config: rules", () => {
  it("accepts every environment's defaults", () => {
    for (const environment of ENVIRONMENTS) assert.deepEqual(lines(undefined, environment), [], environment);
  });

  it("names the key, shows the value and says what is allowed: an AZ a region lacks, a schedule Scheduler refuses, a bad duration", () => {
    const regions = {
      regions: [
        { name: "us-east-1", availabilityZones: ["us-east-1a", "us-east-1b"] },
        { name: "eu-west-1", availabilityZones: ["eu-west-1a", "eu-west-1b"] },
      ],
    };
    assert.deepEqual(lines({ powerInterruptionZone: "c", drillSchedule: "cron(0 14 * * TUE)", drillDuration: "10m" }, "staging", regions), [
      'blueprint:resilience.drillDuration: "10m" must be an ISO 8601 duration from PT1M to PT12H in whole minutes or hours, e.g. PT10M',
      'blueprint:resilience.powerInterruptionZone: "c" names no AZ of us-east-1 (us-east-1c); the stack\'s AZs there are us-east-1a, us-east-1b, so choose one of a, b',
      'blueprint:resilience.powerInterruptionZone: "c" names no AZ of eu-west-1 (eu-west-1c); the stack\'s AZs there are eu-west-1a, eu-west-1b, so choose one of a, b',
      'blueprint:resilience.drillSchedule: "cron(0 14 * * TUE)" is not an EventBridge Scheduler expression; write cron(minutes hours day-of-month month day-of-week year) with six fields, rate(value unit), at(yyyy-mm-ddThh:mm:ss), or off',
    ]);
  });
});

import * as assert from "node:assert/strict";
import { isPerformanceInsightsRetention } from "../../../../components/database/lib/databaseRules";

describe("database engines, windows and names", () => {
  it("accepts exactly AWS's Performance Insights retentions", () => {
    const valid = Array.from({ length: 800 }, (_, days) => days).filter(isPerformanceInsightsRetention);
    assert.deepEqual(valid, [0, 7, ...Array.from({ length: 23 }, (_, month) => 31 * (month + 1)), 731]);
  });
});

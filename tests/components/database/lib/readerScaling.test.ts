import * as assert from "node:assert/strict";
import { declaredReaders, readerScalingProblems } from "../../../../components/database/lib/readerScaling";

const GLOBAL = { service: "aurora", mode: "aurora-global", instanceCount: 3, secondaryInstanceCount: 2 };

describe("Aurora reader auto scaling rules", () => {
  it("floors each region at its declared readers: all but the writer in the primary, every instance in a secondary", () => {
    assert.deepEqual([declaredReaders("primary", 3), declaredReaders("primary", 1), declaredReaders("secondary", 2)], [2, 0, 2]);
  });

  it("refuses a ceiling below the declared readers or above what a global database's primary may hold", () => {
    assert.deepEqual(readerScalingProblems({ enabled: true, maxReaders: 1, targetCpuPercent: 70 }, GLOBAL, 2), [
      {
        field: "readerScaling.maxReaders",
        message: "must be at least the readers the clusters declare (2): Application Auto Scaling refuses a maximum below the minimum, got 1",
      },
    ]);
    assert.deepEqual(readerScalingProblems({ enabled: true, maxReaders: 14, targetCpuPercent: 70 }, GLOBAL, 2), [
      {
        field: "readerScaling.maxReaders",
        message: "must be at most 13: an Aurora cluster has at most 15 replicas, less one per secondary region of a global database (2), got 14",
      },
    ]);
    assert.deepEqual(readerScalingProblems({ enabled: true, maxReaders: 15, targetCpuPercent: 70 }, { ...GLOBAL, mode: "single-region" }, 0), []);
    assert.deepEqual(readerScalingProblems({ enabled: false, maxReaders: 0, targetCpuPercent: 70 }, GLOBAL, 2), [], "off: nothing to check");
    assert.deepEqual(
      readerScalingProblems({ enabled: true, maxReaders: 0, targetCpuPercent: 70 }, { ...GLOBAL, service: "rds" }, 2),
      [],
      "RDS has no Aurora readers",
    );
  });
});

import * as assert from "node:assert/strict";
import fc from "fast-check";
import { defaultExperiments, isoDurationSeconds, selectedInstances, smallestSelectingPercentage } from "../../../../components/chaos/lib/chaosRules";
import { chaosNameProblems } from "../../../../components/chaos/lib/chaosNames";
import { cacheFailoverSpec, databaseFailoverSpec, terminateWebInstancesSpec } from "../../../../components/chaos/lib/experiments";
import { experimentSpecProblems } from "../../../../components/chaos/lib/validate";
import { DEV_FACTS, PROD_FACTS } from "../../../support/chaosFacts";

describe("chaos rules: FIS selection and durations", () => {
  it("parses the ISO 8601 durations FIS takes and nothing else", () => {
    const cases: Array<[string, number | undefined]> = [
      ["PT1M", 60],
      ["PT10M", 600],
      ["PT1H30M", 5_400],
      ["PT90S", 90],
      ["PT12H", 43_200],
      ["PT", undefined],
      ["P1D", undefined],
      ["PT1.5H", undefined],
      ["pt10m", undefined],
      ["10M", undefined],
    ];
    for (const [text, seconds] of cases) assert.equal(isoDurationSeconds(text), seconds, text);
  });

  it("selects floor(count × percentage / 100) instances, and the smallest selecting share always selects one", () => {
    assert.deepEqual([selectedInstances(3, 33), selectedInstances(3, 34), selectedInstances(5, 50), selectedInstances(12, 34)], [0, 1, 2, 4]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (count) => {
        const share = smallestSelectingPercentage(count);
        return share >= 1 && share <= 100 && selectedInstances(count, share) >= 1 && (share === 1 || selectedInstances(count, share - 1) === 0);
      }),
    );
  });

  it("defaults to the experiments whose prerequisites hold", () => {
    assert.deepEqual(defaultExperiments(PROD_FACTS), ["terminate-web-instances", "failover-database", "failover-cache"]);
    assert.deepEqual(defaultExperiments(DEV_FACTS), ["terminate-web-instances"]);
    assert.deepEqual(defaultExperiments({ database: { service: "rds", instanceCount: 1, multiAz: true, mode: "single-region" } }), [
      "terminate-web-instances",
      "failover-database",
      "failover-cache",
    ]);
  });

  it("keeps names and descriptions within FIS's and IAM's limits for the longest prefix and region", () => {
    const prefix = "a".repeat(40);
    const region = "ap-southeast-2";
    assert.deepEqual(chaosNameProblems(prefix, region), []);
    const place = { namePrefix: prefix, region, stopAlarmCount: 5 };
    const specs = [
      terminateWebInstancesSpec("asg", 100, place),
      databaseFailoverSpec("aurora-cluster", "arn", place),
      databaseFailoverSpec("rds-instance", "arn", place),
      cacheFailoverSpec("group", `${region}a`, "PT12H", place),
    ];
    assert.deepEqual(experimentSpecProblems(specs), []);
    assert.deepEqual(chaosNameProblems("a".repeat(60), "us-east-1"), [
      `the experiment role name "${"a".repeat(60)}-us-east-1-fis" is 74 characters long (IAM allows 64)`,
    ]);
  });
});

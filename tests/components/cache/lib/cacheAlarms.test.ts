import * as assert from "node:assert/strict";
import { cacheAlarmSpecs } from "../../../../components/cache/lib/cacheAlarms";
import type { CacheSettings } from "../../../../components/cache/lib/cacheRules";
import { alarmSpecProblems } from "../../../../components/observability/lib/alarms";
import { PROD_CACHE_SETTINGS } from "../../../support/settings";

const PROD: CacheSettings = PROD_CACHE_SETTINGS;

describe("cache alarms", () => {
  const thresholds = PROD.alarms;
  it("watches CPU and memory on a single node, adds replica lag with replicas and Global Datastore lag on a secondary", () => {
    const single = cacheAlarmSpecs({ region: "eu-west-1", namePrefix: "p", replicationGroupId: "p-eu-west-1", nodeCount: 1, role: "standalone", thresholds });
    assert.deepEqual(
      single.map((spec) => spec.key),
      ["cache-engine-cpu", "cache-memory"],
    );
    const secondary = cacheAlarmSpecs({ region: "eu-west-1", namePrefix: "p", replicationGroupId: "p-eu-west-1", nodeCount: 3, role: "secondary", thresholds });
    assert.deepEqual(
      secondary.map((spec) => spec.name),
      ["p-eu-west-1-cache-engine-cpu", "p-eu-west-1-cache-memory", "p-eu-west-1-cache-replica-lag", "p-eu-west-1-cache-global-replication-lag"],
    );
    const lag = secondary[3];
    assert.equal(lag.threshold, 10);
    assert.deepEqual(
      lag.metricQueries!.map((query) => [query.id, query.metric?.metricName, query.metric?.dimensions.CacheClusterId, query.expression]),
      [
        ["n1", "GlobalDatastoreReplicationLag", "p-eu-west-1-001", undefined],
        ["n2", "GlobalDatastoreReplicationLag", "p-eu-west-1-002", undefined],
        ["n3", "GlobalDatastoreReplicationLag", "p-eu-west-1-003", undefined],
        ["highest", undefined, undefined, "MAX([n1, n2, n3])"],
      ],
    );
  });

  it("stays within CloudWatch's rules at the largest group (6 nodes)", () => {
    const specs = cacheAlarmSpecs({
      region: "ap-southeast-2",
      namePrefix: "p".repeat(40),
      replicationGroupId: "x",
      nodeCount: 6,
      role: "secondary",
      thresholds,
    });
    assert.deepEqual(specs.flatMap(alarmSpecProblems), []);
  });
});

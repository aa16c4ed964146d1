import * as assert from "node:assert/strict";
import { databaseAlarmSpecs } from "../../../../components/database/lib/alarms";

describe("database alarm specs", () => {
  const thresholds = { cpuPercent: 75, replicaLagSeconds: 30 };
  it("alarm on CPU per instance, and on lag in a secondary region only, in the metric's unit", () => {
    const aurora = databaseAlarmSpecs({
      mode: "aurora-global",
      role: "secondary",
      alarmPrefix: "p-r-db",
      thresholds,
      instances: ["i-1", "i-2"],
      clusterIdentifier: "c",
      sourceRegion: "eu-west-1",
    });
    assert.deepEqual(
      aurora.map((spec) => [spec.name, spec.metricName, spec.dimensions, spec.threshold]),
      [
        ["p-r-db-cpu-1", "CPUUtilization", { DBInstanceIdentifier: "i-1" }, 75],
        ["p-r-db-cpu-2", "CPUUtilization", { DBInstanceIdentifier: "i-2" }, 75],
        ["p-r-db-replication-lag", "AuroraGlobalDBReplicationLag", { DBClusterIdentifier: "c", SourceRegion: "eu-west-1" }, 30_000],
      ],
    );
    const replica = databaseAlarmSpecs({ mode: "rds-replicas", role: "secondary", alarmPrefix: "p-r-db", thresholds, instances: ["db"] });
    assert.deepEqual(
      replica.map((spec) => [spec.name, spec.metricName, spec.threshold]),
      [
        ["p-r-db-cpu", "CPUUtilization", 75],
        ["p-r-db-replication-lag", "ReplicaLag", 30],
      ],
    );
    assert.equal(
      databaseAlarmSpecs({ mode: "aurora-global", role: "primary", alarmPrefix: "p", thresholds, instances: ["a"], clusterIdentifier: "c" }).length,
      1,
    );
  });
});

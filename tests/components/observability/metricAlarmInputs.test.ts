import * as assert from "node:assert/strict";
import { flatMetricAlarmInputs, metricAlarmInputs } from "../../../components/observability/metricAlarmInputs";

const FLAT = {
  key: "writer-cpu",
  name: "blueprint-prod-eu-west-1-db-writer-cpu",
  description: "CPU of the writer above 80%",
  namespace: "AWS/RDS",
  metricName: "CPUUtilization",
  dimensions: { DBInstanceIdentifier: "writer" },
  statistic: "Average",
  period: 300,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  threshold: 80,
  comparisonOperator: "GreaterThanThreshold",
  treatMissingData: "missing",
} as const;

describe("alarm spec to MetricAlarm inputs", () => {
  it("flatMetricAlarmInputs: a flat spec gives the single-metric inputs, and nothing of its key", () => {
    const inputs = JSON.parse(JSON.stringify(flatMetricAlarmInputs(FLAT)));
    assert.deepEqual(inputs, {
      name: "blueprint-prod-eu-west-1-db-writer-cpu",
      alarmDescription: "CPU of the writer above 80%",
      comparisonOperator: "GreaterThanThreshold",
      threshold: 80,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: "missing",
      namespace: "AWS/RDS",
      metricName: "CPUUtilization",
      dimensions: { DBInstanceIdentifier: "writer" },
      period: 300,
      statistic: "Average",
    });
  });

  it("flatMetricAlarmInputs equals metricAlarmInputs of the same alarm with its metric nested", () => {
    const { namespace, metricName, dimensions, period, statistic, ...alarm } = FLAT;
    assert.deepEqual(flatMetricAlarmInputs(FLAT), metricAlarmInputs({ ...alarm, metric: { namespace, metricName, dimensions, period, statistic } }));
  });

  it("copies the dimensions instead of sharing the spec's object", () => {
    assert.notEqual(flatMetricAlarmInputs(FLAT).dimensions, FLAT.dimensions);
  });
});

/**
 * How an alarm spec (plain data from a component's `lib/`) becomes `MetricAlarm` inputs; shared by
 * every component that declares alarms, so single-metric and metric-math alarms are declared alike.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { AlarmMetric, AlarmSpec, Statistic } from "./lib/alarms";

/** The MetricAlarm inputs of a spec: a single metric, or metric math. */
export function metricAlarmInputs(spec: Omit<AlarmSpec<pulumi.Input<string>>, "key">): aws.cloudwatch.MetricAlarmArgs {
  return {
    name: spec.name,
    alarmDescription: spec.description,
    comparisonOperator: spec.comparisonOperator,
    threshold: spec.threshold,
    evaluationPeriods: spec.evaluationPeriods,
    datapointsToAlarm: spec.datapointsToAlarm,
    treatMissingData: spec.treatMissingData,
    evaluateLowSampleCountPercentiles: spec.evaluateLowSampleCountPercentiles,
    ...(spec.metric
      ? {
          namespace: spec.metric.namespace,
          metricName: spec.metric.metricName,
          dimensions: { ...spec.metric.dimensions },
          period: spec.metric.period,
          statistic: spec.metric.statistic,
          extendedStatistic: spec.metric.extendedStatistic,
        }
      : {
          metricQueries: (spec.metricQueries ?? []).map((query) => ({
            id: query.id,
            label: query.label,
            returnData: query.returnData,
            expression: query.expression,
            metric: query.metric && { ...query.metric, dimensions: { ...query.metric.dimensions } },
          })),
        }),
  };
}

/**
 * A single-metric alarm spec written flat, the alarm's fields and its metric's side by side, with a
 * standard statistic (the database's alarms and the health-check alarm).
 */
export type FlatAlarmSpec<T> = Omit<AlarmSpec<T>, "key" | "metric" | "metricQueries"> &
  Omit<AlarmMetric<T>, "statistic" | "extendedStatistic"> & { readonly statistic: Statistic };

/** The MetricAlarm inputs of a flat spec: those of `metricAlarmInputs` for its one metric. */
export function flatMetricAlarmInputs(spec: FlatAlarmSpec<pulumi.Input<string>>): aws.cloudwatch.MetricAlarmArgs {
  const { namespace, metricName, dimensions, period, statistic, ...alarm } = spec;
  return metricAlarmInputs({ ...alarm, metric: { namespace, metricName, dimensions, period, statistic } });
}

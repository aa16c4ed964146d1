/**
 * Declares burn-rate alarms from their specs: a metric alarm per window and a composite alarm per
 * window pair (both windows in ALARM). Only the composites notify the topic: one window alone is
 * no page, and the pack accepts a metric alarm without actions that a notifying composite
 * references. Shared by the regions' SLOs and the edge's.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmRule, type BurnAlarmSpec, type WindowAlarmSpec } from "./lib/slo";

/** Where the alarms live and whom they notify. */
export interface BurnAlarmPlacement {
  readonly region: string;
  readonly topicArn: pulumi.Input<string>;
  readonly tags: Record<string, string>;
}

/** A declared burn condition: its spec and its composite alarm. */
export interface DeclaredBurnAlarm<T> {
  readonly spec: BurnAlarmSpec<T>;
  readonly alarm: aws.cloudwatch.CompositeAlarm;
}

/** Declares each spec's two window alarms and its composite, as children of `parent`. */
export function declareBurnAlarms(
  name: string,
  specs: readonly BurnAlarmSpec<pulumi.Input<string>>[],
  placement: BurnAlarmPlacement,
  parent: pulumi.Resource,
): DeclaredBurnAlarm<pulumi.Input<string>>[] {
  const { region, tags } = placement;
  const opts = { parent };
  const actions = { actionsEnabled: true, alarmActions: [placement.topicArn], okActions: [placement.topicArn] };
  const windowAlarm = (spec: WindowAlarmSpec<pulumi.Input<string>>) =>
    new aws.cloudwatch.MetricAlarm(
      `${name}-${spec.key}`,
      {
        region,
        name: spec.name,
        alarmDescription: spec.description,
        comparisonOperator: "GreaterThanThreshold",
        threshold: spec.threshold,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: "notBreaching",
        metricQueries: spec.queries.map((query) => ({
          id: query.id,
          returnData: query.returnData,
          ...(query.label !== undefined ? { label: query.label } : {}),
          ...(query.expression !== undefined ? { expression: query.expression } : {}),
          ...(query.metric
            ? {
                metric: {
                  namespace: query.metric.namespace,
                  metricName: query.metric.metricName,
                  dimensions: { ...query.metric.dimensions },
                  period: query.metric.period,
                  stat: query.metric.stat,
                },
              }
            : {}),
        })),
        // no actions of its own: it pages through its composite
        actionsEnabled: true,
        tags,
      },
      opts,
    );
  return specs.map((spec) => {
    const long = windowAlarm(spec.long);
    const short = windowAlarm(spec.short);
    return {
      spec,
      alarm: new aws.cloudwatch.CompositeAlarm(
        `${name}-${spec.key}`,
        {
          region,
          alarmName: spec.name,
          alarmDescription: spec.description,
          alarmRule: pulumi.all([long.name, short.name]).apply((windows) => alarmRule("AND", windows)),
          ...actions,
          tags,
        },
        opts,
      ),
    };
  });
}

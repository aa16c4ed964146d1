/**
 * How a tier scales. The web tier tracks load balancer requests per target and CPU (scale out when
 * either is above its goal, in only when both are below). The worker tracks its backlog per
 * instance: the region's visible messages divided by in-service instances (metric math), plus, when
 * it may scale to zero, a step policy that starts the first instance when messages wait and none
 * runs (target tracking cannot scale out from zero capacity).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { backlogExpression, queueMetricIds, scaleFromZeroExpression } from "./lib/backlog";

/** Scaling of the web tier. */
export interface WebScaling {
  readonly kind: "web";
  readonly targetGroupArn: pulumi.Input<string>;
  /** `<alb arn suffix>/<target group arn suffix>`: the request-count metric's label. */
  readonly requestCountResourceLabel: pulumi.Input<string>;
  readonly targetRequestsPerInstance: number;
  readonly targetCpuPercent: number;
  readonly healthCheckGracePeriodSeconds: number;
}

/** Scaling of the worker tier. */
export interface WorkerScaling {
  readonly kind: "worker";
  /** Physical names of the queues it consumes (dead-letter queues excluded). */
  readonly queueNames: readonly pulumi.Input<string>[];
  readonly targetBacklogPerInstance: number;
}

/** Either tier's scaling. */
export type TierScaling = WebScaling | WorkerScaling;

/** Declares the scaling policies (and the scale-from-zero alarm) of a group. */
export function createScaling(
  name: string,
  args: { region: string; group: aws.autoscaling.Group; scaling: TierScaling; minSize: number; tags: Record<string, string> },
  parent: pulumi.Resource,
): aws.autoscaling.Policy[] {
  const opt = { parent };
  const { region, group, scaling } = args;
  switch (scaling.kind) {
    case "web":
      return [
        new aws.autoscaling.Policy(
          `${name}-requests`,
          {
            region,
            autoscalingGroupName: group.name,
            policyType: "TargetTrackingScaling",
            targetTrackingConfiguration: {
              targetValue: scaling.targetRequestsPerInstance,
              predefinedMetricSpecification: {
                predefinedMetricType: "ALBRequestCountPerTarget",
                resourceLabel: scaling.requestCountResourceLabel,
              },
            },
          },
          opt,
        ),
        new aws.autoscaling.Policy(
          `${name}-cpu`,
          {
            region,
            autoscalingGroupName: group.name,
            policyType: "TargetTrackingScaling",
            targetTrackingConfiguration: {
              targetValue: scaling.targetCpuPercent,
              predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" },
            },
          },
          opt,
        ),
      ];
    case "worker": {
      const ids = queueMetricIds(scaling.queueNames.length);
      const queueMetrics = scaling.queueNames.map((queueName, index) => ({
        id: ids[index],
        metricStat: {
          metric: {
            namespace: "AWS/SQS",
            metricName: "ApproximateNumberOfMessagesVisible",
            dimensions: [{ name: "QueueName", value: queueName }],
          },
          stat: "Sum",
        },
        returnData: false,
      }));
      const inService = {
        id: "inservice",
        metricStat: {
          metric: {
            namespace: "AWS/AutoScaling",
            metricName: "GroupInServiceInstances",
            dimensions: [{ name: "AutoScalingGroupName", value: group.name }],
          },
          stat: "Average",
        },
        returnData: false,
      };
      const policies = [
        new aws.autoscaling.Policy(
          `${name}-backlog`,
          {
            region,
            autoscalingGroupName: group.name,
            policyType: "TargetTrackingScaling",
            targetTrackingConfiguration: {
              targetValue: scaling.targetBacklogPerInstance,
              customizedMetricSpecification: {
                metrics: [
                  ...queueMetrics,
                  inService,
                  { id: "backlog", label: "Visible messages per in-service instance", expression: backlogExpression(ids), returnData: true },
                ],
              },
            },
          },
          opt,
        ),
      ];
      if (args.minSize === 0) {
        const fromZero = new aws.autoscaling.Policy(
          `${name}-from-zero`,
          {
            region,
            autoscalingGroupName: group.name,
            policyType: "StepScaling",
            adjustmentType: "ChangeInCapacity",
            stepAdjustments: [{ scalingAdjustment: 1, metricIntervalLowerBound: "0" }],
          },
          opt,
        );
        new aws.cloudwatch.MetricAlarm(
          `${name}-from-zero`,
          {
            region,
            alarmDescription: `Messages wait in ${region} and no worker runs: start one (target tracking cannot scale out from zero)`,
            comparisonOperator: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            actionsEnabled: true,
            alarmActions: [fromZero.arn],
            metricQueries: [
              ...scaling.queueNames.map((queueName, index) => ({
                id: ids[index],
                metric: {
                  namespace: "AWS/SQS",
                  metricName: "ApproximateNumberOfMessagesVisible",
                  dimensions: { QueueName: queueName },
                  period: 60,
                  stat: "Sum",
                },
                returnData: false,
              })),
              {
                id: "inservice",
                metric: {
                  namespace: "AWS/AutoScaling",
                  metricName: "GroupInServiceInstances",
                  dimensions: { AutoScalingGroupName: group.name },
                  period: 60,
                  stat: "Average",
                },
                returnData: false,
              },
              { id: "start", label: "Messages waiting with no worker", expression: scaleFromZeroExpression(ids), returnData: true },
            ],
            tags: args.tags,
          },
          opt,
        );
        policies.push(fromZero);
      }
      return policies;
    }
  }
}

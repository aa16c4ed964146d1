/**
 * A region's Aurora reader auto scaling: an Application Auto Scaling target on the cluster's
 * `rds:cluster:ReadReplicaCount` (the declared readers as the floor, the profile's ceiling) and a
 * target-tracking policy on the readers' average CPU.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { READ_REPLICA_DIMENSION, READER_CPU_METRIC, type ReaderScalingSettings } from "./lib/readerScaling";

/** Seconds between scaling activities: a new reader takes about ten minutes to join. */
const SCALE_OUT_COOLDOWN_SECONDS = 300;
const SCALE_IN_COOLDOWN_SECONDS = 900;

/** Declares the region's reader scaling target and policy. */
export function readerAutoScaling(
  name: string,
  args: {
    readonly region: string;
    readonly policyName: string;
    readonly clusterIdentifier: pulumi.Input<string>;
    readonly minReaders: number;
    readonly settings: ReaderScalingSettings;
    readonly tags: Readonly<Record<string, string>>;
  },
  opts: pulumi.CustomResourceOptions,
): aws.appautoscaling.Target {
  const target = new aws.appautoscaling.Target(
    `${name}-readers`,
    {
      region: args.region,
      serviceNamespace: "rds",
      scalableDimension: READ_REPLICA_DIMENSION,
      resourceId: pulumi.interpolate`cluster:${args.clusterIdentifier}`,
      minCapacity: args.minReaders,
      maxCapacity: Math.max(args.minReaders, args.settings.maxReaders),
      tags: { ...args.tags },
    },
    opts,
  );
  new aws.appautoscaling.Policy(
    `${name}-readers-cpu`,
    {
      region: args.region,
      name: args.policyName,
      policyType: "TargetTrackingScaling",
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        predefinedMetricSpecification: { predefinedMetricType: READER_CPU_METRIC },
        targetValue: args.settings.targetCpuPercent,
        scaleOutCooldown: SCALE_OUT_COOLDOWN_SECONDS,
        scaleInCooldown: SCALE_IN_COOLDOWN_SECONDS,
      },
    },
    opts,
  );
  return target;
}

/**
 * One region's alarms and dashboard: a customer managed KMS key and an SNS topic encrypted with it
 * that CloudWatch alarms can publish to, an optional email subscription, alarms on the load
 * balancer and the queues, and a dashboard of the region's load balancer, compute and queues.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { regionalAlarmSpecs, type AlarmThresholds } from "./lib/alarms";
import { metricAlarmInputs } from "./metricAlarmInputs";
import { dashboardBody } from "./lib/dashboard";
import { alarmKeyPolicy, alarmTopicPolicy } from "./lib/policies";
import { observabilityArgProblems, observabilityNames } from "./lib/validate";

export type { AlarmThresholds } from "./lib/alarms";

/** A queue the alarms and the dashboard watch. */
export interface MonitoredQueue {
  /** Logical name (`[A-Za-z0-9_-]+`, unique), used in alarm names. */
  readonly name: string;
  /** Physical name of the source queue (the `QueueName` dimension). */
  readonly queueName: pulumi.Input<string>;
  /** Physical name of its dead-letter queue. */
  readonly deadLetterQueueName: pulumi.Input<string>;
}

/** Arguments of the RegionalObservability component. */
export interface ObservabilityArgs {
  /** Region every child is created in; alarms can only notify a topic of their own region. */
  readonly region: string;
  /** Prefix of every physical name, e.g. "blueprint-prod" (`[A-Za-z0-9_-]`). */
  readonly namePrefix: string;
  /**
   * Address subscribed to the alarm topic. AWS emails a confirmation link; until it is clicked the
   * subscription stays pending and receives nothing.
   * @default - no subscription (subscribe on-call tooling to `alarmTopicArn` instead)
   */
  readonly alarmEmail?: string;
  /** Alarm thresholds. */
  readonly thresholds: AlarmThresholds;
  /** The region's load balancer: the `LoadBalancer` and `TargetGroup` dimensions (ARN suffixes). */
  readonly loadBalancer: { readonly arnSuffix: pulumi.Input<string>; readonly targetGroupArnSuffix: pulumi.Input<string> };
  /**
   * Auto Scaling group names, for the dashboard. Its in-service graph needs group metrics
   * collection (`GroupInServiceInstances`) enabled on the groups.
   */
  readonly autoScalingGroups: { readonly web: pulumi.Input<string>; readonly worker: pulumi.Input<string> };
  /** The queues to watch. */
  readonly queues: readonly MonitoredQueue[];
  /**
   * Days KMS waits before deleting the alarm key once its deletion is scheduled (7 to 30).
   * @default 30
   */
  readonly keyDeletionWindowDays?: number;
  /**
   * Pulumi `protect` on the alarm key: deleting it would make the encrypted topic unusable.
   * @default false
   */
  readonly protectKey?: boolean;
  /**
   * Let the region's Prometheus workspace's alert manager publish to the topic (and use its key).
   * @default false
   */
  readonly prometheusAlerts?: boolean;
  /**
   * Tags of every taggable child (key, topic, alarms); `Region` is expected among them.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Alarms, their encrypted topic and a dashboard, for one region.
 *
 * Cost: per region one KMS key, 3 + 2 × queues standard-resolution alarms and one dashboard, each
 * billed monthly (dashboards beyond the account's free ones).
 */
export class RegionalObservability extends pulumi.ComponentResource {
  /** Region the resources live in. */
  public readonly region: string;
  /** The alarm topic; other components' alarms (database, cache) publish here. */
  public readonly alarmTopicArn: pulumi.Output<string>;
  /** The key that encrypts the alarm topic. */
  public readonly alarmKeyArn: pulumi.Output<string>;
  /** Names of the alarms this component declares. */
  public readonly alarmNames: pulumi.Output<string>[];
  /** The alarms' ARNs by key (`alb-5xx-rate`, `target-response-p99`, …), e.g. for FIS stop conditions. */
  public readonly alarmArns: Readonly<Record<string, pulumi.Output<string>>>;
  public readonly dashboardName: pulumi.Output<string>;

  constructor(name: string, args: ObservabilityArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("blueprint:observability:RegionalObservability", name, {}, opts);

    const keyDeletionWindowDays = args.keyDeletionWindowDays ?? 30;
    const problems = observabilityArgProblems({ ...args, keyDeletionWindowDays });
    if (problems.length > 0) {
      throw new Error(`RegionalObservability ${name} has invalid arguments:\n  - ${problems.join("\n  - ")}`);
    }

    const region = args.region;
    const tags = { ...(args.tags ?? {}) };
    const names = observabilityNames(args.namePrefix, region);
    const opt = { parent: this };
    const identity = aws.getCallerIdentityOutput({}, opt);
    const partition = aws.getPartitionOutput({}, opt);
    const account = pulumi.all([identity.accountId, partition.partition]).apply(([accountId, partitionName]) => ({ accountId, partition: partitionName }));

    // Not alias/aws/sns: CloudWatch cannot use the AWS managed key, and alarms would fail silently.
    const key = new aws.kms.Key(
      `${name}-alarms`,
      {
        region,
        description: `Encrypts the alarm topic ${names.topic}`,
        enableKeyRotation: true,
        deletionWindowInDays: keyDeletionWindowDays,
        policy: account.apply((resolved) => alarmKeyPolicy(resolved, { prometheusAlerts: args.prometheusAlerts ?? false })),
        tags,
      },
      { parent: this, protect: args.protectKey ?? false },
    );
    new aws.kms.Alias(`${name}-alarms`, { region, name: names.keyAlias, targetKeyId: key.keyId }, opt);

    const topic = new aws.sns.Topic(`${name}-alarms`, { region, name: names.topic, kmsMasterKeyId: key.arn, tags }, opt);
    const topicPolicy = new aws.sns.TopicPolicy(
      `${name}-alarms`,
      {
        region,
        arn: topic.arn,
        policy: pulumi
          .all([account, topic.arn])
          .apply(([{ accountId, partition: partitionName }, topicArn]) =>
            alarmTopicPolicy({ accountId, partition: partitionName, topicArn, region, prometheusAlerts: args.prometheusAlerts ?? false }),
          ),
      },
      opt,
    );
    if (args.alarmEmail !== undefined) {
      new aws.sns.TopicSubscription(`${name}-alarms-email`, { region, topic: topic.arn, protocol: "email", endpoint: args.alarmEmail }, opt);
    }

    const specs = regionalAlarmSpecs<pulumi.Input<string>>({
      region,
      namePrefix: args.namePrefix,
      thresholds: args.thresholds,
      loadBalancerArnSuffix: args.loadBalancer.arnSuffix,
      targetGroupArnSuffix: args.loadBalancer.targetGroupArnSuffix,
      queues: args.queues,
    });
    // Alarms wait for the topic policy: a notification sent before it exists would be refused.
    const alarms = specs.map(
      (spec) =>
        new aws.cloudwatch.MetricAlarm(
          `${name}-${spec.key}`,
          { region, ...metricAlarmInputs(spec), actionsEnabled: true, alarmActions: [topic.arn], okActions: [topic.arn], tags },
          { parent: this, dependsOn: [topicPolicy] },
        ),
    );

    const dashboard = new aws.cloudwatch.Dashboard(
      `${name}-dashboard`,
      {
        region,
        dashboardName: names.dashboard,
        dashboardBody: pulumi
          .output({
            loadBalancer: args.loadBalancer,
            autoScalingGroups: args.autoScalingGroups,
            queues: args.queues.map((queue) => ({ ...queue })),
          })
          .apply((resolved) =>
            dashboardBody({
              region,
              thresholds: args.thresholds,
              loadBalancerArnSuffix: resolved.loadBalancer.arnSuffix,
              targetGroupArnSuffix: resolved.loadBalancer.targetGroupArnSuffix,
              autoScalingGroups: resolved.autoScalingGroups,
              queues: resolved.queues,
            }),
          ),
      },
      opt,
    );

    this.region = region;
    this.alarmTopicArn = topic.arn;
    this.alarmKeyArn = key.arn;
    this.alarmNames = alarms.map((alarm) => alarm.name);
    this.alarmArns = Object.fromEntries(specs.map((spec, i) => [spec.key, alarms[i].arn]));
    this.dashboardName = dashboard.dashboardName;

    this.registerOutputs({
      alarmTopicArn: this.alarmTopicArn,
      alarmKeyArn: this.alarmKeyArn,
      alarmNames: this.alarmNames,
      dashboardName: this.dashboardName,
    });
  }
}

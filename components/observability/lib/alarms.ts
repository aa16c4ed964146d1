/**
 * The alarms of one region, as data, and the CloudWatch rules an alarm must satisfy.
 *
 * The component maps each spec to one `aws.cloudwatch.MetricAlarm`. Specs are generic in the type
 * of dimension values (`T`): plain strings in tests, `pulumi.Input<string>` in the component, so
 * the specs can be built before the load balancer or queues exist.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
 */

import type { AlarmThresholds } from "../settings";

export type { AlarmThresholds } from "../settings";

/** CloudWatch's standard statistics. */
export type Statistic = "SampleCount" | "Average" | "Sum" | "Minimum" | "Maximum";

/** How an alarm compares the metric with its threshold. */
export type ComparisonOperator = "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";

/** How an alarm reads periods without data. */
export type TreatMissingData = "notBreaching" | "breaching" | "ignore" | "missing";

/** A single metric an alarm watches directly. */
export interface AlarmMetric<T> {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, T>>;
  /** Seconds: 10, 30 or a multiple of 60. */
  readonly period: number;
  /** Exactly one of `statistic` and `extendedStatistic`. */
  readonly statistic?: Statistic;
  /** A percentile such as `p99`. */
  readonly extendedStatistic?: string;
}

/** One entry of a metric-math alarm: a metric to fetch, or an expression over the others. */
export interface AlarmMetricQuery<T> {
  /** Starts with a lowercase letter; letters, digits and `_`. */
  readonly id: string;
  readonly label?: string;
  /** True on exactly one entry: the expression the alarm watches. */
  readonly returnData: boolean;
  readonly expression?: string;
  readonly metric?: {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, T>>;
    readonly period: number;
    readonly stat: Statistic;
  };
}

/** One alarm, ready to be declared. */
export interface AlarmSpec<T> {
  /** Suffix of the alarm's resource name and physical name, unique per region. */
  readonly key: string;
  /** Physical alarm name: `<namePrefix>-<region>-<key>`. */
  readonly name: string;
  readonly description: string;
  readonly comparisonOperator: ComparisonOperator;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
  /** Exactly one of `metric` and `metricQueries`. */
  readonly metric?: AlarmMetric<T>;
  readonly metricQueries?: readonly AlarmMetricQuery<T>[];
  /** Only for percentile statistics. */
  readonly evaluateLowSampleCountPercentiles?: "evaluate" | "ignore";
}

/** A queue whose depth and age the alarms watch. */
export interface AlarmQueue<T> {
  /** Logical name, `[A-Za-z0-9_-]+`, unique per region. */
  readonly name: string;
  readonly queueName: T;
  readonly deadLetterQueueName: T;
}

/** What the alarm specs are built from. */
export interface AlarmSpecInput<T> {
  readonly region: string;
  readonly namePrefix: string;
  readonly thresholds: AlarmThresholds;
  /** `app/<name>/<id>`, the LoadBalancer dimension. */
  readonly loadBalancerArnSuffix: T;
  /** `targetgroup/<name>/<id>`, the TargetGroup dimension. */
  readonly targetGroupArnSuffix: T;
  readonly queues: readonly AlarmQueue<T>[];
}

const ELB = "AWS/ApplicationELB";
const SQS = "AWS/SQS";

/** Load balancer metrics arrive every minute. */
const ELB_PERIOD_SECONDS = 60;

/**
 * SQS metrics are watched over five minutes: AWS has documented both one- and five-minute
 * publication, and a one-minute period over five-minute data would read four minutes in five as
 * missing (that is, healthy).
 */
const SQS_PERIOD_SECONDS = 300;

/** Longest response a target can give behind an ALB: the highest idle timeout, in seconds. */
export const MAX_TARGET_RESPONSE_SECONDS = 4000;

/** The longest SQS retention: no message can be older. */
export const MAX_QUEUE_MESSAGE_AGE_SECONDS = 1_209_600;

/** The alarm name for a key. */
export const alarmName = (namePrefix: string, region: string, key: string): string => `${namePrefix}-${region}-${key}`;

/**
 * The alarms of one region: the ALB 5xx rate, the p99 response time and unhealthy targets, and per
 * queue a non-empty dead-letter queue and the age of the oldest message. Every alarm reads missing
 * data as healthy, since these metrics are absent when there is no traffic or no message.
 */
export function regionalAlarmSpecs<T>(input: AlarmSpecInput<T>): AlarmSpec<T>[] {
  const { region, namePrefix, thresholds } = input;
  const lb = { LoadBalancer: input.loadBalancerArnSuffix };
  const target = { TargetGroup: input.targetGroupArnSuffix, LoadBalancer: input.loadBalancerArnSuffix };
  const elbSum = (id: string, metricName: string): AlarmMetricQuery<T> => ({
    id,
    returnData: false,
    metric: { namespace: ELB, metricName, dimensions: lb, period: ELB_PERIOD_SECONDS, stat: "Sum" },
  });
  const named = (key: string) => ({ key, name: alarmName(namePrefix, region, key) });

  const specs: AlarmSpec<T>[] = [
    {
      ...named("alb-5xx-rate"),
      description:
        `5xx responses (load balancer and targets) above ${thresholds.alb5xxPercent}% of requests in 3 of 5 minutes in ${region}. ` +
        "No traffic counts as healthy.",
      comparisonOperator: "GreaterThanThreshold",
      threshold: thresholds.alb5xxPercent,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      metricQueries: [
        elbSum("requests", "RequestCount"),
        elbSum("elb5xx", "HTTPCode_ELB_5XX_Count"),
        elbSum("target5xx", "HTTPCode_Target_5XX_Count"),
        // 5xx counts are only published when non-zero, hence FILL
        { id: "errors", expression: "FILL(elb5xx, 0) + FILL(target5xx, 0)", label: "5xx responses", returnData: false },
        // No division by zero: without requests the rate is 0, unless the load balancer itself
        // answered 5xx (no healthy target) to requests RequestCount does not count: then 100.
        {
          id: "errorrate",
          expression: "IF(FILL(requests, 0) > 0, 100 * errors / FILL(requests, 0), IF(errors > 0, 100, 0))",
          label: "5xx responses (% of requests)",
          returnData: true,
        },
      ],
    },
    {
      ...named("target-response-p99"),
      description: `p99 target response time above ${thresholds.targetResponseP99Seconds} s in 3 of 5 minutes in ${region}.`,
      comparisonOperator: "GreaterThanThreshold",
      threshold: thresholds.targetResponseP99Seconds,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: "notBreaching",
      metric: { namespace: ELB, metricName: "TargetResponseTime", dimensions: target, period: ELB_PERIOD_SECONDS, extendedStatistic: "p99" },
      // a p99 over a handful of requests is noise, not a trend
      evaluateLowSampleCountPercentiles: "ignore",
    },
    {
      ...named("unhealthy-hosts"),
      description: `At least one unhealthy target in the web target group for 5 minutes in ${region}.`,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      // five minutes, so that instances replaced by a deployment or scale-in do not page anyone
      evaluationPeriods: 5,
      datapointsToAlarm: 5,
      treatMissingData: "notBreaching",
      metric: { namespace: ELB, metricName: "UnHealthyHostCount", dimensions: target, period: ELB_PERIOD_SECONDS, statistic: "Maximum" },
    },
  ];

  for (const queue of input.queues) {
    specs.push(
      {
        ...named(`queue-${queue.name}-dlq-not-empty`),
        description: `The dead-letter queue of ${queue.name} in ${region} holds messages: some messages failed every delivery attempt.`,
        comparisonOperator: "GreaterThanThreshold",
        threshold: 0,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        treatMissingData: "notBreaching",
        metric: {
          namespace: SQS,
          metricName: "ApproximateNumberOfMessagesVisible",
          dimensions: { QueueName: queue.deadLetterQueueName },
          period: SQS_PERIOD_SECONDS,
          statistic: "Maximum",
        },
      },
      {
        ...named(`queue-${queue.name}-oldest-message-age`),
        description:
          `The oldest message of ${queue.name} in ${region} is older than ${thresholds.queueOldestMessageAgeSeconds} s ` +
          "for 10 minutes: consumers are not keeping up.",
        comparisonOperator: "GreaterThanThreshold",
        threshold: thresholds.queueOldestMessageAgeSeconds,
        evaluationPeriods: 2,
        datapointsToAlarm: 2,
        treatMissingData: "notBreaching",
        metric: {
          namespace: SQS,
          metricName: "ApproximateAgeOfOldestMessage",
          dimensions: { QueueName: queue.queueName },
          period: SQS_PERIOD_SECONDS,
          statistic: "Maximum",
        },
      },
    );
  }
  return specs;
}

/** Why the thresholds cannot be used, one line per problem. */
export function alarmThresholdProblems(thresholds: AlarmThresholds): string[] {
  const problems: string[] = [];
  const { alb5xxPercent, targetResponseP99Seconds, queueOldestMessageAgeSeconds } = thresholds;
  if (!Number.isFinite(alb5xxPercent) || alb5xxPercent <= 0 || alb5xxPercent >= 100) {
    problems.push(`thresholds.alb5xxPercent must be more than 0 and less than 100 (a percentage of requests), got ${alb5xxPercent}`);
  }
  if (!Number.isFinite(targetResponseP99Seconds) || targetResponseP99Seconds <= 0 || targetResponseP99Seconds > MAX_TARGET_RESPONSE_SECONDS) {
    problems.push(
      `thresholds.targetResponseP99Seconds must be more than 0 and at most ${MAX_TARGET_RESPONSE_SECONDS} ` +
        `(the longest ALB idle timeout), got ${targetResponseP99Seconds}`,
    );
  }
  if (!Number.isInteger(queueOldestMessageAgeSeconds) || queueOldestMessageAgeSeconds < 1 || queueOldestMessageAgeSeconds >= MAX_QUEUE_MESSAGE_AGE_SECONDS) {
    problems.push(
      `thresholds.queueOldestMessageAgeSeconds must be an integer from 1 to ${MAX_QUEUE_MESSAGE_AGE_SECONDS - 1} ` +
        `(no message outlives the 14-day maximum retention), got ${queueOldestMessageAgeSeconds}`,
    );
  }
  return problems;
}

/** Longest alarm name CloudWatch accepts. */
export const MAX_ALARM_NAME_LENGTH = 255;
/** Longest alarm description CloudWatch accepts. */
export const MAX_ALARM_DESCRIPTION_LENGTH = 1024;
/** Longest span an alarm may evaluate: period × evaluation periods, one day. */
export const MAX_ALARM_EVALUATION_SECONDS = 86_400;
/** Most `MetricStat` entries of a metric-math alarm, and most expressions. */
export const MAX_ALARM_METRICS = 10;
export const MAX_ALARM_EXPRESSIONS = 10;
/** Most dimensions of one metric. */
export const MAX_METRIC_DIMENSIONS = 30;
/** Longest dimension value. */
export const MAX_DIMENSION_VALUE_LENGTH = 1024;

/** A metric-math ID: a lowercase letter, then letters, digits and underscores. */
export const METRIC_ID_PATTERN = /^[a-z][a-zA-Z0-9_]{0,254}$/;

/** A percentile statistic, p0 to p100 with at most two decimals. */
const PERCENTILE = /^p(\d{1,3})(\.\d{1,2})?$/;

/** True when CloudWatch accepts `value` as a percentile extended statistic. */
export function isPercentileStatistic(value: string): boolean {
  const match = PERCENTILE.exec(value);
  if (!match) return false;
  const percentile = Number(`${match[1]}${match[2] ?? ""}`);
  return percentile >= 0 && percentile <= 100;
}

/** True when CloudWatch accepts the period of an alarm (high resolution 10 or 30, else whole minutes). */
export const isAlarmPeriod = (seconds: number): boolean =>
  seconds === 10 || seconds === 30 || (Number.isInteger(seconds) && seconds >= 60 && seconds % 60 === 0);

function dimensionProblems(where: string, dimensions: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const count = Object.keys(dimensions).length;
  if (count > MAX_METRIC_DIMENSIONS) problems.push(`${where} has ${count} dimensions; CloudWatch allows at most ${MAX_METRIC_DIMENSIONS}`);
  for (const [key, value] of Object.entries(dimensions)) {
    // unknown Outputs are checked by AWS; plain strings are checked here
    if (typeof value === "string" && (value.length < 1 || value.length > MAX_DIMENSION_VALUE_LENGTH)) {
      problems.push(`${where} dimension ${key} must be 1 to ${MAX_DIMENSION_VALUE_LENGTH} characters, got ${value.length}`);
    }
  }
  return problems;
}

/**
 * Every reason CloudWatch would reject the alarm, as lines starting `alarm <key>:`. Covers the name
 * and description lengths, the period, evaluation periods and datapoints to alarm, the one-day
 * evaluation span, a single metric xor metric math, statistic xor percentile, the percentile
 * format, metric-math IDs, a single returned expression and the ten-metric limit.
 */
export function alarmSpecProblems(spec: AlarmSpec<unknown>): string[] {
  const problems: string[] = [];
  const add = (message: string) => problems.push(`alarm ${spec.key}: ${message}`);

  // eslint-disable-next-line no-control-regex -- control characters are what CloudWatch refuses
  if (spec.name.length < 1 || spec.name.length > MAX_ALARM_NAME_LENGTH || /[\u0000-\u001f\u007f]/.test(spec.name)) {
    add(
      `name "${spec.name}" is ${spec.name.length} characters long; CloudWatch allows 1 to ${MAX_ALARM_NAME_LENGTH} ` +
        "without control characters (shorten namePrefix or the queue name)",
    );
  }
  if (spec.description.length > MAX_ALARM_DESCRIPTION_LENGTH) {
    add(`description is ${spec.description.length} characters long; CloudWatch allows at most ${MAX_ALARM_DESCRIPTION_LENGTH}`);
  }
  if (!Number.isFinite(spec.threshold)) add(`threshold must be a finite number, got ${spec.threshold}`);
  if (!Number.isInteger(spec.evaluationPeriods) || spec.evaluationPeriods < 1) {
    add(`evaluationPeriods must be a positive integer, got ${spec.evaluationPeriods}`);
  }
  if (!Number.isInteger(spec.datapointsToAlarm) || spec.datapointsToAlarm < 1 || spec.datapointsToAlarm > spec.evaluationPeriods) {
    add(`datapointsToAlarm must be an integer from 1 to evaluationPeriods (${spec.evaluationPeriods}), got ${spec.datapointsToAlarm}`);
  }

  const periods: number[] = [];
  if ((spec.metric === undefined) === (spec.metricQueries === undefined)) {
    add("needs exactly one of metric and metricQueries");
  }
  if (spec.metric) {
    const metric = spec.metric;
    periods.push(metric.period);
    if ((metric.statistic === undefined) === (metric.extendedStatistic === undefined)) {
      add("metric needs exactly one of statistic and extendedStatistic");
    }
    if (metric.extendedStatistic !== undefined && !isPercentileStatistic(metric.extendedStatistic)) {
      add(`extendedStatistic must be a percentile such as p99 or p99.9 (p0 to p100, at most two decimals), got "${metric.extendedStatistic}"`);
    }
    if (spec.evaluateLowSampleCountPercentiles !== undefined && metric.extendedStatistic === undefined) {
      add("evaluateLowSampleCountPercentiles only applies to percentile statistics");
    }
    problems.push(...dimensionProblems(`alarm ${spec.key}: metric ${metric.metricName}`, metric.dimensions));
  }
  if (spec.metricQueries) {
    const queries = spec.metricQueries;
    const metrics = queries.filter((q) => q.metric !== undefined).length;
    const expressions = queries.filter((q) => q.expression !== undefined).length;
    if (metrics > MAX_ALARM_METRICS) add(`metricQueries fetch ${metrics} metrics; an alarm allows at most ${MAX_ALARM_METRICS}`);
    if (expressions > MAX_ALARM_EXPRESSIONS) add(`metricQueries hold ${expressions} expressions; an alarm allows at most ${MAX_ALARM_EXPRESSIONS}`);
    const returned = queries.filter((q) => q.returnData).map((q) => q.id);
    if (returned.length !== 1) add(`exactly one metric query must have returnData, got ${returned.length} (${returned.join(", ")})`);
    const seen = new Set<string>();
    for (const query of queries) {
      if (!METRIC_ID_PATTERN.test(query.id)) {
        add(`metric query id "${query.id}" must start with a lowercase letter and contain only letters, digits and _ (at most 255)`);
      }
      if (seen.has(query.id)) add(`metric query id "${query.id}" is used twice`);
      seen.add(query.id);
      if ((query.metric === undefined) === (query.expression === undefined)) {
        add(`metric query "${query.id}" needs exactly one of metric and expression`);
      }
      if (query.metric) {
        periods.push(query.metric.period);
        problems.push(...dimensionProblems(`alarm ${spec.key}: metric query "${query.id}"`, query.metric.dimensions));
      }
    }
  }
  for (const period of new Set(periods)) {
    if (!isAlarmPeriod(period)) add(`period must be 10, 30 or a multiple of 60 seconds, got ${period}`);
    else if (period * spec.evaluationPeriods > MAX_ALARM_EVALUATION_SECONDS) {
      add(
        `period × evaluationPeriods is ${period * spec.evaluationPeriods} seconds; ` + `CloudWatch evaluates at most ${MAX_ALARM_EVALUATION_SECONDS} (one day)`,
      );
    }
  }
  return problems;
}

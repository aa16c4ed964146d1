/**
 * The SLOs of one region's dynamic routes, and their multi-window burn-rate alarms, as data.
 *
 * Two SLIs from the load balancer (every route class a region serves goes through it: write routes
 * in the primary, the read classes everywhere): availability (requests answered without a 5xx:
 * target and load-balancer 5xx over RequestCount) and latency (requests whose TargetResponseTime
 * is at most the threshold, CloudWatch's percentile rank `PR(:t)`). The burn rate is the error
 * share over the error budget (100 % − objective): 1 spends the budget in exactly 30 days.
 *
 * Each condition is a pair of windows that must both burn faster than the factor (the long one
 * proves it is significant, the short one that it is still happening): 14.4x over 1 h and 5 min
 * (2 % of the budget in an hour: page), 6x over 6 h and 30 min (5 % in six hours: page). One
 * metric alarm per window (CloudWatch evaluates one period per alarm), one composite alarm per pair.
 *
 * @see https://sre.google/workbook/alerting-on-slos/
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
import { MAX_ALARM_RULE_LENGTH } from "./limits";

/** A burn-rate condition: both windows above the factor. */
export interface BurnCondition {
  /** `fast` or `slow`, in alarm names. */
  readonly key: "fast" | "slow";
  readonly factor: number;
  /** Seconds of the long and the short window. */
  readonly longSeconds: number;
  readonly shortSeconds: number;
}

/** The two conditions of the SRE workbook's multi-window, multi-burn-rate alerts. */
export const BURN_CONDITIONS: readonly BurnCondition[] = [
  { key: "fast", factor: 14.4, longSeconds: 3600, shortSeconds: 300 },
  { key: "slow", factor: 6, longSeconds: 21600, shortSeconds: 1800 },
];

/** The SLIs. */
export const SLIS = ["availability", "latency"] as const;

/** An SLI. */
export type Sli = (typeof SLIS)[number];

/** The objectives of a region. */
export interface SloObjectives {
  readonly availabilityObjectivePercent: number;
  readonly latencyObjectivePercent: number;
  readonly latencyThresholdSeconds: number;
}

/** One metric-math query of a window alarm. */
export interface SloQuery<T> {
  readonly id: string;
  readonly returnData: boolean;
  readonly label?: string;
  readonly expression?: string;
  readonly metric?: {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Readonly<Record<string, T>>;
    readonly period: number;
    /** `Sum`, or a percentile rank such as `PR(:0.5)`. */
    readonly stat: string;
  };
}

/** One window alarm. */
export interface WindowAlarmSpec<T> {
  /** Resource-name suffix, e.g. `slo-availability-fast-long`. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly threshold: number;
  readonly period: number;
  readonly queries: readonly SloQuery<T>[];
}

/** One composite burn alarm: the AND of its two windows. */
export interface BurnAlarmSpec<T> {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly sli: Sli | "edge";
  readonly condition: BurnCondition;
  readonly long: WindowAlarmSpec<T>;
  readonly short: WindowAlarmSpec<T>;
}

const windowLabel = (seconds: number) => (seconds >= 3600 ? `${seconds / 3600}h` : `${seconds / 60}m`);

/** A percentile-rank stat that CloudWatch accepts: `PR(:0.5)`. */
export function percentileRankStat(thresholdSeconds: number): string {
  return `PR(:${Number(thresholdSeconds.toFixed(6))})`;
}

/** The queries of one window: the burn rate of the SLI over the period. */
export function burnQueries<T>(sli: Sli, period: number, objectives: SloObjectives, dimensions: { loadBalancer: T; targetGroup: T }): SloQuery<T>[] {
  const lb = { LoadBalancer: dimensions.loadBalancer };
  const tg = { LoadBalancer: dimensions.loadBalancer, TargetGroup: dimensions.targetGroup };
  const metric = (id: string, metricName: string, dims: Readonly<Record<string, T>>, stat: string): SloQuery<T> => ({
    id,
    returnData: false,
    metric: { namespace: "AWS/ApplicationELB", metricName, dimensions: dims, period, stat },
  });
  if (sli === "availability") {
    const budget = 100 - objectives.availabilityObjectivePercent;
    return [
      metric("requests", "RequestCount", lb, "Sum"),
      metric("target5xx", "HTTPCode_Target_5XX_Count", lb, "Sum"),
      metric("elb5xx", "HTTPCode_ELB_5XX_Count", lb, "Sum"),
      {
        id: "burn",
        returnData: true,
        label: `availability burn rate (${windowLabel(period)})`,
        // no request, no error: a quiet region does not burn
        expression: `IF(requests > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / requests / ${Number(budget.toFixed(6))}, 0)`,
      },
    ];
  }
  const budget = 100 - objectives.latencyObjectivePercent;
  return [
    metric("requests", "RequestCount", tg, "Sum"),
    metric("fast", "TargetResponseTime", tg, percentileRankStat(objectives.latencyThresholdSeconds)),
    {
      id: "burn",
      returnData: true,
      label: `latency burn rate (${windowLabel(period)})`,
      expression: `IF(requests > 0, (100 - FILL(fast, 100)) / ${Number(budget.toFixed(6))}, 0)`,
    },
  ];
}

/** The burn alarms of a region: per SLI, the fast and the slow condition. */
export function burnAlarmSpecs<T>(prefix: string, objectives: SloObjectives, dimensions: { loadBalancer: T; targetGroup: T }): BurnAlarmSpec<T>[] {
  const specs: BurnAlarmSpec<T>[] = [];
  for (const sli of SLIS) {
    const objective =
      sli === "availability"
        ? `${objectives.availabilityObjectivePercent}% of requests without a 5xx`
        : `${objectives.latencyObjectivePercent}% of requests within ${objectives.latencyThresholdSeconds} s`;
    for (const condition of BURN_CONDITIONS) {
      const window = (which: "long" | "short"): WindowAlarmSpec<T> => {
        const period = which === "long" ? condition.longSeconds : condition.shortSeconds;
        return {
          key: `slo-${sli}-${condition.key}-${which}`,
          name: `${prefix}-${sli}-${condition.key}-${windowLabel(period)}`,
          description: `${sli} SLO (${objective} over 30 days) burns its error budget faster than ${condition.factor}x over ${windowLabel(period)}; the composite ${sli}-${condition.key} alarm pages when the other window agrees.`,
          threshold: condition.factor,
          period,
          queries: burnQueries(sli, period, objectives, dimensions),
        };
      };
      specs.push({
        key: `slo-${sli}-${condition.key}`,
        name: `${prefix}-${sli}-${condition.key}-burn`,
        description: `${sli} SLO (${objective} over 30 days): the error budget burns faster than ${condition.factor}x over both ${windowLabel(condition.longSeconds)} and ${windowLabel(condition.shortSeconds)}.`,
        sli,
        condition,
        long: window("long"),
        short: window("short"),
      });
    }
  }
  return specs;
}

/**
 * The edge's availability SLO: CloudFront's 5xx error rate of the distribution (every route class,
 * static included) over its error budget, on the same window pairs. CloudWatch publishes the rate
 * per minute, so a window's average weighs minutes, not requests: an approximation the regions'
 * request-counted SLOs do not need.
 */
export function edgeBurnAlarmSpecs<T>(prefix: string, objectivePercent: number, distributionId: T): BurnAlarmSpec<T>[] {
  const budget = Number((100 - objectivePercent).toFixed(6));
  const dims = { DistributionId: distributionId, Region: "Global" as T };
  return BURN_CONDITIONS.map((condition) => {
    const window = (which: "long" | "short"): WindowAlarmSpec<T> => {
      const period = which === "long" ? condition.longSeconds : condition.shortSeconds;
      return {
        key: `slo-edge-${condition.key}-${which}`,
        name: `${prefix}-edge-${condition.key}-${windowLabel(period)}`,
        description: `Edge availability SLO (${objectivePercent}% of CloudFront responses without a 5xx over 30 days) burns faster than ${condition.factor}x over ${windowLabel(period)}.`,
        threshold: condition.factor,
        period,
        queries: [
          { id: "requests", returnData: false, metric: { namespace: "AWS/CloudFront", metricName: "Requests", dimensions: dims, period, stat: "Sum" } },
          { id: "rate5xx", returnData: false, metric: { namespace: "AWS/CloudFront", metricName: "5xxErrorRate", dimensions: dims, period, stat: "Average" } },
          {
            id: "burn",
            returnData: true,
            label: `edge availability burn rate (${windowLabel(period)})`,
            expression: `IF(requests > 0, FILL(rate5xx, 0) / ${budget}, 0)`,
          },
        ],
      };
    };
    return {
      key: `slo-edge-${condition.key}`,
      name: `${prefix}-edge-${condition.key}-burn`,
      description: `Edge availability SLO (${objectivePercent}% over 30 days): the error budget burns faster than ${condition.factor}x over both ${windowLabel(condition.longSeconds)} and ${windowLabel(condition.shortSeconds)}.`,
      sli: "edge" as const,
      condition,
      long: window("long"),
      short: window("short"),
    };
  });
}

/** A composite alarm rule: every alarm named in ALARM (`AND`) or any (`OR`). */
export function alarmRule(operator: "AND" | "OR", alarmNames: readonly string[]): string {
  const rule = alarmNames.map((name) => `ALARM("${name}")`).join(` ${operator} `);
  // PutCompositeAlarm refuses a longer rule only at deploy time
  if (rule.length > MAX_ALARM_RULE_LENGTH) throw new Error(`composite alarm rule is ${rule.length} characters; CloudWatch allows ${MAX_ALARM_RULE_LENGTH}`);
  return rule;
}

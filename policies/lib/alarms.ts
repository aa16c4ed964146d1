/**
 * CloudWatch metric alarms as coverage checks read them: which metrics (namespace and dimensions)
 * an alarm watches, directly or through metric-math queries, and whether it notifies anyone.
 */
import { UnknownValueError, type PolicyResource } from "@pulumi/policy";
import { dependsThrough, known, matchableStringProp } from "./graph";

export const METRIC_ALARM_TYPE = "aws:cloudwatch/metricAlarm:MetricAlarm";
export const COMPOSITE_ALARM_TYPE = "aws:cloudwatch/compositeAlarm:CompositeAlarm";

/** One metric an alarm reads; a dimension value is undefined while unknown. */
export interface AlarmMetric {
  readonly namespace?: string;
  readonly dimensions: Readonly<Record<string, string | undefined>>;
}

function dimensionsOf(value: unknown): Record<string, string | undefined> {
  if (value === null || typeof value !== "object") return {};
  const dimensions: Record<string, string | undefined> = {};
  for (const key of Object.keys(value)) {
    const item = known((): unknown => (value as Record<string, unknown>)[key]);
    dimensions[key] = typeof item === "string" ? item : undefined;
  }
  return dimensions;
}

/** The metrics an alarm watches: its own metric, and each metric of its metric queries. */
export function alarmMetrics(alarm: PolicyResource): AlarmMetric[] {
  const metrics: AlarmMetric[] = [];
  const namespace = known((): unknown => alarm.props.namespace);
  const dimensions = known((): unknown => alarm.props.dimensions);
  if (namespace !== undefined || dimensions !== undefined) {
    metrics.push({ ...(typeof namespace === "string" ? { namespace } : {}), dimensions: dimensionsOf(dimensions) });
  }
  const queries = known((): unknown => alarm.props.metricQueries);
  if (Array.isArray(queries)) {
    for (const query of queries as Array<{ metric?: { namespace?: unknown; dimensions?: unknown } }>) {
      const metric = known(() => query.metric);
      if (metric === undefined || metric === null) continue;
      const ns = known(() => metric.namespace);
      metrics.push({ ...(typeof ns === "string" ? { namespace: ns } : {}), dimensions: dimensionsOf(known(() => metric.dimensions)) });
    }
  }
  return metrics;
}

/** True when the alarm's metric or metric queries depend on one of `targets` (how preview matches while names are unknown). */
export function alarmDependsOn(alarm: PolicyResource, targets: readonly PolicyResource[]): boolean {
  return dependsThrough(alarm, "dimensions", targets) || dependsThrough(alarm, "metricQueries", targets);
}

/** True unless the alarm's actions are disabled or it has no alarm action (unknown ARNs count as actions). */
export function alarmNotifies(alarm: PolicyResource): boolean {
  if (known((): unknown => alarm.props.actionsEnabled) === false) return false;
  const actions = known((): unknown => alarm.props.alarmActions);
  if (actions === undefined) return true;
  return Array.isArray(actions) && actions.length > 0;
}

/**
 * True when the composite alarm's rule names the metric alarm: through the rule's property
 * dependencies (preview, names unknown), else because the known rule tests its state by name or
 * ARN (`ALARM("<name>")`, `OK(<arn>)`, ...).
 */
export function compositeReferences(composite: PolicyResource, alarm: PolicyResource): boolean {
  if (dependsThrough(composite, "alarmRule", [alarm])) return true;
  const rule = matchableStringProp(composite, "alarmRule");
  if (rule === undefined) return false;
  const names = [matchableStringProp(alarm, "name"), matchableStringProp(alarm, "arn")].filter((value): value is string => value !== undefined && value !== "");
  return names.some((name) => rule.includes(`("${name}")`) || rule.includes(`(${name})`));
}

/**
 * Like `alarmNotifies`, but a missing `alarmActions` means none (only a value unknown during
 * preview counts as an action): for the check that every alarm notifies someone.
 */
export function alarmHasEnabledAction(alarm: PolicyResource): boolean {
  if (known((): unknown => alarm.props.actionsEnabled) === false) return false;
  let actions: unknown;
  try {
    actions = alarm.props.alarmActions;
  } catch (err) {
    if (err instanceof UnknownValueError) return true;
    throw err;
  }
  return Array.isArray(actions) && actions.length > 0;
}

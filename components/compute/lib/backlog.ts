/**
 * Metric-math expressions of the worker's scaling: CloudWatch metric IDs must start with a
 * lowercase letter and contain only letters, digits and underscores.
 */

/** IDs of the per-queue visible-messages metrics: q0, q1, … */
export function queueMetricIds(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `q${index}`);
}

/** Visible messages of every queue over in-service instances. */
export function backlogExpression(queueIds: readonly string[]): string {
  if (queueIds.length === 0) throw new Error("the worker needs at least one queue to scale on");
  return `(${queueIds.join(" + ")}) / inservice`;
}

/** 1 while messages wait and no instance is in service, else 0. */
export function scaleFromZeroExpression(queueIds: readonly string[]): string {
  if (queueIds.length === 0) throw new Error("the worker needs at least one queue to scale on");
  // nested IF rather than a logical operator: only IF and comparisons are needed
  return `IF(inservice == 0, IF((${queueIds.join(" + ")}) > 0, 1, 0), 0)`;
}

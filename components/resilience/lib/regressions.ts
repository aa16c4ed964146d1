/**
 * Resilience regressions between two plans of one stack: every failure domain present in both
 * whose outcome got worse. A domain that only the base has (a removed AZ or region) is not itself
 * a finding; what its removal costs shows in the domains that remain (fewer regions serving, fewer
 * switchover targets, less capacity).
 */
import { ROUTE_STATUS_RANK, type DomainOutcome } from "./survivability";

/** One domain that got worse, with every reason. */
export interface ResilienceRegression {
  readonly key: string;
  readonly label: string;
  readonly reasons: readonly string[];
}

const rpoText = (value: number | null | undefined) => (value === undefined ? "not affected" : value === null ? "unbounded" : `${value} s`);
/** An RPO bound's badness: absent < a number < unbounded. */
const rpoRank = (value: number | null | undefined) => (value === undefined ? -1 : value === null ? Number.POSITIVE_INFINITY : value);

/** The reasons `head` is worse than `base` for one domain (none when it is not). */
export function domainRegressions(base: DomainOutcome, head: DomainOutcome): string[] {
  const reasons: string[] = [];
  for (const route of head.routes) {
    const before = base.routes.find((candidate) => candidate.pathPattern === route.pathPattern);
    if (before && ROUTE_STATUS_RANK[route.status] > ROUTE_STATUS_RANK[before.status])
      reasons.push(`route \`${route.pathPattern}\` (${route.method}) ${before.status} → ${route.status}`);
  }
  // the regions left matter where a region is lost; elsewhere they are the same regions, one fewer in every row
  if (head.domain.kind === "region") {
    if (head.regionsServing < base.regionsServing) reasons.push(`regions still serving ${base.regionsServing} → ${head.regionsServing}`);
    if (head.promotionTargets < base.promotionTargets) reasons.push(`regions that can take the writer ${base.promotionTargets} → ${head.promotionTargets}`);
  }
  const shortfall = (outcome: DomainOutcome) => Math.max(0, outcome.capacity.required - outcome.capacity.reachable);
  if (shortfall(head) > shortfall(base))
    reasons.push(
      `reachable web capacity ${head.capacity.reachable} of ${head.capacity.required} required (was ${base.capacity.reachable} of ${base.capacity.required})`,
    );
  for (const store of ["database", "cache"] as const) {
    if (head.readOnly.some((entry) => entry.store === store) && !base.readOnly.some((entry) => entry.store === store))
      reasons.push(`the ${store} turns read-only`);
    if (rpoRank(head.rpo[store]) > rpoRank(base.rpo[store])) reasons.push(`${store} RPO bound ${rpoText(base.rpo[store])} → ${rpoText(head.rpo[store])}`);
  }
  return reasons;
}

/** Every domain of both plans that got worse, in the head's order. */
export function resilienceRegressions(base: readonly DomainOutcome[], head: readonly DomainOutcome[]): ResilienceRegression[] {
  return head.flatMap((outcome) => {
    const before = base.find((candidate) => candidate.key === outcome.key);
    const reasons = before ? domainRegressions(before, outcome) : [];
    return reasons.length > 0 ? [{ key: outcome.key, label: outcome.label, reasons }] : [];
  });
}

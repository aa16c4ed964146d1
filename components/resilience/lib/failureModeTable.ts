/**
 * The report's failure-mode table: one row per failure domain, from the survivability analysis.
 */
import type { DomainOutcome, RouteOutcome } from "./survivability";

const escape = (text: string) => text.replace(/\|/g, "\\|");

/** Routes grouped by status: `serves: GET /read/*, …`. */
function routesCell(routes: readonly RouteOutcome[]): string {
  if (routes.length === 0) return "(no edge routes)";
  const byStatus = new Map<string, string[]>();
  for (const route of routes) byStatus.set(route.status, [...(byStatus.get(route.status) ?? []), `${route.method} \`${route.pathPattern}\``]);
  return [...byStatus.entries()].map(([status, list]) => `${status}: ${list.join(", ")}`).join("; ");
}

function rpoCell(outcome: DomainOutcome): string {
  const parts = (["database", "cache"] as const).flatMap((store) => {
    const value = outcome.rpo[store];
    if (value === undefined) return [];
    return [`${store} ${value === null ? "everything since the last backup" : value === 0 ? "none" : `≤ ${value} s`}`];
  });
  return parts.length > 0 ? parts.join(", ") : "no data lost";
}

/** The section's lines (none when the plan has no region). */
export function failureModeSection(outcomes: readonly DomainOutcome[]): string[] {
  if (outcomes.length === 0) return [];
  const header = ["failure domain", "routes", "regions serving", "web capacity (now / reachable / required)", "read-only", "RPO bound", "recovery"];
  const rows = outcomes.map((outcome) => [
    outcome.label,
    routesCell(outcome.routes),
    String(outcome.regionsServing),
    `${outcome.capacity.immediate} / ${outcome.capacity.reachable} / ${outcome.capacity.required}`,
    outcome.readOnly.length > 0 ? outcome.readOnly.map((entry) => `${entry.store} until ${entry.until}`).join("; ") : "nothing",
    rpoCell(outcome),
    outcome.recovery,
  ]);
  return [
    "### Failure modes",
    "",
    "What still works when each failure domain is lost, read from this plan: the routes (as the planned edge routes them), the regions whose web tier still serves, the web instances running right after the failure and reachable by scaling against the profile's requirement (the sum of the regions' minimum sizes), the data that turns read-only, the RPO bound (the replication-lag alarms' thresholds) and the recovery action.",
    "",
    "| " + header.join(" | ") + " |",
    "| " + header.map(() => "---").join(" | ") + " |",
    ...rows.map((row) => "| " + row.map(escape).join(" | ") + " |"),
  ];
}

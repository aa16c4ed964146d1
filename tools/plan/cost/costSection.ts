/**
 * The report's "Cost" section: per region the monthly range (minimum to maximum capacity), the
 * stack's total, the standby line, the priced lines, the assumptions and the snapshot's date and
 * source; and the delta against a base plan for the diff and the pull-request comment.
 */
import { code, table } from "../report/markdown";
import type { CostEstimate, Range } from "./estimate";

/** `$1,234` (whole dollars: the estimate is a list-price range, not an invoice). */
export function dollars(amount: number): string {
  return `$${Math.round(amount).toLocaleString("en-US")}`;
}

/** `$1,234–$2,345`, or one figure when both ends agree. */
export function range(value: Range): string {
  return Math.round(value.min) === Math.round(value.max) ? dollars(value.min) : `${dollars(value.min)}–${dollars(value.max)}`;
}

/** A signed change: `+$12`, `−$3`, `±$0`. */
function signed(amount: number): string {
  const rounded = Math.round(amount);
  return rounded === 0 ? "±$0" : rounded > 0 ? `+${dollars(rounded)}` : `−${dollars(-rounded)}`;
}

/** The one-line summary: total and standby. */
export function costSummaryLine(estimate: CostEstimate): string {
  return (
    `**Estimated list price: ${range(estimate.total)} a month** (minimum to maximum capacity; usage-driven charges not included)` +
    (estimate.standby.max > 0 ? `, of which **standby ${range(estimate.standby)}** serves no route in normal operation.` : ".")
  );
}

/** The change of the monthly range against a base plan's estimate; no base → "no base cost". */
export function costDeltaLine(head: CostEstimate, base: CostEstimate | undefined): string {
  if (base === undefined) return `**Cost:** ${range(head.total)} a month; no base cost (no base plan of this stack).`;
  const min = head.total.min - base.total.min;
  const max = head.total.max - base.total.max;
  const change = Math.round(min) === Math.round(max) ? signed(min) : `${signed(min)} to ${signed(max)}`;
  return `**Cost:** ${range(head.total)} a month, ${change} against the base (${range(base.total)}).`;
}

/** The whole section. */
export function costSection(estimate: CostEstimate, options: { readonly base?: CostEstimate | "none" } = {}): string[] {
  const lines = ["### Cost", "", costSummaryLine(estimate), ""];
  if (options.base !== undefined) lines.push(costDeltaLine(estimate, options.base === "none" ? undefined : options.base), "");
  lines.push(
    ...table(
      ["location", "monthly (min–max)", "standby"],
      [
        ...estimate.locations.map((entry) => [entry.location, range(entry.monthly), entry.standby.max > 0 ? range(entry.standby) : ""]),
        ["**total**", `**${range(estimate.total)}**`, estimate.standby.max > 0 ? `**${range(estimate.standby)}**` : ""],
      ],
      ["l", "r", "r"],
    ),
    "",
    "Standby is capacity that serves no route in normal operation: every priced resource of a region no planned route is served from " +
      "(it takes traffic only after a failover), and the database instances and cache nodes of a secondary region " +
      "(they take writes only after a switchover, though they serve that region's reads).",
    "",
  );
  for (const note of [...estimate.missingPrices, ...estimate.unclassified.map((type) => `${type}: no component states its cost (not counted)`)]) {
    lines.push(`- :warning: ${note}`);
  }
  if (estimate.missingPrices.length + estimate.unclassified.length > 0) lines.push("");
  lines.push(
    "<details>",
    `<summary>${estimate.lines.length} priced line(s), ${estimate.assumptions.size} usage-driven assumption(s), ${estimate.free.size} free type(s)</summary>`,
    "",
    ...table(
      ["location", "what", "SKU", "unit price", "monthly (min–max)", "standby"],
      estimate.lines.map((line) => [line.location, line.what, code(line.sku), `$${line.unitPrice}`, range(line.monthly), line.standby ?? ""]),
      ["l", "l", "l", "r", "r", "l"],
    ),
    "",
    "Not in the range (usage-driven, stated assumptions):",
    "",
    ...[...estimate.assumptions.entries()].map(([type, assumption]) => `- ${code(type)}: ${assumption}`),
    "",
    `Free: ${[...estimate.free.keys()].map(code).join(", ")}.`,
    "",
    `Prices: snapshot of ${estimate.snapshot.date} (tools/plan/cost/prices.json). ${estimate.snapshot.source}`,
    "",
    "</details>",
  );
  return lines;
}

/**
 * The monthly cost of a planned stack: every resource's cost rule (its component's `costs`) times
 * the snapshot's prices, per region and for the stack, at minimum and maximum capacity, with the
 * standby share and every assumption. Generic: it knows no type; a type without a rule is listed
 * as unclassified, a region or SKU missing from the snapshot as a note (never a crash).
 */
import type { ComponentPlanFacts, ReportContext } from "../../../components/lib/plan/facts";
import type { CostRule, Meter } from "../../../components/lib/plan/cost";
import { planGraph } from "../../../components/lib/plan/planGraph";
import type { PlannedResource } from "../../../components/lib/plan/plannedResource";
import { loadSnapshot, priceOf, type PriceSnapshot } from "./snapshot";

/** A monthly range in USD. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** One priced line: a SKU in a location, summed over resources. */
export interface CostLine {
  readonly location: string;
  readonly sku: string;
  readonly what: string;
  readonly unitPrice: number;
  readonly quantity: Range;
  readonly monthly: Range;
  /** Why it is standby (serves no route in normal operation); undefined when it serves. */
  readonly standby?: string;
}

/** The estimate of one stack. */
export interface CostEstimate {
  /** Per location (stack regions in order, then `global`): the monthly range. */
  readonly locations: ReadonlyArray<{ readonly location: string; readonly monthly: Range; readonly standby: Range }>;
  readonly total: Range;
  /** The part of the total that serves no route in normal operation. */
  readonly standby: Range;
  readonly lines: readonly CostLine[];
  /** Usage-driven charges not in the range: type → assumption. */
  readonly assumptions: ReadonlyMap<string, string>;
  /** Types billed nothing for the resource itself: type → reason. */
  readonly free: ReadonlyMap<string, string>;
  /** Types no component classifies (neither priced, free nor traffic-only). */
  readonly unclassified: readonly string[];
  /** Regions and SKUs the snapshot has no price for. */
  readonly missingPrices: readonly string[];
  /** Regions that serve no planned route (all their priced capacity is standby). */
  readonly standbyRegions: readonly string[];
  readonly snapshot: { readonly date: string; readonly source: string };
}

/** What the estimate reads of a plan. */
export interface CostPlan {
  readonly regions: readonly string[];
  readonly primaryRegion: string;
  readonly resources: readonly PlannedResource[];
}

/** Every component's cost rules by type, and the serving-region hooks. */
export interface CostCatalog {
  readonly rules: ReadonlyMap<string, CostRule>;
  readonly servingRegions: ReadonlyArray<NonNullable<ComponentPlanFacts["servingRegions"]>>;
}

/** Builds the catalog from the components' facts; a type priced twice is an error naming both components. */
export function costCatalog(components: readonly ComponentPlanFacts[]): CostCatalog {
  const rules = new Map<string, CostRule>();
  const owner = new Map<string, string>();
  for (const component of components) {
    for (const [type, rule] of Object.entries(component.costs ?? {})) {
      const claimed = owner.get(type);
      if (claimed !== undefined) throw new Error(`Two components state the cost of ${type}: ${claimed} and ${component.component}`);
      owner.set(type, component.component);
      rules.set(type, rule);
    }
  }
  return { rules, servingRegions: components.flatMap((c) => (c.servingRegions ? [c.servingRegions] : [])) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const add = (a: Range, b: Range): Range => ({ min: a.min + b.min, max: a.max + b.max });
const ZERO: Range = { min: 0, max: 0 };

/** The estimate of a plan with the given catalog and snapshot. */
export function estimateCost(plan: CostPlan, catalog: CostCatalog, snapshot: PriceSnapshot = loadSnapshot()): CostEstimate {
  const graph = planGraph(plan);
  const context: ReportContext = { graph, regions: plan.regions, primaryRegion: plan.primaryRegion };
  // a region serves when any component's routes are served from it; with no component telling, every region serves
  const told = catalog.servingRegions.map((hook) => hook(context)).filter((regions): regions is readonly string[] => regions !== undefined);
  const serving = told.length > 0 ? new Set(told.flat()) : new Set<string>(plan.regions);
  const standbyRegions = plan.regions.filter((region) => !serving.has(region));
  const assumptions = new Map<string, string>();
  const free = new Map<string, string>();
  const unclassified = new Set<string>();
  const missing = new Set<string>();
  const sums = new Map<string, { location: string; sku: string; what: string; unitPrice: number; quantity: Range; standby?: string }>();
  for (const resource of plan.resources) {
    const rule = catalog.rules.get(resource.type);
    // a component resource is priced only when its type states a rule (e.g. awsx's VPC and its NAT gateways)
    if (!resource.custom && rule === undefined) continue;
    if (rule === undefined) {
      unclassified.add(resource.type);
      continue;
    }
    if ("free" in rule) {
      free.set(resource.type, rule.free);
      continue;
    }
    if ("traffic" in rule && !("meters" in rule)) {
      assumptions.set(resource.type, rule.traffic);
      continue;
    }
    if (!("meters" in rule)) continue;
    if (rule.traffic !== undefined) assumptions.set(resource.type, rule.traffic);
    const location = resource.region;
    if (location !== null && snapshot.regions[location] === undefined) {
      missing.add(`region ${location}: not in the snapshot of ${snapshot.date}, its resources are not priced`);
      continue;
    }
    const standby = location !== null && standbyRegions.includes(location) ? `${location} serves no route` : undefined;
    for (const meter of rule.meters(resource, { graph, primaryRegion: plan.primaryRegion })) addMeter(meter, location, standby);
  }
  function addMeter(meter: Meter, location: string | null, standby: string | undefined): void {
    const unitPrice = priceOf(snapshot, location, meter.sku);
    const where = location ?? "global";
    if (unitPrice === undefined) {
      missing.add(`${meter.sku} in ${where}: no price in the snapshot of ${snapshot.date}`);
      return;
    }
    const why = standby ?? meter.standby;
    const key = `${where}|${meter.sku}|${meter.what}|${why ?? ""}`;
    const sum = sums.get(key) ?? { location: where, sku: meter.sku, what: meter.what, unitPrice, quantity: ZERO, ...(why ? { standby: why } : {}) };
    sums.set(key, { ...sum, quantity: add(sum.quantity, { min: meter.min, max: meter.max }) });
  }
  const lines: CostLine[] = [...sums.values()].map((sum) => ({
    ...sum,
    monthly: { min: round2(sum.quantity.min * sum.unitPrice), max: round2(sum.quantity.max * sum.unitPrice) },
  }));
  // the stack's regions, then any other region a resource is in (e.g. a key's backup replica), then global
  const others = [...new Set(lines.map((line) => line.location))].filter((location) => location !== "global" && !plan.regions.includes(location)).sort();
  const order = [...plan.regions, ...others, "global"];
  lines.sort((a, b) => order.indexOf(a.location) - order.indexOf(b.location) || b.monthly.max - a.monthly.max || a.sku.localeCompare(b.sku));
  const locations = order
    .map((location) => {
      const here = lines.filter((line) => line.location === location);
      const monthly = here.reduce((sum, line) => add(sum, line.monthly), ZERO);
      const standby = here.filter((line) => line.standby !== undefined).reduce((sum, line) => add(sum, line.monthly), ZERO);
      return { location, monthly: { min: round2(monthly.min), max: round2(monthly.max) }, standby: { min: round2(standby.min), max: round2(standby.max) } };
    })
    .filter((entry) => plan.regions.includes(entry.location) || lines.some((line) => line.location === entry.location));
  const total = locations.reduce((sum, entry) => add(sum, entry.monthly), ZERO);
  const standby = locations.reduce((sum, entry) => add(sum, entry.standby), ZERO);
  return {
    locations,
    total: { min: round2(total.min), max: round2(total.max) },
    standby: { min: round2(standby.min), max: round2(standby.max) },
    lines,
    assumptions,
    free,
    unclassified: [...unclassified].sort(),
    missingPrices: [...missing].sort(),
    standbyRegions,
    snapshot: { date: snapshot.date, source: snapshot.source },
  };
}

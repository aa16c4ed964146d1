/**
 * The cost estimate of a plan with the catalog's cost rules and the committed snapshot. A base
 * plan is priced with the same snapshot, so a delta shows what the change does, not price drift.
 */
import { FACTS } from "../facts";
import { costCatalog, estimateCost, type CostCatalog, type CostEstimate, type CostPlan } from "./estimate";
import { loadSnapshot, type PriceSnapshot } from "./snapshot";

let catalog: CostCatalog | undefined;
let snapshot: PriceSnapshot | undefined;

/** The estimate of a plan (catalog and snapshot loaded once). */
export function planCost(plan: CostPlan): CostEstimate {
  catalog ??= costCatalog(FACTS.components);
  snapshot ??= loadSnapshot();
  return estimateCost(plan, catalog, snapshot);
}

/**
 * What a component states about the monthly cost of each AWS type it creates: the rule (what is
 * metered, how much of it at the stack's minimum and maximum capacity), never the price. Prices
 * come from the dated snapshot tools/plan/cost/prices.json, keyed by region and a SKU-like key
 * (e.g. `ec2:m7g.large`); the cost engine (tools/plan/cost) multiplies the two.
 */
import type { PlanGraph } from "./planGraph";
import type { PlannedResource } from "./plannedResource";

/** Hours in a month as AWS pricing pages count them (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

/** One metered quantity of a resource per month, in the unit its SKU is priced in. */
export interface Meter {
  /** Key into the price snapshot, e.g. `ec2:m7g.large` (priced per hour). */
  readonly sku: string;
  /** What is counted, for the report (e.g. `3 × m7g.large instance hours`). */
  readonly what: string;
  /** Units per month at the stack's minimum capacity. */
  readonly min: number;
  /** Units per month at the stack's maximum capacity. */
  readonly max: number;
  /**
   * Why this capacity is standby even in a region that serves routes (e.g. a database instance of
   * a secondary cluster: it takes writes only after a switchover). @default serves
   */
  readonly standby?: string;
}

/** What a cost rule sees besides its resource. */
export interface CostContext {
  readonly graph: PlanGraph;
  readonly primaryRegion: string;
}

/** How one type is billed: free, driven only by traffic (an assumption, not in the range), or metered. */
export type CostRule =
  /** No charge for the resource itself; the reason. */
  | { readonly free: string }
  /** Billed only by usage the plan cannot know; the stated assumption (not counted in the range). */
  | { readonly traffic: string }
  | {
      /** The rule in one sentence (what is metered). */
      readonly rule: string;
      readonly meters: (resource: PlannedResource, context: CostContext) => readonly Meter[];
      /** Usage-driven charges on top, as a stated assumption. @default none */
      readonly traffic?: string;
    };

/** A type with no charge of its own. */
export const free = (reason: string): CostRule => ({ free: reason });

/** A type billed only by usage. */
export const traffic = (assumption: string): CostRule => ({ traffic: assumption });

/** A fixed monthly fee per resource (e.g. a KMS key). */
export const monthly = (sku: string, what: string, rule: string, usage?: string): CostRule => ({
  rule,
  meters: () => [{ sku, what, min: 1, max: 1 }],
  ...(usage !== undefined ? { traffic: usage } : {}),
});

/** `count` hours of a SKU all month, at both ends of the range. */
export const hours = (sku: string, count: number, what: string): Meter => ({ sku, what, min: count * HOURS_PER_MONTH, max: count * HOURS_PER_MONTH });

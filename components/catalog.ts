/**
 * The one list of the blueprint's components. Each entry declares what the offline plan engine
 * (tools/plan) knows about the component: the AWS types it creates, the invokes it calls and the
 * diagram arrows between its types (its `plan.ts`). Pure: no `@pulumi/aws` import, because
 * `plan diff` and the report load it without running a program.
 *
 * The order is the order the report's diagram draws its arrows in, within each pass (requests,
 * then replication): keep it when adding a component, or the reports change.
 */
import { cachePlanFacts } from "./cache/plan";
import { cdnPlanFacts } from "./cdn/plan";
import { chaosPlanFacts } from "./chaos/plan";
import { computePlanFacts } from "./compute/plan";
import { databasePlanFacts } from "./database/plan";
import { dnsPlanFacts } from "./dns/plan";
import { kmsPlanFacts } from "./kms/plan";
import type { ComponentPlanFacts } from "./lib/plan/facts";
import { sharedPlanFacts } from "./lib/plan/sharedTypes";
import { loadBalancerPlanFacts } from "./loadbalancer/plan";
import { networkPlanFacts } from "./network/plan";
import { observabilityPlanFacts } from "./observability/plan";
import { queuePlanFacts } from "./queue/plan";
import { secretsPlanFacts } from "./secrets/plan";

/** What the blueprint declares about one component. */
export interface ComponentDeclaration {
  /** The component's folder under components/. */
  readonly name: string;
  /** Its plan facts (components/<name>/plan.ts). */
  readonly plan: ComponentPlanFacts;
}

/** Every component that creates AWS resources. */
export const COMPONENTS: readonly ComponentDeclaration[] = [
  { name: "network", plan: networkPlanFacts },
  { name: "loadbalancer", plan: loadBalancerPlanFacts },
  { name: "compute", plan: computePlanFacts },
  { name: "queue", plan: queuePlanFacts },
  { name: "observability", plan: observabilityPlanFacts },
  { name: "database", plan: databasePlanFacts },
  { name: "cache", plan: cachePlanFacts },
  { name: "kms", plan: kmsPlanFacts },
  { name: "secrets", plan: secretsPlanFacts },
  { name: "cdn", plan: cdnPlanFacts },
  { name: "dns", plan: dnsPlanFacts },
  { name: "chaos", plan: chaosPlanFacts },
];

/** Everything the plan engine indexes: the shared types' facts, then each component's in catalog order. */
export const PLAN_FACTS: readonly ComponentPlanFacts[] = [sharedPlanFacts, ...COMPONENTS.map((component) => component.plan)];

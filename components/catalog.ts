/**
 * The one list of the blueprint's components. Each entry declares the component's config sections
 * (its `section.ts`: keys, defaults, rules; the config engine and `npm run generate` read them) and
 * what the offline plan engine (tools/plan) knows about it: the AWS types it creates, the invokes
 * it calls and the diagram arrows between its types (its `plan.ts`). Pure: no `@pulumi/aws` import,
 * because `plan diff` and the report load it without running a program.
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
import { cacheSection } from "./cache/section";
import { routesSection } from "./cdn/routesSection";
import { cdnSection } from "./cdn/section";
import { chaosSection } from "./chaos/section";
import { webSection, workerSection } from "./compute/section";
import { databaseSection } from "./database/section";
import { domainSection } from "./dns/domainSection";
import { dnsSection } from "./dns/section";
import type { ComponentPlanFacts } from "./lib/plan/facts";
import type { Section } from "./lib/settings";
import { loadBalancerSection } from "./loadbalancer/section";
import { networkSection } from "./network/section";
import { alarmsSection } from "./observability/section";
import { queuesSection } from "./queue/section";
import { sharedPlanFacts } from "./lib/plan/sharedTypes";
import { loadBalancerPlanFacts } from "./loadbalancer/plan";
import { networkPlanFacts } from "./network/plan";
import { observabilityPlanFacts } from "./observability/plan";
import { queuePlanFacts } from "./queue/plan";
import { secretsPlanFacts } from "./secrets/plan";
import { resiliencePlanFacts } from "./resilience/plan";
import { backupPlanFacts } from "./backup/plan";
import { backupSection } from "./backup/section";
import { resilienceSection } from "./resilience/section";
import { telemetrySection } from "./telemetry/section";
import { telemetryPlanFacts } from "./telemetry/plan";
import { tablesPlanFacts } from "./tables/plan";
import { tablesSection } from "./tables/section";
import { topicsPlanFacts } from "./topics/plan";
import { proxyPlanFacts } from "./proxy/plan";
import { proxySection } from "./proxy/section";
import { topicsSection } from "./topics/section";
import { eventBusSection } from "./topics/busSection";

/** What the blueprint declares about one component. */
export interface ComponentDeclaration {
  /** The component's folder under components/. */
  readonly name: string;
  /** Its config sections (components/<name>/section.ts), in the order the reference lists them. */
  readonly settings: readonly Section<unknown, string>[];
  /** Its plan facts (components/<name>/plan.ts). */
  readonly plan: ComponentPlanFacts;
}

/** Every component that creates AWS resources. */
export const COMPONENTS = [
  { name: "network", settings: [networkSection], plan: networkPlanFacts },
  { name: "loadbalancer", settings: [loadBalancerSection], plan: loadBalancerPlanFacts },
  { name: "compute", settings: [webSection, workerSection], plan: computePlanFacts },
  { name: "queue", settings: [queuesSection], plan: queuePlanFacts },
  { name: "observability", settings: [alarmsSection], plan: observabilityPlanFacts },
  { name: "database", settings: [databaseSection], plan: databasePlanFacts },
  { name: "cache", settings: [cacheSection], plan: cachePlanFacts },
  { name: "kms", settings: [], plan: kmsPlanFacts },
  { name: "secrets", settings: [], plan: secretsPlanFacts },
  { name: "cdn", settings: [cdnSection, routesSection], plan: cdnPlanFacts },
  { name: "dns", settings: [domainSection, dnsSection], plan: dnsPlanFacts },
  { name: "chaos", settings: [chaosSection], plan: chaosPlanFacts },
  { name: "backup", settings: [backupSection], plan: backupPlanFacts },
  { name: "resilience", settings: [resilienceSection], plan: resiliencePlanFacts },
  { name: "telemetry", settings: [telemetrySection], plan: telemetryPlanFacts },
  { name: "proxy", settings: [proxySection], plan: proxyPlanFacts },
  { name: "tables", settings: [tablesSection], plan: tablesPlanFacts },
  { name: "topics", settings: [topicsSection, eventBusSection], plan: topicsPlanFacts },
] as const satisfies readonly ComponentDeclaration[];

/** Every section a component declares, as a union of their types. */
export type ComponentSection = (typeof COMPONENTS)[number]["settings"][number];

/** Everything the plan engine indexes: the shared types' facts, then each component's in catalog order. */
export const PLAN_FACTS: readonly ComponentPlanFacts[] = [sharedPlanFacts, ...COMPONENTS.map((component) => component.plan)];

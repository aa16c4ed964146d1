/**
 * Plan facts of the resilience component: the ARC Region switch plan, the report's failure-mode
 * table and the diff's resilience regressions (both from the survivability analysis over the
 * recorded graph and the planned routes).
 */
import { routesOfPlan } from "../cdn/plan";
import type { ComponentPlanFacts, PlanRegression, ReportContext, SwitchoverContext } from "../lib/plan/facts";
import { switchPlanPairKey } from "./lib/switchPlan";
import { arn } from "../lib/plan/mockIds";
import { failureModeSection } from "./lib/failureModeTable";
import { regionSwitchPlan, schedulerSchedule, zonalAutoshiftConfiguration } from "./lib/mocks";
import { resilienceRegressions } from "./lib/regressions";
import { survivability, type DomainOutcome } from "./lib/survivability";
import { topologyOf } from "./lib/topology";
import { free, monthly, type CostRule } from "../lib/plan/cost";

/** An ARC Region switch plan. */
export const REGION_SWITCH_PLAN = "aws:arcregionswitch/plan:Plan";

/** An EventBridge Scheduler schedule (a drill's start). */
export const SCHEDULER_SCHEDULE = "aws:scheduler/schedule:Schedule";

/** A load balancer's zonal autoshift configuration. */
export const ZONAL_AUTOSHIFT = "aws:arczonalshift/zonalAutoshiftConfiguration:ZonalAutoshiftConfiguration";

/** The survivability of a planned stack, every failure domain. */
export function planSurvivability(context: ReportContext): DomainOutcome[] {
  if (context.regions.length === 0) return [];
  return survivability(topologyOf(context.graph, context.regions, context.primaryRegion), routesOfPlan(context.graph));
}

/** The resilience regressions between two plans of one stack. */
export function planResilienceRegressions(base: ReportContext, head: ReportContext): PlanRegression[] {
  return resilienceRegressions(planSurvivability(base), planSurvivability(head));
}

/** The resilience component's facts. */
/** How the resilience controls are billed. */
const RESILIENCE_COSTS: Readonly<Record<string, CostRule>> = {
  [REGION_SWITCH_PLAN]: monthly("arc:region-switch-plan", "Region switch plans", "a monthly fee per ARC Region switch plan"),
  [ZONAL_AUTOSHIFT]: free("zonal shift and zonal autoshift have no charge"),
  [SCHEDULER_SCHEDULE]: free("a drill schedule fires a few times a month, far inside EventBridge Scheduler's 14 million free invocations"),
};

export const resiliencePlanFacts: ComponentPlanFacts = {
  component: "resilience",
  costs: RESILIENCE_COSTS,
  types: [
    {
      type: ZONAL_AUTOSHIFT,
      mock: zonalAutoshiftConfiguration,
      creation: { seconds: 5, basis: "experience: seconds (API-only)" },
    },
    {
      type: REGION_SWITCH_PLAN,
      mock: regionSwitchPlan,
      creation: { seconds: 5, basis: "experience: seconds (API-only; nothing runs until a plan execution is started)" },
    },
    {
      type: SCHEDULER_SCHEDULE,
      mock: schedulerSchedule,
      creation: { seconds: 2, basis: "experience: seconds (API-only; the target is called at the schedule's time)" },
    },
  ],
  invokes: {
    // offline, the global cluster reports no member: the writer guard records its assumption instead of the live writer
    "aws:rds/getGlobalCluster:getGlobalCluster": (inputs, region) => ({
      identifier: inputs.identifier,
      arn: arn("rds", "", `global-cluster:${String(inputs.identifier)}`),
      region,
      members: [],
    }),
  },
  report: (context) => failureModeSection(planSurvivability(context)),
  regressions: planResilienceRegressions,
  switchover: ({ resources, stack, from, target }: SwitchoverContext) => {
    // the plan over the old and the new writer's regions (ARC plans list exactly two)
    const plan = resources.find((resource) => {
      const regions = resource.type === REGION_SWITCH_PLAN && Array.isArray(resource.inputs.regions) ? resource.inputs.regions : [];
      return regions.includes(from) && regions.includes(target);
    });
    if (!plan) return {};
    return {
      execution: [
        `# either execute the Region switch plan ${String(plan.inputs.name)} (it scales ${target} up, asks for approval, switches the database and checks health):`,
        `aws arc-region-switch start-plan-execution --plan-arn <pulumi stack output regionSwitchPlanArns --stack ${stack}: the ARN under "${switchPlanPairKey(from, target)}"> --target-region ${target} --action activate`,
        "# or run its steps by hand:",
      ],
    };
  },
};

/**
 * Plan facts of the observability component: the dashboard (global: its ARN has no region). Its
 * topic, the topic's subscriptions, key, alias and alarms are shared types.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { textInput } from "../lib/plan/mock";
import { arn } from "../lib/plan/mockIds";
import { monthly, type CostRule } from "../lib/plan/cost";

/** The observability component's facts. */
/** How dashboards are billed. */
const OBSERVABILITY_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:cloudwatch/dashboard:Dashboard": monthly(
    "cloudwatch:dashboard",
    "dashboards",
    "a monthly fee per dashboard (the account's first three are free; not deducted)",
  ),
};

export const observabilityPlanFacts: ComponentPlanFacts = {
  component: "observability",
  costs: OBSERVABILITY_COSTS,
  types: [
    {
      type: "aws:cloudwatch/dashboard:Dashboard",
      // Dashboards are global: their ARN has no region, whatever region the API call went to.
      mock: (input) => {
        const name = textInput(input, "dashboardName") ?? input.name;
        return { id: name, outputs: { dashboardName: name, dashboardArn: arn("cloudwatch", "", `dashboard/${name}`) } };
      },
      creation: API_ONLY_CREATION,
    },
  ],
};

/**
 * Plan facts of the chaos component: AWS FIS experiment templates (their role, policy and log
 * group are shared types).
 */
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { experimentTemplate } from "./lib/mocks";
import { traffic, type CostRule } from "../lib/plan/cost";

/** The chaos component's facts. */
/** How drills are billed: only while one runs. */
const CHAOS_COSTS: Readonly<Record<string, CostRule>> = {
  "aws:fis/experimentTemplate:ExperimentTemplate": traffic("billed only while an experiment runs ($0.10 per action-minute)"),
};

export const chaosPlanFacts: ComponentPlanFacts = {
  component: "chaos",
  costs: CHAOS_COSTS,
  types: [
    {
      type: "aws:fis/experimentTemplate:ExperimentTemplate",
      mock: experimentTemplate,
      creation: { seconds: 5, basis: "experience: seconds (API-only; nothing runs until an experiment is started)" },
    },
  ],
};

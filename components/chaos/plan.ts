/**
 * Plan facts of the chaos component: AWS FIS experiment templates (their role, policy and log
 * group are shared types).
 */
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { experimentTemplate } from "./lib/mocks";

/** The chaos component's facts. */
export const chaosPlanFacts: ComponentPlanFacts = {
  component: "chaos",
  types: [
    {
      type: "aws:fis/experimentTemplate:ExperimentTemplate",
      mock: experimentTemplate,
      creation: { seconds: 5, basis: "experience: seconds (API-only; nothing runs until an experiment is started)" },
    },
  ],
};

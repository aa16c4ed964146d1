/**
 * Plan facts of the DNS component: Route 53 health checks (its records, key, topic and alarms are
 * shared types).
 */
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { arn, edgeUuid } from "../lib/plan/mockIds";

/** The DNS component's facts. */
export const dnsPlanFacts: ComponentPlanFacts = {
  component: "dns",
  types: [
    {
      type: "aws:route53/healthCheck:HealthCheck",
      mock: (input) => {
        const id = edgeUuid("healthcheck", input.urn);
        return { id, outputs: { arn: arn("route53", "", `healthcheck/${id}`, "") } };
      },
      creation: { seconds: 10, basis: "experience: seconds (API-only)" },
      kind: "dns",
      noun: "health check",
    },
  ],
};

/**
 * Plan facts of the observability component: the dashboard (global: its ARN has no region) and the
 * alarm topic's subscriptions. Its topic, key, alias and alarms are shared types.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import type { ComponentPlanFacts } from "../lib/plan/facts";
import { textInput, type Builder } from "../lib/plan/mock";
import { arn, hashHex, MOCK_ACCOUNT_ID } from "../lib/plan/mockIds";

/** A subscription's trailing UUID. */
function subscriptionId(urn: string): string {
  const hex = hashHex(32, "sns-subscription", urn);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const topicSubscription: Builder = (input, region) => {
  const topic = textInput(input, "topic") ?? arn("sns", region, input.name);
  const subscriptionArn = `${topic}:${subscriptionId(input.urn)}`;
  // email endpoints stay pending until the recipient clicks the link
  const pending = ["email", "email-json"].includes(textInput(input, "protocol") ?? "");
  return {
    id: subscriptionArn,
    outputs: { arn: subscriptionArn, ownerId: MOCK_ACCOUNT_ID, pendingConfirmation: pending, confirmationWasAuthenticated: false },
  };
};

/** The observability component's facts. */
export const observabilityPlanFacts: ComponentPlanFacts = {
  component: "observability",
  types: [
    { type: "aws:sns/topicSubscription:TopicSubscription", mock: topicSubscription, creation: API_ONLY_CREATION },
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

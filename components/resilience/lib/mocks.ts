/**
 * Mocked state of the resilience component's types: only what AWS returns.
 */
import { named, textInput, type Builder } from "../../lib/plan/mock";
import { hashHex, MOCK_ACCOUNT_ID, MOCK_PARTITION } from "../../lib/plan/mockIds";

/**
 * An ARC Region switch plan: its ARN is global (no region) and ends in a six-character suffix
 * (`arn:aws:arc-region-switch::<account>:plan/<name>:<suffix>`, the pattern of the API's
 * RegionSwitchPlanConfiguration.arn); the provider uses the ARN as the ID.
 */
export const regionSwitchPlan: Builder = (input) => {
  const name = named(input);
  const arn = `arn:${MOCK_PARTITION}:arc-region-switch::${MOCK_ACCOUNT_ID}:plan/${name}:${hashHex(6, input.urn)}`;
  return { id: arn, outputs: { arn, name } };
};

/** A zonal autoshift configuration: the provider keys it by the managed resource's ARN. */
export const zonalAutoshiftConfiguration: Builder = (input) => ({ id: textInput(input, "resourceArn") ?? input.name, outputs: {} });

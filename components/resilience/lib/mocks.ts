/**
 * Mocked state of the resilience component's types: only what AWS returns.
 */
import { named, textInput, type Builder } from "../../lib/plan/mock";
import { arn, hashHex, MOCK_ACCOUNT_ID, MOCK_PARTITION } from "../../lib/plan/mockIds";

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

/**
 * An EventBridge Scheduler schedule: the provider's ID is `<group>/<name>`, and the ARN
 * `arn:aws:scheduler:<region>:<account>:schedule/<group>/<name>`; without a group it is `default`.
 */
export const schedulerSchedule: Builder = (input, region) => {
  const name = named(input);
  const groupName = textInput(input, "groupName") ?? "default";
  return { id: `${groupName}/${name}`, outputs: { arn: arn("scheduler", region, `schedule/${groupName}/${name}`), groupName, name } };
};

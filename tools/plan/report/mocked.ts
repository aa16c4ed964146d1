/**
 * Mocked values, shown as such: the offline plan has no AWS account, so every ID, ARN and DNS name
 * a resource returns is a mock (components/lib/plan/mockIds.ts) in the fixed account
 * 123456789012. A report must not present them as real: the account becomes `<account>` and a
 * value built from mocked outputs is marked "(mocked)".
 */
import { MOCK_ACCOUNT_ID } from "../../../components/lib/plan/mockIds";
import type { PlanFile } from "../planFile";

/** The placeholder shown instead of the mocked account ID. */
export const ACCOUNT_PLACEHOLDER = "<account>";

/** Text with the mocked account ID replaced by the placeholder. */
export function maskAccount(text: string): string {
  return text.split(MOCK_ACCOUNT_ID).join(ACCOUNT_PLACEHOLDER);
}

/** Strings shorter than this are not taken as mocked IDs (regions, ports, short names also occur in inputs). */
const MIN_MOCK_LENGTH = 8;

function strings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) strings(item, into);
  return into;
}

/**
 * A test for "this value holds a mock": it carries the mocked account, or contains a string some
 * resource returned as an output that no resource was given as an input (inputs come from the
 * stack file and the program, outputs from the mocks).
 */
export function mockedValueTest(plan: Pick<PlanFile, "resources">): (value: unknown) => boolean {
  const inputs = new Set<string>();
  const outputs = new Set<string>();
  for (const resource of plan.resources) {
    strings(resource.inputs, inputs);
    strings(resource.outputs, outputs);
  }
  const mocks = [...outputs].filter((text) => text.length >= MIN_MOCK_LENGTH && !inputs.has(text));
  return (value) => {
    const text = JSON.stringify(value) ?? "";
    return text.includes(MOCK_ACCOUNT_ID) || mocks.some((mock) => text.includes(mock));
  };
}

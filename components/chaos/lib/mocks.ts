/**
 * Mocked states of AWS FIS experiment templates: IDs shaped like FIS's (`EXT` and 14 letters or
 * digits, e.g. `EXTCDh1M8HHkhxoaQ`), and the provider's computed attributes.
 */
import { hashHex } from "../../lib/plan/mockIds";
import type { Builder, MockInput } from "../../lib/plan/mock";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A template ID: `EXT` and 14 alphanumeric characters derived from the URN. */
export function experimentTemplateId(urn: string): string {
  const hex = hashHex(28, "fis-template", urn);
  let id = "EXT";
  for (let i = 0; i < hex.length; i += 2) id += ALPHANUMERIC[parseInt(hex.slice(i, i + 2), 16) % ALPHANUMERIC.length];
  return id;
}

const tagsOf = (input: MockInput): Record<string, unknown> =>
  input.inputs.tags !== null && typeof input.inputs.tags === "object" ? (input.inputs.tags as Record<string, unknown>) : {};

/**
 * An experiment template. The provider fills in the experiment options FIS defaults (single
 * account, fail on no target) when the program leaves them out, and tagsAll with the template's tags.
 */
export const experimentTemplate: Builder = (input) => ({
  id: experimentTemplateId(input.urn),
  outputs: {
    experimentOptions: { accountTargeting: "single-account", emptyTargetResolutionMode: "fail", ...(input.inputs.experimentOptions ?? {}) },
    tagsAll: { ...tagsOf(input) },
  },
});

/**
 * What the offline plan says AWS would return for each resource: its ID and the computed outputs
 * (ARNs, physical names) a real `pulumi up` would fill in, and the results of invokes. Each type's
 * and invoke's mock is declared by the component that creates or calls it (components/<name>/plan.ts,
 * listed in components/catalog.ts). Types without facts get a generic ID and ARN, so a new
 * resource type never breaks the plan; declare its facts to make it realistic.
 */
import { genericMock, invokeError, type MockInput, type MockResult } from "../../components/lib/plan/mock";
import { hashHex } from "../../components/lib/plan/mockIds";
import { FACTS } from "./facts";

/** Type tokens of provider resources: `pulumi:providers:<package>`. */
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** A deterministic version 4 UUID from a URN. */
function uuidFrom(urn: string): string {
  const hex = hashHex(32, "provider", urn);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type { MockInput, MockResult } from "../../components/lib/plan/mock";

/** The region a resource is created in: its `region` input, else the stack's default region. */
export function resourceRegion(inputs: Record<string, unknown>): string | undefined {
  return typeof inputs.region === "string" ? inputs.region : undefined;
}

/** The mocked ID and outputs of one registration. */
export function mockState(input: MockInput, defaultRegion: string): MockResult {
  const region = resourceRegion(input.inputs) ?? defaultRegion;
  const facts = FACTS.facts(input.type);
  if (facts) return facts.mock(input, region);
  if (input.type.startsWith("blueprint:") || input.type === "pulumi:pulumi:Stack") return { outputs: {} };
  // an explicit provider: the engine gives it a UUID and no outputs beyond its configuration
  if (input.type.startsWith(PROVIDER_TYPE_PREFIX)) return { id: uuidFrom(input.urn), outputs: {} };
  return genericMock(input, region);
}

/** Known invoke results, keyed by token. */
export function mockInvoke(token: string, inputs: Record<string, unknown>, defaultRegion: string): Record<string, unknown> {
  const mock = FACTS.invoke(token);
  if (mock) return mock(inputs, resourceRegion(inputs) ?? defaultRegion);
  throw invokeError(
    `The offline plan has no mock for the invoke ${token}; add one to the invokes of the component that calls it (components/<name>/plan.ts, or components/lib/plan/sharedTypes.ts when several do)`,
  );
}

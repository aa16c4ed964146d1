/**
 * Runs CrossGuard policies in this process the way `@pulumi/policy` 1.21's analyzer server does
 * (server.ts), without serving gRPC: props behind the SDK's `unknownCheckingProxy`, `isType` /
 * `asType` against the class given, `notApplicable`, stack tags, config as the CLI resolves it,
 * the type fast path, and a preview-unknown value turned into an advisory "can't run" result.
 * The offline plan (policyRunner.ts) and the policy tests (tests/policies) both use it.
 */
import * as policySdk from "@pulumi/policy";
import type {
  PolicyProviderResource,
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

// `unknownCheckingProxy` and `UnknownValueError` are re-exported by @pulumi/policy 1.21 for test
// harnesses, but their declarations are `@internal`; these are their runtime shapes.
const unknownCheckingProxy = (policySdk as unknown as { unknownCheckingProxy: <T extends object>(value: T) => T }).unknownCheckingProxy;
const UnknownValueError = (policySdk as unknown as { UnknownValueError: new (...args: never[]) => Error }).UnknownValueError;

/**
 * The values the engine sends for properties not known during preview (proxy.ts in
 * @pulumi/policy; `@internal` there, pinned here and checked against it by a test).
 */
export const UNKNOWN_SENTINELS = {
  boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  asset: "030794c1-ac77-496b-92df-f27374a8bd58",
  archive: "e48ece36-62e2-4504-bad9-02848725956a",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

/** True when an error is the SDK's "value unknown during preview". */
export function isUnknownValueError(err: unknown): boolean {
  return err instanceof UnknownValueError;
}

/** Thrown by `args.notApplicable`, as the server's NotApplicableError. */
export class NotApplicableError extends Error {
  constructor(readonly reason?: string) {
    super(reason ?? "Policy does not apply");
    this.name = "NotApplicableError";
  }
}

function throwNotApplicable(reason?: string): never {
  // Most policies leave most resources this way, thousands of times per plan, and the error is
  // caught and read by its reason only: capturing a stack for each would be a tenth of the plan.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const error = new NotApplicableError(reason);
  Error.stackTraceLimit = stackTraceLimit;
  throw error;
}

/** The type token a resource class carries, as the SDK's `getPulumiType`. */
export function pulumiTypeOf(value: unknown): string | undefined {
  const token = (value as { __pulumiType?: unknown } | undefined)?.__pulumiType;
  return typeof token === "string" && token.length > 0 ? token : undefined;
}

/** The server's `isTypeOf`: the class's `__pulumiType`, else its `isInstance`. */
export function isTypeOf(type: string, resourceClass: unknown): boolean {
  const token = pulumiTypeOf(resourceClass);
  if (token) return type === token;
  const isInstance = (resourceClass as { isInstance?: unknown } | undefined)?.isInstance;
  return typeof isInstance === "function" && (isInstance as (value: unknown) => unknown)({ __pulumiType: type }) === true;
}

/** Resource options as the analyzer passes them; missing fields take the engine's zero values. */
export function policyOptions(opts: Partial<PolicyResourceOptions> = {}): PolicyResourceOptions {
  return {
    protect: opts.protect ?? false,
    ignoreChanges: [...(opts.ignoreChanges ?? [])],
    aliases: [...(opts.aliases ?? [])],
    customTimeouts: opts.customTimeouts ?? { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? [])],
    ...(opts.deleteBeforeReplace !== undefined ? { deleteBeforeReplace: opts.deleteBeforeReplace } : {}),
    ...(opts.parent !== undefined ? { parent: opts.parent } : {}),
  };
}

/** A provider as the analyzer passes it (props proxied). */
export interface ProviderInput {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly props: Record<string, unknown>;
}

function providerResource(provider: ProviderInput | undefined): PolicyProviderResource | undefined {
  if (!provider) return undefined;
  let cached: Record<string, unknown> | undefined;
  return {
    type: provider.type,
    name: provider.name,
    urn: provider.urn,
    // copied when first read, as the resource's own props (resourceValidationArgs)
    get props() {
      return (cached ??= unknownCheckingProxy(structuredClone(provider.props)));
    },
  };
}

/** One resource to validate: its inputs (resource policies) or outputs (stack policies). */
export interface ResourceInput {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly props: Record<string, unknown>;
  readonly opts?: Partial<PolicyResourceOptions>;
  readonly provider?: ProviderInput;
}

/** What a policy sees besides the resource: its resolved config and the stack's tags. */
export interface PolicySettings {
  /** What `args.getConfig()` returns (schema defaults already merged, as the CLI does; see configOf). */
  readonly config: Record<string, unknown>;
  readonly stackTags: ReadonlyMap<string, string>;
}

/** A read-only view of the tags, like the server's frozen map. */
export function frozenTags(tags: ReadonlyMap<string, string> | Record<string, string>): ReadonlyMap<string, string> {
  const map = tags instanceof Map ? new Map(tags) : new Map(Object.entries(tags as Record<string, string>));
  return Object.freeze({
    entries: map.entries.bind(map),
    forEach: map.forEach.bind(map),
    get: map.get.bind(map),
    has: map.has.bind(map),
    keys: map.keys.bind(map),
    size: map.size,
    values: map.values.bind(map),
    [Symbol.iterator]: map[Symbol.iterator].bind(map),
  });
}

/** The `ResourceValidationArgs` the server builds for one validation call (fresh proxied props each time). */
export function resourceValidationArgs(resource: ResourceInput, settings: PolicySettings): ResourceValidationArgs {
  // The fresh copy is made when the policy first reads it: most policies look at the type only and
  // never read the props, and copying every resource's props for each of them is most of the cost
  // of the policy run. What a policy that reads them sees is the same.
  let cached: Record<string, unknown> | undefined;
  const props = (): Record<string, unknown> => (cached ??= unknownCheckingProxy(structuredClone(resource.props)));
  const provider = providerResource(resource.provider);
  return {
    type: resource.type,
    get props() {
      return props();
    },
    urn: resource.urn,
    name: resource.name,
    opts: policyOptions(resource.opts),
    stackTags: settings.stackTags,
    isType: (resourceClass) => isTypeOf(resource.type, resourceClass),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- the SDK returns the proxied props untyped
    asType: (resourceClass) => (isTypeOf(resource.type, resourceClass) ? (props() as any) : undefined),
    getConfig: <T extends object>() => structuredClone(settings.config) as T,
    notApplicable: throwNotApplicable,
    ...(provider ? { provider } : {}),
  };
}

/** One `reportViolation` call. */
export interface ReportedViolation {
  readonly message: string;
  readonly urn?: string;
}

/** What one policy made of one resource (or of the stack). */
export interface PolicyOutcome {
  /** Every `reportViolation` call, in order (kept even when the policy then threw). */
  readonly violations: ReportedViolation[];
  /** Set when the policy said it does not apply, with its reason. */
  readonly notApplicable?: string;
  /** Set when the policy read a value unknown during preview: the engine's advisory "can't run" message. */
  readonly unknown?: string;
}

function collector(): { violations: ReportedViolation[]; report: ReportViolation } {
  const violations: ReportedViolation[] = [];
  const report: ReportViolation = (message: string, urn?: string) => {
    violations.push({ message, ...(urn !== undefined ? { urn } : {}) });
  };
  return { violations, report };
}

async function settle(run: () => unknown, policyName: string): Promise<Pick<PolicyOutcome, "notApplicable" | "unknown">> {
  try {
    await Promise.resolve(run());
    return {};
  } catch (err) {
    if (err instanceof NotApplicableError) return { notApplicable: err.reason ?? "Policy does not apply" };
    if (isUnknownValueError(err)) return { unknown: `can't run policy '${policyName}' during preview: ${(err as Error).message}` };
    throw Object.assign(new Error(`Error validating with policy '${policyName}': ${(err as Error).message}`), { cause: err });
  }
}

/** Runs a resource policy over one resource as the server's `analyze` does. */
export async function runResourcePolicy(policy: ResourceValidationPolicy, resource: ResourceInput, settings: PolicySettings): Promise<PolicyOutcome> {
  const validations = Array.isArray(policy.validateResource) ? policy.validateResource : policy.validateResource ? [policy.validateResource] : [];
  if (validations.length === 0) return { violations: [], notApplicable: "Policy does not implement validateResource" };
  if (!Array.isArray(policy.validateResource)) {
    const token = pulumiTypeOf(policy.validateResource);
    if (token && token !== resource.type) return { violations: [], notApplicable: `Policy only applies to resources of type '${token}'` };
  }
  const { violations, report } = collector();
  let outcome: Pick<PolicyOutcome, "notApplicable" | "unknown"> = {};
  for (const validation of validations) {
    const result = await settle(() => validation(resourceValidationArgs(resource, settings), report), policy.name);
    outcome = { ...outcome, ...result };
  }
  return { violations, ...outcome };
}

/** One resource of a stack, with the graph edges the analyzer passes. */
export interface StackResourceInput extends ResourceInput {
  readonly parent?: string | null;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

/** Builds the `PolicyResource` graph of `analyzeStack`: proxied props, parent, dependencies and property dependencies resolved to objects. */
export function policyResources(inputs: readonly StackResourceInput[]): PolicyResource[] {
  const byUrn = new Map<string, PolicyResource>();
  const resources = inputs.map((input) => {
    const props = unknownCheckingProxy(structuredClone(input.props));
    const provider = providerResource(input.provider);
    const resource: PolicyResource = {
      type: input.type,
      props,
      urn: input.urn,
      name: input.name,
      opts: policyOptions({ ...input.opts, ...(input.parent ? { parent: input.parent } : {}) }),
      dependencies: [],
      propertyDependencies: {},
      isType: (resourceClass) => isTypeOf(input.type, resourceClass),
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- the SDK returns the proxied props untyped
      asType: (resourceClass) => (isTypeOf(input.type, resourceClass) ? (props as any) : undefined),
      ...(provider ? { provider } : {}),
    };
    byUrn.set(input.urn, resource);
    return resource;
  });
  inputs.forEach((input, index) => {
    const resource = resources[index];
    const parent = input.parent ? byUrn.get(input.parent) : undefined;
    if (parent) resource.parent = parent;
    resource.dependencies = (input.dependencies ?? []).map((urn) => byUrn.get(urn)).filter((dep): dep is PolicyResource => dep !== undefined);
    for (const [prop, urns] of Object.entries(input.propertyDependencies ?? {})) {
      resource.propertyDependencies[prop] = urns.map((urn) => byUrn.get(urn)).filter((dep): dep is PolicyResource => dep !== undefined);
    }
  });
  return resources;
}

/** The `StackValidationArgs` of one stack policy. */
export function stackValidationArgs(resources: PolicyResource[], settings: PolicySettings): StackValidationArgs {
  return {
    resources,
    stackTags: settings.stackTags,
    getConfig: <T extends object>() => structuredClone(settings.config) as T,
    notApplicable: throwNotApplicable,
  };
}

/** Runs a stack policy over the stack's resources as the server's `analyzeStack` does. */
export async function runStackPolicy(policy: StackValidationPolicy, resources: PolicyResource[], settings: PolicySettings): Promise<PolicyOutcome> {
  const token = pulumiTypeOf(policy.validateStack);
  if (token && !resources.some((resource) => resource.type === token)) {
    return { violations: [], notApplicable: `Policy only applies to resources of type '${token}'` };
  }
  const { violations, report } = collector();
  const outcome = await settle(() => policy.validateStack(stackValidationArgs(resources, settings), report), policy.name);
  return { violations, ...outcome };
}

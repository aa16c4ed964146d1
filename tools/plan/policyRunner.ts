/**
 * The policy pack inside the offline plan: every resource policy over each recorded resource's
 * inputs (as `pulumi preview` analyzes each registration), every stack policy over the recorded
 * outputs with parents, dependencies and property dependencies, at the levels the stack's
 * environment gives them. It imports the policy list (policies/all.ts), never policies/index.ts:
 * constructing a PolicyPack would start a gRPC server.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { EnforcementLevel, PolicyPackConfig } from "@pulumi/policy";
import { ALL_POLICIES } from "../../policies/all";
import { isStackPolicy, type BlueprintPolicy } from "../../policies/lib/define";
import { ALL_POLICIES_KEY, configOf, enforcementOf, PACK_ENFORCEMENT } from "../../policies/lib/enforcement";
import { ENVIRONMENT_TAG, RESILIENCE_WAIVER_TAG } from "../../policies/lib/environment";
import type { PlanFile, PlannedResource, PlannedViolation } from "./planFile";
import { UNKNOWN_PLACEHOLDER } from "./planFile";
import {
  frozenTags,
  policyResources,
  runResourcePolicy,
  runStackPolicy,
  UNKNOWN_SENTINELS,
  type PolicyOutcome,
  type ProviderInput,
  type StackResourceInput,
} from "./policyRuntime";

/** Where the per-environment pack configs live. */
export const POLICY_CONFIG_DIR = resolve(__dirname, "../../policies/config");

/** The stack the policies run for. */
export interface PolicyStackContext {
  readonly project: string;
  readonly stack: string;
  readonly environment: string;
  /** The stack's default enforcement (BlueprintConfig.policyEnforcement, from the environment profile). */
  readonly enforcement: "advisory" | "mandatory";
  /** The stack's `aws:region`: the default AWS provider's region. */
  readonly defaultRegion: string;
  /** blueprint:resilienceWaiver.reason, when set. */
  readonly resilienceWaiver?: string;
}

/** Options of `runPolicies`. */
export interface PolicyRunOptions {
  /** Policies to run. @default ALL_POLICIES */
  readonly policies?: readonly BlueprintPolicy[];
  /** Directory of `<environment>.json` pack configs. @default policies/config */
  readonly configDir?: string;
  /** Pack config entries applied over the environment's file (per-policy levels, thresholds, `all`). @default {} */
  readonly configOverrides?: PolicyPackConfig;
  /** Stack tags instead of the ones derived from the context (`stackTagsFor`). */
  readonly stackTags?: Readonly<Record<string, string>>;
}

/** A policy that did not apply, and why. */
export interface NotApplicableResult {
  readonly policy: string;
  readonly urn: string | null;
  readonly reason: string;
}

/** What the pack found. */
export interface PolicyRunResult {
  /** In pack order, then resource order. Disabled policies report nothing. */
  readonly violations: PlannedViolation[];
  readonly notApplicable: NotApplicableResult[];
  /** The pack config the run used (the environment's file with the overrides). */
  readonly packConfig: PolicyPackConfig;
}

/** Thrown when an environment's pack config file cannot be used. */
export class PolicyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyConfigError";
  }
}

/**
 * The pack config of a stack: `<configDir>/<environment>.json` when it exists, with `all` set to
 * the stack's default enforcement. A file whose `all` disagrees with the environment profile is an
 * error: the CLI would run the stack at the file's level.
 */
export function packConfigFor(context: Pick<PolicyStackContext, "environment" | "enforcement">, configDir: string = POLICY_CONFIG_DIR): PolicyPackConfig {
  const path = join(configDir, `${context.environment}.json`);
  let file: PolicyPackConfig = {};
  if (existsSync(path)) {
    try {
      file = JSON.parse(readFileSync(path, "utf8")) as PolicyPackConfig;
    } catch (err) {
      throw new PolicyConfigError(`${path} is not valid JSON: ${(err as Error).message}`);
    }
    const all = file[ALL_POLICIES_KEY];
    if (all !== undefined && all !== context.enforcement) {
      throw new PolicyConfigError(
        `${path} sets "all": ${JSON.stringify(all)} but the ${context.environment} profile's policy enforcement is ${context.enforcement} (infra/environments.ts); make them agree`,
      );
    }
  }
  return { ...file, [ALL_POLICIES_KEY]: context.enforcement };
}

/** The stack tags the plan gives policies: Pulumi's own, the environment, and the waiver when there is one. */
export function stackTagsFor(context: PolicyStackContext): Record<string, string> {
  return {
    "pulumi:project": context.project,
    "pulumi:runtime": "nodejs",
    [ENVIRONMENT_TAG]: context.environment,
    ...(context.resilienceWaiver ? { [RESILIENCE_WAIVER_TAG]: context.resilienceWaiver } : {}),
  };
}

/** Plan values → what the analyzer would receive: `"[unknown]"` becomes the engine's unknown sentinel. */
function analyzerValue(value: unknown): unknown {
  if (value === UNKNOWN_PLACEHOLDER) return UNKNOWN_SENTINELS.string;
  if (Array.isArray(value)) return value.map(analyzerValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, analyzerValue(inner)]));
  }
  return value;
}

/** The default AWS provider every `aws:` resource uses (its region is the stack's `aws:region`). */
function defaultProvider(context: PolicyStackContext): ProviderInput {
  return {
    type: "pulumi:providers:aws",
    name: "default",
    urn: `urn:pulumi:${context.stack}::${context.project}::pulumi:providers:aws::default`,
    props: { region: context.defaultRegion },
  };
}

function toInput(resource: PlannedResource, props: Record<string, unknown>, context: PolicyStackContext): StackResourceInput {
  return {
    type: resource.type,
    name: resource.name,
    urn: resource.urn,
    props: analyzerValue(props) as Record<string, unknown>,
    opts: {
      protect: resource.protect,
      ignoreChanges: resource.ignoreChanges,
      deleteBeforeReplace: resource.deleteBeforeReplace,
      ...(resource.parent ? { parent: resource.parent } : {}),
    },
    ...(resource.custom && resource.type.startsWith("aws:") ? { provider: defaultProvider(context) } : {}),
    parent: resource.parent,
    dependencies: resource.dependencies,
    propertyDependencies: resource.propertyDependencies,
  };
}

function reportedLevel(level: EnforcementLevel): "advisory" | "mandatory" | undefined {
  switch (level) {
    case "disabled":
      return undefined;
    case "advisory":
      return "advisory";
    case "mandatory":
    case "remediate": // the server reports a violation left after remediation as mandatory
      return "mandatory";
    default:
      throw new Error(`Unknown enforcement level '${level as string}'`);
  }
}

function collect(
  policy: BlueprintPolicy,
  level: "advisory" | "mandatory",
  urn: string | null,
  outcome: PolicyOutcome,
  result: { violations: PlannedViolation[]; notApplicable: NotApplicableResult[] },
): void {
  for (const violation of outcome.violations) {
    result.violations.push({
      policy: policy.name,
      enforcementLevel: level,
      // resource policies always report on the resource; stack policies may name one
      urn: urn ?? violation.urn ?? null,
      message: violation.message || policy.description,
    });
  }
  // the engine reports a policy that hit a preview-unknown value as advisory, whatever its level
  if (outcome.unknown) result.violations.push({ policy: policy.name, enforcementLevel: "advisory", urn, message: outcome.unknown });
  if (outcome.notApplicable !== undefined) result.notApplicable.push({ policy: policy.name, urn, reason: outcome.notApplicable });
}

/** Type of the root stack resource; its outputs are the stack outputs. */
const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Runs the pack over a recorded plan. Secrets are already `"[secret]"` in the plan, so no policy
 * (or message) ever sees one.
 */
export async function runPolicies(
  plan: Pick<PlanFile, "resources" | "outputs">,
  context: PolicyStackContext,
  options: PolicyRunOptions = {},
): Promise<PolicyRunResult> {
  const resources = plan.resources;
  const policies = options.policies ?? ALL_POLICIES;
  const packConfig: PolicyPackConfig = { ...packConfigFor(context, options.configDir), ...(options.configOverrides ?? {}) };
  const stackTags = frozenTags(options.stackTags ?? stackTagsFor(context));
  const result = { violations: [] as PlannedViolation[], notApplicable: [] as NotApplicableResult[] };
  // the engine analyzes every registration but the root stack
  const analyzed = resources.filter((resource) => resource.type !== STACK_TYPE);
  const inputs = analyzed.map((resource) => toInput(resource, resource.inputs, context));
  let stackResources: ReturnType<typeof policyResources> | undefined;

  for (const policy of policies) {
    const level = reportedLevel(enforcementOf(policy, packConfig, PACK_ENFORCEMENT));
    if (level === undefined) continue;
    const settings = { config: configOf(policy, packConfig), stackTags };
    if (isStackPolicy(policy)) {
      // the root stack's outputs are the stack outputs (the recording keeps them apart)
      stackResources ??= policyResources(
        resources.map((resource) => toInput(resource, resource.type === STACK_TYPE ? plan.outputs : resource.outputs, context)),
      );
      collect(policy, level, null, await runStackPolicy(policy, stackResources, settings), result);
    } else {
      for (const input of inputs) collect(policy, level, input.urn, await runResourcePolicy(policy, input, settings), result);
    }
  }
  return { ...result, packConfig };
}

/**
 * The stack's environment, as policies can learn it: the stack tag `blueprint:environment`, else
 * the program's `environment` stack output (infra/index.ts exports it), else the policy's own
 * `environment` config. Under `pulumi preview` the tag is set with
 * `pulumi stack tag set blueprint:environment <env>`; the offline plan sets it from the stack file.
 */
import type { StackValidationArgs } from "@pulumi/policy";

/** The environments of the blueprint (infra/environments.ts). */
export const ENVIRONMENTS = ["dev", "staging", "prod"] as const;

/** One of `ENVIRONMENTS`. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** Stack tag naming the environment. */
export const ENVIRONMENT_TAG = "blueprint:environment";

/** Stack tag carrying the stack's resilience waiver (blueprint:resilienceWaiver.reason), when it has one. */
export const RESILIENCE_WAIVER_TAG = "blueprint:resilience-waiver";

/** Type of the root stack resource, whose outputs are the stack outputs. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/** True for a known environment name. */
export function isEnvironment(value: unknown): value is Environment {
  return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

/** Where each candidate value of the environment came from. */
export interface EnvironmentSources {
  readonly tag?: string;
  readonly output?: string;
  readonly config?: string;
}

/** Every source of the environment a stack policy can see (values as found, not validated). */
export function environmentSources(args: Pick<StackValidationArgs, "stackTags" | "resources">, configEnvironment?: unknown): EnvironmentSources {
  const tag = args.stackTags.get(ENVIRONMENT_TAG);
  const stack = args.resources.find((resource) => resource.type === STACK_TYPE);
  const output: unknown = stack?.props.environment;
  return {
    ...(tag !== undefined ? { tag } : {}),
    ...(typeof output === "string" ? { output } : {}),
    ...(typeof configEnvironment === "string" ? { config: configEnvironment } : {}),
  };
}

/** The stack's environment: tag → stack output → config; undefined when none is a known environment. */
export function stackEnvironment(args: Pick<StackValidationArgs, "stackTags" | "resources">, configEnvironment?: unknown): Environment | undefined {
  const sources = environmentSources(args, configEnvironment);
  return [sources.tag, sources.output, sources.config].find(isEnvironment);
}

/** The resilience waiver's reason, when the stack has one. */
export function resilienceWaiver(stackTags: ReadonlyMap<string, string>): string | undefined {
  const reason = stackTags.get(RESILIENCE_WAIVER_TAG)?.trim();
  return reason ? reason : undefined;
}

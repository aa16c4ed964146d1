/**
 * How the pack's policies are declared: every policy carries a kebab-case name, a one-sentence
 * description, a severity, remediation steps and the outside rule IDs it corresponds to, so that
 * none can be added without them (tests/policies/all.test.ts checks the rest).
 */
import type * as pulumi from "@pulumi/pulumi";
import type {
  EnforcementLevel,
  PolicyConfigSchema,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  Severity,
  StackValidation,
  StackValidationPolicy,
} from "@pulumi/policy";
import { idTags, type PolicyIds } from "./ids";

/** The service a policy belongs to; also the file it lives in (`policies/<service>.ts`). */
export type PolicyService =
  "network" | "compute" | "loadbalancer" | "cdn" | "cache" | "database" | "queue" | "kms" | "observability" | "dns" | "iam" | "storage" | "fis" | "stack";

/** What every policy of the pack declares besides its check. */
export interface PolicyMetadata {
  /** `aws-<service>-<resource>-<verb>-<thing>` for resource checks, `stack-<verb>-<thing>` for whole-stack checks. */
  readonly name: string;
  /** One sentence starting "Checks that". */
  readonly description: string;
  readonly severity: Severity;
  /** What to change, in the blueprint's terms. */
  readonly remediationSteps: string;
  readonly service: PolicyService;
  readonly ids: PolicyIds;
  /** Thresholds and switches, each with a `default` (the Pulumi CLI fills defaults in; the plan does too). */
  readonly configSchema?: PolicyConfigSchema;
  /**
   * The policy's own level. Leave it unset: the environment's pack config decides (docs/policies.md, "Enforcement").
   * @default - the pack config's `all`, else the pack default (mandatory)
   */
  readonly enforcementLevel?: EnforcementLevel;
}

/** A resource policy with the metadata this pack requires. */
export type BlueprintResourcePolicy = ResourceValidationPolicy &
  Required<Pick<ResourceValidationPolicy, "severity" | "remediationSteps" | "tags">> & { readonly validateResource: ResourceValidation };

/** A stack policy with the metadata this pack requires. */
export type BlueprintStackPolicy = StackValidationPolicy & Required<Pick<StackValidationPolicy, "severity" | "remediationSteps" | "tags">>;

/** Any policy of the pack. */
export type BlueprintPolicy = BlueprintResourcePolicy | BlueprintStackPolicy;

function common(meta: PolicyMetadata) {
  return {
    name: meta.name,
    description: meta.description,
    severity: meta.severity,
    remediationSteps: meta.remediationSteps,
    tags: [`service:${meta.service}`, ...idTags(meta.ids)],
    ...(meta.configSchema ? { configSchema: meta.configSchema } : {}),
    ...(meta.enforcementLevel ? { enforcementLevel: meta.enforcementLevel } : {}),
  };
}

/** Declares a resource policy. */
export function resourcePolicy(meta: PolicyMetadata & { readonly validateResource: ResourceValidation }): BlueprintResourcePolicy {
  return { ...common(meta), validateResource: meta.validateResource };
}

/** Declares a stack policy. */
export function stackPolicy(meta: PolicyMetadata & { readonly validateStack: StackValidation }): BlueprintStackPolicy {
  return { ...common(meta), validateStack: meta.validateStack };
}

/** True for a stack policy. */
export function isStackPolicy(policy: BlueprintPolicy): policy is BlueprintStackPolicy {
  return typeof (policy as StackValidationPolicy).validateStack === "function";
}

/** A resource class, as `args.isType` takes it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's own signature
export type ResourceClass<R extends pulumi.Resource = pulumi.Resource, A = any> = { new (name: string, args: A, ...rest: any[]): R };

/** One typed branch of `validateResourceOfTypes`. */
export interface TypedValidation {
  readonly resourceClass: ResourceClass;
  readonly validate: (props: Record<string, unknown>, args: ResourceValidationArgs, reportViolation: ReportViolation) => void | Promise<void>;
}

/** A typed branch: `props` is the class's input bag, as with `validateResourceOfType`. */
export function onType<R extends pulumi.Resource, A>(
  resourceClass: { new (name: string, args: A, ...rest: any[]): R }, // eslint-disable-line @typescript-eslint/no-explicit-any
  validate: (props: pulumi.Unwrap<NonNullable<A>>, args: ResourceValidationArgs, reportViolation: ReportViolation) => void | Promise<void>,
): TypedValidation {
  return { resourceClass, validate: validate as TypedValidation["validate"] };
}

/**
 * `validateResourceOfType` for a policy that covers several classes (aliases such as inline rules
 * and rule resources): one function, so a resource of another type is reported not applicable once.
 */
export function validateResourceOfTypes(...branches: TypedValidation[]): ResourceValidation {
  const types = branches.map((branch) => typeToken(branch.resourceClass)).join(", ");
  return (args, reportViolation) => {
    for (const branch of branches) {
      if (args.isType(branch.resourceClass)) return branch.validate(args.props, args, reportViolation);
    }
    return args.notApplicable(`Policy only applies to resources of type ${types}`);
  };
}

/** The Pulumi type token of a resource class (`aws:ec2/securityGroup:SecurityGroup`). */
export function typeToken(resourceClass: unknown): string {
  const token = (resourceClass as { __pulumiType?: unknown }).__pulumiType;
  if (typeof token !== "string" || token.length === 0) throw new Error("resource class has no __pulumiType");
  return token;
}

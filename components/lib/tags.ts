/**
 * The tags every taggable resource carries, and the AWS rules for tag keys and values.
 */

/** Inputs of the standard tag set. */
export interface TagContext {
  readonly project: string;
  readonly environment: string;
  readonly owner: string;
  readonly costCenter: string;
  /** Extra tags from the stack file; they never override the standard keys. */
  readonly extra?: Readonly<Record<string, string>>;
}

/** Keys the blueprint always sets; stack files may not redefine them. */
export const STANDARD_TAG_KEYS = ["Environment", "Project", "Owner", "CostCenter", "ManagedBy", "Region"] as const;

/**
 * Keys the components add to some resources besides the standard ones (`Name`, the subnet `Tier`,
 * a bucket's `Purpose`, a load balancer's `ServingRole`, the chaos experiments' `ChaosTarget`);
 * a stack's own tag under one of them would be overwritten, so stack files may not use them either.
 */
export const COMPONENT_TAG_KEYS = ["Name", "Tier", "Purpose", "ServingRole", "ChaosTarget"] as const;

/** Tags AWS allows on one resource. */
export const MAX_TAGS_PER_RESOURCE = 50;

/** Tags a stack file may add: what AWS allows minus every key the blueprint may set on one resource. */
export const MAX_EXTRA_TAGS = MAX_TAGS_PER_RESOURCE - STANDARD_TAG_KEYS.length - COMPONENT_TAG_KEYS.length;

/** Value of the `ManagedBy` tag. */
export const MANAGED_BY = "pulumi";

/**
 * The tag set of one resource: the stack's standard tags, its extra tags, and `Region` when the
 * resource is regional (global resources such as IAM roles and CloudFront have no region tag).
 */
export function standardTags(context: TagContext, region?: string): Record<string, string> {
  return {
    ...(context.extra ?? {}),
    Environment: context.environment,
    Project: context.project,
    Owner: context.owner,
    CostCenter: context.costCenter,
    ManagedBy: MANAGED_BY,
    ...(region === undefined ? {} : { Region: region }),
  };
}

/** Characters AWS accepts in tag keys and values (letters, numbers, spaces and `_ . : / = + - @`). */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Why a tag key is invalid, or undefined when it is valid. */
export function tagKeyProblem(key: string): string | undefined {
  if (key.length < 1 || key.length > 128) return "must be 1 to 128 characters";
  if (key.toLowerCase().startsWith("aws:")) return "must not start with aws: (reserved by AWS)";
  if (!TAG_CHARACTERS.test(key)) return "may only contain letters, numbers, spaces and _ . : / = + - @";
  return undefined;
}

/** Why a tag value is invalid, or undefined when it is valid. */
export function tagValueProblem(value: string): string | undefined {
  if (value.length > 256) return "must be at most 256 characters";
  if (!TAG_CHARACTERS.test(value)) return "may only contain letters, numbers, spaces and _ . : / = + - @";
  return undefined;
}

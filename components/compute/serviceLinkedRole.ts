/**
 * The Auto Scaling service-linked role the tiers' groups launch instances with. Auto Scaling
 * creates `AWSServiceRoleForAutoScaling` on first use, which is too late for a customer managed
 * key: the key policy must name the role before the first instance starts, or every launch fails
 * with "Client.InternalError" on the encrypted volume. The stack creates its own role with a
 * custom suffix (`AWSServiceRoleForAutoScaling_<suffix>`), which works on a fresh account and on
 * one where the default role already exists (creating that one again would fail).
 * @see https://docs.aws.amazon.com/autoscaling/ec2/userguide/autoscaling-service-linked-role.html
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** The role name's fixed part; IAM allows 64 characters in all. */
export const AUTO_SCALING_ROLE_PREFIX = "AWSServiceRoleForAutoScaling_";

/** Longest suffix that fits IAM's 64-character role name. */
export const MAX_AUTO_SCALING_ROLE_SUFFIX = 64 - AUTO_SCALING_ROLE_PREFIX.length;

/** Characters IAM accepts in a role name. */
const ROLE_NAME_CHARACTERS = /^[A-Za-z0-9+=,.@_-]+$/;

/** Why a suffix cannot name the role; empty when it can. */
export function autoScalingRoleSuffixProblems(suffix: string): string[] {
  const problems: string[] = [];
  if (suffix.length === 0 || suffix.length > MAX_AUTO_SCALING_ROLE_SUFFIX) {
    problems.push(`the Auto Scaling role suffix must be 1 to ${MAX_AUTO_SCALING_ROLE_SUFFIX} characters, got ${suffix.length}`);
  }
  if (!ROLE_NAME_CHARACTERS.test(suffix)) problems.push(`the Auto Scaling role suffix may only hold letters, digits and + = , . @ _ -, got "${suffix}"`);
  return problems;
}

/** Declares the stack's Auto Scaling service-linked role (IAM is global: one per stack). */
export function createAutoScalingServiceRole(
  name: string,
  suffix: string,
  tags: Readonly<Record<string, string>>,
  opts: pulumi.CustomResourceOptions = {},
): aws.iam.ServiceLinkedRole {
  const problems = autoScalingRoleSuffixProblems(suffix);
  if (problems.length > 0) throw new Error(`${name}: ${problems.join("; ")}`);
  return new aws.iam.ServiceLinkedRole(
    name,
    {
      awsServiceName: "autoscaling.amazonaws.com",
      customSuffix: suffix,
      description: `Launches the ${suffix} tiers' instances, whose volumes use the stack's data key`,
      tags,
    },
    opts,
  );
}

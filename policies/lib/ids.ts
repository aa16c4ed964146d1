/**
 * The rule IDs a policy corresponds to in other tools and frameworks, kept in the policy's `tags`
 * as `<source>:<id>` (for example `checkov:CKV_AWS_24`, `well-architected:REL10-BP01`), so that
 * they travel with the policy into Pulumi Cloud and every diagnostic.
 */

/** Rule IDs per source. Every policy names at least one. */
export interface PolicyIds {
  /** Checkov checks: `CKV_AWS_n` (resource) or `CKV2_AWS_n` (graph). */
  readonly checkov?: readonly string[];
  /** Trivy (formerly tfsec) AVD IDs: `AVD-AWS-nnnn`. */
  readonly trivy?: readonly string[];
  /** cdk-nag rules: `AwsSolutions-X` or the rule name of the other packs (`VPCDefaultSecurityGroupClosed`). */
  readonly cdkNag?: readonly string[];
  /** AWS Well-Architected best practices: `REL10-BP01`, `SEC05-BP02`, … */
  readonly wellArchitected?: readonly string[];
  /** `@pulumi/awsguard` policy names. */
  readonly awsguard?: readonly string[];
  /** pulumi/compliance-policies policy names (`aws-ec2-securitygroup-missing-description`). */
  readonly compliancePolicies?: readonly string[];
  /** Rules of this blueprint with no outside equivalent, named after the DESIGN.md section they enforce. */
  readonly blueprint?: readonly string[];
  /** AWS Security Hub (CSPM) control IDs: `RDS.24`. */
  readonly securityHub?: readonly string[];
}

/** The tag prefix of each ID source. */
export const ID_SOURCES: Readonly<Record<keyof PolicyIds, string>> = {
  checkov: "checkov",
  trivy: "trivy",
  cdkNag: "cdk-nag",
  wellArchitected: "well-architected",
  awsguard: "awsguard",
  compliancePolicies: "compliance-policies",
  blueprint: "blueprint",
  securityHub: "security-hub",
};

/** What a well-formed ID of each source looks like. */
export const ID_PATTERNS: Readonly<Record<keyof PolicyIds, RegExp>> = {
  checkov: /^CKV2?_AWS_\d+$/,
  trivy: /^AVD-AWS-\d{4}$/,
  cdkNag: /^(AwsSolutions-[A-Z0-9]+|[A-Z][A-Za-z0-9]+)$/,
  wellArchitected: /^(OPS|SEC|REL|PERF|COST|SUS)\d{2}-BP\d{2}$/,
  awsguard: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  compliancePolicies: /^aws-[a-z0-9]+(-[a-z0-9]+)*$/,
  blueprint: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  securityHub: /^[A-Za-z0-9]+\.\d+$/,
};

/** The `tags` entries of a set of IDs, in a fixed source order. */
export function idTags(ids: PolicyIds): string[] {
  return (Object.keys(ID_SOURCES) as Array<keyof PolicyIds>).flatMap((source) => (ids[source] ?? []).map((id) => `${ID_SOURCES[source]}:${id}`));
}

/** The IDs recorded in a policy's tags (the inverse of `idTags`); other tags are ignored. */
export function idsFromTags(tags: readonly string[] | undefined): PolicyIds {
  const ids: Partial<Record<keyof PolicyIds, string[]>> = {};
  for (const tag of tags ?? []) {
    const colon = tag.indexOf(":");
    if (colon < 0) continue;
    const prefix = tag.slice(0, colon);
    const source = (Object.keys(ID_SOURCES) as Array<keyof PolicyIds>).find((key) => ID_SOURCES[key] === prefix);
    if (source) (ids[source] ??= []).push(tag.slice(colon + 1));
  }
  return ids;
}

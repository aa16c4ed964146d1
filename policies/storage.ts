/**
 * S3 policies (the load balancers' access-log buckets and the CDN's static-asset buckets): public
 * access blocked, ACLs disabled, versioning, SSL-only bucket policies without public grants, and
 * versioned cross-region replication for every bucket a multi-region CDN serves.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import type { PolicyResource } from "@pulumi/policy";
import { BUCKET_TYPES, DISTRIBUTION_TYPE, originBuckets } from "./lib/cloudfront";
import { dependsThrough, identifiers, known, matchableStringProp, ofType, ofTypes, refersTo } from "./lib/graph";
import { regionOf, workloadRegions } from "./lib/region";
import { admitsAnyPrincipal, deniesInsecureTransport, parseIamDocument, statementLabel } from "./lib/iamDocument";

const PUBLIC_ACCESS_SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** All four public-access switches are on. */
export const bucketPublicAccessBlockEnableAll = resourcePolicy({
  name: "aws-s3-bucketpublicaccessblock-enable-all",
  description: "Checks that S3 public access blocks turn on all four settings.",
  severity: "high",
  service: "storage",
  remediationSteps: "Set blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets to true (AWS defaults them to false on this resource).",
  ids: {
    checkov: ["CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56"],
    trivy: ["AVD-AWS-0086", "AVD-AWS-0087", "AVD-AWS-0091", "AVD-AWS-0093"],
    cdkNag: ["AwsSolutions-S2"],
    wellArchitected: ["SEC05-BP01"],
  },
  validateResource: validateResourceOfType(aws.s3.BucketPublicAccessBlock, (block, _args, reportViolation) => {
    const off = PUBLIC_ACCESS_SETTINGS.filter((setting) => block[setting] !== true);
    if (off.length > 0) reportViolation(`The public access block leaves ${off.join(", ")} off.`);
  }),
});

/** Every bucket has a public access block. */
export const bucketRequirePublicAccessBlock = stackPolicy({
  name: "aws-s3-bucket-require-public-access-block",
  description: "Checks that every S3 bucket of the stack has its own public access block.",
  severity: "high",
  service: "storage",
  remediationSteps: "Declare aws.s3.BucketPublicAccessBlock for the bucket (`bucket: bucket.id`) with all four settings on.",
  ids: { checkov: ["CKV2_AWS_6"], trivy: ["AVD-AWS-0094"], cdkNag: ["AwsSolutions-S2"], wellArchitected: ["SEC05-BP01"] },
  validateStack: (args, reportViolation) => {
    const buckets = [...ofType(args.resources, "aws:s3/bucket:Bucket"), ...ofType(args.resources, "aws:s3/bucketV2:BucketV2")];
    if (buckets.length === 0) args.notApplicable("The stack has no S3 bucket.");
    const blocks = ofType(args.resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
    for (const bucket of buckets) {
      const names = [matchableStringProp(bucket, "id"), matchableStringProp(bucket, "bucket")].filter((name): name is string => name !== undefined);
      const covered = blocks.some((block) => {
        if (dependsThrough(block, "bucket", [bucket])) return true;
        const target = matchableStringProp(block, "bucket");
        return target !== undefined && names.includes(target);
      });
      if (!covered) reportViolation(`Bucket ${bucket.name} has no public access block.`, bucket.urn);
    }
  },
});

/** Object ownership is enforced, so ACLs do nothing. */
export const bucketOwnershipControlsDisableAcls = resourcePolicy({
  name: "aws-s3-bucketownershipcontrols-disallow-acls",
  description: "Checks that S3 ownership controls are BucketOwnerEnforced, which disables ACLs.",
  severity: "medium",
  service: "storage",
  remediationSteps: 'Set `rule: { objectOwnership: "BucketOwnerEnforced" }` and grant access with bucket policies only.',
  ids: { checkov: ["CKV2_AWS_65"], trivy: ["AVD-AWS-0092"], wellArchitected: ["SEC03-BP02"] },
  validateResource: validateResourceOfType(aws.s3.BucketOwnershipControls, (controls, _args, reportViolation) => {
    if (controls.rule?.objectOwnership !== "BucketOwnerEnforced") {
      reportViolation(`The bucket's object ownership is ${controls.rule?.objectOwnership ?? "unset"}; ACLs stay active unless it is BucketOwnerEnforced.`);
    }
  }),
});

/** Versioning is on. */
export const bucketVersioningEnable = resourcePolicy({
  name: "aws-s3-bucketversioning-enable-versioning",
  description: "Checks that S3 versioning configurations turn versioning on.",
  severity: "low",
  service: "storage",
  remediationSteps: 'Set `versioningConfiguration: { status: "Enabled" }` and expire old versions with a lifecycle rule.',
  ids: { checkov: ["CKV_AWS_21"], trivy: ["AVD-AWS-0090"], wellArchitected: ["REL09-BP01"] },
  validateResource: validateResourceOfType(aws.s3.BucketVersioning, (versioning, _args, reportViolation) => {
    if (versioning.versioningConfiguration?.status !== "Enabled") {
      reportViolation(`The bucket's versioning is ${versioning.versioningConfiguration?.status ?? "unset"}.`);
    }
  }),
});

/** Bucket policies refuse plain HTTP and grant nothing to everyone. */
export const bucketPolicyRequireSecureTransport = resourcePolicy({
  name: "aws-s3-bucketpolicy-require-secure-transport",
  description: "Checks that S3 bucket policies deny requests over plain HTTP and allow nothing to every principal.",
  severity: "high",
  service: "storage",
  remediationSteps:
    'Add a statement `{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket ARN, objects ARN], Condition: { Bool: { "aws:SecureTransport": "false" } } }` and name the principals of every Allow.',
  ids: { checkov: ["CKV_AWS_70"], cdkNag: ["AwsSolutions-S10"], wellArchitected: ["SEC09-BP02"] },
  validateResource: validateResourceOfType(aws.s3.BucketPolicy, (bucketPolicy, _args, reportViolation) => {
    const parsed = parseIamDocument(bucketPolicy.policy);
    if ("error" in parsed) {
      reportViolation(`The bucket policy ${parsed.error}.`);
      return;
    }
    if (!deniesInsecureTransport(parsed.statements, ["s3:*"]))
      reportViolation("The bucket policy does not deny requests over plain HTTP (aws:SecureTransport false).");
    for (const statement of parsed.statements) {
      if (statement.effect === "Allow" && admitsAnyPrincipal(statement.principals) && !statement.hasCondition) {
        reportViolation(`The bucket policy's ${statementLabel(statement)} allows every principal.`);
      }
    }
  }),
});

const VERSIONING_TYPES = ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"];
const REPLICATION_TYPE = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

/** The buckets a replication configuration copies to: by destination ARN or name, else (unknown) by its dependencies. */
function replicationTargets(config: PolicyResource, buckets: readonly PolicyResource[]): PolicyResource[] {
  const rules: unknown = config.props.rules;
  const enabled = Array.isArray(rules)
    ? (rules as Array<{ status?: unknown; destination?: { bucket?: unknown } }>).filter((rule) => rule.status === "Enabled")
    : [];
  const targets = new Set<PolicyResource>();
  for (const rule of enabled) {
    const destination = known((): unknown => rule.destination?.bucket);
    if (typeof destination === "string") {
      const name = destination.replace(/^arn:aws[a-z-]*:s3:::/, "");
      for (const bucket of buckets) if (identifiers(bucket, ["arn", "id", "bucket"]).some((id) => id === destination || id === name)) targets.add(bucket);
    } else {
      for (const dep of config.propertyDependencies.rules ?? []) {
        const bucket = buckets.find((candidate) => candidate.urn === dep.urn);
        if (bucket) targets.add(bucket);
      }
    }
  }
  return [...targets];
}

/** The CDN's buckets keep versions and a copy in another region. */
export const bucketEnableCrossRegionReplication = stackPolicy({
  name: "aws-s3-bucket-enable-cross-region-replication",
  description:
    "Checks that every S3 bucket a CloudFront distribution serves in a stack running in two or more regions has versioning enabled and replicates to, or is replicated from, a bucket in another region.",
  severity: "high",
  service: "storage",
  remediationSteps:
    "Declare aws.s3.BucketVersioning (status \"Enabled\") for each static-asset bucket and an aws.s3.BucketReplicationConfig on the primary region's bucket with an Enabled rule per other region's bucket (both sides versioned), so the origin group's failover bucket holds the same objects.",
  ids: {
    checkov: ["CKV_AWS_144", "CKV_AWS_21"],
    compliancePolicies: ["aws-s3-bucket-enable-replication-configuration"],
    wellArchitected: ["REL09-BP01", "REL13-BP02"],
  },
  validateStack: (args, reportViolation) => {
    const distributions = ofType(args.resources, DISTRIBUTION_TYPE);
    if (distributions.length === 0) args.notApplicable("The stack has no CloudFront distribution.");
    if (workloadRegions(args.resources).length < 2) args.notApplicable("The stack runs in fewer than two regions.");
    const buckets = ofTypes(args.resources, BUCKET_TYPES);
    const origins = [...new Set(distributions.flatMap((distribution) => originBuckets(distribution, args.resources)))];
    if (origins.length === 0) args.notApplicable("No CloudFront origin is an S3 bucket of the stack.");
    const versionings = ofTypes(args.resources, VERSIONING_TYPES);
    const replications = ofType(args.resources, REPLICATION_TYPE).map((config) => ({
      source: buckets.find((bucket) => refersTo(config, "bucket", bucket, ["id", "bucket"])),
      targets: replicationTargets(config, buckets),
    }));
    for (const bucket of origins) {
      const versioned = versionings.some(
        (versioning) =>
          refersTo(versioning, "bucket", bucket, ["id", "bucket"]) &&
          (versioning.props.versioningConfiguration as { status?: unknown } | undefined)?.status === "Enabled",
      );
      if (!versioned) reportViolation(`Bucket ${bucket.name} serves CloudFront but has no enabled versioning (replication needs it).`, bucket.urn);
      const region = regionOf(bucket);
      const elsewhere = (other: PolicyResource) => regionOf(other) !== region;
      const replicated = replications.some(
        ({ source, targets }) => (source === bucket && targets.some(elsewhere)) || (source !== undefined && elsewhere(source) && targets.includes(bucket)),
      );
      if (!replicated)
        reportViolation(
          `Bucket ${bucket.name} (${region ?? "unknown region"}) serves CloudFront but neither replicates to nor is replicated from a bucket in another region.`,
          bucket.urn,
        );
    }
  },
});

/** The storage policies, in pack order. */
export const STORAGE_POLICIES: readonly BlueprintPolicy[] = [
  bucketPublicAccessBlockEnableAll,
  bucketRequirePublicAccessBlock,
  bucketOwnershipControlsDisableAcls,
  bucketVersioningEnable,
  bucketPolicyRequireSecureTransport,
  bucketEnableCrossRegionReplication,
];

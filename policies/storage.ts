/**
 * S3 policies (the load balancers' access-log buckets today, the CDN origin later): public access
 * blocked, ACLs disabled, versioning, SSL-only bucket policies without public grants.
 */
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, type BlueprintPolicy } from "./lib/define";
import { dependsThrough, matchableStringProp, ofType } from "./lib/graph";
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
    if (!deniesInsecureTransport(parsed.statements, ["s3:*"])) reportViolation("The bucket policy does not deny requests over plain HTTP (aws:SecureTransport false).");
    for (const statement of parsed.statements) {
      if (statement.effect === "Allow" && admitsAnyPrincipal(statement.principals) && !statement.hasCondition) {
        reportViolation(`The bucket policy's ${statementLabel(statement)} allows every principal.`);
      }
    }
  }),
});

/** The storage policies, in pack order. */
export const STORAGE_POLICIES: readonly BlueprintPolicy[] = [
  bucketPublicAccessBlockEnableAll,
  bucketRequirePublicAccessBlock,
  bucketOwnershipControlsDisableAcls,
  bucketVersioningEnable,
  bucketPolicyRequireSecureTransport,
];

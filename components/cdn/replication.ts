/**
 * Replication of the static bucket to its replica in another region: a role only S3 (for this
 * account) can assume, with exactly the permissions replication needs, and a rule that copies
 * every object, tag and delete marker. Both buckets must be versioned before S3 accepts the rule.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { PrivateBucket } from "./buckets";
import { replicationRolePolicy, replicationTrustPolicy } from "./lib/policies";

/** What `createStaticReplication` needs. */
export interface StaticReplicationArgs {
  /** The source bucket, its region and its SSE-KMS key. */
  readonly primary: PrivateBucket & { readonly region: string; readonly kmsKeyArn: pulumi.Input<string> };
  /** The replica bucket and the key replicas are encrypted with. */
  readonly replica: PrivateBucket & { readonly kmsKeyArn: pulumi.Input<string> };
  readonly account: pulumi.Input<{ accountId: string; partition: string }>;
  /** Tags of the (global) role. */
  readonly tags: Record<string, string>;
}

/** Declares the role and the replication rule. */
export function createStaticReplication(name: string, args: StaticReplicationArgs, parent: pulumi.Resource): aws.s3.BucketReplicationConfig {
  const opts = { parent };
  const role = new aws.iam.Role(
    `${name}-static-replication`,
    {
      description: "S3 replication of the static assets to their replica bucket",
      assumeRolePolicy: pulumi.output(args.account).apply(({ accountId }) => replicationTrustPolicy({ accountId })),
      tags: args.tags,
    },
    opts,
  );
  const rolePolicy = new aws.iam.RolePolicy(
    `${name}-static-replication`,
    {
      role: role.id,
      policy: pulumi
        .all([args.primary.bucket.arn, args.replica.bucket.arn, args.primary.kmsKeyArn, args.replica.kmsKeyArn])
        .apply(([sourceBucketArn, replicaBucketArn, sourceKeyArn, replicaKeyArn]) =>
          replicationRolePolicy({ sourceBucketArn, replicaBucketArn, keys: { sourceKeyArn, replicaKeyArn } }),
        ),
    },
    opts,
  );
  return new aws.s3.BucketReplicationConfig(
    `${name}-static`,
    {
      region: args.primary.region,
      bucket: args.primary.bucket.id,
      role: role.arn,
      rules: [
        {
          id: "static-to-replica",
          status: "Enabled",
          priority: 1,
          filter: { prefix: "" },
          deleteMarkerReplication: { status: "Enabled" },
          // SSE-KMS objects are only replicated when the rule says so, re-encrypted under the replica's key
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
          destination: { bucket: args.replica.bucket.arn, storageClass: "STANDARD", encryptionConfiguration: { replicaKmsKeyId: args.replica.kmsKeyArn } },
        },
      ],
    },
    // S3 refuses replication until both buckets are versioned; the role must be able to act
    { parent, dependsOn: [args.primary.versioning, args.replica.versioning, rolePolicy] },
  );
}

/**
 * The KMS keys a regional resource encrypts with, and the region each must be in: its own region
 * for the resource's own keys, a replica's region for a Secrets Manager replica's key. A key is
 * named by ARN (which carries its region) or by dependency on an `aws.kms.Key`/`ReplicaKey` of
 * the stack; a bare key ID or alias always resolves in the caller's own region.
 */
import type { PolicyResource } from "@pulumi/policy";
import { known } from "./graph";
import { arnRegion, regionOf } from "./region";

const KEY_TYPES = ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"];

/** Top-level properties that name the key a resource encrypts its own data with. */
const KEY_PROPS = ["kmsKeyId", "kmsKeyArn", "kmsMasterKeyId", "performanceInsightsKmsKeyId", "masterUserSecretKmsKeyId"];

/** One use of a key. */
export interface KeyReference {
  /** Where the resource names it, for messages (`kmsKeyId`, `replicas[0].kmsKeyId`). */
  readonly path: string;
  /** The region the key must be in. */
  readonly expectedRegion: string;
  /** The value when it is a known string. */
  readonly value?: string;
  /** Keys of the stack the property depends on (only for properties that name one key each). */
  readonly keys: readonly PolicyResource[];
}

function keyDependencies(resource: PolicyResource, prop: string): PolicyResource[] {
  return (resource.propertyDependencies[prop] ?? []).filter((dep) => KEY_TYPES.includes(dep.type));
}

function stringAt(read: () => unknown): string | undefined {
  const value = known(read);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Every key reference of a regional resource (none for a global one). */
export function keyReferences(resource: PolicyResource): KeyReference[] {
  const region = regionOf(resource);
  if (region === undefined) return [];
  const references: KeyReference[] = [];
  const add = (path: string, expectedRegion: string, value: string | undefined, keys: PolicyResource[]) => {
    if (value !== undefined || keys.length > 0) references.push({ path, expectedRegion, ...(value !== undefined ? { value } : {}), keys });
  };
  for (const prop of KEY_PROPS)
    add(
      prop,
      region,
      stringAt(() => resource.props[prop]),
      keyDependencies(resource, prop),
    );

  if (resource.type === "aws:secretsmanager/secret:Secret") {
    const replicas = known((): unknown => resource.props.replicas);
    if (Array.isArray(replicas)) {
      (replicas as Array<{ region?: unknown; kmsKeyId?: unknown }>).forEach((replica, index) => {
        const replicaRegion = stringAt(() => replica.region);
        // the `replicas` property depends on every replica's key, so only the ARN can say which is whose
        if (replicaRegion !== undefined)
          add(
            `replicas[${index}].kmsKeyId`,
            replicaRegion,
            stringAt(() => replica.kmsKeyId),
            [],
          );
      });
    }
  }
  if (resource.type === "aws:ec2/launchTemplate:LaunchTemplate") {
    const mappings = known((): unknown => resource.props.blockDeviceMappings);
    if (Array.isArray(mappings)) {
      (mappings as Array<{ ebs?: { kmsKeyId?: unknown } }>).forEach((mapping, index) => {
        add(
          `blockDeviceMappings[${index}].ebs.kmsKeyId`,
          region,
          stringAt(() => mapping.ebs?.kmsKeyId),
          [],
        );
      });
    }
    add("blockDeviceMappings", region, undefined, keyDependencies(resource, "blockDeviceMappings"));
  }
  if (resource.type === "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration") {
    const rules = known((): unknown => resource.props.rules);
    if (Array.isArray(rules)) {
      (rules as Array<{ applyServerSideEncryptionByDefault?: { kmsMasterKeyId?: unknown } }>).forEach((rule, index) => {
        add(
          `rules[${index}].applyServerSideEncryptionByDefault.kmsMasterKeyId`,
          region,
          stringAt(() => rule.applyServerSideEncryptionByDefault?.kmsMasterKeyId),
          [],
        );
      });
    }
    add("rules", region, undefined, keyDependencies(resource, "rules"));
  }
  return references;
}

/** The regions a reference's key is known to be in: its ARN's, and each key resource's it depends on. */
export function referencedKeyRegions(reference: KeyReference): Array<{ readonly key: string; readonly region: string }> {
  const regions: Array<{ key: string; region: string }> = [];
  const fromArn = arnRegion(reference.value);
  if (fromArn !== undefined && /^arn:aws[a-z-]*:kms:/.test(reference.value ?? "")) regions.push({ key: reference.value!, region: fromArn });
  for (const key of reference.keys) {
    const region = known(() => regionOf(key));
    if (region !== undefined) regions.push({ key: key.name, region });
  }
  return regions;
}

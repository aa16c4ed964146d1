/**
 * Physical names of the cache: replication group IDs, the Global Datastore ID suffix, member
 * cluster IDs and slow-log groups, and the identifier rules ElastiCache enforces on them.
 *
 * Names derive from the stack's `namePrefix` and the region (never the role), so a Global
 * Datastore failover done outside Pulumi leaves every name valid.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
 * @see https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/elasticache/replication_group.go (validateReplicationGroupID)
 */

/** Longest replication group ID ElastiCache accepts. */
export const MAX_REPLICATION_GROUP_ID_LENGTH = 40;

/**
 * Length of the region-specific prefix ElastiCache puts before a Global Datastore's suffix, plus
 * its hyphen (`ldgnf-` in us-east-1).
 */
export const GLOBAL_DATASTORE_ID_PREFIX_LENGTH = 6;

/**
 * Longest Global Datastore ID suffix the blueprint writes. AWS documents no limit for the suffix;
 * the full ID (prefix and suffix) is held to the replication group limit, an assumption that keeps
 * it within any limit ElastiCache applies to identifiers.
 */
export const MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH = MAX_REPLICATION_GROUP_ID_LENGTH - GLOBAL_DATASTORE_ID_PREFIX_LENGTH;

/** Why `id` is not a valid replication group ID, one sentence per rule it breaks (empty when valid). */
export function identifierProblems(id: string, maxLength: number = MAX_REPLICATION_GROUP_ID_LENGTH): string[] {
  const problems: string[] = [];
  if (id.length < 1 || id.length > maxLength) problems.push(`must be 1 to ${maxLength} characters, and is ${id.length}`);
  if (!/^[A-Za-z0-9-]*$/.test(id)) problems.push("may only contain letters, digits and hyphens");
  if (!/^[A-Za-z]/.test(id)) problems.push("must begin with a letter");
  if (id.includes("--")) problems.push("must not contain two consecutive hyphens");
  if (id.endsWith("-")) problems.push("must not end with a hyphen");
  return problems;
}

/** A short, stable, lowercase tag of a text (FNV-1a, base 36), to keep cut names unique. */
export function shortHash(text: string, length = 4): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(length, "0").slice(-length);
}

/** `<head>-<tail>` within `max` characters: the head is cut and tagged with a hash of what it was. */
function fit(head: string, tail: string, max: number): string {
  const whole = `${head}-${tail}`;
  if (whole.length <= max) return whole;
  const hash = shortHash(head);
  const room = max - tail.length - hash.length - 2;
  const cut = head.slice(0, Math.max(room, 1)).replace(/-+$/, "");
  return `${cut}-${hash}-${tail}`;
}

/**
 * The replication group ID of the cache in `region`: `<namePrefix>-<region>`, e.g.
 * `blueprint-prod-eu-west-1`. When that exceeds 40 characters the prefix is cut and a 4-character
 * hash of the whole prefix added, so two long stacks never collide. ElastiCache stores IDs in
 * lowercase, so the ID is lowercase.
 */
export function replicationGroupId(namePrefix: string, region: string): string {
  return fit(namePrefix.toLowerCase(), region, MAX_REPLICATION_GROUP_ID_LENGTH);
}

/**
 * The suffix of the stack's Global Datastore: `<namePrefix>-cache`, cut (with a hash) to leave room
 * for the region prefix AWS adds. The suffix never names a region: the datastore outlives a
 * change of primary region.
 */
export function globalDatastoreIdSuffix(namePrefix: string): string {
  return fit(namePrefix.toLowerCase(), "cache", MAX_GLOBAL_DATASTORE_ID_SUFFIX_LENGTH);
}

/**
 * The cache cluster (node) IDs of a cluster-mode-disabled replication group: ElastiCache names
 * them `<replicationGroupId>-001`, `-002`, ... in creation order. CloudWatch publishes the node
 * metrics under these IDs (the `CacheClusterId` dimension).
 */
export function memberClusterIds(replicationGroupId: string, nodeCount: number): string[] {
  return Array.from({ length: nodeCount }, (_, i) => `${replicationGroupId}-${String(i + 1).padStart(3, "0")}`);
}

/** The CloudWatch Logs group that receives a replication group's slow log. */
export const slowLogGroupName = (replicationGroupId: string): string => `/aws/elasticache/${replicationGroupId}/slow-log`;

/**
 * Physical names that AWS requires to be unique per account and region (queues, topics,
 * dashboards) start with `<project>-<stack>`, lowercased and reduced to the characters every one
 * of those services accepts, so two stacks in one account never collide.
 */

/** The longest prefix the blueprint uses, leaving every service's limit room for its suffixes. */
export const MAX_NAME_PREFIX_LENGTH = 40;

/** `<project>-<stack>` as a physical-name prefix: lowercase letters, digits and single dashes. */
export function physicalNamePrefix(project: string, stack: string): string {
  const cleaned = `${project}-${stack}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  const prefix = cleaned.slice(0, MAX_NAME_PREFIX_LENGTH).replace(/-+$/, "");
  // Pulumi allows project and stack names without a letter or digit ("_"); names still need a stem
  return prefix === "" ? "stack" : prefix;
}

/** Bucket-name prefixes S3 reserves; a name that starts with one is rejected. */
export const RESERVED_BUCKET_PREFIXES: readonly string[] = ["xn--", "sthree-", "sthree-configurator", "amzn-s3-demo-"];

/** S3's limit on bucket names. */
export const MAX_BUCKET_NAME_LENGTH = 63;

/**
 * A globally unique bucket name: `<prefix>-<purpose>-<region>-<account>`, with the prefix cut so
 * that the whole stays within S3's 63 characters (the region and account keep it unique).
 */
export function bucketName(namePrefix: string, purpose: string, region: string, accountId: string): string {
  const tail = `-${purpose}-${region}-${accountId}`;
  const room = MAX_BUCKET_NAME_LENGTH - tail.length;
  if (room < 3) throw new Error(`bucket purpose ${purpose} is too long for region ${region}`);
  let head = namePrefix.slice(0, room).replace(/-+$/, "") || "stack";
  if (RESERVED_BUCKET_PREFIXES.some((reserved) => `${head}${tail}`.startsWith(reserved))) {
    head = `b-${head}`.slice(0, room).replace(/-+$/, "");
  }
  const name = `${head}${tail}`;
  if (!/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(name)) throw new Error(`${name} is not a valid S3 bucket name`);
  return name;
}

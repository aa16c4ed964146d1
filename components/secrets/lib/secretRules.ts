/**
 * Rules of a Secrets Manager secret replicated to several regions, checked offline: Secrets Manager
 * rejects a bad name or recovery window only when `pulumi up` calls CreateSecret, and a replica in
 * the primary's own region only when it calls ReplicateSecretToRegions.
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html
 * @see https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/create-manage-multi-region-secrets.html
 */

/** Longest secret name. */
export const MAX_SECRET_NAME_LENGTH = 512;

/** Characters a secret name may hold. */
export const SECRET_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]+$/;

/**
 * Days a deleted secret can be restored: 0 deletes at once (only through the API's
 * ForceDeleteWithoutRecovery, which the provider uses for 0), otherwise 7 to 30.
 */
export const RECOVERY_WINDOW_DAYS = { min: 7, max: 30 } as const;

/** The arguments the rules look at. */
export interface ReplicatedSecretRuleArgs {
  readonly name: string;
  readonly primaryRegion: string;
  readonly replicaRegions: readonly string[];
  readonly recoveryWindowDays: number;
  /** Regions that have a key. */
  readonly keyRegions: readonly string[];
}

/** Every problem of the arguments, each saying what was given and what is allowed. */
export function replicatedSecretProblems(args: ReplicatedSecretRuleArgs): string[] {
  const problems = secretNameProblems(args.name);
  const { min, max } = RECOVERY_WINDOW_DAYS;
  const window = args.recoveryWindowDays;
  if (!Number.isInteger(window) || (window !== 0 && (window < min || window > max))) {
    problems.push(`recoveryWindowDays must be 0 (delete at once) or ${min} to ${max}, got ${window}`);
  }
  if (args.replicaRegions.includes(args.primaryRegion)) {
    problems.push(`replicaRegions must not include the primary region ${args.primaryRegion}`);
  }
  if (new Set(args.replicaRegions).size !== args.replicaRegions.length) problems.push(`replicaRegions lists a region twice: ${args.replicaRegions.join(", ")}`);
  for (const region of [args.primaryRegion, ...args.replicaRegions]) {
    // each copy is encrypted in its own region; KMS keys never leave theirs
    if (!args.keyRegions.includes(region)) problems.push(`kmsKeyArns has no key for ${region}; every copy of the secret needs its own region's key`);
  }
  return problems;
}

/** Why Secrets Manager would refuse a secret name. */
export function secretNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0 || name.length > MAX_SECRET_NAME_LENGTH) problems.push(`name must be 1 to ${MAX_SECRET_NAME_LENGTH} characters, got ${name.length}`);
  if (!SECRET_NAME_PATTERN.test(name)) problems.push(`name may only hold letters, digits and / _ + = . @ -, got "${name}"`);
  // AWS appends "-" and six random characters to form the ARN; a name ending like that confuses
  // tools that find secrets by partial ARN
  if (/-[A-Za-z0-9]{6}$/.test(name)) problems.push(`name must not end with a hyphen and six characters (it looks like an ARN suffix), got "${name}"`);
  return problems;
}

/**
 * The ARN of a secret's replica: the same name and random suffix as the primary's ARN, in the
 * replica's region. Secrets Manager returns no replica ARN, but documents this shape.
 */
export function replicaSecretArn(primaryArn: string, region: string): string {
  const parts = primaryArn.split(":");
  if (parts.length < 7 || parts[2] !== "secretsmanager") throw new Error(`not a Secrets Manager ARN: ${primaryArn}`);
  parts[3] = region;
  return parts.join(":");
}

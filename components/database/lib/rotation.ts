/**
 * Rotation of the database master secret, as plain data: which AWS rotation function fits each
 * engine, and the characters it must not put in a password.
 *
 * Why Secrets Manager rotation with AWS's rotation function, not RDS-managed passwords
 * (`manageMasterUserPassword`): RDS cannot manage the master password of a cluster in an Aurora
 * global database, nor of a cross-region read replica. Secrets Manager rotates the primary secret
 * in the primary region and replicates each new value to the replica secrets the other regions'
 * proxies and tiers read; the password lives in the global database, so every region's cluster
 * takes it at once.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_available-rotation-templates.html
 */

/** AWS's single-user rotation functions in the Serverless Application Repository, per engine. */
export const ROTATION_APPLICATIONS: Readonly<Record<"postgresql" | "mysql", string>> = {
  postgresql: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
  mysql: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSMySQLRotationSingleUser",
};

/** Days between rotations Secrets Manager accepts (`AutomaticallyAfterDays`). */
export const ROTATION_DAYS = { min: 0, max: 1000 } as const;

/** Printable ASCII punctuation. */
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/** The characters the rotation function must leave out: every punctuation mark the generated passwords do not use. */
export function excludedCharacters(allowedSpecials: string): string {
  return [...PUNCTUATION].filter((char) => !allowedSpecials.includes(char)).join("");
}

/** The name of a shard's rotation function (Lambda names: at most 64 characters). */
export function rotationFunctionName(namePrefix: string, shard: number): string {
  return `${namePrefix}${shard === 0 ? "" : `-s${shard}`}-db-rotation`;
}

/**
 * The least-privilege IAM statements of an instance that reads its region's copies of the stack's
 * secrets: `GetSecretValue` on exactly those secrets, and `kms:Decrypt` on the region's key only
 * when Secrets Manager of that region asks for it (so the role cannot decrypt anything else with it).
 *
 * @see https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
 */
import type { IamStatement } from "../../lib/iam";

/** What reading a secret needs: its value (`DescribeSecret` is not needed to read). */
export const SECRET_READER_ACTIONS: readonly string[] = ["secretsmanager:GetSecretValue"];

/**
 * Statements for reading the given secrets of one region.
 *
 * @param secretArns the region's copies; none gives no statement (an empty `Resource` is invalid IAM)
 * @param kmsKeyArn the region's key that encrypts them
 * @param region the region, for the `kms:ViaService` condition
 */
export function secretReaderStatements<T>(secretArns: readonly T[], kmsKeyArn: T, region: string): IamStatement<T>[] {
  if (secretArns.length === 0) return [];
  return [
    { Sid: "ReadRegionSecrets", Effect: "Allow", Action: [...SECRET_READER_ACTIONS], Resource: [...secretArns] },
    {
      Sid: "DecryptRegionSecrets",
      Effect: "Allow",
      Action: ["kms:Decrypt"],
      Resource: [kmsKeyArn],
      Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
    },
  ];
}

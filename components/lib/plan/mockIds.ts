/**
 * Deterministic, AWS-shaped identifiers for the offline plan: the same URN always gets the same ID,
 * ARN and physical name, so two plans of the same stack are identical and diffs are meaningful.
 */
import { createHash } from "node:crypto";

/** The fixed account every mocked ARN carries. */
export const MOCK_ACCOUNT_ID = "123456789012";

/** The partition of every mocked ARN. */
export const MOCK_PARTITION = "aws";

/** Hex digest of the seed parts, cut to `length` characters. */
export function hashHex(length: number, ...seed: string[]): string {
  return createHash("sha256").update(seed.join("\u0000")).digest("hex").slice(0, length);
}

/** An EC2-style ID such as `vpc-0a1b2c3d4e5f60718` (17 hex digits, as AWS issues them today). */
export function ec2Id(prefix: string, ...seed: string[]): string {
  return `${prefix}-0${hashHex(16, prefix, ...seed)}`;
}

/** Pulumi's auto-name: the logical name plus seven hex characters. */
export function autoName(logicalName: string, urn: string): string {
  return `${logicalName}-${hashHex(7, "autoname", urn)}`;
}

/** An ARN in the mocked account. Global services pass an empty region. */
export function arn(service: string, region: string, resource: string, account: string = MOCK_ACCOUNT_ID): string {
  return `arn:${MOCK_PARTITION}:${service}:${region}:${account}:${resource}`;
}

/** A UUID built from the seed (the shape of ACM certificate and auto-scaling IDs). */
export function uuid(seed: string): string {
  const hex = hashHex(32, "uuid", seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A UUID built from the seed parts (the shape of WAF, Route 53 health-check and CloudFront policy IDs). */
export function edgeUuid(...seed: string[]): string {
  const hex = hashHex(32, "edge-uuid", ...seed);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

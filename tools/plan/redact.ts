/**
 * Turns the wire form of Pulumi property values into plain JSON for the plan file: secrets become
 * `"[secret]"`, unknowns `"[unknown]"`, resource references their URN. Secrets never pass through.
 */
import { SECRET_PLACEHOLDER, UNKNOWN_PLACEHOLDER } from "./planFile";

// Signatures of Pulumi's wire format (sdk/nodejs/runtime/rpc.ts).
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The plain-JSON form of a wire value, with secrets and unknowns replaced. */
export function redactWireValue(value: unknown): unknown {
  if (value === UNKNOWN) return UNKNOWN_PLACEHOLDER;
  if (Array.isArray(value)) return value.map(redactWireValue);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  switch (record[SIG_KEY]) {
    case SECRET_SIG:
      return SECRET_PLACEHOLDER;
    case RESOURCE_SIG:
      return record.urn;
    case OUTPUT_SIG:
      if (record.secret === true) return SECRET_PLACEHOLDER;
      return "value" in record ? redactWireValue(record.value) : UNKNOWN_PLACEHOLDER;
    case ASSET_SIG:
    case ARCHIVE_SIG:
      return "[asset]";
    default:
      return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, redactWireValue(inner)]));
  }
}

/** True when the wire value contains a secret anywhere. */
export function containsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsSecret);
  if (value === null || typeof value !== "object") return false;
  const record = value as Record<string, unknown>;
  if (record[SIG_KEY] === SECRET_SIG) return true;
  if (record[SIG_KEY] === OUTPUT_SIG && record.secret === true) return true;
  return Object.values(record).some(containsSecret);
}

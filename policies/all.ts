/**
 * The pack's policies, as one explicit list (index.ts serves it; the offline plan and the tests
 * import it, never index.ts, because constructing a PolicyPack starts a gRPC server).
 */
import { CACHE_POLICIES } from "./cache";
import { CDN_POLICIES } from "./cdn";
import { COMPUTE_POLICIES } from "./compute";
import { DATABASE_POLICIES } from "./database";
import { DNS_POLICIES } from "./dns";
import { IAM_POLICIES } from "./iam";
import { KMS_POLICIES } from "./kms";
import type { BlueprintPolicy } from "./lib/define";
import { LOADBALANCER_POLICIES } from "./loadbalancer";
import { NETWORK_POLICIES } from "./network";
import { OBSERVABILITY_POLICIES } from "./observability";
import { QUEUE_POLICIES } from "./queue";
import { RESILIENCE_POLICIES } from "./resilience";
import { ROUTING_POLICIES } from "./routing";
import { STACK_POLICIES } from "./stack";
import { STORAGE_POLICIES } from "./storage";

/** Name of the pack (PulumiPolicy.yaml has no name; the CLI shows this one). */
export const PACK_NAME = "blueprint-policies";

/** One line on what the pack checks. */
export const PACK_DESCRIPTION =
  "Security, reliability and multi-region rules of the multi-region blueprint (Checkov, Trivy, cdk-nag and Well-Architected equivalents).";

/** Every policy of the pack, grouped by service, in a fixed order. */
export const ALL_POLICIES: readonly BlueprintPolicy[] = [
  ...NETWORK_POLICIES,
  ...IAM_POLICIES,
  ...OBSERVABILITY_POLICIES,
  ...DATABASE_POLICIES,
  ...CACHE_POLICIES,
  ...COMPUTE_POLICIES,
  ...LOADBALANCER_POLICIES,
  ...STORAGE_POLICIES,
  ...QUEUE_POLICIES,
  ...KMS_POLICIES,
  ...CDN_POLICIES,
  ...DNS_POLICIES,
  ...STACK_POLICIES,
  ...ROUTING_POLICIES,
  ...RESILIENCE_POLICIES,
];

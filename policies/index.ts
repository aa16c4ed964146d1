/**
 * The CrossGuard pack. This file only serves the pack (constructing a PolicyPack starts the gRPC
 * server the Pulumi CLI connects to); the policies live in ./all.ts and the per-service files.
 */
import { PolicyPack } from "@pulumi/policy";
import { ALL_POLICIES, PACK_DESCRIPTION, PACK_NAME } from "./all";
import { PACK_ENFORCEMENT } from "./lib/enforcement";

new PolicyPack(PACK_NAME, {
  description: PACK_DESCRIPTION,
  enforcementLevel: PACK_ENFORCEMENT,
  provider: "aws",
  policies: [...ALL_POLICIES],
});

/**
 * The stack facts the chaos tests start from, shared by the section's rules and chaosRules' tests
 * so that both describe the same prod-like and dev-like stacks.
 */
import type { ChaosStackFacts } from "../../components/chaos/lib/chaosRules";

/** A prod-like stack: a 3-instance Aurora writer cluster, a Multi-AZ cache with 2 replicas, 3 web instances (prod's defaults on 3 AZs). */
export const PROD_FACTS: ChaosStackFacts = {
  database: { service: "aurora", instanceCount: 3, multiAz: true, mode: "aurora-global" },
  cache: { mode: "global", replicasPerNodeGroup: 2, automaticFailover: true, multiAz: true },
  web: { minSize: 3 },
};

/** A dev-like stack: one Aurora instance, a single cache node, one web instance (dev's defaults). */
export const DEV_FACTS: ChaosStackFacts = {
  database: { service: "aurora", instanceCount: 1, multiAz: false, mode: "single-region" },
  cache: { mode: "regional", replicasPerNodeGroup: 0, automaticFailover: false, multiAz: false },
  web: { minSize: 1 },
};

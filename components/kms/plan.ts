/**
 * Plan facts of the KMS component: the multi-region data key's replicas (the primary key and its
 * alias are shared types) and the diagram's primary → replica arrows.
 */
import { always, type ComponentPlanFacts, type EdgeContext } from "../lib/plan/facts";
import { textInput } from "../lib/plan/mock";
import { arn } from "../lib/plan/mockIds";
import { kmsKeyId } from "../lib/plan/sharedMocks";
import { monthly, type CostRule } from "../lib/plan/cost";

/** A multi-region replica key. */
export const KMS_REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey";

/** KMS multi-region replica keys: the primary key feeds each replica. */
function replicationEdges({ graph, nodeOf, connect }: EdgeContext): void {
  for (const replica of graph.ofTypes([KMS_REPLICA_KEY])) {
    for (const primary of graph.propertyDependenciesOf(replica, "primaryKeyArn")) connect(nodeOf(primary), nodeOf(replica.urn), "replication", "replica");
  }
}

/** The KMS component's facts. */
/** How replica keys are billed: like any KMS key. */
const KMS_COSTS: Readonly<Record<string, CostRule>> = {
  [KMS_REPLICA_KEY]: monthly("kms:key", "KMS keys", "a monthly fee per key (a replica is billed as a key)", "requests ($0.03 per 10,000)"),
};

export const kmsPlanFacts: ComponentPlanFacts = {
  component: "kms",
  costs: KMS_COSTS,
  types: [
    {
      type: KMS_REPLICA_KEY,
      // A replica shares its primary's key ID; only the region in its ARN differs.
      mock: (input, region) => {
        const primary = textInput(input, "primaryKeyArn") ?? "";
        const keyId = primary.split("key/")[1] ?? kmsKeyId(input.urn, true);
        return { id: keyId, outputs: { keyId, arn: arn("kms", region, `key/${keyId}`), keyRotationEnabled: true, enabled: true } };
      },
      creation: {
        seconds: 30,
        basis: "AWS KMS docs: a replica key is Creating for a short time before it becomes Enabled (the provider waits for Enabled)",
      },
      stateful: {
        label: "KMS replica key",
        loses: "the region's copy of the key: that region's encrypted data needs another key",
        replacedBy: always("region", "primaryKeyArn"),
      },
      kind: "key",
    },
  ],
  edges: { replication: replicationEdges },
};

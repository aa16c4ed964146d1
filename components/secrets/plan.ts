/**
 * Plan facts of the secrets component: Secrets Manager secrets (their ARN carries the six random
 * characters Secrets Manager appends) and their versions; the diagram's replica arrows.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { always, type ComponentPlanFacts, type EdgeContext } from "../lib/plan/facts";
import { objectList } from "../lib/plan/planGraph";
import { named, textInput } from "../lib/plan/mock";
import { arn, hashHex } from "../lib/plan/mockIds";
import { free, type CostRule } from "../lib/plan/cost";

/** A Secrets Manager secret. */
export const SECRET = "aws:secretsmanager/secret:Secret";

/** The six random characters Secrets Manager appends to a secret's name in its ARN. */
function secretSuffix(urn: string): string {
  return hashHex(6, "secret", urn);
}

/** Secrets Manager replicas live inside the primary secret's inputs: a secret box in each replica region. */
function replicationEdges({ graph, nodeOf, connect, place }: EdgeContext): void {
  for (const secret of graph.ofTypes([SECRET])) {
    for (const replica of objectList(secret.inputs.replicas)) {
      if (typeof replica.region !== "string" || replica.region === secret.region) continue;
      connect(nodeOf(secret.urn), place("secret", replica.region), "replication", "replica");
    }
  }
}

/** The secrets component's facts. */
/** How secrets are billed: per secret and per replica a month. */
const SECRETS_COSTS: Readonly<Record<string, CostRule>> = {
  [SECRET]: {
    rule: "a monthly fee per secret and per replica region (a replica is billed as a secret)",
    meters: (secret) => {
      const count = 1 + (Array.isArray(secret.inputs.replicas) ? secret.inputs.replicas.length : 0);
      return [{ sku: "secretsmanager:secret", what: "secrets (replicas included)", min: count, max: count }];
    },
    traffic: "API calls ($0.05 per 10,000)",
  },
  "aws:secretsmanager/secretVersion:SecretVersion": free("versions are included in the secret's fee"),
};

export const secretsPlanFacts: ComponentPlanFacts = {
  component: "secrets",
  costs: SECRETS_COSTS,
  types: [
    {
      type: SECRET,
      mock: (input, region) => {
        const name = named(input);
        const secretArn = arn("secretsmanager", region, `secret:${name}-${secretSuffix(input.urn)}`);
        return { id: secretArn, outputs: { name, arn: secretArn } };
      },
      creation: { seconds: 20, basis: "experience: seconds, plus the wait for each replica region to be InSync" },
      stateful: { label: "secret", loses: "the secret value and its versions (after the recovery window)", replacedBy: always("region", "name", "namePrefix") },
      kind: "secret",
    },
    {
      type: "aws:secretsmanager/secretVersion:SecretVersion",
      mock: (input) => {
        const versionId = hashHex(32, "secret-version", input.urn);
        return { id: `${textInput(input, "secretId") ?? input.name}|${versionId}`, outputs: { versionId, arn: textInput(input, "secretId") ?? "" } };
      },
      creation: API_ONLY_CREATION,
    },
  ],
  edges: { replication: replicationEdges },
};

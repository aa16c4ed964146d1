/**
 * Plan facts of the secrets component: Secrets Manager secrets (their ARN carries the six random
 * characters Secrets Manager appends) and their versions.
 */
import { API_ONLY_CREATION } from "../lib/plan/creation";
import { always, type ComponentPlanFacts } from "../lib/plan/facts";
import { named, textInput } from "../lib/plan/mock";
import { arn, hashHex } from "../lib/plan/mockIds";

/** A Secrets Manager secret. */
export const SECRET = "aws:secretsmanager/secret:Secret";

/** The six random characters Secrets Manager appends to a secret's name in its ARN. */
function secretSuffix(urn: string): string {
  return hashHex(6, "secret", urn);
}

/** The secrets component's facts. */
export const secretsPlanFacts: ComponentPlanFacts = {
  component: "secrets",
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
};

/**
 * The data key and the secret it encrypts, recorded once per test file: a MultiRegionKey over three
 * regions and a ReplicatedSecret that uses each region's copy (tests/components/kms and secrets).
 */
import * as pulumi from "@pulumi/pulumi";
import { MultiRegionKey } from "../../components/kms";
import { ReplicatedSecret } from "../../components/secrets";
import { recordProgram, type Recording } from "../../tools/plan/runProgram";

export const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };

/** Records the program: the stack outputs are the key's and the secret's ARNs by region. */
export function recordKeyAndSecret(): Promise<Recording> {
  return recordProgram(
    () => {
      const key = new MultiRegionKey("data", {
        primaryRegion: "eu-west-1",
        replicaRegions: ["us-east-1", "ap-southeast-2"],
        description: "Encrypts the data tier",
        aliasName: "alias/blueprint-prod/data",
        deletionWindowDays: 30,
        tags: TAGS,
      });
      const secret = new ReplicatedSecret("db-credentials", {
        name: "blueprint-prod/database/master",
        description: "Master credentials",
        primaryRegion: "eu-west-1",
        replicaRegions: ["us-east-1", "ap-southeast-2"],
        kmsKeyArns: key.keyArns,
        secretString: pulumi.secret('{"password":"correct-horse-battery-staple"}'),
        recoveryWindowDays: 7,
        tags: TAGS,
      });
      return { keyArns: key.keyArns, secretArns: secret.arns };
    },
    { stack: "test", config: { "aws:region": "us-east-1" } },
  );
}

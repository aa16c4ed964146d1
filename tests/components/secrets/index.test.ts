import * as assert from "node:assert/strict";
import type { PlannedResource } from "../../../tools/plan/planFile";
import * as pulumi from "@pulumi/pulumi";
import { ReplicatedSecret } from "../../../components/secrets";
import { recordProgram } from "../../../tools/plan/runProgram";
import { recordKeyAndSecret } from "../../support/keyAndSecret";
import { one } from "../../support/resources";

const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

describe("MultiRegionKey and ReplicatedSecret components", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordKeyAndSecret());
  });

  it("encrypts the secret and each replica with its own region's key, and never records the value", () => {
    const secret = one(resources, SECRET);
    const keyArns = outputs.keyArns as Record<string, string>;
    assert.equal(secret.region, "eu-west-1");
    assert.equal(secret.inputs.kmsKeyId, keyArns["eu-west-1"]);
    assert.deepEqual(secret.inputs.replicas, [
      { region: "us-east-1", kmsKeyId: keyArns["us-east-1"] },
      { region: "ap-southeast-2", kmsKeyId: keyArns["ap-southeast-2"] },
    ]);
    assert.equal(secret.inputs.recoveryWindowInDays, 7);
    assert.equal(secret.inputs.forceOverwriteReplicaSecret, false);
    const version = one(resources, VERSION);
    assert.equal(version.inputs.secretString, "[secret]");
    assert.ok(!JSON.stringify(resources).includes("correct-horse"));
  });

  it("gives each region the ARN of its own copy", () => {
    const primary = one(resources, SECRET).outputs.arn as string;
    assert.match(primary, /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:blueprint-prod\/database\/master-[0-9a-f]{6}$/);
    assert.deepEqual(outputs.secretArns, {
      "eu-west-1": primary,
      "us-east-1": primary.replace(":eu-west-1:", ":us-east-1:"),
      "ap-southeast-2": primary.replace(":eu-west-1:", ":ap-southeast-2:"),
    });
  });

  it("tracks its value unless it rotates in AWS; a rotated secret's first version keeps its value and loses AWSCURRENT, which Pulumi must not move back", async () => {
    const versionOf = async (rotated?: boolean) => {
      const { resources: recorded } = await recordProgram(
        () => {
          new ReplicatedSecret("cache-auth", {
            name: "blueprint-prod/cache/auth",
            description: "AUTH token",
            primaryRegion: "eu-west-1",
            replicaRegions: [],
            kmsKeyArns: { "eu-west-1": "arn:aws:kms:eu-west-1:123456789012:key/data" },
            secretString: pulumi.secret('{"authToken":"x"}'),
            ...(rotated === undefined ? {} : { rotated }),
          });
          return {};
        },
        { stack: "test" },
      );
      return one(recorded, VERSION).ignoreChanges;
    };
    assert.deepEqual(await versionOf(), []);
    assert.deepEqual(await versionOf(false), []);
    assert.deepEqual(await versionOf(true), ["secretString", "versionStages"]);
  });
});

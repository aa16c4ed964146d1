import * as assert from "node:assert/strict";
import { MultiRegionKey } from "../../../components/kms";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { recordKeyAndSecret, TAGS } from "../../support/keyAndSecret";
import { countTypes, ofType, one } from "../../support/resources";

const KEY = "aws:kms/key:Key";
const REPLICA = "aws:kms/replicaKey:ReplicaKey";
const ALIAS = "aws:kms/alias:Alias";
const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

describe("MultiRegionKey and ReplicatedSecret components", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordKeyAndSecret());
  });

  it("declares one multi-region primary key, a replica and an alias per other region, one secret and its version", () => {
    assert.deepEqual(countTypes(resources), {
      "pulumi:pulumi:Stack": 1,
      "blueprint:kms:MultiRegionKey": 1,
      "blueprint:secrets:ReplicatedSecret": 1,
      [KEY]: 1,
      [REPLICA]: 2,
      [ALIAS]: 3,
      [SECRET]: 1,
      [VERSION]: 1,
    });
  });

  it("puts the primary key in the primary region with rotation, the window and an account-administered policy", () => {
    const key = one(resources, KEY);
    assert.equal(key.region, "eu-west-1");
    assert.equal(key.inputs.multiRegion, true);
    assert.equal(key.inputs.enableKeyRotation, true);
    assert.equal(key.inputs.deletionWindowInDays, 30);
    const policy = JSON.parse(key.inputs.policy as string);
    assert.deepEqual(policy.Statement[0].Principal, { AWS: "arn:aws:iam::123456789012:root" });
    assert.equal(policy.Statement[0].Action, "kms:*");
    assert.deepEqual(key.inputs.tags, { ...TAGS, Region: "eu-west-1" });
  });

  it("replicates the key into every other region under the same alias, named by region", () => {
    const primaryArn = one(resources, KEY).outputs.arn;
    for (const region of ["us-east-1", "ap-southeast-2"]) {
      const replica = one(resources, REPLICA, `data-${region}`);
      assert.equal(replica.region, region);
      assert.equal(replica.inputs.primaryKeyArn, primaryArn);
      assert.equal(replica.inputs.deletionWindowInDays, 30);
      assert.ok(JSON.parse(replica.inputs.policy as string).Statement.length === 1);
    }
    assert.deepEqual(
      ofType(resources, ALIAS)
        .map((alias) => [alias.region, alias.inputs.name])
        .sort(),
      [
        ["ap-southeast-2", "alias/blueprint-prod/data"],
        ["eu-west-1", "alias/blueprint-prod/data"],
        ["us-east-1", "alias/blueprint-prod/data"],
      ],
    );
    const keyId = one(resources, KEY).outputs.keyId as string;
    assert.match(keyId, /^mrk-[0-9a-f]{32}$/);
    assert.deepEqual(outputs.keyArns, {
      "eu-west-1": `arn:aws:kms:eu-west-1:123456789012:key/${keyId}`,
      "us-east-1": `arn:aws:kms:us-east-1:123456789012:key/${keyId}`,
      "ap-southeast-2": `arn:aws:kms:ap-southeast-2:123456789012:key/${keyId}`,
    });
  });
});

describe("data key and secret rules", () => {
  it("refuses to build a key with invalid arguments, listing every problem", async () => {
    await assert.rejects(
      recordProgram(
        () => {
          new MultiRegionKey("bad", { primaryRegion: "eu-west-1", replicaRegions: [], description: "d", aliasName: "x", deletionWindowDays: 31 });
          return {};
        },
        { stack: "test", config: { "aws:region": "us-east-1" } },
      ),
      /MultiRegionKey bad has invalid arguments:\n {2}- deletionWindowDays must be a whole number of days from 7 to 30, got 31\n {2}- aliasName must start with "alias\/", got "x"/,
    );
  });
});

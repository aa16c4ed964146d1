import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { MultiRegionKey } from "../../../components/kms";
import { aliasProblems, dataKeyProblems } from "../../../components/kms/lib/keyRules";
import { ReplicatedSecret } from "../../../components/secrets";
import { secretReaderStatements } from "../../../components/secrets/lib/secretAccess";
import { replicaSecretArn, replicatedSecretProblems, secretNameProblems } from "../../../components/secrets/lib/secretRules";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, ofType, one } from "../../support/resources";

const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };
const KEY = "aws:kms/key:Key";
const REPLICA = "aws:kms/replicaKey:ReplicaKey";
const ALIAS = "aws:kms/alias:Alias";
const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

describe("MultiRegionKey and ReplicatedSecret components", () => {
  let resources: PlannedResource[];
  let outputs: Record<string, any>;
  before(async () => {
    ({ resources, outputs } = await recordProgram(
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
    ));
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
    assert.deepEqual(ofType(resources, ALIAS).map((alias) => [alias.region, alias.inputs.name]).sort(), [
      ["ap-southeast-2", "alias/blueprint-prod/data"],
      ["eu-west-1", "alias/blueprint-prod/data"],
      ["us-east-1", "alias/blueprint-prod/data"],
    ]);
    const keyId = one(resources, KEY).outputs.keyId as string;
    assert.match(keyId, /^mrk-[0-9a-f]{32}$/);
    assert.deepEqual(outputs.keyArns, {
      "eu-west-1": `arn:aws:kms:eu-west-1:123456789012:key/${keyId}`,
      "us-east-1": `arn:aws:kms:us-east-1:123456789012:key/${keyId}`,
      "ap-southeast-2": `arn:aws:kms:ap-southeast-2:123456789012:key/${keyId}`,
    });
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
});

describe("data key and secret rules", () => {
  it("lists every problem of a key's arguments", () => {
    assert.deepEqual(dataKeyProblems({ primaryRegion: "eu-west-1", replicaRegions: ["eu-west-1", "us-east-1", "us-east-1"], deletionWindowDays: 6, aliasName: "alias/aws/x" }), [
      "deletionWindowDays must be a whole number of days from 7 to 30, got 6",
      "replicaRegions must not include the primary region eu-west-1: a multi-region key has one key per region",
      "replicaRegions lists us-east-1 twice",
      'aliasName must not start with "alias/aws/" (reserved for AWS managed keys), got "alias/aws/x"',
    ]);
    assert.deepEqual(aliasProblems("data"), ['aliasName must start with "alias/", got "data"']);
    assert.deepEqual(aliasProblems("alias/a b"), ['aliasName may only hold letters, digits, "/", "_" and "-" after "alias/", got "alias/a b"']);
    assert.deepEqual(aliasProblems("alias/blueprint-prod/data"), []);
  });

  it("lists every problem of a replicated secret's arguments", () => {
    assert.deepEqual(
      replicatedSecretProblems({ name: "db-abcdef", primaryRegion: "eu-west-1", replicaRegions: ["us-east-1"], recoveryWindowDays: 3, keyRegions: ["eu-west-1"] }),
      [
        'name must not end with a hyphen and six characters (it looks like an ARN suffix), got "db-abcdef"',
        "recoveryWindowDays must be 0 (delete at once) or 7 to 30, got 3",
        "kmsKeyArns has no key for us-east-1; every copy of the secret needs its own region's key",
      ],
    );
    assert.deepEqual(secretNameProblems("a b"), ['name may only hold letters, digits and / _ + = . @ -, got "a b"']);
    assert.deepEqual(secretNameProblems("x".repeat(513)), ["name must be 1 to 512 characters, got 513"]);
    assert.deepEqual(replicatedSecretProblems({ name: "p/db/master", primaryRegion: "eu-west-1", replicaRegions: [], recoveryWindowDays: 0, keyRegions: ["eu-west-1"] }), []);
  });

  it("derives a replica's ARN from the primary's", () => {
    assert.equal(
      replicaSecretArn("arn:aws:secretsmanager:eu-west-1:123456789012:secret:p/db-AbC123", "us-east-1"),
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:p/db-AbC123",
    );
    assert.throws(() => replicaSecretArn("arn:aws:kms:eu-west-1:1:key/x", "us-east-1"), /not a Secrets Manager ARN/);
  });

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

describe("secret reader statements", () => {
  it("grant GetSecretValue on exactly the region's secrets and Decrypt only through that region's Secrets Manager", () => {
    assert.deepEqual(secretReaderStatements(["arn:db", "arn:cache"], "arn:key", "eu-west-1"), [
      { Sid: "ReadRegionSecrets", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: ["arn:db", "arn:cache"] },
      {
        Sid: "DecryptRegionSecrets",
        Effect: "Allow",
        Action: ["kms:Decrypt"],
        Resource: ["arn:key"],
        Condition: { StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } },
      },
    ]);
    assert.deepEqual(secretReaderStatements([], "arn:key", "eu-west-1"), []);
  });
});

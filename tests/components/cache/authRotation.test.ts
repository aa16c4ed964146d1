import * as assert from "node:assert/strict";
import { CacheAuthRotation, type CacheAuthRotationArgs } from "../../../components/cache/authRotation";
import type { PlannedResource } from "../../../tools/plan/planFile";
import { recordProgram } from "../../../tools/plan/runProgram";
import { countTypes, one } from "../../support/resources";

const ACCOUNT = "123456789012";
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:blueprint-prod/cache/auth-AbCdEf`;
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-data`;
const LOG_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/logs`;
const TAGS = { Environment: "prod", Project: "blueprint", Owner: "o", CostCenter: "c", ManagedBy: "pulumi" };

const ARGS: CacheAuthRotationArgs = {
  region: "us-east-1",
  namePrefix: "blueprint-prod",
  mode: "global",
  secretArn: SECRET,
  kmsKeyArn: KEY,
  groups: [
    { region: "us-east-1", replicationGroupId: "blueprint-prod-us-east-1" },
    { region: "eu-west-1", replicationGroupId: "blueprint-prod-eu-west-1" },
  ],
  rotationDays: 30,
  logKmsKeyArn: LOG_KEY,
  logRetentionDays: 365,
  tags: TAGS,
};

const FUNCTION = "aws:lambda/function:Function";

async function record(args: CacheAuthRotationArgs = ARGS): Promise<PlannedResource[]> {
  const { resources } = await recordProgram(
    () => {
      new CacheAuthRotation("cache-auth-rotation", args);
      return {};
    },
    { stack: "test", config: { "aws:region": "us-east-1" } },
  );
  return resources.filter((r) => r.custom);
}

describe("CacheAuthRotation component", () => {
  let resources: PlannedResource[];
  before(async () => {
    resources = await record();
  });

  it("declares the function, its role, policy, log group, invoke permission and the secret's schedule, once each", () => {
    const counts = countTypes(resources.filter((r) => !r.type.startsWith("pulumi:providers:")));
    assert.deepEqual(counts, {
      "aws:cloudwatch/logGroup:LogGroup": 1,
      "aws:iam/role:Role": 1,
      "aws:iam/rolePolicy:RolePolicy": 1,
      [FUNCTION]: 1,
      "aws:lambda/permission:Permission": 1,
      "aws:secretsmanager/secretRotation:SecretRotation": 1,
    });
  });

  it("schedules the rotation of exactly this secret with this function, every rotationDays", () => {
    const schedule = one(resources, "aws:secretsmanager/secretRotation:SecretRotation");
    assert.equal(schedule.region, "us-east-1");
    assert.equal(schedule.inputs.secretId, SECRET);
    assert.deepEqual(schedule.inputs.rotationRules, { automaticallyAfterDays: 30 });
    assert.equal(schedule.inputs.rotationLambdaArn, one(resources, FUNCTION).outputs.arn);
    const permission = one(resources, "aws:lambda/permission:Permission");
    assert.deepEqual(
      [permission.inputs.action, permission.inputs.principal, permission.inputs.sourceArn, permission.inputs.function],
      ["lambda:InvokeFunction", "secretsmanager.amazonaws.com", SECRET, "blueprint-prod-cache-auth-rotation"],
    );
  });

  it("runs a small Node.js function outside the VPC, one at a time, with JSON logs to its own encrypted log group and nothing secret in its environment", () => {
    const fn = one(resources, FUNCTION);
    const i = fn.inputs;
    assert.deepEqual(
      [i.name, i.runtime, i.handler, i.architectures, i.timeout, i.memorySize, i.reservedConcurrentExecutions],
      ["blueprint-prod-cache-auth-rotation", "nodejs22.x", "index.handler", ["arm64"], 900, 128, 1],
    );
    assert.equal(i.vpcConfig, undefined);
    assert.deepEqual(i.loggingConfig, { logFormat: "JSON", logGroup: "/aws/lambda/blueprint-prod-cache-auth-rotation" });
    assert.deepEqual(i.environment, {
      variables: {
        CACHE_MODE: "global",
        CACHE_GROUPS: JSON.stringify(ARGS.groups),
        TOKEN_LENGTH: "64",
        TOKEN_SPECIALS: "!^-",
      },
    });
    assert.deepEqual(i.tags, { ...TAGS, Region: "us-east-1" });
    const logs = one(resources, "aws:cloudwatch/logGroup:LogGroup");
    assert.deepEqual([logs.inputs.name, logs.inputs.kmsKeyId, logs.inputs.retentionInDays], ["/aws/lambda/blueprint-prod-cache-auth-rotation", LOG_KEY, 365]);
  });

  it("gives the role only this secret, these groups, the data key through Secrets Manager, and its own log group", () => {
    const role = one(resources, "aws:iam/role:Role");
    const trust = JSON.parse(role.inputs.assumeRolePolicy as string);
    assert.deepEqual(
      trust.Statement.map((s: any) => [s.Effect, s.Action, s.Principal]),
      [["Allow", "sts:AssumeRole", { Service: "lambda.amazonaws.com" }]],
    );
    assert.equal((role.inputs.tags as Record<string, string>).Region, undefined);
    const policy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy").inputs.policy as string);
    const logGroupArn = one(resources, "aws:cloudwatch/logGroup:LogGroup").outputs.arn as string;
    assert.deepEqual(policy.Statement, [
      {
        Sid: "RotateTheSecret",
        Effect: "Allow",
        Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
        Resource: [SECRET],
      },
      {
        Sid: "ModifyTheCache",
        Effect: "Allow",
        Action: ["elasticache:DescribeReplicationGroups", "elasticache:ModifyReplicationGroup"],
        Resource: [
          `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:blueprint-prod-us-east-1`,
          `arn:aws:elasticache:eu-west-1:${ACCOUNT}:replicationgroup:blueprint-prod-eu-west-1`,
        ],
      },
      {
        Sid: "UseTheKeyThroughSecretsManager",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
        Resource: [KEY],
        Condition: { StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } },
      },
      { Sid: "WriteItsLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logGroupArn}:*`] },
    ]);
  });

  it("refuses rotation days Secrets Manager does not take, no group, and a function name Lambda would refuse, all at once", async () => {
    await assert.rejects(record({ ...ARGS, rotationDays: 0, groups: [], namePrefix: "p".repeat(50) }), {
      message: [
        "The program failed for stack test: CacheAuthRotation cache-auth-rotation has invalid arguments:",
        "  - rotationDays must be 1 to 1000, got 0",
        "  - groups must name at least one replication group",
        `  - the function name ${"p".repeat(50)}-cache-auth-rotation is 70 characters; Lambda allows 64 (shorten the project or stack name)`,
      ].join("\n"),
    });
  });
});

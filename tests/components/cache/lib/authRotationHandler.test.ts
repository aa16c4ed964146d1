import * as assert from "node:assert/strict";
import * as vm from "node:vm";
import { authRotationHandlerSource, ROTATION_HANDLER_FILE } from "../../../../components/cache/lib/authRotationHandler";

const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:blueprint-prod/cache/auth-AbCdEf";
const OLD = "Old-token-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN!^";

/** Loads the shipped index.js the way Lambda does (CommonJS), with `require` answering only the runtime's modules. */
function load(sdk: Record<string, unknown>, env: Record<string, string>) {
  const required: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const logs: string[] = [];
  const context = vm.createContext({
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (!(name in sdk)) throw new Error(`module ${name} is not in the Lambda runtime`);
      return sdk[name];
    },
    process: { env },
    console: { log: (line: string) => logs.push(line) },
    setTimeout: (done: () => void) => done(),
    JSON,
    Promise,
    Date,
    Map,
    Object,
    Number,
    Boolean,
    Error,
  });
  vm.runInContext(authRotationHandlerSource(), context, { filename: ROTATION_HANDLER_FILE });
  return { handler: module.exports.handler as (event: unknown, context: unknown) => Promise<void>, required, logs };
}

/** A fake SDK v3: each command class records its input, each client answers by command. */
function fakeSdk(answer: (command: string, input: Record<string, unknown>, region: string | undefined) => unknown) {
  const sent: { command: string; input: Record<string, unknown>; region: string | undefined }[] = [];
  const command = (name: string) =>
    class {
      readonly name = name;
      constructor(readonly input: Record<string, unknown>) {}
    };
  const client = () =>
    class {
      constructor(readonly config: { region?: string }) {}
      async send(c: { name: string; input: Record<string, unknown> }) {
        sent.push({ command: c.name, input: c.input, region: this.config.region });
        return answer(c.name, c.input, this.config.region);
      }
    };
  const sdk = {
    "@aws-sdk/client-secrets-manager": {
      SecretsManagerClient: client(),
      DescribeSecretCommand: command("DescribeSecret"),
      GetSecretValueCommand: command("GetSecretValue"),
      PutSecretValueCommand: command("PutSecretValue"),
      UpdateSecretVersionStageCommand: command("UpdateSecretVersionStage"),
    },
    "@aws-sdk/client-elasticache": {
      ElastiCacheClient: client(),
      DescribeReplicationGroupsCommand: command("DescribeReplicationGroups"),
      ModifyReplicationGroupCommand: command("ModifyReplicationGroup"),
    },
    "node:crypto": { randomInt: (n: number) => Math.floor(Math.random() * n) },
  };
  return { sdk, sent };
}

/** Objects made inside the script's context, as plain data of this one (deepStrictEqual compares prototypes). */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const ENV = {
  CACHE_MODE: "global",
  CACHE_GROUPS: JSON.stringify([
    { region: "us-east-1", replicationGroupId: "blueprint-prod-us-east-1" },
    { region: "eu-west-1", replicationGroupId: "blueprint-prod-eu-west-1" },
  ]),
  TOKEN_LENGTH: "64",
  TOKEN_SPECIALS: "!^-",
};

describe("cache AUTH rotation function source", () => {
  it("is self-contained CommonJS: it requires only the runtime's SDK v3 clients and node:crypto", () => {
    const source = authRotationHandlerSource();
    const requires = [...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(requires, ["@aws-sdk/client-elasticache", "@aws-sdk/client-secrets-manager", "node:crypto"]);
    assert.match(source, /exports\.handler = /);
    // types are stripped: no TypeScript syntax is left for Node.js to choke on
    assert.doesNotThrow(() => new vm.Script(source));
  });

  it("runs each step through the real-client adapter: ROTATE on the primary member of the region it lives in, in the region's client", async () => {
    const pendingCreated = new Date("2026-12-01T10:00:00Z");
    let put: string | undefined;
    const { sdk, sent } = fakeSdk((command, input, region) => {
      switch (command) {
        case "DescribeSecret":
          return { RotationEnabled: true, VersionIdsToStages: { current: ["AWSCURRENT"], next: ["AWSPENDING"] } };
        case "GetSecretValue":
          if (input.VersionStage === "AWSCURRENT") return { SecretString: JSON.stringify({ authToken: OLD }), CreatedDate: new Date(0) };
          if (put === undefined) throw Object.assign(new Error("no such version"), { name: "ResourceNotFoundException" });
          return { SecretString: put, CreatedDate: pendingCreated };
        case "PutSecretValue":
          put = input.SecretString as string;
          return {};
        case "DescribeReplicationGroups":
          return {
            ReplicationGroups: [
              {
                Status: "available",
                AuthTokenLastModifiedDate: new Date(0),
                GlobalReplicationGroupInfo: { GlobalReplicationGroupMemberRole: region === "us-east-1" ? "PRIMARY" : "SECONDARY" },
              },
            ],
          };
        default:
          return {};
      }
    });
    const { handler, logs } = load(sdk, ENV);
    const lambdaContext = { getRemainingTimeInMillis: () => 600_000 };
    await handler({ SecretId: ARN, ClientRequestToken: "next", Step: "createSecret" }, lambdaContext);
    await handler({ SecretId: ARN, ClientRequestToken: "next", Step: "setSecret" }, lambdaContext);
    await handler({ SecretId: ARN, ClientRequestToken: "next", Step: "finishSecret" }, lambdaContext);

    const token = (JSON.parse(put!) as { authToken: string }).authToken;
    assert.equal(token.length, 64);
    assert.deepEqual(plain(sent.find((s) => s.command === "PutSecretValue")!.input), {
      SecretId: ARN,
      ClientRequestToken: "next",
      SecretString: put,
      VersionStages: ["AWSPENDING"],
    });
    const modify = sent.filter((s) => s.command === "ModifyReplicationGroup");
    assert.deepEqual(plain(modify), [
      {
        command: "ModifyReplicationGroup",
        input: { ReplicationGroupId: "blueprint-prod-us-east-1", AuthToken: token, AuthTokenUpdateStrategy: "ROTATE", ApplyImmediately: true },
        region: "us-east-1",
      },
    ]);
    assert.deepEqual(plain(sent.find((s) => s.command === "UpdateSecretVersionStage")!.input), {
      SecretId: ARN,
      VersionStage: "AWSCURRENT",
      MoveToVersionId: "next",
      RemoveFromVersionId: "current",
    });
    assert.ok(logs.length >= 3);
    for (const line of logs) assert.ok(!line.includes(token) && !line.includes(OLD));
  });
});

import * as assert from "node:assert/strict";
import {
  generateToken,
  POLL_SECONDS,
  rotate,
  type CacheGroupState,
  type RotationDeps,
  type RotationEvent,
  type RotationTarget,
  type SecretValue,
} from "../../../../components/cache/lib/authRotationSteps";
import { authTokenProblems, authTokenRules } from "../../../../components/cache/lib/cacheRules";

const ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:blueprint-prod/cache/auth-AbCdEf";
const OLD = "Old-token-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJKLMN!^";
const CURRENT_VERSION = "v-current";
const NEW_VERSION = "v-new";
const CREATED = new Date("2026-12-01T10:00:00Z");
const BEFORE = new Date("2026-11-01T10:00:00Z");
const AFTER = new Date("2026-12-01T10:05:00Z");

const PRIMARY: RotationTarget = { region: "us-east-1", replicationGroupId: "blueprint-prod-us-east-1" };
const SECONDARY: RotationTarget = { region: "eu-west-1", replicationGroupId: "blueprint-prod-eu-west-1" };

/** A fake secret: versions with their labels and values, and every call made. */
class FakeSecrets {
  readonly stages: Record<string, string[]> = { [CURRENT_VERSION]: ["AWSCURRENT"], [NEW_VERSION]: ["AWSPENDING"] };
  readonly values: Record<string, SecretValue> = { [CURRENT_VERSION]: { value: JSON.stringify({ authToken: OLD }), createdDate: BEFORE } };
  readonly calls: string[] = [];
  rotationEnabled = true;

  async describe(arn: string) {
    this.calls.push(`describe ${arn}`);
    return { RotationEnabled: this.rotationEnabled, VersionIdsToStages: structuredClone(this.stages) };
  }
  async getValue(_arn: string, stage: string, versionId?: string) {
    const id = versionId ?? Object.keys(this.stages).find((v) => this.stages[v].includes(stage));
    if (id === undefined || !this.stages[id]?.includes(stage)) return undefined;
    return this.values[id];
  }
  async put(_arn: string, versionId: string, value: string, stages: readonly string[]) {
    this.calls.push(`put ${versionId} ${stages.join(",")}`);
    this.values[versionId] = { value, createdDate: CREATED };
    this.stages[versionId] = [...stages];
  }
  async moveCurrent(_arn: string, to: string, from: string | undefined) {
    this.calls.push(`moveCurrent ${to} from ${from}`);
    if (from) this.stages[from] = [...this.stages[from].filter((s) => s !== "AWSCURRENT"), "AWSPREVIOUS"];
    this.stages[to] = [...this.stages[to], "AWSCURRENT"];
  }
}

/** A fake ElastiCache: each group's state, the tokens it accepts (at most two, as AWS keeps), and the calls. */
class FakeCache {
  readonly states = new Map<string, CacheGroupState>();
  readonly tokens = new Map<string, string[]>();
  readonly calls: string[] = [];
  /** Describes left before a modifying group becomes available again. */
  settleAfter = 0;
  failRotate?: Error;

  constructor(groups: readonly { target: RotationTarget; role?: string }[]) {
    for (const { target, role } of groups) {
      this.states.set(target.replicationGroupId, {
        Status: "available",
        AuthTokenLastModifiedDate: BEFORE,
        ...(role ? { GlobalReplicationGroupInfo: { GlobalReplicationGroupMemberRole: role } } : {}),
      });
      this.tokens.set(target.replicationGroupId, [OLD]);
    }
  }
  async describe(region: string, id: string) {
    this.calls.push(`describe ${region} ${id}`);
    const state = this.states.get(id)!;
    if (state.Status === "modifying" && this.settleAfter-- <= 0) {
      // only an AUTH change moves the token's modification date
      const authChanged = Boolean(state.PendingModifiedValues?.AuthTokenStatus);
      this.states.set(id, { ...state, Status: "available", PendingModifiedValues: {}, ...(authChanged ? { AuthTokenLastModifiedDate: AFTER } : {}) });
    }
    return this.states.get(id)!;
  }
  async rotate(region: string, id: string, token: string) {
    this.calls.push(`rotate ${region} ${id}`);
    if (this.failRotate) throw this.failRotate;
    this.tokens.set(id, [...this.tokens.get(id)!, token].slice(-2));
    this.states.set(id, { ...this.states.get(id)!, Status: "modifying", PendingModifiedValues: { AuthTokenStatus: "ROTATING" } });
  }
}

function setup(mode: "global" | "regional", groups: readonly { target: RotationTarget; role?: string }[]) {
  const secrets = new FakeSecrets();
  const cache = new FakeCache(groups);
  const logs: string[] = [];
  let clock = 900_000;
  let random = 0;
  const deps: RotationDeps = {
    secrets,
    cache,
    mode,
    groups: groups.map((g) => g.target),
    tokenRules: { length: authTokenRules().length, specials: authTokenRules().overrideSpecial },
    randomInt: (n) => random++ % n,
    sleep: async (ms) => {
      clock -= ms;
    },
    remainingMillis: () => clock,
    log: (message) => logs.push(message),
  };
  return { secrets, cache, logs, deps, setClock: (ms: number) => (clock = ms) };
}

const event = (step: string): RotationEvent => ({ SecretId: ARN, ClientRequestToken: NEW_VERSION, Step: step });
const STEPS = ["createSecret", "setSecret", "testSecret", "finishSecret"];

async function runAll(deps: RotationDeps) {
  for (const step of STEPS) await rotate(event(step), deps);
}

const pendingToken = (secrets: FakeSecrets) => (JSON.parse(secrets.values[NEW_VERSION].value) as { authToken: string }).authToken;

describe("cache AUTH rotation steps", () => {
  it("generates tokens ElastiCache accepts, with every character class, under the first token's rules", () => {
    const rules = { length: authTokenRules().length, specials: authTokenRules().overrideSpecial };
    // a generator that first yields only letters must go on until every class is present
    let i = 0;
    const token = generateToken(rules, (n) => (i++ < 64 ? 0 : i % n));
    assert.equal(token.length, 64);
    assert.deepEqual(authTokenProblems(token), []);
    for (const chars of [/[A-Z]/, /[a-z]/, /[0-9]/, /[!^-]/]) assert.match(token, chars);
    assert.doesNotMatch(token, /[^A-Za-z0-9!^-]/);
  });

  it("createSecret stores a new token as AWSPENDING, keeps the other fields, and does nothing the second time", async () => {
    const { secrets, deps } = setup("regional", [{ target: PRIMARY }]);
    secrets.values[CURRENT_VERSION] = { value: JSON.stringify({ authToken: OLD, note: "kept" }), createdDate: BEFORE };
    await rotate(event("createSecret"), deps);
    const stored = JSON.parse(secrets.values[NEW_VERSION].value) as Record<string, string>;
    assert.equal(stored.note, "kept");
    assert.notEqual(stored.authToken, OLD);
    assert.deepEqual(authTokenProblems(stored.authToken), []);
    await rotate(event("createSecret"), deps);
    assert.equal(secrets.calls.filter((c) => c.startsWith("put")).length, 1);
    assert.deepEqual(
      secrets.calls.filter((c) => c.startsWith("put")),
      [`put ${NEW_VERSION} AWSPENDING`],
    );
  });

  it("rotates a Global Datastore on its PRIMARY member only, found at run time, and waits for every member", async () => {
    // after a failover eu-west-1 is the primary: the function follows the live role, not the stack file
    const { secrets, cache, deps } = setup("global", [
      { target: PRIMARY, role: "SECONDARY" },
      { target: SECONDARY, role: "PRIMARY" },
    ]);
    cache.settleAfter = 2;
    await runAll(deps);
    assert.deepEqual(
      cache.calls.filter((c) => c.startsWith("rotate")),
      [`rotate eu-west-1 ${SECONDARY.replicationGroupId}`],
    );
    assert.deepEqual(cache.tokens.get(SECONDARY.replicationGroupId), [OLD, pendingToken(secrets)]);
    // testSecret looked at both members
    assert.ok(cache.calls.includes(`describe us-east-1 ${PRIMARY.replicationGroupId}`));
    assert.deepEqual(secrets.stages[NEW_VERSION], ["AWSPENDING", "AWSCURRENT"]);
    assert.deepEqual(secrets.stages[CURRENT_VERSION], ["AWSPREVIOUS"]);
  });

  it("rotates every standalone group in regional mode, each with ROTATE so both tokens stay valid", async () => {
    const { secrets, cache, deps } = setup("regional", [{ target: PRIMARY }, { target: SECONDARY }]);
    await runAll(deps);
    assert.deepEqual(
      cache.calls.filter((c) => c.startsWith("rotate")),
      [`rotate us-east-1 ${PRIMARY.replicationGroupId}`, `rotate eu-west-1 ${SECONDARY.replicationGroupId}`],
    );
    for (const g of [PRIMARY, SECONDARY]) assert.deepEqual(cache.tokens.get(g.replicationGroupId), [OLD, pendingToken(secrets)]);
  });

  it("fails the global rotation unless exactly one member is PRIMARY", async () => {
    const { deps } = setup("global", [
      { target: PRIMARY, role: "SECONDARY" },
      { target: SECONDARY, role: "SECONDARY" },
    ]);
    await rotate(event("createSecret"), deps);
    await assert.rejects(rotate(event("setSecret"), deps), { message: "expected exactly one PRIMARY member of the Global Datastore, found 0" });
  });

  it("is safe to run again: a second setSecret issues no second ROTATE (which would drop the token clients hold)", async () => {
    const { cache, deps } = setup("regional", [{ target: PRIMARY }]);
    await rotate(event("createSecret"), deps);
    await rotate(event("setSecret"), deps);
    // while the modification runs, and after it completed
    await rotate(event("setSecret"), deps);
    await rotate(event("testSecret"), deps);
    await rotate(event("setSecret"), deps);
    await rotate(event("testSecret"), deps);
    assert.equal(cache.calls.filter((c) => c.startsWith("rotate")).length, 1);
    await rotate(event("finishSecret"), deps);
    // once AWSCURRENT, every step is a no-op
    const before = cache.calls.length;
    for (const step of STEPS) await rotate(event(step), deps);
    assert.equal(cache.calls.length, before);
  });

  it("waits for a group that is busy with another modification before issuing ROTATE", async () => {
    const { cache, deps } = setup("regional", [{ target: PRIMARY }]);
    await rotate(event("createSecret"), deps);
    cache.states.set(PRIMARY.replicationGroupId, { Status: "modifying", AuthTokenLastModifiedDate: BEFORE });
    cache.settleAfter = 2;
    await rotate(event("setSecret"), deps);
    const describe = `describe us-east-1 ${PRIMARY.replicationGroupId}`;
    // the idempotence check, a look while still modifying, one after the pause, then the ROTATE
    assert.deepEqual(cache.calls, [describe, describe, describe, `rotate us-east-1 ${PRIMARY.replicationGroupId}`]);
  });

  it("fails setSecret when ModifyReplicationGroup fails, and finishSecret was never reached", async () => {
    const { secrets, cache, deps, logs } = setup("regional", [{ target: PRIMARY }]);
    await rotate(event("createSecret"), deps);
    cache.failRotate = Object.assign(new Error("Invalid AuthToken provided."), { name: "InvalidParameterValueException" });
    await assert.rejects(rotate(event("setSecret"), deps), { name: "InvalidParameterValueException", message: "Invalid AuthToken provided." });
    assert.deepEqual(secrets.stages[CURRENT_VERSION], ["AWSCURRENT"]);
    assert.ok(!logs.some((line) => line.includes("ROTATE issued")));
  });

  it("fails testSecret with the groups still modifying when time runs out (the rotation is retried)", async () => {
    const { cache, deps, setClock } = setup("regional", [{ target: PRIMARY }]);
    await rotate(event("createSecret"), deps);
    await rotate(event("setSecret"), deps);
    cache.settleAfter = 1_000;
    setClock((POLL_SECONDS + 30) * 1000 + 3 * POLL_SECONDS * 1000);
    await assert.rejects(rotate(event("testSecret"), deps), {
      message: `timed out waiting for the new token on every group: ${PRIMARY.replicationGroupId} (modifying)`,
    });
  });

  it("refuses a secret without rotation, a version that is not the secret's, or one that is not AWSPENDING", async () => {
    const { secrets, deps } = setup("regional", [{ target: PRIMARY }]);
    await assert.rejects(rotate({ ...event("createSecret"), ClientRequestToken: "v-other" }, deps), { message: `version v-other is not a version of ${ARN}` });
    secrets.stages[NEW_VERSION] = [];
    await assert.rejects(rotate(event("createSecret"), deps), { message: `version ${NEW_VERSION} of ${ARN} is not AWSPENDING` });
    secrets.rotationEnabled = false;
    await assert.rejects(rotate(event("createSecret"), deps), { message: `rotation is not enabled on ${ARN}` });
    await assert.rejects(rotate(event("rotateSecret"), setup("regional", [{ target: PRIMARY }]).deps), { message: 'unknown step "rotateSecret"' });
  });

  it("never puts a token in a log line or an error message", async () => {
    const { secrets, cache, deps, logs } = setup("global", [
      { target: PRIMARY, role: "PRIMARY" },
      { target: SECONDARY, role: "SECONDARY" },
    ]);
    cache.settleAfter = 1;
    await runAll(deps);
    for (const step of STEPS) await rotate(event(step), deps);
    const errors: string[] = [];
    cache.failRotate = new Error("throttled");
    const second = setup("regional", [{ target: PRIMARY }]);
    await rotate(event("createSecret"), second.deps);
    second.cache.failRotate = new Error("throttled");
    await rotate(event("setSecret"), second.deps).catch((error: Error) => errors.push(error.message));
    const tokens = [OLD, pendingToken(secrets), pendingToken(second.secrets)];
    assert.ok(logs.length >= 5 && second.logs.length >= 1);
    for (const line of [...logs, ...second.logs, ...errors]) for (const token of tokens) assert.ok(!line.includes(token), `a token in: ${line.slice(0, 20)}…`);
  });
});

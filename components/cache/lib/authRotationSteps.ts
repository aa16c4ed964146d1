/**
 * The cache AUTH token's rotation function: Secrets Manager's four rotation steps on the secret
 * `{"authToken": "…"}`, as a pure function of the event and injected clients (`rotate`), plus the
 * adapter that builds those clients from the AWS SDK v3 the Lambda runtime provides
 * (`awsRotationDeps`). The module imports nothing: `authRotationBundle.ts` transpiles this very
 * file into the function's `index.js`, so what the tests run is what Lambda runs.
 *
 * Why ROTATE only, never SET: ElastiCache keeps at most the two most recent tokens; a ROTATE adds
 * the new one and drops the oldest. After rotation n the group accepts the tokens of rotations n-1
 * and n, so a client that read the secret before rotation n keeps working until rotation n+1 (one
 * whole `authRotationDays` period), and the token retired is one nobody has read for a period. SET
 * ("only after ROTATE", with the last rotated token) would cut that window short; it stays a manual
 * step for revoking a leaked token (docs/runbooks.md).
 *
 * Steps (every one is safe to run again: Secrets Manager retries a failed rotation with the same
 * version):
 * - createSecret: a new token stored as the AWSPENDING version (kept when it already exists).
 * - setSecret: ModifyReplicationGroup with AuthTokenUpdateStrategy=ROTATE on each target, once the
 *   target is `available`. Targets: with a Global Datastore (`mode` global) the member whose role is
 *   PRIMARY, found at each run so that a failover changes nothing (a secondary takes AUTH from the
 *   datastore: the blueprint creates secondaries without a token); standalone groups (`regional`) each. A target whose
 *   token changed after the pending version was created, or is changing, is not modified again.
 * - testSecret: Describe only (the function has no network path to the nodes and needs none): every
 *   group `available`, no AUTH change pending, and each target's token changed after the pending
 *   version was created. It waits while time is left, then fails (the rotation is retried).
 * - finishSecret: AWSCURRENT moves to the new version (Secrets Manager labels the old one
 *   AWSPREVIOUS and replicates the new value to every region's replica).
 *
 * Nothing here ever logs or throws a token: messages name the step, the secret and the groups only.
 */

/** The event Secrets Manager invokes a rotation function with. */
export interface RotationEvent {
  readonly SecretId: string;
  readonly ClientRequestToken: string;
  readonly Step: string;
}

/** A secret version's value and when it was created. */
export interface SecretValue {
  readonly value: string;
  readonly createdDate: Date;
}

/** The Secrets Manager calls the function makes, on the one secret it rotates. */
export interface RotationSecrets {
  describe(arn: string): Promise<{ readonly RotationEnabled?: boolean; readonly VersionIdsToStages?: Readonly<Record<string, readonly string[]>> }>;
  /** The version's value, or undefined when there is no such version. */
  getValue(arn: string, stage: string, versionId?: string): Promise<SecretValue | undefined>;
  put(arn: string, versionId: string, value: string, stages: readonly string[]): Promise<void>;
  moveCurrent(arn: string, toVersionId: string, fromVersionId: string | undefined): Promise<void>;
}

/** What DescribeReplicationGroups tells about a group (the fields the function reads). */
export interface CacheGroupState {
  readonly Status?: string;
  readonly AuthTokenLastModifiedDate?: Date;
  readonly PendingModifiedValues?: { readonly AuthTokenStatus?: string };
  readonly GlobalReplicationGroupInfo?: { readonly GlobalReplicationGroupMemberRole?: string };
}

/** The ElastiCache calls the function makes. */
export interface RotationCache {
  describe(region: string, replicationGroupId: string): Promise<CacheGroupState>;
  /** ModifyReplicationGroup with the token, AuthTokenUpdateStrategy ROTATE and ApplyImmediately. */
  rotate(region: string, replicationGroupId: string, token: string): Promise<void>;
}

/** A replication group of the stack. */
export interface RotationTarget {
  readonly region: string;
  readonly replicationGroupId: string;
}

/** How a rotated token is made (the same rules as the token Pulumi generates first). */
export interface RotationTokenRules {
  readonly length: number;
  /** The special characters a token contains (at least one of them). */
  readonly specials: string;
}

/** Everything `rotate` uses besides the event. */
export interface RotationDeps {
  readonly secrets: RotationSecrets;
  readonly cache: RotationCache;
  /** `global`: only the Global Datastore's primary member is modified; `regional`: every group is. */
  readonly mode: "global" | "regional";
  readonly groups: readonly RotationTarget[];
  readonly tokenRules: RotationTokenRules;
  /** A uniformly random integer in [0, n): crypto.randomInt. */
  randomInt(n: number): number;
  sleep(ms: number): Promise<void>;
  /** Milliseconds before Lambda stops the invocation. */
  remainingMillis(): number;
  /** Never given a token. */
  log(message: string): void;
}

/** Seconds between two looks at the groups while waiting. */
export const POLL_SECONDS = 15;
/** Seconds kept in hand before the function's timeout, to fail with a message rather than be cut off. */
export const TIMEOUT_MARGIN_SECONDS = 30;

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const DIGITS = "0123456789";

/** A token of `rules.length` characters with an upper-case letter, a lower-case letter, a digit and a special. */
export function generateToken(rules: RotationTokenRules, randomInt: (n: number) => number): string {
  const alphabet = UPPER + LOWER + DIGITS + rules.specials;
  const classes = [UPPER, LOWER, DIGITS, rules.specials];
  for (;;) {
    let token = "";
    for (let i = 0; i < rules.length; i++) token += alphabet[randomInt(alphabet.length)];
    if (classes.every((chars) => [...token].some((char) => chars.includes(char)))) return token;
  }
}

/** The token of a secret value `{"authToken": "…"}`. */
function tokenOf(secret: SecretValue): string {
  const parsed = JSON.parse(secret.value) as { authToken?: unknown };
  if (typeof parsed.authToken !== "string") throw new Error("the secret value has no authToken string");
  return parsed.authToken;
}

function describeAll(deps: RotationDeps, groups: readonly RotationTarget[]): Promise<CacheGroupState[]> {
  return Promise.all(groups.map((g) => deps.cache.describe(g.region, g.replicationGroupId)));
}

/** The groups whose token is modified: the Global Datastore's current primary, or every standalone group. */
async function targetGroups(deps: RotationDeps): Promise<RotationTarget[]> {
  if (deps.mode !== "global") return [...deps.groups];
  const states = await describeAll(deps, deps.groups);
  const primaries = deps.groups.filter((_, i) => states[i].GlobalReplicationGroupInfo?.GlobalReplicationGroupMemberRole === "PRIMARY");
  if (primaries.length !== 1) throw new Error(`expected exactly one PRIMARY member of the Global Datastore, found ${primaries.length}`);
  return primaries;
}

/** True when the group is available with no AUTH change under way. */
function settled(state: CacheGroupState): boolean {
  return state.Status === "available" && !state.PendingModifiedValues?.AuthTokenStatus;
}

/** True when the group's token changed (or is changing) since `since`: the ROTATE to the pending token was issued. */
function rotatedSince(state: CacheGroupState, since: Date): boolean {
  if (state.PendingModifiedValues?.AuthTokenStatus) return true;
  const modified = state.AuthTokenLastModifiedDate;
  return modified !== undefined && new Date(modified).getTime() >= since.getTime();
}

/** Waits until `ready` holds for every group, or throws while time is left (Secrets Manager then retries). */
async function waitFor(
  deps: RotationDeps,
  groups: readonly RotationTarget[],
  what: string,
  ready: (state: CacheGroupState, i: number) => boolean,
): Promise<void> {
  for (;;) {
    const states = await describeAll(deps, groups);
    if (states.every(ready)) return;
    if (deps.remainingMillis() < (POLL_SECONDS + TIMEOUT_MARGIN_SECONDS) * 1000) {
      const waiting = groups.flatMap((g, i) => (ready(states[i], i) ? [] : [`${g.replicationGroupId} (${states[i].Status ?? "unknown"})`]));
      throw new Error(`timed out waiting for ${what}: ${waiting.join(", ")}`);
    }
    await deps.sleep(POLL_SECONDS * 1000);
  }
}

async function pendingValue(deps: RotationDeps, arn: string, version: string): Promise<SecretValue> {
  const pending = await deps.secrets.getValue(arn, "AWSPENDING", version);
  if (!pending) throw new Error(`no AWSPENDING value for version ${version}`);
  return pending;
}

/** Runs one rotation step for the event's version of the secret. */
export async function rotate(event: RotationEvent, deps: RotationDeps): Promise<void> {
  const arn = event.SecretId;
  const version = event.ClientRequestToken;
  const step = event.Step;
  const metadata = await deps.secrets.describe(arn);
  if (!metadata.RotationEnabled) throw new Error(`rotation is not enabled on ${arn}`);
  const versions = metadata.VersionIdsToStages ?? {};
  const stages = versions[version];
  if (!stages) throw new Error(`version ${version} is not a version of ${arn}`);
  if (stages.includes("AWSCURRENT")) {
    deps.log(`${step}: version ${version} is already AWSCURRENT, nothing to do`);
    return;
  }
  if (!stages.includes("AWSPENDING")) throw new Error(`version ${version} of ${arn} is not AWSPENDING`);

  switch (step) {
    case "createSecret": {
      if (await deps.secrets.getValue(arn, "AWSPENDING", version)) {
        deps.log(`createSecret: version ${version} already has a value`);
        return;
      }
      const current = await deps.secrets.getValue(arn, "AWSCURRENT");
      if (!current) throw new Error(`${arn} has no AWSCURRENT value`);
      // keep any other field of the current value
      const next = { ...(JSON.parse(current.value) as object), authToken: generateToken(deps.tokenRules, (n) => deps.randomInt(n)) };
      await deps.secrets.put(arn, version, JSON.stringify(next), ["AWSPENDING"]);
      deps.log(`createSecret: stored version ${version} as AWSPENDING`);
      return;
    }
    case "setSecret": {
      const pending = await pendingValue(deps, arn, version);
      const token = tokenOf(pending);
      for (const target of await targetGroups(deps)) {
        const [state] = await describeAll(deps, [target]);
        if (rotatedSince(state, pending.createdDate)) {
          deps.log(`setSecret: ${target.replicationGroupId} already rotated to version ${version}`);
          continue;
        }
        // a group takes one modification at a time (a Global Datastore one for all its members)
        await waitFor(deps, deps.mode === "global" ? deps.groups : [target], "the groups to be available", settled);
        await deps.cache.rotate(target.region, target.replicationGroupId, token);
        deps.log(`setSecret: ROTATE issued on ${target.replicationGroupId} (${target.region})`);
      }
      return;
    }
    case "testSecret": {
      const pending = await pendingValue(deps, arn, version);
      const targets = await targetGroups(deps);
      const isTarget = deps.groups.map((g) => targets.some((t) => t.region === g.region && t.replicationGroupId === g.replicationGroupId));
      await waitFor(
        deps,
        deps.groups,
        "the new token on every group",
        (state, i) => settled(state) && (!isTarget[i] || rotatedSince(state, pending.createdDate)),
      );
      deps.log(`testSecret: every group is available with the token of version ${version}`);
      return;
    }
    case "finishSecret": {
      const currentVersion = Object.keys(versions).find((id) => versions[id].includes("AWSCURRENT"));
      await deps.secrets.moveCurrent(arn, version, currentVersion);
      deps.log(`finishSecret: version ${version} is AWSCURRENT`);
      return;
    }
    default:
      throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
}

/** A client class of the AWS SDK v3 (only `send` is used). */
type SdkClient = new (config: { region?: string }) => { send(command: unknown): Promise<unknown> };
/** A command class of the AWS SDK v3. */
type SdkCommand = new (input: Record<string, unknown>) => unknown;

/** The parts of the SDK v3 the function uses: `@aws-sdk/client-secrets-manager`, `@aws-sdk/client-elasticache` and `node:crypto`'s randomInt. */
export interface RotationSdk {
  readonly secretsManager: {
    readonly SecretsManagerClient: SdkClient;
    readonly DescribeSecretCommand: SdkCommand;
    readonly GetSecretValueCommand: SdkCommand;
    readonly PutSecretValueCommand: SdkCommand;
    readonly UpdateSecretVersionStageCommand: SdkCommand;
  };
  readonly elastiCache: {
    readonly ElastiCacheClient: SdkClient;
    readonly DescribeReplicationGroupsCommand: SdkCommand;
    readonly ModifyReplicationGroupCommand: SdkCommand;
  };
  randomInt(n: number): number;
}

/** The function's environment (nothing secret): CACHE_MODE, CACHE_GROUPS (JSON), TOKEN_LENGTH, TOKEN_SPECIALS. */
export type RotationEnvironment = Readonly<Record<string, string | undefined>>;

/** The real clients, from the SDK and the function's environment and context. */
export function awsRotationDeps(sdk: RotationSdk, env: RotationEnvironment, context: { getRemainingTimeInMillis(): number }): RotationDeps {
  const sm = sdk.secretsManager;
  const ec = sdk.elastiCache;
  const secrets = new sm.SecretsManagerClient({});
  const caches = new Map<string, InstanceType<SdkClient>>();
  const cacheIn = (region: string) => {
    if (!caches.has(region)) caches.set(region, new ec.ElastiCacheClient({ region }));
    return caches.get(region)!;
  };
  const mode = env.CACHE_MODE === "global" ? "global" : "regional";
  return {
    mode,
    groups: JSON.parse(env.CACHE_GROUPS ?? "[]") as RotationTarget[],
    tokenRules: { length: Number(env.TOKEN_LENGTH), specials: env.TOKEN_SPECIALS ?? "" },
    randomInt: (n) => sdk.randomInt(n),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    remainingMillis: () => context.getRemainingTimeInMillis(),
    log: (message) => console.log(message),
    secrets: {
      describe: async (arn) => (await secrets.send(new sm.DescribeSecretCommand({ SecretId: arn }))) as Awaited<ReturnType<RotationSecrets["describe"]>>,
      getValue: async (arn, stage, versionId) => {
        try {
          const out = (await secrets.send(
            new sm.GetSecretValueCommand({ SecretId: arn, VersionStage: stage, ...(versionId ? { VersionId: versionId } : {}) }),
          )) as {
            SecretString?: string;
            CreatedDate?: Date;
          };
          return out.SecretString === undefined ? undefined : { value: out.SecretString, createdDate: new Date(out.CreatedDate ?? 0) };
        } catch (error) {
          if ((error as { name?: string }).name === "ResourceNotFoundException") return undefined;
          throw error;
        }
      },
      put: async (arn, versionId, value, stages) => {
        await secrets.send(new sm.PutSecretValueCommand({ SecretId: arn, ClientRequestToken: versionId, SecretString: value, VersionStages: [...stages] }));
      },
      moveCurrent: async (arn, toVersionId, fromVersionId) => {
        await secrets.send(
          new sm.UpdateSecretVersionStageCommand({
            SecretId: arn,
            VersionStage: "AWSCURRENT",
            MoveToVersionId: toVersionId,
            ...(fromVersionId ? { RemoveFromVersionId: fromVersionId } : {}),
          }),
        );
      },
    },
    cache: {
      describe: async (region, id) => {
        const out = (await cacheIn(region).send(new ec.DescribeReplicationGroupsCommand({ ReplicationGroupId: id }))) as {
          ReplicationGroups?: CacheGroupState[];
        };
        const group = out.ReplicationGroups?.[0];
        if (!group) throw new Error(`replication group ${id} not found in ${region}`);
        return group;
      },
      rotate: async (region, id, token) => {
        await cacheIn(region).send(
          new ec.ModifyReplicationGroupCommand({ ReplicationGroupId: id, AuthToken: token, AuthTokenUpdateStrategy: "ROTATE", ApplyImmediately: true }),
        );
      },
    },
  };
}

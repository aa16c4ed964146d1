import * as assert from "node:assert/strict";
import { renderReplacementTable } from "../../../../tools/generate/planFactsTables";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDiffArgs } from "../../../../tools/plan/args";
import { EXIT_DATA_LOSS, main } from "../../../../tools/plan/cli";
import { changedInputs, diffPlans, type PlanDiff } from "../../../../tools/plan/diff/planDiff";
import { FACTS } from "../../../../tools/plan/facts";
import { serializePlan, type PlanFile, type PlannedResource } from "../../../../tools/plan/planFile";
import { planStack } from "../../../../tools/plan/planStack";
import type { StatefulType } from "../../../../components/lib/plan/facts";
import { compareVersions } from "../../../../components/lib/plan/versions";

/** Every declared stateful type, by token. */
const STATEFUL_TYPES: Readonly<Record<string, StatefulType>> = Object.fromEntries(
  [...FACTS.types].flatMap(([type, declared]) => (declared.facts.stateful ? [[type, declared.facts.stateful]] : [])),
);

const STACK = "urn:pulumi:t::blueprint::pulumi:pulumi:Stack::blueprint-t";

function resource(type: string, name: string, inputs: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource {
  return {
    urn: `urn:pulumi:t::blueprint::${type}::${name}`,
    type,
    name,
    custom: true,
    parent: STACK,
    region: "us-east-1",
    inputs: { region: "us-east-1", ...inputs },
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    ignoreChanges: [],
    deleteBeforeReplace: false,
    ...extra,
  };
}

const cluster = resource("aws:rds/cluster:Cluster", "db", {
  clusterIdentifier: "blueprint-t-db",
  engine: "aurora-postgresql",
  engineVersion: "16.4",
  storageEncrypted: true,
  backupRetentionPeriod: 7,
  masterPassword: "[secret]",
});
const cache = resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { replicationGroupId: "t-cache", engine: "valkey", engineVersion: "7.2", transitEncryptionEnabled: true });
const queue = resource("aws:sqs/queue:Queue", "jobs", { name: "t-jobs", fifoQueue: false, visibilityTimeoutSeconds: 60 });
const role = resource("aws:iam/role:Role", "role", { name: "t-role" });

function plan(resources: PlannedResource[]): PlanFile {
  return { version: 1, project: "blueprint", stack: "t", environment: "prod", regions: ["us-east-1"], primaryRegion: "us-east-1", resources, outputs: {}, policies: { violations: [] } };
}

/** The base with one resource's inputs changed. */
function withInputs(target: PlannedResource, inputs: Record<string, unknown>): PlanDiff {
  const base = plan([cluster, cache, queue, role]);
  const head = plan(base.resources.map((r) => (r === target ? { ...r, inputs: { ...r.inputs, ...inputs } } : r)));
  return diffPlans(base, head);
}

const findings = (diff: PlanDiff) => diff.dataLoss.map((f) => `${f.action} ${f.name}: ${f.reason}`);

describe("plan diff", () => {
  it("lists added, removed and changed resources with the changed inputs, secrets masked", () => {
    const base = plan([cluster, queue, role]);
    const head = plan([
      { ...cluster, inputs: { ...cluster.inputs, backupRetentionPeriod: 35, masterPassword: "[secret]", tags: { Owner: "b" } } },
      resource("aws:sqs/queue:Queue", "events", { name: "t-events" }),
      { ...role, inputs: { ...role.inputs, name: "t-role", assumeRolePolicy: "{}" } },
    ]);
    const diff = diffPlans(base, head);
    assert.deepEqual(diff.added.map((r) => r.name), ["events"]);
    assert.deepEqual(diff.removed.map((r) => r.name), ["jobs"]);
    assert.deepEqual(
      diff.changed.map((r) => [r.name, r.inputs.map((i) => `${i.path}: ${JSON.stringify(i.before)} -> ${JSON.stringify(i.after)}`)]),
      [
        ["db", ["backupRetentionPeriod: 7 -> 35", 'tags: undefined -> {"Owner":"b"}']],
        ["role", ['assumeRolePolicy: undefined -> "{}"']],
      ],
    );
    // A sensitive input recorded in clear is masked in the diff.
    assert.deepEqual(changedInputs({ masterPassword: "old" }, { masterPassword: "new", nested: { authToken: "x" } }), [
      { path: "masterPassword", before: "[secret]", after: "[secret]" },
      { path: "nested", before: undefined, after: { authToken: "[secret]" } },
    ]);
  });

  it("flags a stateful resource whose URN is gone (no alias) as deleted, and points at a likely successor", () => {
    const renamed = { ...cluster, urn: cluster.urn.replace("::db", "::database"), name: "database" };
    const diff = diffPlans(plan([cluster, role]), plan([renamed, role]));
    assert.deepEqual(findings(diff), [
      "delete db: its URN is gone from the head plan and no resource lists it as an alias; urn:pulumi:t::blueprint::aws:rds/cluster:Cluster::database is new: if that is the same database cluster renamed or moved, add an alias to keep it",
    ]);
    // A non-stateful resource may go without a finding.
    assert.deepEqual(findings(diffPlans(plan([cluster, role]), plan([cluster]))), []);
  });

  it("keeps a stateful resource that a head resource lists as an alias", () => {
    const moved = { ...cluster, urn: cluster.urn.replace("::db", "::database"), name: "database", aliases: [cluster.urn] } as PlannedResource;
    const diff = diffPlans(plan([cluster]), plan([moved]));
    assert.deepEqual(findings(diff), []);
    assert.deepEqual([diff.added.length, diff.removed.length, diff.changed.map((r) => r.name)], [0, 0, ["database"]]);
    // ...but a replacing input change on the aliased resource still counts.
    const movedAndChanged = { ...moved, inputs: { ...moved.inputs, engine: "aurora-mysql" } } as PlannedResource;
    assert.match(findings(diffPlans(plan([cluster]), plan([movedAndChanged])))[0]!, /^replace db: input engine changes from "aurora-postgresql" to "aurora-mysql"/);
  });

  it("flags each replacing input of a database cluster, and not an in-place one", () => {
    assert.deepEqual(findings(withInputs(cluster, { engine: "aurora-mysql" })), [
      'replace db: input engine changes from "aurora-postgresql" to "aurora-mysql", which AWS applies only by replacing the database cluster',
    ]);
    assert.deepEqual(findings(withInputs(cluster, { clusterIdentifier: "blueprint-t-db2" })), [
      'replace db: input clusterIdentifier changes from "blueprint-t-db" to "blueprint-t-db2", which AWS applies only by replacing the database cluster',
    ]);
    assert.deepEqual(findings(withInputs(cluster, { region: "eu-west-1" })), [
      'replace db: input region changes from "us-east-1" to "eu-west-1", which AWS applies only by replacing the database cluster',
    ]);
    assert.deepEqual(findings(withInputs(cluster, { engineVersion: "16.6", backupRetentionPeriod: 35 })), []);
    assert.deepEqual(findings(withInputs(cluster, { masterPassword: "[secret]" })), []);
  });

  it("applies the conditional rules: storage type off Aurora, transit encryption below 7.0.5, engine downgrades", () => {
    assert.deepEqual(findings(withInputs(cluster, { storageType: "aurora-iopt1" })), []);
    const multiAz = resource("aws:rds/cluster:Cluster", "maz", { engine: "postgres", storageType: "io1" });
    assert.match(findings(diffPlans(plan([multiAz]), plan([{ ...multiAz, inputs: { ...multiAz.inputs, storageType: "gp3" } }])))[0]!, /input storageType .* \(when engine is not Aurora \(Multi-AZ DB clusters\)\)$/);
    assert.deepEqual(findings(withInputs(cache, { transitEncryptionEnabled: false })), []);
    const oldRedis = resource("aws:elasticache/replicationGroup:ReplicationGroup", "old", { engine: "redis", engineVersion: "6.2", transitEncryptionEnabled: false });
    assert.match(findings(diffPlans(plan([oldRedis]), plan([{ ...oldRedis, inputs: { ...oldRedis.inputs, transitEncryptionEnabled: true } }])))[0]!, /transitEncryptionEnabled .*\(when engine version below 7\.0\.5\)$/);
    assert.deepEqual(findings(withInputs(cache, { engineVersion: "8.0" })), []);
    assert.match(findings(withInputs(cache, { engineVersion: "7.1" }))[0]!, /^replace cache: input engineVersion changes from "7.2" to "7.1".*\(when a downgrade\)$/);
    assert.match(findings(withInputs(cache, { engine: "redis" }))[0]!, /^replace cache: input engine changes from "valkey" to "redis".*\(when a downgrade \(valkey to redis\)\)$/);
    assert.deepEqual(findings(diffPlans(plan([oldRedis]), plan([{ ...oldRedis, inputs: { ...oldRedis.inputs, engine: "valkey", engineVersion: "7.2" } }]))), []);
    assert.ok(compareVersions("7.0.5", "7.1") < 0 && compareVersions("8", "7.2.4") > 0 && compareVersions("7.0", "7.0.0") === 0);
  });

  it("flags a queue turned FIFO, an unknown replacing value, and marks protected resources", () => {
    assert.match(findings(withInputs(queue, { fifoQueue: true }))[0]!, /^replace jobs: input fifoQueue changes from false to true, which AWS applies only by replacing the queue$/);
    assert.match(findings(withInputs(queue, { name: "[unknown]" }))[0]!, /input name changes from "t-jobs" to "\[unknown\]" \(known only at deploy time, so it may change\)/);
    const protectedCluster = { ...cluster, protect: true };
    const diff = diffPlans(plan([protectedCluster]), plan([]));
    assert.deepEqual(diff.dataLoss.map((f) => [f.action, f.protected, f.label]), [["delete", true, "database cluster"]]);
  });

  it("covers every stateful type the blueprint creates", () => {
    assert.deepEqual(
      Object.keys(STATEFUL_TYPES).sort(),
      [
        "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
        "aws:elasticache/replicationGroup:ReplicationGroup",
        "aws:kms/key:Key",
        "aws:kms/replicaKey:ReplicaKey",
        "aws:rds/cluster:Cluster",
        "aws:rds/clusterInstance:ClusterInstance",
        "aws:rds/globalCluster:GlobalCluster",
        "aws:rds/instance:Instance",
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketV2:BucketV2",
        "aws:secretsmanager/secret:Secret",
        "aws:sqs/queue:Queue",
      ],
    );
    for (const [type, stateful] of Object.entries(STATEFUL_TYPES)) assert.ok(stateful.replacedBy.some((rule) => rule.input === "region"), `${type} is replaced by a region change`);
  });

  it("is the table docs/plan-engine.md shows, row for row (npm run generate writes it)", () => {
    const doc = readFileSync("docs/plan-engine.md", "utf8").split("\n");
    const rows = renderReplacementTable(FACTS).slice(2);
    assert.equal(rows.length, Object.keys(STATEFUL_TYPES).length);
    for (const line of rows) assert.ok(doc.includes(line), `docs/plan-engine.md lacks the row ${line}`);
  });

});

describe("npm run plan -- diff", () => {
  let dir: string;
  let prod: PlanFile;
  /** The prod plan's Aurora cluster, or a synthetic one added to it until the database lands in prod. */
  let prodCluster: PlannedResource;

  before(async function () {
    this.timeout(30_000);
    dir = mkdtempSync(join(tmpdir(), "diff-"));
    const planned = await planStack("prod");
    const existing = planned.resources.find((r) => r.type === "aws:rds/cluster:Cluster");
    prodCluster =
      existing ??
      resource("aws:rds/cluster:Cluster", "us-east-1-db", { clusterIdentifier: "blueprint-prod-us-east-1", engine: "aurora-postgresql", storageEncrypted: true });
    prod = existing ? planned : { ...planned, resources: [...planned.resources, prodCluster] };
    writeFileSync(join(dir, "base.json"), serializePlan(prod));
  });

  async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  /** Prod protects its stateful resources (the profile's `protect`): the finding says Pulumi will refuse. */
  const protectedNote = () => (prodCluster.protect ? " [protected: pulumi up refuses until it is unprotected]" : "");

  function mutated(name: string, change: (r: PlannedResource) => PlannedResource): string {
    const path = join(dir, `${name}.json`);
    writeFileSync(path, serializePlan({ ...prod, resources: prod.resources.map((r) => (r.urn === prodCluster.urn ? change(r) : r)) }));
    return path;
  }

  it(`exits ${EXIT_DATA_LOSS} with --fail-on-data-loss when the prod database is renamed, naming it and the reason`, async () => {
    const head = mutated("renamed", (r) => ({ ...r, urn: `${r.urn}-renamed`, name: `${r.name}-renamed` }));
    const result = await run(["diff", join(dir, "base.json"), head, "--fail-on-data-loss"]);
    assert.equal(result.code, 5);
    const lines = result.err.split("\n");
    assert.equal(
      lines[0],
      `data loss: database cluster ${prodCluster.name} (aws:rds/cluster:Cluster, ${prodCluster.region}) would be deleted: its URN is gone from the head plan and no resource lists it as an alias; ${prodCluster.urn}-renamed is new: if that is the same database cluster renamed or moved, add an alias to keep it${protectedNote()}`,
    );
    assert.equal(lines[1], "1 stateful resource(s) would be deleted or replaced (--fail-on-data-loss).");
    assert.match(result.out, /\n {2}1 added, 1 removed, 0 changed\n/);
  });

  it(`exits ${EXIT_DATA_LOSS} with --fail-on-data-loss when the prod database engine changes, and 0 without the flag`, async () => {
    const head = mutated("engine", (r) => ({ ...r, inputs: { ...r.inputs, engine: "aurora-mysql" } }));
    const failing = await run(["diff", join(dir, "base.json"), head, "--fail-on-data-loss"]);
    assert.equal(failing.code, 5);
    assert.equal(
      failing.err.split("\n")[0],
      `data loss: database cluster ${prodCluster.name} (aws:rds/cluster:Cluster, ${prodCluster.region}) would be replaced: input engine changes from ${JSON.stringify(prodCluster.inputs.engine)} to "aurora-mysql", which AWS applies only by replacing the database cluster${protectedNote()}`,
    );
    const markdown = join(dir, "out", "diff.md");
    const reporting = await run(["diff", join(dir, "base.json"), head, "--markdown", markdown]);
    assert.equal(reporting.code, 0, reporting.err);
    assert.equal(reporting.err, "");
    assert.match(reporting.out, /\n {2}DATA LOSS: 1 stateful resource\(s\) would be deleted or replaced:\n/);
    assert.match(readFileSync(markdown, "utf8"), /^### Changes against the base plan `.*base\.json`\n\n\*\*0 added, 0 removed, 1 changed\.\*\*\n\n> \[!CAUTION\]/);
  });

  it("exits 0 and says so when nothing stateful is lost", async () => {
    const result = await run(["diff", join(dir, "base.json"), join(dir, "base.json"), "--fail-on-data-loss"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /\n {2}0 added, 0 removed, 0 changed\n {2}no stateful resource would be deleted or replaced$/);
  });

  it("exits 1 naming each missing or invalid plan file, without a stack trace", async () => {
    writeFileSync(join(dir, "broken.json"), "{ not json");
    writeFileSync(join(dir, "other.json"), JSON.stringify({ version: 2, resources: {} }));
    const result = await run(["diff", join(dir, "nope.json"), join(dir, "broken.json")]);
    assert.equal(result.code, 1);
    const lines = result.err.split("\n");
    assert.equal(lines[0], `base plan ${join(dir, "nope.json")}: no such file; give a plan file written by npm run plan (plan/<stack>.json)`);
    assert.match(lines[1]!, new RegExp(`^head plan ${join(dir, "broken.json")}: is not valid JSON \\(.*\\); give a plan file written by npm run plan$`));
    const other = await run(["diff", join(dir, "base.json"), join(dir, "other.json")]);
    assert.equal(other.err, `head plan ${join(dir, "other.json")}: is not a plan file (version must be 1, got 2; stack must be a string; resources must be a list)`);
    assert.doesNotMatch(result.err + other.err, /\n\s+at /);
  });

  it("exits 2 with the diff usage on bad arguments", async () => {
    const result = await run(["diff", "only-one.json", "--bogus"]);
    assert.equal(result.code, 2);
    assert.match(
      result.err,
      /^unknown option --bogus; allowed: --fail-on-data-loss, --help, --markdown\ndiff needs exactly two plan files, <base\.json> then <head\.json>; got 1 \(only-one\.json\)\n\nUsage: npm run plan -- diff /,
    );
    assert.throws(() => parseDiffArgs(["a.json", "b.json", "--markdown"]), /^UsageError: --markdown needs a value \(a file to write\)$/);
    assert.deepEqual(parseDiffArgs(["a.json", "b.json", "--markdown=x.md", "--fail-on-data-loss"]), {
      base: "a.json",
      head: "b.json",
      failOnDataLoss: true,
      markdown: "x.md",
      help: false,
    });
  });
});

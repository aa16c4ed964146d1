import * as assert from "node:assert/strict";
import { renderReplacementTable } from "../../../../tools/generate/planFactsTables";
import { readFileSync } from "node:fs";
import { changedInputs, diffPlans, type PlanDiff } from "../../../../tools/plan/diff/planDiff";
import { FACTS } from "../../../../tools/plan/facts";
import type { PlanFile, PlannedResource } from "../../../../tools/plan/planFile";
import type { StatefulType } from "../../../../components/lib/plan/facts";
import { compareVersions } from "../../../../components/lib/plan/versions";
import { resource } from "../../../support/planFiles";

/** Every declared stateful type, by token. */
const STATEFUL_TYPES: Readonly<Record<string, StatefulType>> = Object.fromEntries(
  [...FACTS.types].flatMap(([type, declared]) => (declared.facts.stateful ? [[type, declared.facts.stateful]] : [])),
);

const cluster = resource("aws:rds/cluster:Cluster", "db", {
  clusterIdentifier: "blueprint-t-db",
  engine: "aurora-postgresql",
  engineVersion: "16.4",
  storageEncrypted: true,
  backupRetentionPeriod: 7,
  masterPassword: "[secret]",
});
const cache = resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", {
  replicationGroupId: "t-cache",
  engine: "valkey",
  engineVersion: "7.2",
  transitEncryptionEnabled: true,
});
const queue = resource("aws:sqs/queue:Queue", "jobs", { name: "t-jobs", fifoQueue: false, visibilityTimeoutSeconds: 60 });
const role = resource("aws:iam/role:Role", "role", { name: "t-role" });

function plan(resources: PlannedResource[]): PlanFile {
  return {
    version: 1,
    project: "blueprint",
    stack: "t",
    environment: "prod",
    regions: ["us-east-1"],
    primaryRegion: "us-east-1",
    resources,
    outputs: {},
    policies: { violations: [] },
  };
}

/** The base with one resource's inputs changed. */
function withInputs(target: PlannedResource, inputs: Record<string, unknown>): PlanDiff {
  const base = plan([cluster, cache, queue, role]);
  const head = plan(base.resources.map((r) => (r === target ? { ...r, inputs: { ...r.inputs, ...inputs } } : r)));
  return diffPlans(base, head);
}

const findings = (diff: PlanDiff) => diff.dataLoss.map((f) => `${f.action} ${f.name}: ${f.reason}`);

describe("plan diff", () => {
  it("lists a removed Aurora instance without a data-loss finding (its data is in the cluster volume), but not a removed cluster", () => {
    const instance = resource("aws:rds/clusterInstance:ClusterInstance", "db-3", {
      identifier: "blueprint-t-db-3",
      clusterIdentifier: "blueprint-t-db",
      engine: "aurora-postgresql",
    });
    const diff = diffPlans(plan([cluster, instance]), plan([]));
    assert.deepEqual(
      diff.removed.map((r) => r.name),
      ["db", "db-3"],
    );
    assert.deepEqual(
      diff.dataLoss.map((f) => `${f.action} ${f.name}`),
      ["delete db"],
    );
    // a replacement still loses the instance's capacity while it is recreated
    const replaced = diffPlans(plan([instance]), plan([{ ...instance, inputs: { ...instance.inputs, engine: "aurora-mysql" } }]));
    assert.deepEqual(
      replaced.dataLoss.map((f) => `${f.action} ${f.name}`),
      ["replace db-3"],
    );
  });

  it("lists added, removed and changed resources with the changed inputs, secrets masked", () => {
    const base = plan([cluster, queue, role]);
    const head = plan([
      { ...cluster, inputs: { ...cluster.inputs, backupRetentionPeriod: 35, masterPassword: "[secret]", tags: { Owner: "b" } } },
      resource("aws:sqs/queue:Queue", "events", { name: "t-events" }),
      { ...role, inputs: { ...role.inputs, name: "t-role", assumeRolePolicy: "{}" } },
    ]);
    const diff = diffPlans(base, head);
    assert.deepEqual(
      diff.added.map((r) => r.name),
      ["events"],
    );
    assert.deepEqual(
      diff.removed.map((r) => r.name),
      ["jobs"],
    );
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

  it("flags a stateful resource whose URN is gone (no alias) as deleted, and advises an alias for a real rename that keeps its inputs", () => {
    const renamed = { ...cluster, urn: cluster.urn.replace("::db", "::database"), name: "database" };
    const diff = diffPlans(plan([cluster, role]), plan([renamed, role]));
    assert.deepEqual(findings(diff), [
      "delete db: its URN is gone from the head plan and no resource lists it as an alias; urn:pulumi:t::blueprint::aws:rds/cluster:Cluster::database is new and is the same database cluster renamed (same type, region and parent; inputs equal but for those derived from the name): add an alias to keep it",
    ]);
    // A non-stateful resource may go without a finding.
    assert.deepEqual(findings(diffPlans(plan([cluster, role]), plan([cluster]))), []);
  });

  it("does not pair a deleted queue with an unrelated new one", () => {
    const unrelated = resource("aws:sqs/queue:Queue", "events", { name: "t-events", fifoQueue: true, visibilityTimeoutSeconds: 30 });
    assert.deepEqual(findings(diffPlans(plan([queue]), plan([unrelated]))), [
      "delete jobs: its URN is gone from the head plan and no resource lists it as an alias",
    ]);
    // nor with a queue in another region, under another parent, or when two new queues could be it
    const elsewhere = { ...queue, urn: `${queue.urn}-2`, name: "jobs-2", region: "eu-west-1", inputs: { ...queue.inputs, region: "eu-west-1" } };
    const otherParent = { ...queue, urn: `${queue.urn}-3`, name: "jobs-3", parent: "urn:pulumi:t::blueprint::blueprint:x:Other::o" };
    const twins = ["a", "b"].map((suffix) => ({ ...queue, urn: `${queue.urn}-${suffix}`, name: `jobs-${suffix}` }));
    for (const head of [[elsewhere], [otherParent], twins]) {
      assert.deepEqual(findings(diffPlans(plan([queue]), plan(head))), [
        "delete jobs: its URN is gone from the head plan and no resource lists it as an alias",
      ]);
    }
  });

  it("pairs a real rename whose physical name follows the new name, and says that an alias cannot avoid the replacement", () => {
    const tasks = resource("aws:sqs/queue:Queue", "tasks", { name: "t-tasks", fifoQueue: false, visibilityTimeoutSeconds: 60 });
    assert.deepEqual(findings(diffPlans(plan([queue]), plan([tasks]))), [
      'delete jobs: its URN is gone from the head plan and no resource lists it as an alias; urn:pulumi:t::blueprint::aws:sqs/queue:Queue::tasks is new and is the same queue renamed (same type, region and parent; inputs equal but for those derived from the name), but an alias would not keep it: input name changes from "t-jobs" to "t-tasks", which AWS applies only by replacing the queue (keep name unchanged to keep it with an alias)',
    ]);
    // the same rename keeping the physical name: an alias keeps the queue
    const keptName = { ...tasks, inputs: { ...tasks.inputs, name: "t-jobs" } };
    assert.match(findings(diffPlans(plan([queue]), plan([keptName])))[0], /queue renamed \(.*\): add an alias to keep it$/);
  });

  it("pairs the children of a renamed component under the renamed parent", () => {
    const component = (name: string) => resource("blueprint:queue:Queue", name, {}, { custom: false, region: null, inputs: {} });
    const child = (prefix: string) =>
      resource("aws:sqs/queue:Queue", `${prefix}-jobs`, { name: `t-${prefix}-jobs`, fifoQueue: false }, { parent: component(prefix).urn });
    const diff = diffPlans(plan([component("old"), child("old")]), plan([component("new"), child("new")]));
    assert.deepEqual(findings(diff), [
      'delete old-jobs: its URN is gone from the head plan and no resource lists it as an alias; urn:pulumi:t::blueprint::aws:sqs/queue:Queue::new-jobs is new and is the same queue renamed (same type, region and parent; inputs equal but for those derived from the name), but an alias would not keep it: input name changes from "t-old-jobs" to "t-new-jobs", which AWS applies only by replacing the queue (keep name unchanged to keep it with an alias)',
    ]);
  });

  it("flags a replacing input that turns from plain to secret or back, and documents that two secrets cannot be compared", () => {
    const plainUser = { ...cluster, inputs: { ...cluster.inputs, masterUsername: "dbadmin" } };
    const secretUser = { ...cluster, inputs: { ...cluster.inputs, masterUsername: "[secret]" } };
    const reason = (from: string, to: string) =>
      `replace db: input masterUsername changes from ${from} to ${to} (the plan holds no secret value, so it may change), which AWS applies only by replacing the database cluster`;
    assert.deepEqual(findings(diffPlans(plan([plainUser]), plan([secretUser]))), [reason("a plain value", "a secret")]);
    assert.deepEqual(findings(diffPlans(plan([secretUser]), plan([plainUser]))), [reason("a secret", "a plain value")]);
    // the plain value is not shown next to the secret one
    assert.ok(!JSON.stringify(diffPlans(plan([plainUser]), plan([secretUser])).dataLoss).includes("dbadmin"));
    assert.deepEqual(findings(diffPlans(plan([secretUser]), plan([secretUser]))), []);
  });

  it("keeps a stateful resource that a head resource lists as an alias", () => {
    const moved = { ...cluster, urn: cluster.urn.replace("::db", "::database"), name: "database", aliases: [cluster.urn] } as PlannedResource;
    const diff = diffPlans(plan([cluster]), plan([moved]));
    assert.deepEqual(findings(diff), []);
    assert.deepEqual([diff.added.length, diff.removed.length, diff.changed.map((r) => r.name)], [0, 0, ["database"]]);
    // ...but a replacing input change on the aliased resource still counts.
    const movedAndChanged = { ...moved, inputs: { ...moved.inputs, engine: "aurora-mysql" } } as PlannedResource;
    assert.match(
      findings(diffPlans(plan([cluster]), plan([movedAndChanged])))[0],
      /^replace db: input engine changes from "aurora-postgresql" to "aurora-mysql"/,
    );
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
    assert.match(
      findings(diffPlans(plan([multiAz]), plan([{ ...multiAz, inputs: { ...multiAz.inputs, storageType: "gp3" } }])))[0],
      /input storageType .* \(when engine is not Aurora \(Multi-AZ DB clusters\)\)$/,
    );
    assert.deepEqual(findings(withInputs(cache, { transitEncryptionEnabled: false })), []);
    const oldRedis = resource("aws:elasticache/replicationGroup:ReplicationGroup", "old", {
      engine: "redis",
      engineVersion: "6.2",
      transitEncryptionEnabled: false,
    });
    assert.match(
      findings(diffPlans(plan([oldRedis]), plan([{ ...oldRedis, inputs: { ...oldRedis.inputs, transitEncryptionEnabled: true } }])))[0],
      /transitEncryptionEnabled .*\(when engine version below 7\.0\.5\)$/,
    );
    assert.deepEqual(findings(withInputs(cache, { engineVersion: "8.0" })), []);
    assert.match(
      findings(withInputs(cache, { engineVersion: "7.1" }))[0],
      /^replace cache: input engineVersion changes from "7.2" to "7.1".*\(when a downgrade\)$/,
    );
    assert.match(
      findings(withInputs(cache, { engine: "redis" }))[0],
      /^replace cache: input engine changes from "valkey" to "redis".*\(when a downgrade \(valkey to redis\)\)$/,
    );
    assert.deepEqual(
      findings(diffPlans(plan([oldRedis]), plan([{ ...oldRedis, inputs: { ...oldRedis.inputs, engine: "valkey", engineVersion: "7.2" } }]))),
      [],
    );
    assert.ok(compareVersions("7.0.5", "7.1") < 0 && compareVersions("8", "7.2.4") > 0 && compareVersions("7.0", "7.0.0") === 0);
  });

  it("flags a queue turned FIFO, an unknown replacing value, and marks protected resources", () => {
    assert.match(
      findings(withInputs(queue, { fifoQueue: true }))[0],
      /^replace jobs: input fifoQueue changes from false to true, which AWS applies only by replacing the queue$/,
    );
    assert.match(
      findings(withInputs(queue, { name: "[unknown]" }))[0],
      /input name changes from "t-jobs" to "\[unknown\]" \(known only at deploy time, so it may change\)/,
    );
    const protectedCluster = { ...cluster, protect: true };
    const diff = diffPlans(plan([protectedCluster]), plan([]));
    assert.deepEqual(
      diff.dataLoss.map((f) => [f.action, f.protected, f.label]),
      [["delete", true, "database cluster"]],
    );
  });

  it("covers every stateful type the blueprint creates", () => {
    assert.deepEqual(Object.keys(STATEFUL_TYPES).sort(), [
      "aws:amp/workspace:Workspace",
      "aws:backup/vault:Vault",
      "aws:dynamodb/table:Table",
      "aws:dynamodb/tableReplica:TableReplica",
      "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
      "aws:elasticache/replicationGroup:ReplicationGroup",
      "aws:kms/key:Key",
      "aws:kms/replicaKey:ReplicaKey",
      "aws:rds/cluster:Cluster",
      "aws:rds/clusterInstance:ClusterInstance",
      "aws:rds/globalCluster:GlobalCluster",
      "aws:rds/instance:Instance",
      "aws:rds/proxy:Proxy",
      "aws:rds/proxyEndpoint:ProxyEndpoint",
      "aws:s3/bucket:Bucket",
      "aws:s3/bucketV2:BucketV2",
      "aws:secretsmanager/secret:Secret",
      "aws:sqs/queue:Queue",
    ]);
    for (const [type, stateful] of Object.entries(STATEFUL_TYPES))
      assert.ok(
        stateful.replacedBy.some((rule) => rule.input === "region"),
        `${type} is replaced by a region change`,
      );
  });

  it("is the table docs/plan-engine.md shows, row for row (npm run generate writes it)", () => {
    const doc = readFileSync("docs/plan-engine.md", "utf8").split("\n");
    const rows = renderReplacementTable(FACTS).slice(2);
    assert.equal(rows.length, Object.keys(STATEFUL_TYPES).length);
    for (const line of rows) assert.ok(doc.includes(line), `docs/plan-engine.md lacks the row ${line}`);
  });
});

import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { renderCreationTable } from "../../../../tools/generate/planFactsTables";
import { API_ONLY_CREATION, DEFAULT_CREATION_SECONDS, type CreationTime } from "../../../../components/lib/plan/creation";
import { FACTS } from "../../../../tools/plan/facts";
import type { PlannedResource } from "../../../../tools/plan/planFile";
import { creationSeconds, criticalPath, formatDuration, type CriticalPath } from "../../../../tools/plan/report/criticalPath";
import { planGeneratedStack } from "../../../support/generatedPlans";

const STACK_URN = "urn:pulumi:t::blueprint::pulumi:pulumi:Stack::blueprint-t";

/** Every declared type's creation time. */
const CREATION_TIMES: ReadonlyArray<[string, CreationTime]> = [...FACTS.types].map(([type, declared]) => [type, declared.facts.creation]);

/** A resource of the given type; `deps` are property dependencies (also recorded as dependencies). */
function resource(type: string, name: string, deps: string[] = [], parent: string = STACK_URN, custom = !type.startsWith("blueprint:")): PlannedResource {
  return {
    urn: `urn:pulumi:t::blueprint::${type}::${name}`,
    type,
    name,
    custom,
    parent,
    region: "us-east-1",
    inputs: {},
    outputs: {},
    dependencies: deps,
    propertyDependencies: deps.length > 0 ? { input: deps } : {},
    protect: false,
    ignoreChanges: [],
    deleteBeforeReplace: false,
  };
}

const stack: PlannedResource = { ...resource("pulumi:pulumi:Stack", "blueprint-t", [], STACK_URN, false), urn: STACK_URN, parent: null };
const names = (path: CriticalPath) => path.steps.map((step) => `${step.name}@${step.finishSeconds}`);

describe("deploy critical path", () => {
  it("follows the longest chain of dependencies and sums the serial time", () => {
    const key = resource("aws:kms/key:Key", "key"); // 10 s
    const cluster = resource("aws:rds/cluster:Cluster", "db", [key.urn]); // 600 s
    const instance = resource("aws:rds/clusterInstance:ClusterInstance", "db-1", [cluster.urn]); // 600 s
    const queue = resource("aws:sqs/queue:Queue", "jobs"); // 30 s, in parallel
    const path = criticalPath({ resources: [stack, key, cluster, instance, queue] });
    assert.equal(path.totalSeconds, 1210);
    assert.equal(path.serialSeconds, 1240);
    assert.equal(path.savedSeconds, 30);
    assert.deepEqual(names(path), ["key@10", "db@610", "db-1@1210"]);
    assert.deepEqual(
      path.steps.map((s) => s.startSeconds),
      [0, 10, 610],
    );
  });

  it("treats a component as done when its children are, and a dependency on it waits for them", () => {
    const component = resource("blueprint:database:Database", "database");
    const cluster = resource("aws:rds/cluster:Cluster", "db", [], component.urn); // 600 s
    const alarm = resource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", [component.urn]); // default 5 s
    const path = criticalPath({ resources: [stack, component, cluster, alarm] });
    assert.equal(path.totalSeconds, 600 + DEFAULT_CREATION_SECONDS);
    assert.deepEqual(names(path), ["db@600", `alarm@${600 + DEFAULT_CREATION_SECONDS}`]);
  });

  it("starts a child of a custom resource after its parent exists", () => {
    const bucket = resource("aws:s3/bucket:Bucket", "bucket"); // 5 s
    const child = resource("aws:s3/bucketPolicy:BucketPolicy", "policy", [], bucket.urn);
    const path = criticalPath({ resources: [stack, bucket, child] });
    assert.deepEqual(names(path), ["bucket@5", "policy@10"]);
  });

  it("ignores a child's dependency on its own ancestor and survives a cycle", () => {
    const component = resource("blueprint:x:X", "x");
    const child = resource("aws:sqs/queue:Queue", "q", [component.urn], component.urn);
    const a = resource("aws:sqs/queue:Queue", "a", ["urn:pulumi:t::blueprint::aws:sqs/queue:Queue::b"]);
    const b = resource("aws:sqs/queue:Queue", "b", [a.urn]);
    const path = criticalPath({ resources: [stack, component, child, a, b] });
    assert.equal(path.totalSeconds, 60);
  });

  it("gives the same critical path for 3 and 6 regions, and for 1 unless a region waits on another; more regions add serial work, not time", async function () {
    this.timeout(60_000);
    // regional caches (a Global Datastore spans at most three regions), so 3 and 6 regions are alike
    const [one, three, six] = await Promise.all(
      [1, 3, 6].map(async (count) => criticalPath(await planGeneratedStack(count, { cache: "regional", domain: true }))),
    );
    assert.equal(three.totalSeconds, six.totalSeconds);
    assert.deepEqual(
      three.steps.map((s) => s.type),
      six.steps.map((s) => s.type),
    );
    if (one.totalSeconds === three.totalSeconds) {
      assert.deepEqual(
        one.steps.map((s) => s.type),
        three.steps.map((s) => s.type),
      );
    } else {
      // Only a cross-region wait (a secondary joining its primary's global database) may make the
      // first extra region slower; the chain then changes region on the way.
      assert.ok(one.totalSeconds < three.totalSeconds, `1 region: ${formatDuration(one.totalSeconds)}, 3 regions: ${formatDuration(three.totalSeconds)}`);
      const regionsOnChain = new Set(three.steps.map((s) => s.region).filter((region) => region !== null));
      assert.ok(regionsOnChain.size > 1, three.steps.map((s) => `${s.type}@${s.region}`).join(" > "));
    }
    // adding regions adds serial work, not time
    assert.ok(six.serialSeconds > three.serialSeconds && three.serialSeconds > one.serialSeconds, "more regions, more serial work");
    assert.ok(six.savedSeconds > three.savedSeconds && three.savedSeconds > one.savedSeconds, "more regions, more saved by parallel creation");
  });

  it("with a global data tier, every secondary region waits for the primary once: 2 and 3 regions take the same time", async function () {
    this.timeout(60_000);
    const [one, two, three] = await Promise.all(
      [1, 2, 3].map(async (count) => criticalPath(await planGeneratedStack(count, { cache: "global", domain: true }))),
    );
    assert.equal(two.totalSeconds, three.totalSeconds);
    assert.deepEqual(
      two.steps.map((s) => s.name),
      three.steps.map((s) => s.name),
    );
    // The chain crosses regions through the global database: a secondary cluster joins after the
    // primary's writer exists, and the secondary's proxy registers its target once the cluster has an instance.
    assert.deepEqual(
      three.steps.map((s) => `${s.type}@${s.region}`),
      [
        "awsx:ec2:Vpc@us-east-1",
        "aws:rds/subnetGroup:SubnetGroup@us-east-1",
        "aws:rds/cluster:Cluster@us-east-1",
        "aws:rds/clusterInstance:ClusterInstance@us-east-1",
        "aws:rds/cluster:Cluster@us-east-2",
        "aws:rds/clusterInstance:ClusterInstance@us-east-2",
        "aws:rds/proxyTarget:ProxyTarget@us-east-2",
      ],
    );
    assert.equal(three.totalSeconds, 180 + 5 + 600 + 600 + 600 + 600 + 120);
    assert.deepEqual(
      one.steps.map((s) => `${s.type}@${s.seconds}`),
      [
        "awsx:ec2:Vpc@180",
        "aws:rds/subnetGroup:SubnetGroup@5",
        "aws:rds/cluster:Cluster@600",
        "aws:rds/clusterInstance:ClusterInstance@600",
        "aws:rds/clusterInstance:ClusterInstance@600",
        "aws:cloudwatch/metricAlarm:MetricAlarm@5",
      ],
      "one region: VPC, DB subnet group, Aurora cluster, its instances one after the other, an alarm on the last",
    );
    assert.equal(one.totalSeconds, 180 + 5 + 600 + 600 + 600 + 5);
  });

  it("has a basis for every creation time and a default for types it does not know", () => {
    for (const [type, row] of CREATION_TIMES) {
      assert.ok(row.seconds > 0 && row.basis.length > 20, type);
    }
    assert.equal(creationSeconds("aws:rds/cluster:Cluster", true), 600);
    assert.equal(creationSeconds("aws:ec2/eip:Eip", true), DEFAULT_CREATION_SECONDS);
    assert.equal(creationSeconds("blueprint:network:Network", false), 0);
    assert.equal(creationSeconds("awsx:ec2:Vpc", false), 180);
  });

  it("is the table docs/plan-engine.md shows, row for row (npm run generate writes it)", () => {
    const doc = readFileSync("docs/plan-engine.md", "utf8").split("\n");
    const rows = renderCreationTable(FACTS).slice(2);
    assert.equal(rows.length, CREATION_TIMES.filter(([, row]) => row !== API_ONLY_CREATION).length + 1);
    for (const line of rows) assert.ok(doc.includes(line), `docs/plan-engine.md lacks the row ${line}`);
  });

  it("formats durations for people", () => {
    assert.deepEqual([formatDuration(45), formatDuration(90), formatDuration(1210), formatDuration(3900)], ["45 s", "2 min", "20 min", "1 h 05 min"]);
  });
});

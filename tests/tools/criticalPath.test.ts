import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { REGIONS } from "../../components/lib/regions";
import type { PlannedResource } from "../../tools/plan/planFile";
import { API_ONLY_CREATION, DEFAULT_CREATION_SECONDS, type CreationTime } from "../../components/lib/plan/creation";
import { FACTS } from "../../tools/plan/facts";
import { creationSeconds, criticalPath, formatDuration, type CriticalPath } from "../../tools/plan/report/criticalPath";
import { syntheticPlan } from "../../tools/plan/report/syntheticPlan";
import { runProgram } from "../../tools/plan/runProgram";
import type { StackFile } from "../../tools/plan/stackFile";

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
    assert.deepEqual(path.steps.map((s) => s.startSeconds), [0, 10, 610]);
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

  it("gives the same critical path for 1, 3 and 6 regions of regional stamps", () => {
    const regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1", "ap-northeast-1"];
    const paths = [1, 3, 6].map((n) => criticalPath(syntheticPlan({ regions: regions.slice(0, n), data: false })));
    assert.deepEqual(paths.map((p) => p.totalSeconds), [paths[0]!.totalSeconds, paths[0]!.totalSeconds, paths[0]!.totalSeconds]);
    assert.deepEqual(paths.map((p) => p.steps.map((s) => s.type)), [paths[0]!.steps.map((s) => s.type), paths[0]!.steps.map((s) => s.type), paths[0]!.steps.map((s) => s.type)]);
    // adding regions adds serial work, not time
    assert.ok(paths[0]!.serialSeconds < paths[1]!.serialSeconds && paths[1]!.serialSeconds < paths[2]!.serialSeconds);
    assert.ok(paths[2]!.savedSeconds > paths[1]!.savedSeconds);
  });

  it("with a global data tier, every secondary region waits for the primary once: 2, 3 and 6 regions take the same time", () => {
    const regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "eu-central-1", "ap-northeast-1"];
    const [one, two, three, six] = [1, 2, 3, 6].map((n) => criticalPath(syntheticPlan({ regions: regions.slice(0, n) })));
    assert.equal(two!.totalSeconds, three!.totalSeconds);
    assert.equal(three!.totalSeconds, six!.totalSeconds);
    assert.deepEqual(three!.steps.map((s) => s.name), six!.steps.map((s) => s.name));
    // The chain crosses regions through the Global Datastore: a secondary group joins after the primary exists.
    assert.deepEqual(
      three!.steps.map((s) => `${s.type}@${s.region}`),
      [
        "awsx:ec2:Vpc@us-east-1",
        "aws:ec2/securityGroup:SecurityGroup@us-east-1",
        "aws:elasticache/replicationGroup:ReplicationGroup@us-east-1",
        "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup@us-east-1",
        "aws:elasticache/replicationGroup:ReplicationGroup@eu-west-1",
      ],
    );
    assert.equal(one!.totalSeconds, 180 + 5 + 600 + 600, "one region: VPC, data security group, Aurora cluster, its instance");
  });

  it("gives the same critical path for 3 and 6 regions of the real program, and for 1 unless a region waits on another", async function () {
    this.timeout(60_000);
    const regions = [...REGIONS.values()].filter((r) => r.azLetters.length >= 3);
    const stackFile = (count: number): StackFile => ({
      stack: `regions-${count}`,
      path: "(generated)",
      secretKeys: [],
      config: {
        "aws:region": regions[0]!.name,
        "blueprint:environment": "staging",
        "blueprint:owner": "test",
        "blueprint:costCenter": "test",
        // a Global Datastore spans at most 3 regions; regional groups keep 6 regions valid
        "blueprint:cache": JSON.stringify({ mode: "regional" }),
        "blueprint:regions": JSON.stringify(
          regions.slice(0, count).map((r, i) => ({
            name: r.name,
            ...(i === 0 ? { primary: true } : {}),
            vpcCidr: `10.${i}.0.0/16`,
            availabilityZones: r.azLetters.slice(0, 3).map((letter) => `${r.name}${letter}`),
          })),
        ),
      },
    });
    const paths: CriticalPath[] = [];
    for (const count of [1, 3, 6]) paths.push(criticalPath((await runProgram(stackFile(count))).plan));
    const [one, three, six] = paths as [CriticalPath, CriticalPath, CriticalPath];
    assert.equal(three.totalSeconds, six.totalSeconds);
    assert.deepEqual(three.steps.map((s) => s.type), six.steps.map((s) => s.type));
    if (one.totalSeconds === three.totalSeconds) {
      assert.deepEqual(one.steps.map((s) => s.type), three.steps.map((s) => s.type));
    } else {
      // Only a cross-region wait (a secondary joining its primary's global database) may make the
      // first extra region slower; the chain then changes region on the way.
      assert.ok(one.totalSeconds < three.totalSeconds, `1 region: ${formatDuration(one.totalSeconds)}, 3 regions: ${formatDuration(three.totalSeconds)}`);
      const regionsOnChain = new Set(three.steps.map((s) => s.region).filter((region) => region !== null));
      assert.ok(regionsOnChain.size > 1, three.steps.map((s) => `${s.type}@${s.region}`).join(" > "));
    }
    assert.ok(six.serialSeconds > three.serialSeconds && three.serialSeconds > one.serialSeconds, "more regions, more serial work");
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

  it("is the table the README documents, row for row (a new estimate needs its README row)", () => {
    const readme = readFileSync("README.md", "utf8").split("\n");
    // API-only types share one estimate: the README's "any other custom resource" row
    assert.ok(readme.includes(`| any other custom resource | ${formatDuration(API_ONLY_CREATION.seconds)} | ${API_ONLY_CREATION.basis} |`));
    for (const [type, row] of CREATION_TIMES.filter(([, row]) => row !== API_ONLY_CREATION)) {
      const line = `| \`${type}\` | ${formatDuration(row.seconds)} | ${row.basis} |`;
      assert.ok(readme.includes(line), `README.md lacks the row ${line}`);
    }
  });

  it("formats durations for people", () => {
    assert.deepEqual([formatDuration(45), formatDuration(90), formatDuration(1210), formatDuration(3900)], ["45 s", "2 min", "20 min", "1 h 05 min"]);
  });
});

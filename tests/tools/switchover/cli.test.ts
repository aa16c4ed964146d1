import * as assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, SWITCHOVER_EXIT } from "../../../tools/switchover/cli";
import { plannedStack } from "../../support/shippedPlans";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
    // planned once per stack file content: the tests move prod's writer there and back
    plannedStack,
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run switchover", () => {
  it("moves prod's writer to eu-west-1 with --dry-run: exit 0, zero replacements, the file unchanged", async function () {
    this.timeout(60_000);
    const before = readFileSync("stacks/Pulumi.prod.yaml", "utf8");
    const result = await run(["prod", "--to", "eu-west-1", "--dry-run"]);
    assert.equal(result.code, SWITCHOVER_EXIT.ok, result.err);
    assert.equal(result.err, "");
    assert.match(
      result.out,
      /^prod: writer us-east-1 -> eu-west-1 \(primary region us-east-1 keeps the global resources\)\n {2}plan diff: 3 added, 3 removed, \d+ changed, 0 stateful resource\(s\) deleted or replaced\n/,
    );
    // what follows the writer: eu-west-1 gets the writer-sized cluster (a third instance and its alarm), us-east-1 the
    // secondary-sized one and the replication-lag alarm; nothing else comes or goes
    assert.deepEqual(
      result.out.split("\n").filter((line) => /^ {2}[+-] /.test(line)),
      [
        "  + aws:cloudwatch/metricAlarm:MetricAlarm us-east-1-replication-lag (us-east-1)",
        "  + aws:rds/clusterInstance:ClusterInstance eu-west-1-3 (eu-west-1)",
        "  + aws:cloudwatch/metricAlarm:MetricAlarm eu-west-1-cpu-3 (eu-west-1)",
        "  - aws:rds/clusterInstance:ClusterInstance us-east-1-3 (us-east-1)",
        "  - aws:cloudwatch/metricAlarm:MetricAlarm us-east-1-cpu-3 (us-east-1)",
        "  - aws:cloudwatch/metricAlarm:MetricAlarm eu-west-1-replication-lag (eu-west-1)",
      ],
    );
    assert.match(result.out, /\n {2}~ aws:rds\/cluster:Cluster eu-west-1 \(eu-west-1\)\n/);
    assert.match(result.out, /\n {2}aws rds switchover-global-cluster --region eu-west-1 --global-cluster-identifier blueprint-prod-global /);
    assert.equal(readFileSync("stacks/Pulumi.prod.yaml", "utf8"), before);
  });

  it("writes the writer region next to the regions, keeping every comment, and moving back removes it", async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), "switchover-test-"));
    copyFileSync("stacks/Pulumi.prod.yaml", join(dir, "Pulumi.prod.yaml"));
    const original = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8");
    assert.equal((await run(["prod", "--to", "eu-west-1", "--stacks-dir", dir])).code, SWITCHOVER_EXIT.ok);
    const switched = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8");
    assert.match(switched, /\n {2}# Set by `npm run switchover -- prod --to eu-west-1`: .*\n.*\n {2}blueprint:writerRegion: eu-west-1\n/);
    for (const comment of original.split("\n").filter((line) => line.trim().startsWith("#"))) assert.ok(switched.includes(comment), comment);
    assert.equal((await run(["prod", "--to", "eu-west-1", "--stacks-dir", dir])).out, "prod: the writer is already in eu-west-1; nothing to move.");
    assert.equal((await run(["prod", "--to", "us-east-1", "--stacks-dir", dir])).code, SWITCHOVER_EXIT.ok);
    assert.equal(readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8"), original);
  });

  it("refuses a region the stack does not have, listing the stack's regions (exit 2)", async () => {
    const result = await run(["prod", "--to", "ap-northeast-1", "--dry-run"]);
    assert.equal(result.code, SWITCHOVER_EXIT.usage);
    assert.equal(result.err, "--to ap-northeast-1: prod has no region ap-northeast-1; its regions: us-east-1, eu-west-1, ap-southeast-2");
  });

  it("lists every usage problem at once", async () => {
    const result = await run(["--bogus"]);
    assert.equal(result.code, SWITCHOVER_EXIT.usage);
    assert.match(
      result.err,
      /^unknown option --bogus; allowed: --to, --dry-run, --stacks-dir, --help\nname exactly one stack \(e\.g\. prod\); got none\n--to <region> is required: the region to move the writer to\n\nUsage: /,
    );
  });
});

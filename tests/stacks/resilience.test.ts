/**
 * The shipped prod stack's resilience, planned end to end: its Region switch plan, its backups with
 * a copy outside each region, zonal shift on every load balancer, autoshift gated on the region's
 * alarms, and the report's failure-mode table over every domain.
 */
import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { moveWriterText } from "../../tools/switchover/moveWriter";
import { plannedStack, shippedPlan } from "../support/shippedPlans";
import type { PlanFile } from "../../tools/plan/planFile";
import { planReport } from "../../tools/plan/report/planReport";

describe("prod's resilience, planned", () => {
  let prod: PlanFile;
  before(async function () {
    this.timeout(60_000);
    prod = await shippedPlan("prod");
  });
  const ofType = (type: string) => prod.resources.filter((r) => r.type === type);

  it("has a Region switch plan per pair of regions (ARC takes two per plan), the writer's naming it as their primary", () => {
    const plans = ofType("aws:arcregionswitch/plan:Plan");
    assert.deepEqual(
      plans.map((plan) => [plan.inputs.name, plan.inputs.regions, plan.inputs.primaryRegion]),
      [
        ["blueprint-prod-use1-euw1", ["us-east-1", "eu-west-1"], "us-east-1"],
        ["blueprint-prod-use1-apse2", ["us-east-1", "ap-southeast-2"], "us-east-1"],
        ["blueprint-prod-euw1-apse2", ["eu-west-1", "ap-southeast-2"], undefined],
      ],
    );
    for (const plan of plans) {
      assert.equal(plan.inputs.recoveryApproach, "activePassive");
      assert.deepEqual(
        (plan.inputs.workflows as Array<{ workflowTargetRegion: string; steps: Array<{ executionBlockType: string }> }>).map((w) => [
          w.workflowTargetRegion,
          w.steps.map((s) => s.executionBlockType).join(","),
        ]),
        (plan.inputs.regions as string[]).map((region) => [region, "EC2AutoScaling,ManualApproval,AuroraGlobalDatabase"]),
      );
    }
  });

  it("backs up every region with a copy to another region's vault, locked", () => {
    const plans = ofType("aws:backup/plan:Plan");
    assert.deepEqual(
      plans.map((p) => p.region),
      prod.regions,
    );
    for (const plan of plans) {
      const [rule] = plan.inputs.rules as Array<{ copyActions: Array<{ destinationVaultArn: string }>; lifecycle: { deleteAfter: number } }>;
      assert.equal(rule.lifecycle.deleteAfter, 35);
      assert.equal(rule.copyActions.length, 1);
      assert.notEqual(rule.copyActions[0].destinationVaultArn.split(":")[3], plan.region, `${plan.name} copies out of its region`);
    }
    assert.equal(ofType("aws:backup/vault:Vault").length, 3);
    assert.deepEqual(
      ofType("aws:backup/vaultLockConfiguration:VaultLockConfiguration").map((lock) => [
        lock.inputs.minRetentionDays,
        lock.inputs.maxRetentionDays,
        lock.inputs.changeableForDays,
      ]),
      [
        [30, 365, 3],
        [30, 365, 3],
        [30, 365, 3],
      ],
    );
    assert.equal(ofType("aws:backup/selection:Selection").length, 3);
  });

  it("has zonal shift on every load balancer, autoshift on each judged by the region's alarms (its composite among them), and automatic target weights", () => {
    const balancers = ofType("aws:lb/loadBalancer:LoadBalancer");
    assert.equal(balancers.length, 3);
    for (const lb of balancers) assert.equal(lb.inputs.enableZonalShift, true, lb.name);
    const autoshift = ofType("aws:arczonalshift/zonalAutoshiftConfiguration:ZonalAutoshiftConfiguration");
    assert.deepEqual(
      autoshift.map((a) => [a.region, a.inputs.zonalAutoshiftStatus, (a.inputs.outcomeAlarms as unknown[]).length]),
      prod.regions.map((r) => [r, "ENABLED", 3]),
    );
    for (const a of autoshift)
      assert.ok(
        (a.inputs.outcomeAlarms as { alarmIdentifier: string }[]).some((alarm) =>
          alarm.alarmIdentifier.endsWith(`:alarm:blueprint-prod-${a.region}-region-unhealthy`),
        ),
        a.name,
      );
    for (const group of ofType("aws:lb/targetGroup:TargetGroup")) {
      assert.deepEqual(
        [group.inputs.loadBalancingAlgorithmType, group.inputs.loadBalancingAnomalyMitigation, group.inputs.slowStart, group.inputs.stickiness],
        ["weighted_random", "on", undefined, undefined],
      );
    }
  });

  it("reports a failure mode for each AZ, each region, the writer, the primary cache node and us-east-1's edge", () => {
    const report = planReport(prod);
    const start = report.indexOf("### Failure modes");
    const section = report.slice(start, report.indexOf("\n### ", start + 1));
    const rows = section.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| failure domain") && !line.startsWith("| ---"));
    assert.deepEqual(
      rows.map((row) => row.split(" | ")[0].slice(2)),
      [
        ...["us-east-1", "eu-west-1", "ap-southeast-2"].flatMap((region) => ["a", "b", "c"].map((letter) => `AZ ${region}${letter}`)),
        "region us-east-1",
        "region eu-west-1",
        "region ap-southeast-2",
        "database writer (us-east-1)",
        "primary cache node (us-east-1)",
        "us-east-1 control planes (edge changes)",
      ],
    );
    assert.match(rows[9], /down: POST `\/api\/\*`, POST `\*`/);
    assert.match(rows[9], /switchover: `npm run switchover -- <stack> --to eu-west-1` \(or execute the ARC Region switch plan\)/);
    assert.equal(prod.outputs.writerRegion, "us-east-1");
  });
});

describe("prod with its writer moved to eu-west-1 (blueprint:writerRegion), planned", () => {
  let moved: PlanFile;
  before(async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), "writer-region-"));
    const path = "stacks/Pulumi.prod.yaml";
    writeFileSync(join(dir, "Pulumi.prod.yaml"), moveWriterText(readFileSync(path, "utf8"), path, "eu-west-1", "test"));
    moved = await plannedStack("prod", { stacksDir: dir });
  });
  const ofType = (type: string) => moved.resources.filter((r) => r.type === type);

  it("keeps the global resources' home, but its lag alarms watch us-east-1 and ap-southeast-2 from eu-west-1", () => {
    const lag = ofType("aws:cloudwatch/metricAlarm:MetricAlarm").filter((r) => r.name.endsWith("-replication-lag") && r.inputs.namespace === "AWS/RDS");
    assert.deepEqual(
      lag.map((r) => [r.region, r.inputs.metricName, (r.inputs.dimensions as Record<string, string>).SourceRegion]),
      [
        ["us-east-1", "AuroraGlobalDBReplicationLag", "eu-west-1"],
        ["ap-southeast-2", "AuroraGlobalDBReplicationLag", "eu-west-1"],
      ],
    );
    const clusters = ofType("aws:rds/cluster:Cluster");
    // the master user stays where the global database was created (an ignored input): nothing is replaced
    assert.deepEqual(
      clusters.map((r) => [r.region, r.inputs.enableGlobalWriteForwarding, r.inputs.masterUsername !== undefined]),
      [
        ["us-east-1", true, true],
        ["eu-west-1", false, false],
        ["ap-southeast-2", true, false],
      ],
    );
  });

  it("gives eu-west-1 the writer-sized cluster and the secondaries theirs", () => {
    const instances = ofType("aws:rds/clusterInstance:ClusterInstance");
    assert.deepEqual(
      ["us-east-1", "eu-west-1", "ap-southeast-2"].map((region) => [region, instances.filter((r) => r.region === region).length]),
      [
        ["us-east-1", 2],
        ["eu-west-1", 3],
        ["ap-southeast-2", 2],
      ],
    );
  });

  it("tells eu-west-1's tiers they hold the writer, and the others that they forward", () => {
    for (const [region, role, writes] of [
      ["us-east-1", "secondary", "forwarded"],
      ["eu-west-1", "primary", "local"],
      ["ap-southeast-2", "secondary", "forwarded"],
    ]) {
      for (const tier of ["web", "worker"]) {
        const template = moved.resources.find((r) => r.type === "aws:ec2/launchTemplate:LaunchTemplate" && r.name === `${region}-${tier}`)!;
        const userData = Buffer.from(template.inputs.userData as string, "base64").toString("utf8");
        assert.ok(userData.includes(`\nBLUEPRINT_DB_ROLE=${role}\n`), `${region} ${tier}`);
        assert.ok(userData.includes(`\nBLUEPRINT_DB_WRITES=${writes}\n`), `${region} ${tier}`);
        // the primary region is still where the global resources live
        assert.ok(userData.includes("\nBLUEPRINT_PRIMARY_REGION=us-east-1\n"), `${region} ${tier}`);
      }
    }
  });
});

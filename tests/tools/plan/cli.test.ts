import * as assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import fc from "fast-check";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIFF_USAGE, EXIT_CODES, parsePlanArgs, USAGE, parseDiffArgs } from "../../../tools/plan/args";
import { EXIT_DATA_LOSS, EXIT_MANDATORY_VIOLATIONS, main } from "../../../tools/plan/cli";
import { SECRET_PLACEHOLDER, type PlanFile, serializePlan, type PlannedResource } from "../../../tools/plan/planFile";
import { SECRET_CONFIG_PLACEHOLDER } from "../../../tools/plan/stackFile";
import type { Program } from "../../../tools/plan/runProgram";
import type { RunSummaryJson } from "../../../tools/plan/runSummary";
import { violatingProgram } from "../../support/policies/violatingProgram";
import { shippedPlan } from "../../support/shippedPlans";
import { resource } from "../../support/planFiles";

async function run(argv: string[], program?: Program): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
    program ? { program } : {},
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function tempStacks(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "stacks-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, `Pulumi.${name}.yaml`), text);
  return dir;
}

const PROD_WITH_THREE_PROBLEMS = `config:
  aws:region: us-east-1
  blueprint:environment: prod
  blueprint:owner: team
  blueprint:costCenter: CC-1
  blueprint:regions:
    - name: us-east-1
      primary: true
      vpcCidr: 10.128.0.0/16
      availabilityZones: [us-east-1a, us-east-1b, eu-west-1c]
    - name: eu-west-1
      vpcCidr: 10.128.64.0/18
      availabilityZones: [eu-west-1a, eu-west-1b, eu-west-1c]
    - name: moon-base-1
      vpcCidr: 10.131.0.0/16
      availabilityZones: [moon-base-1a, moon-base-1b, moon-base-1c]
`;

describe("npm run plan", () => {
  it("parses arguments and lists every usage problem at once", () => {
    assert.deepEqual(parsePlanArgs(["prod", "--out-dir=x"]), {
      stacks: ["prod"],
      all: false,
      help: false,
      quiet: false,
      json: false,
      outDir: "x",
      stacksDir: "stacks",
      failOnDataLoss: false,
      failOnResilienceRegression: false,
    });
    assert.deepEqual(parsePlanArgs(["--all", "--base", "base-plans", "--fail-on-data-loss"]), {
      stacks: [],
      all: true,
      help: false,
      quiet: false,
      json: false,
      outDir: "plan",
      stacksDir: "stacks",
      base: "base-plans",
      failOnDataLoss: true,
      failOnResilienceRegression: false,
    });
    assert.throws(
      () => parsePlanArgs(["--all", "dev", "--bogus", "--out-dir", "--fail-on-data-loss"]),
      (e: Error) =>
        e.message ===
        [
          "unknown option --bogus; allowed: --all, --quiet, --json, --fail-on-data-loss, --fail-on-resilience-regression, --help, --out-dir, --stacks-dir, --base",
          "--out-dir needs a value (a directory)",
          "--all plans every stack; do not also name stacks (got dev)",
          "--fail-on-data-loss needs --base <dir|file>: there is nothing to compare against",
        ].join("\n"),
    );
  });

  it("takes --fail-on-resilience-regression with --base only", () => {
    assert.equal(parsePlanArgs(["prod", "--base", "plan-base", "--fail-on-resilience-regression"]).failOnResilienceRegression, true);
    assert.throws(
      () => parsePlanArgs(["prod", "--fail-on-resilience-regression"]),
      (e: Error) => e.message === "--fail-on-resilience-regression needs --base <dir|file>: there is nothing to compare against",
    );
  });

  it("exits 2 with the usage on bad arguments", async () => {
    const result = await run([]);
    assert.equal(result.code, 2);
    assert.match(result.err, /^name a stack \(e\.g\. dev\) or pass --all\n\nUsage: npm run plan/);
  });

  it("prints the usage and exits 0 on --help, for the plan command and for diff", async () => {
    const plan = await run(["--help"]);
    assert.deepEqual([plan.code, plan.out, plan.err], [0, USAGE, ""]);
    const diff = await run(["diff", "--help"]);
    assert.deepEqual([diff.code, diff.out, diff.err], [0, DIFF_USAGE, ""]);
  });

  it("names the known stacks when a stack does not exist", async () => {
    const result = await run(["nope", "--stacks-dir", "stacks", "--out-dir", mkdtempSync(join(tmpdir(), "plan-"))]);
    assert.equal(result.code, 1);
    assert.match(result.err, /^Unknown stack "nope": stacks\/Pulumi\.nope\.yaml does not exist\. Known stacks: dev, prod, staging\./);
    assert.doesNotMatch(result.err, /\n\s+at /, "no stack trace");
  });

  it("rejects a prod stack with overlapping CIDRs, a foreign AZ and an unknown region in one message", async () => {
    const dir = tempStacks({ broken: PROD_WITH_THREE_PROBLEMS });
    const result = await run(["broken", "--stacks-dir", dir, "--out-dir", mkdtempSync(join(tmpdir(), "plan-"))]);
    assert.equal(result.code, 1);
    const lines = result.err.split("\n");
    assert.equal(lines[0], `${dir}/Pulumi.broken.yaml: The stack config is invalid (3 problems):`);
    assert.deepEqual(lines.slice(1, 4), [
      '  - blueprint:regions[0].availabilityZones[2]: does not belong to region us-east-1; its AZs are us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f (got "eu-west-1c")',
      '  - blueprint:regions[1].vpcCidr: overlaps regions[0].vpcCidr 10.128.0.0/16; region VPCs must be disjoint so they can be peered (got "10.128.64.0/18")',
      '  - blueprint:regions[2].name: is not a known AWS region; known regions are listed in components/lib/regions.ts (got "moon-base-1")',
    ]);
    assert.equal(lines[4], "Planning failed for broken.");
    assert.doesNotMatch(result.err, /\n\s+at /, "no stack trace");
  });

  it("requires aws:region in the stack file", async () => {
    const dir = tempStacks({ noregion: PROD_WITH_THREE_PROBLEMS.replace("  aws:region: us-east-1\n", "") });
    const result = await run(["noregion", "--stacks-dir", dir]);
    assert.equal(result.code, 1);
    assert.match(result.err, /Pulumi\.noregion\.yaml: config aws:region is missing; set it to the primary region/);
  });

  it("writes the plan and a summary with resources per region and type", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["dev", "--out-dir", outDir]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /^Stack dev \(dev\): 165 resources in 1 region\(s\), primary us-east-1\n {2}us-east-1 \(130\)\n/);
    assert.match(result.out, /\n {6}4 {2}aws:ec2\/securityGroup:SecurityGroup\n/);
    // the static assets' replica bucket lives in dev's partner region; CloudFront, IAM and random are global
    assert.match(result.out, /\n {2}us-east-2 \(9\)\n[^]*\n {2}global \(26\)\n/);
    assert.match(result.out, /\n {4}primaryRegion: "us-east-1"\n/);
    const plan = JSON.parse(readFileSync(join(outDir, "dev.json"), "utf8"));
    assert.equal(plan.stack, "dev");
    assert.equal(
      plan.resources.length,
      183,
      "164 AWS resources (the VPC origin, three routers, the write marker, two policies, the S3 endpoint, the Auto Scaling role, two static-asset keys with their aliases and the telemetry among them) and the awsx VPC, plus the stack and 17 components",
    );
  });

  it("plans a stack with a secure: value without writing its ciphertext or placeholder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stacks-"));
    copyFileSync("stacks/Pulumi.dev.yaml", join(dir, "Pulumi.dev.yaml"));
    writeFileSync(
      join(dir, "Pulumi.dev.yaml"),
      `${readFileSync(join(dir, "Pulumi.dev.yaml"), "utf8")}  blueprint:tags:\n    Team: web\n  extra:apiKey:\n    secure: v1:c2VjcmV0LWN5cGhlcnRleHQ=\n`,
    );
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["dev", "--stacks-dir", dir, "--out-dir", outDir]);
    assert.equal(result.code, 0, result.err);
    const text = readFileSync(join(outDir, "dev.json"), "utf8");
    assert.doesNotMatch(text, /c2VjcmV0LWN5cGhlcnRleHQ|v1:/);
    assert.doesNotMatch(text, new RegExp(SECRET_CONFIG_PLACEHOLDER));
    assert.equal(SECRET_PLACEHOLDER, "[secret]");
  });

  it(`exits ${EXIT_MANDATORY_VIOLATIONS} naming each mandatory violation of a prod variant, and still writes its plan`, async () => {
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["prod", "--out-dir", outDir], violatingProgram);
    assert.equal(result.code, 4);
    const lines = result.err.split("\n");
    assert.equal(lines.at(-1), `Mandatory policy violations in prod; see the summary and ${join(outDir, "prod.json")}.`);
    const named = lines.slice(0, -1).map((line) => /^prod: mandatory policy violation ([a-z0-9-]+): .* \((urn:pulumi:prod::blueprint::[^)]+)\)$/.exec(line));
    assert.ok(
      named.every((match) => match !== null),
      result.err,
    );
    // the four mistakes (unencrypted queue, public database, single-AZ group, DLQ in another
    // region) plus what the same variant's SSH rule and far DLQ also break
    assert.deepEqual(
      named.map((match) => `${match[1]} ${match[2].split("::").pop()}`),
      [
        "aws-ec2-securitygroup-disallow-public-admin-ingress ssh",
        "aws-ec2-securitygroup-disallow-public-ingress ssh",
        "aws-ec2-securitygroup-restrict-public-ingress-to-load-balancers ssh",
        "aws-rds-database-disallow-public-access public-reader",
        "aws-autoscaling-group-configure-multi-az single-az",
        "aws-sqs-queue-enable-encryption plain",
        "aws-sqs-queue-configure-customer-managed-key plain",
        "aws-sqs-queue-configure-customer-managed-key far-dlq",
        "aws-sqs-queue-configure-customer-managed-key near",
        "aws-sqs-queue-configure-dead-letter-queue plain",
        "aws-sqs-queue-configure-dead-letter-queue near",
        "stack-require-alarm-coverage far-dlq",
      ],
    );
    assert.match(
      result.out,
      /\n {2}policies: 12 mandatory, \d+ advisory violation\(s\)\n {4}mandatory:\n {6}aws-ec2-securitygroup-disallow-public-admin-ingress: The ingress rule opens administration port\(s\) 22 \(tcp 22\) to 0\.0\.0\.0\/0\. \[aws:vpc\/securityGroupIngressRule:SecurityGroupIngressRule::ssh\]\n/,
    );
    // every log group of the stack is on its region's log key
    assert.doesNotMatch(result.out, /aws-cloudwatch-loggroup-enable-kms-encryption/);
    const plan = JSON.parse(readFileSync(join(outDir, "prod.json"), "utf8"));
    assert.equal(plan.policies.violations.filter((v: { enforcementLevel: string }) => v.enforcementLevel === "mandatory").length, 12);
  });

  it(`exits ${EXIT_MANDATORY_VIOLATIONS} for a prod stack file below prod's thresholds, and 1 wins over it`, async () => {
    const prod = readFileSync("stacks/Pulumi.prod.yaml", "utf8");
    const weak = prod.replace("flowLogRetentionDays: 365", "flowLogRetentionDays: 30").replace("natGateways: OnePerAz", "natGateways: Single");
    assert.notEqual(weak, prod);
    const dir = tempStacks({ weak, broken: PROD_WITH_THREE_PROBLEMS });
    const quiet = await run(["weak", "--quiet", "--stacks-dir", dir, "--out-dir", mkdtempSync(join(tmpdir(), "plan-"))]);
    assert.equal(quiet.code, 4, quiet.err);
    assert.match(quiet.out, /^weak: \d+ resources, 6 mandatory \/ \d+ advisory policy violation\(s\) -> /);
    assert.deepEqual(
      [
        ...new Set(
          quiet.err
            .split("\n")
            .slice(0, -1)
            .map((line) => line.split(" ")[4].replace(/:$/, "")),
        ),
      ].sort(),
      ["aws-cloudwatch-loggroup-configure-retention", "aws-ec2-vpc-configure-nat-per-az"],
    );
    const both = await run(["weak", "broken", "--quiet", "--stacks-dir", dir, "--out-dir", mkdtempSync(join(tmpdir(), "plan-"))]);
    assert.equal(both.code, 1);
    assert.match(both.err, /\nPlanning failed for broken\.$/);
  });

  it("writes the pull-request report next to the plan, opening with the diagram", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["dev", "--quiet", "--out-dir", outDir]);
    assert.equal(result.code, 0, result.err);
    const report = readFileSync(join(outDir, "dev.md"), "utf8").split("\n");
    assert.equal(report[0], "## Offline plan of stack `dev` (dev)");
    // the one-line result counts what the report and the summary count: resources declared in AWS
    const plan = JSON.parse(readFileSync(join(outDir, "dev.json"), "utf8")) as PlanFile;
    const declared = plan.resources.filter((r) => r.custom || r.type.startsWith("awsx:")).length;
    assert.ok(declared < plan.resources.length, "components and the stack are registrations, not AWS resources");
    assert.match(result.out, new RegExp(`^dev: ${declared} resources, 0 mandatory / \\d+ advisory policy violation\\(s\\) -> `));
    assert.match(report[2], new RegExp(`^${declared} resources in 1 region\\(s\\): `));
    assert.deepEqual(report.slice(4, 6), ["```mermaid", "flowchart LR"]);
    assert.ok(report.some((line) => line.startsWith("**Estimated from-scratch `pulumi up`: ")));
  });

  it(`adds the diff against --base to the report, and exits ${EXIT_DATA_LOSS} with --fail-on-data-loss when a stateful resource would go`, async () => {
    const baseDir = mkdtempSync(join(tmpdir(), "base-"));
    const first = await run(["dev", "--quiet", "--out-dir", baseDir]);
    assert.equal(first.code, 0, first.err);
    // The base had one more queue than the head will have: the head deletes it.
    const base = JSON.parse(readFileSync(join(baseDir, "dev.json"), "utf8"));
    const queue = base.resources.find((r: { type: string }) => r.type === "aws:sqs/queue:Queue");
    base.resources.push({ ...queue, urn: `${queue.urn}-old`, name: `${queue.name}-old` });
    writeFileSync(join(baseDir, "dev.json"), JSON.stringify(base));

    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["dev", "--quiet", "--out-dir", outDir, "--base", baseDir, "--fail-on-data-loss"]);
    assert.equal(result.code, 5);
    assert.match(
      result.out,
      new RegExp(`\\ndev: against the base plan ${join(baseDir, "dev.json")}: 0 added, 1 removed, 0 changed, 1 stateful resource\\(s\\) deleted or replaced$`),
    );
    const lines = result.err.split("\n");
    assert.match(
      lines[0],
      new RegExp(`^dev: data loss: queue ${queue.name}-old \\(aws:sqs/queue:Queue, us-east-1\\) would be deleted: its URN is gone from the head plan`),
    );
    assert.equal(lines[1], `Stateful resources would be deleted or replaced in dev (--fail-on-data-loss); see the diff in ${join(outDir, "dev.md")}.`);
    assert.match(
      readFileSync(join(outDir, "dev.md"), "utf8"),
      /\n### Changes against the base plan .*dev\.json\n\n\*\*0 added, 1 removed, 0 changed\.\*\*\n\n> \[!CAUTION\]/,
    );

    // Without the flag the data loss is reported, not fatal; a base directory without the stack's plan means "all new".
    assert.equal((await run(["dev", "--quiet", "--out-dir", outDir, "--base", baseDir])).code, 0);
    const empty = mkdtempSync(join(tmpdir(), "base-"));
    assert.equal((await run(["dev", "--quiet", "--out-dir", outDir, "--base", empty])).code, 0);
    assert.match(readFileSync(join(outDir, "dev.md"), "utf8"), /No base plan of this stack \(.*dev\.json does not exist\): every resource is new\./);
  });

  it("rejects a missing --base, and one base file for several stacks", async () => {
    const missing = await run(["dev", "--base", "/nonexistent/base"]);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, "--base /nonexistent/base: no such directory or file; give a directory of <stack>.json base plans or one plan file");
    const file = join(mkdtempSync(join(tmpdir(), "base-")), "dev.json");
    writeFileSync(file, "{}");
    const several = await run(["dev", "prod", "--base", file]);
    assert.equal(several.code, 2);
    assert.match(
      several.err,
      new RegExp(`^--base ${file} is one plan file, but 2 stacks are planned; give a directory of <stack>.json base plans\\n\\nUsage:`),
    );
    const invalid = await run(["dev", "--quiet", "--base", file, "--out-dir", mkdtempSync(join(tmpdir(), "plan-"))]);
    assert.equal(invalid.code, 1);
    assert.match(
      invalid.err,
      new RegExp(
        `^--base ${file}: is not a plan file \\(version must be 1, got undefined; stack must be a string; resources must be a list\\)\\nPlanning failed for dev\\.$`,
      ),
    );
  });

  it("plans every stack with --all, a progress line per stack on stderr and a closing total on stdout", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["--all", "--quiet", "--out-dir", outDir]);
    assert.equal(result.code, 0, result.err);
    const lines = result.out.split("\n");
    assert.deepEqual(
      lines.slice(0, 3).map((l) => l.split(":")[0]),
      ["dev", "prod", "staging"],
    );
    const counts = lines.slice(0, 3).map((l) => /^\w+: (\d+) resources, 0 mandatory \/ (\d+) advisory/.exec(l)!.slice(1).map(Number));
    const resources = counts.reduce((sum, [n]) => sum + n, 0);
    const advisory = counts.reduce((sum, [, n]) => sum + n, 0);
    assert.equal(lines.length, 4);
    assert.match(
      lines[3],
      new RegExp(
        `^Total: 3 of 3 stack\\(s\\) planned \\(0 failed\\), ${resources.toLocaleString("en-US")} resources, 0 mandatory / ${advisory} advisory policy violation\\(s\\), in \\d+\\.\\d s\\.$`,
      ),
    );
    const progress = result.err.split("\n");
    assert.deepEqual(
      progress.map((l) => l.replace(/\(\d+\.\d s\)$/, "(t)")),
      counts.map(([n, a], i) => `[${i + 1}/3] stack ${["dev", "prod", "staging"][i]}: ${n} resources, 0 mandatory / ${a} advisory (t)`),
    );
  });

  it("prints one JSON summary on stdout with --json, matching the plan files, and nothing else there", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const stacksDir = tempStacks({ dev: readFileSync("stacks/Pulumi.dev.yaml", "utf8"), bad: PROD_WITH_THREE_PROBLEMS });
    const result = await run(["--all", "--json", "--stacks-dir", stacksDir, "--out-dir", outDir]);
    assert.equal(result.code, 1);
    const summary = JSON.parse(result.out) as RunSummaryJson;
    const dev = JSON.parse(readFileSync(join(outDir, "dev.json"), "utf8")) as PlanFile;
    const devResources = dev.resources.filter((r) => r.custom || r.type.startsWith("awsx:")).length;
    const devMandatory = dev.policies.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    assert.equal(typeof summary.durationMs, "number");
    assert.deepEqual(
      { ...summary, durationMs: 0, stacks: summary.stacks.map((s) => ({ ...s, durationMs: 0, error: s.error?.split("\n")[0] })) },
      {
        version: 1,
        exitCode: 1,
        durationMs: 0,
        totals: { stacks: 2, planned: 1, failed: 1, resources: devResources, mandatory: devMandatory, advisory: dev.policies.violations.length - devMandatory },
        stacks: [
          { stack: "bad", status: "failed", error: `${stacksDir}/Pulumi.bad.yaml: The stack config is invalid (3 problems):`, durationMs: 0 },
          {
            stack: "dev",
            status: "planned",
            environment: "dev",
            regions: ["us-east-1"],
            resources: devResources,
            violations: { mandatory: devMandatory, advisory: dev.policies.violations.length - devMandatory },
            planFile: join(outDir, "dev.json"),
            report: join(outDir, "dev.md"),
            durationMs: 0,
            error: undefined,
          },
        ],
      },
    );
    assert.match(result.err, /\[1\/2\] stack bad: failed \(\d+\.\d s\)\n/);
    assert.match(result.err, /\[2\/2\] stack dev: \d+ resources, 0 mandatory \/ \d+ advisory \(\d+\.\d s\)\nPlanning failed for bad\.$/);
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
    const planned = await shippedPlan("prod");
    const existing = planned.resources.find((r) => r.type === "aws:rds/cluster:Cluster");
    prodCluster =
      existing ??
      resource("aws:rds/cluster:Cluster", "us-east-1-db", {
        clusterIdentifier: "blueprint-prod-us-east-1",
        engine: "aurora-postgresql",
        storageEncrypted: true,
      });
    prod = existing ? planned : { ...planned, resources: [...planned.resources, prodCluster] };
    writeFileSync(join(dir, "base.json"), serializePlan(prod));
  });

  async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      argv,
      (l) => out.push(l),
      (l) => err.push(l),
    );
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
      `data loss: database cluster ${prodCluster.name} (aws:rds/cluster:Cluster, ${prodCluster.region}) would be deleted: its URN is gone from the head plan and no resource lists it as an alias; ${prodCluster.urn}-renamed is new and is the same database cluster renamed (same type, region and parent; inputs equal but for those derived from the name): add an alias to keep it${protectedNote()}`,
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
    assert.match(
      readFileSync(markdown, "utf8"),
      /^### Changes against the base plan `.*base\.json`\n\n\*\*0 added, 0 removed, 1 changed\.\*\*\n\n> \[!CAUTION\]/,
    );
  });

  it(`exits ${EXIT_DATA_LOSS} with --fail-on-data-loss when a replacing input of the prod database turns from plain to secret, or back`, async () => {
    const plain = mutated("plain-user", (r) => ({ ...r, inputs: { ...r.inputs, masterUsername: "dbadmin" } }));
    const secret = mutated("secret-user", (r) => ({ ...r, inputs: { ...r.inputs, masterUsername: SECRET_PLACEHOLDER } }));
    for (const [from, to, change] of [
      [plain, secret, "a plain value to a secret"],
      [secret, plain, "a secret to a plain value"],
    ]) {
      const result = await run(["diff", from, to, "--fail-on-data-loss"]);
      assert.equal(result.code, EXIT_DATA_LOSS, result.err);
      assert.equal(
        result.err.split("\n")[0],
        `data loss: database cluster ${prodCluster.name} (aws:rds/cluster:Cluster, ${prodCluster.region}) would be replaced: input masterUsername changes from ${change} (the plan holds no secret value, so it may change), which AWS applies only by replacing the database cluster${protectedNote()}`,
      );
    }
    // two secrets cannot be compared: not a finding
    assert.equal((await run(["diff", secret, secret, "--fail-on-data-loss"])).code, 0);
  });

  it("exits 0 and says so when nothing stateful is lost", async () => {
    const result = await run(["diff", join(dir, "base.json"), join(dir, "base.json"), "--fail-on-data-loss"]);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /\n {2}0 added, 0 removed, 0 changed\n {2}no stateful resource would be deleted or replaced\n {2}no failure domain gets worse$/);
  });

  it("exits 1 naming each missing or invalid plan file, without a stack trace", async () => {
    writeFileSync(join(dir, "broken.json"), "{ not json");
    writeFileSync(join(dir, "other.json"), JSON.stringify({ version: 2, resources: {} }));
    const result = await run(["diff", join(dir, "nope.json"), join(dir, "broken.json")]);
    assert.equal(result.code, 1);
    const lines = result.err.split("\n");
    assert.equal(lines[0], `base plan ${join(dir, "nope.json")}: no such file; give a plan file written by npm run plan (plan/<stack>.json)`);
    assert.match(lines[1], new RegExp(`^head plan ${join(dir, "broken.json")}: is not valid JSON \\(.*\\); give a plan file written by npm run plan$`));
    const other = await run(["diff", join(dir, "base.json"), join(dir, "other.json")]);
    assert.equal(
      other.err,
      `head plan ${join(dir, "other.json")}: is not a plan file (version must be 1, got 2; stack must be a string; resources must be a list)`,
    );
    assert.doesNotMatch(result.err + other.err, /\n\s+at /);
  });

  it("exits 2 with the diff usage on bad arguments", async () => {
    const result = await run(["diff", "only-one.json", "--bogus"]);
    assert.equal(result.code, 2);
    assert.match(
      result.err,
      /^unknown option --bogus; allowed: --fail-on-data-loss, --fail-on-resilience-regression, --help, --markdown\ndiff needs exactly two plan files, <base\.json> then <head\.json>; got 1 \(only-one\.json\)\n\nUsage: npm run plan -- diff /,
    );
    assert.throws(() => parseDiffArgs(["a.json", "b.json", "--markdown"]), /^UsageError: --markdown needs a value \(a file to write\)$/);
    assert.deepEqual(parseDiffArgs(["a.json", "b.json", "--markdown=x.md", "--fail-on-data-loss"]), {
      base: "a.json",
      head: "b.json",
      failOnDataLoss: true,
      failOnResilienceRegression: false,
      markdown: "x.md",
      help: false,
    });
  });

  it(`exits ${EXIT_CODES.resilienceRegression} with --fail-on-resilience-regression when eu-west-1 is removed from a copy of prod, naming each domain that gets worse`, async function () {
    this.timeout(60_000);
    // prod without its European region (and the waiver prod asks for below three regions)
    const text = readFileSync("stacks/Pulumi.prod.yaml", "utf8");
    const withoutEurope = text
      .slice(0, text.indexOf("    # Europe."))
      .concat(text.slice(text.indexOf("    # Asia Pacific.")))
      .replace(
        "  blueprint:owner: platform-team\n",
        "  blueprint:owner: platform-team\n  blueprint:resilienceWaiver:\n    reason: a copy of prod without eu-west-1, for the diff\n",
      );
    const stacksDir = tempStacks({ prod: withoutEurope });
    const outDir = mkdtempSync(join(tmpdir(), "head-"));
    const planned = await main(
      ["prod", "--quiet", "--stacks-dir", stacksDir, "--out-dir", outDir],
      () => {},
      () => {},
    );
    assert.equal(planned, 0);
    const head = join(outDir, "prod.json");
    const failing = await run(["diff", join(dir, "base.json"), head, "--fail-on-resilience-regression"]);
    assert.equal(failing.code, EXIT_CODES.resilienceRegression);
    assert.deepEqual(failing.err.split("\n"), [
      "resilience regression: region us-east-1: regions still serving 2 → 1; regions that can take the writer 2 → 1",
      "resilience regression: region ap-southeast-2: regions still serving 2 → 1; regions that can take the writer 1 → 0",
      "2 failure domain(s) get worse (--fail-on-resilience-regression).",
    ]);
    assert.match(failing.out, /\n {2}RESILIENCE REGRESSION: 2 failure domain\(s\) get worse:\n/);
    const reporting = await run(["diff", join(dir, "base.json"), head]);
    assert.equal(reporting.code, 0);
    const same = await run(["diff", join(dir, "base.json"), join(dir, "base.json"), "--fail-on-resilience-regression"]);
    assert.equal(same.code, 0, same.err);
    // the plan command against a base plan: the same regression, the same exit code, and the report says so
    const againstBase = await run([
      "prod",
      "--quiet",
      "--stacks-dir",
      stacksDir,
      "--out-dir",
      outDir,
      "--base",
      join(dir, "base.json"),
      "--fail-on-resilience-regression",
    ]);
    assert.equal(againstBase.code, EXIT_CODES.resilienceRegression);
    assert.equal(
      againstBase.err.split("\n").at(-1),
      `Failure domains get worse in prod (--fail-on-resilience-regression); see the diff in ${join(outDir, "prod.md")}.`,
    );
    assert.match(readFileSync(join(outDir, "prod.md"), "utf8"), /> \*\*2 failure domain\(s\) get worse \(resilience regression\)\.\*\*/);
  });
});

/** The dev stack file with one edit. */
const DEV = readFileSync("stacks/Pulumi.dev.yaml", "utf8");
const withDev = (edit: (text: string) => string) => edit(DEV);
const appendDev = (lines: string) => `${DEV.trimEnd()}\n${lines}`;
const ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";

describe("npm run plan: invalid stack files, one defect each", () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    [
      "an unknown aws:region",
      withDev((t) => t.replace("aws:region: us-east-1", "aws:region: us-esat-1")),
      '  - aws:region: is not a region the blueprint knows; did you mean us-east-1, us-west-1, us-east-2? (got "us-esat-1")',
    ],
    [
      "a list as aws:region",
      withDev((t) => t.replace("aws:region: us-east-1", "aws:region: [us-east-1]")),
      '  - aws:region: must be one region name, e.g. us-east-1 (got ["us-east-1"])',
    ],
    [
      "an aws:region other than the primary",
      withDev((t) => t.replace("aws:region: us-east-1", "aws:region: eu-west-1")),
      '  - aws:region: must be the primary region us-east-1: the default AWS provider (and pulumi\'s own calls) run there; every regional resource sets its own region (got "eu-west-1")',
    ],
    [
      "a secure: aws:region",
      withDev((t) => t.replace("aws:region: us-east-1", "aws:region:\n    secure: v1:c2VjcmV0")),
      "  - aws:region: is a secure: value; a region is not a secret and becomes part of every ARN, so write it in clear",
    ],
    [
      "a secure: value inside the tags",
      appendDev("  blueprint:tags:\n    Team:\n      secure: v1:c2VjcmV0\n"),
      "  - blueprint:tags: is a secure: value, but no blueprint key holds a secret: its value would end up in plain text (tags, names, the plan). The stack generates its own credentials; write the value in clear, or keep the secret out of the stack file",
    ],
    [
      "a secure: owner (it becomes a tag)",
      withDev((t) => t.replace(/blueprint:owner: .*/, "blueprint:owner:\n    secure: v1:c2VjcmV0")),
      "  - blueprint:owner: is a secure: value, but no blueprint key holds a secret: its value would end up in plain text (tags, names, the plan). The stack generates its own credentials; write the value in clear, or keep the secret out of the stack file",
    ],
    [
      "40 extra tags",
      appendDev(`  blueprint:tags:\n${Array.from({ length: 40 }, (_, i) => `    T${i}: v\n`).join("")}`),
      "  - blueprint:tags: lists 40 tags; at most 39 fit: AWS allows 50 per resource and the blueprint sets up to 11 itself",
    ],
    [
      "a tag the components set",
      appendDev("  blueprint:tags:\n    Name: x\n"),
      '  - blueprint:tags.Name: is a tag the blueprint sets on some resources (Name, Tier, Purpose, ServingRole, ChaosTarget); yours would be overwritten, choose another key (got "x")',
    ],
    [
      "an access key as a tag value",
      appendDev(`  blueprint:tags:\n    Team: ${ACCESS_KEY}\n`),
      "  - blueprint:tags.Team: looks like a secret (an access key, private key, password or token); a stack file is plain text, keep secrets in Secrets Manager",
    ],
    [
      "an access key as a tag key",
      appendDev(`  blueprint:tags:\n    ${ACCESS_KEY}: x\n`),
      "  - blueprint:tags: has a key that looks like a secret; a stack file is plain text, keep secrets in Secrets Manager",
    ],
    [
      "a password in user data",
      withDev((t) => t.replace("  blueprint:web:\n", "  blueprint:web:\n    userData: |\n      export DB_PASSWORD=hunter2hunter2\n")),
      "  - blueprint:web.userData: contains what looks like a literal password, secret, token or API key; user data is readable by anyone who can describe the instance, so read secrets from Secrets Manager at boot (the value looks secret and is not shown)",
    ],
    [
      "a country CloudFront does not know",
      appendDev("  blueprint:cdn:\n    geoRestriction:\n      countries: [XX]\n"),
      '  - blueprint:cdn.geoRestriction.countries[0]: "XX" is not an ISO 3166-1 alpha-2 country code CloudFront knows (two capital letters, e.g. IR)',
    ],
  ];
  for (const [defect, text, line] of cases) {
    it(`exits 1 on ${defect}, naming the key, with no stack trace and no secret`, async () => {
      const dir = tempStacks({ dev: text });
      const result = await run(["dev", "--stacks-dir", dir, "--out-dir", mkdtempSync(join(tmpdir(), "plan-"))]);
      assert.equal(result.code, 1, result.err);
      assert.deepEqual(result.err.split("\n"), [`${dir}/Pulumi.dev.yaml: The stack config is invalid (1 problem):`, line, "Planning failed for dev."]);
      assert.doesNotMatch(result.err + result.out, /hunter2|AKIAIOSFODNN7EXAMPLE|c2VjcmV0|\n\s+at /);
    });
  }
});

describe("npm run plan: bad paths", () => {
  const file = join(mkdtempSync(join(tmpdir(), "paths-")), "a-file");
  writeFileSync(file, "");
  const cases: ReadonlyArray<[string, string[], string]> = [
    ["--out-dir naming a file", ["dev", "--out-dir", file], `--out-dir ${file} is a file; give a directory (it is created when missing)`],
    [
      "--out-dir under a file",
      ["dev", "--out-dir", join(file, "plans")],
      `--out-dir ${join(file, "plans")} cannot be created: ${file} is a file, not a directory`,
    ],
    ["--stacks-dir naming a file", ["dev", "--stacks-dir", file], `--stacks-dir ${file} is a file; give a directory`],
    ["a missing --stacks-dir", ["--all", "--stacks-dir", join(file, "none")], `--stacks-dir ${join(file, "none")}: no such directory`],
    [
      "diff --markdown under a file",
      ["diff", "plan/dev.json", "plan/dev.json", "--markdown", join(file, "diff.md")],
      `--markdown ${join(file, "diff.md")} cannot be written: ${file} is a file, not a directory`,
    ],
    [
      "diff --markdown naming a directory",
      ["diff", "plan/dev.json", "plan/dev.json", "--markdown", tmpdir()],
      `--markdown ${tmpdir()} is a directory; give a file path`,
    ],
  ];
  for (const [defect, argv, line] of cases) {
    it(`exits 2 before any work on ${defect}, naming the flag, with no stack trace`, async () => {
      const result = await run(argv);
      assert.equal(result.code, 2, result.err);
      assert.equal(result.err.split("\n")[0], line);
      assert.equal(result.out, "");
      assert.doesNotMatch(result.err, /\n\s+at |Error:/);
    });
  }
});

describe("npm run plan: a secret planted anywhere in a stack file", () => {
  type Node = unknown;
  /** Every container path of the dev stack file's config (maps and lists), the config itself first. */
  function containers(node: Node, path: Array<string | number> = []): Array<Array<string | number>> {
    if (Array.isArray(node)) return [path, ...node.flatMap((item, index) => containers(item, [...path, index]))];
    if (node !== null && typeof node === "object") return [path, ...Object.entries(node).flatMap(([key, value]) => containers(value, [...path, key]))];
    return [];
  }
  const devConfig = (parseYaml(DEV) as { config: Record<string, unknown> }).config;
  const places = containers(devConfig);
  const secretArb = fc.oneof(
    fc.stringMatching(/^[A-Z0-9]{16}$/).map((tail) => `AKIA${tail}`),
    fc.stringMatching(/^[A-Za-z0-9]{12,20}$/).map((body) => `-----BEGIN RSA PRIVATE KEY-----${body}`),
    fc.stringMatching(/^[A-Za-z0-9]{8,16}$/).map((value) => `password=${value}`),
  );

  it("never appears in stdout, stderr, the plan file or the report", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(places.length - 1), fc.boolean(), secretArb, async (placeIndex, asKey, secret) => {
        const config = structuredClone(devConfig);
        const place = places[placeIndex];
        let target: unknown = config;
        for (const part of place) target = (target as Record<string | number, unknown>)[part];
        if (Array.isArray(target)) target.push(secret);
        else if (asKey) (target as Record<string, unknown>)[secret] = "x";
        else {
          // replace the value of one of its keys, or add a key holding the secret
          const keys = Object.keys(target as object);
          (target as Record<string, unknown>)[keys[placeIndex % (keys.length + 1)] ?? "blueprint:extra"] = secret;
        }
        const dir = tempStacks({ dev: stringifyYaml({ config }) });
        const outDir = mkdtempSync(join(tmpdir(), "plan-"));
        const result = await run(["dev", "--stacks-dir", dir, "--out-dir", outDir]);
        const written = readdirSync(outDir).map((file) => readFileSync(join(outDir, file), "utf8"));
        for (const text of [result.out, result.err, ...written])
          assert.ok(!text.includes(secret), `${secret} at ${place.join(".")} (${asKey ? "key" : "value"}):\n${result.err}`);
        assert.doesNotMatch(result.err, /\n\s+at /);
      }),
      { numRuns: Number(process.env.SECRET_RUNS ?? 40) },
    );
  });

  it("never appears when it sits under a key of another namespace, which the program does not read", async () => {
    const dir = tempStacks({ dev: appendDev(`  other:note: ${ACCESS_KEY}\n`) });
    const outDir = mkdtempSync(join(tmpdir(), "plan-"));
    const result = await run(["dev", "--stacks-dir", dir, "--out-dir", outDir]);
    assert.equal(result.code, 0, result.err);
    for (const text of [result.out, result.err, ...readdirSync(outDir).map((file) => readFileSync(join(outDir, file), "utf8"))])
      assert.ok(!text.includes(ACCESS_KEY));
  });
});

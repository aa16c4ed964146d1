/**
 * The pack stands on its own (issue 18): a copy of policies/ in a temporary directory outside this
 * repository installs from its own lockfile, compiles with its own TypeScript, and serves the
 * analyzer protocol when started the way the Pulumi CLI's Node.js host starts a policy pack
 * (`node node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine> .`, which type-checks the pack
 * with the pack's TypeScript). The engine's side (this process) then reads the pack's info,
 * configures it with prod's pack config, analyzes a bad queue and the whole planned prod stack,
 * and finally checks that the pack loaded no file from outside its copy.
 *
 * Slow (an `npm ci` and two compilations of the pack, a minute on a busy machine), so it is not
 * part of `npm test`: `npm run test:standalone-pack` runs it, and so does .ci/run.
 */
import * as assert from "node:assert/strict";
import { spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import type { PolicyPackConfig } from "@pulumi/policy";
import { ALL_POLICIES, PACK_NAME } from "../../policies/all";
import { configOf, enforcementOf } from "../../policies/lib/enforcement";
import type { PlanFile, PlannedResource } from "../../tools/plan/planFile";
import { UNKNOWN_PLACEHOLDER } from "../../tools/plan/planFile";
import { stackTagsFor } from "../../tools/plan/policyRunner";
import { UNKNOWN_SENTINELS } from "../../tools/plan/policyRuntime";
import { analyzeRequest, analyzerClient, analyzerPb, call, Empty, LEVELS, startPack, Struct } from "../support/policies/analyzer";
import { shippedPlan } from "../support/shippedPlans";

const REPO = resolve(__dirname, "../..");
const PACK_DIR = join(REPO, "policies");
/** Started before the pack: writes every file the pack loaded when the test stops it. */
const TRACE = `process.on("SIGTERM", () => {
  require("node:fs").writeFileSync(process.env.PACK_TRACE_FILE, JSON.stringify(Object.keys(require.cache)));
  process.exit(0);
});
`;

/** The environment without anything that could point module resolution back at this repository. */
function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  delete env.TSX_TSCONFIG_PATH;
  return env;
}

function run(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, env: isolatedEnv(), encoding: "utf8" });
  assert.equal(result.status, 0, `${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
}

/** A plan value as the engine sends it: the plan's unknown placeholder becomes the unknown sentinel. */
function wireValue(value: unknown): unknown {
  if (value === UNKNOWN_PLACEHOLDER) return UNKNOWN_SENTINELS.string;
  if (Array.isArray(value)) return value.map(wireValue);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wireValue(inner)]));
  return value;
}

/** The `AnalyzeStack` request of a plan: every resource with its outputs, the root stack with the stack outputs. */
function analyzeStackRequest(plan: PlanFile, resources: readonly PlannedResource[]): unknown {
  const request = new analyzerPb.AnalyzeStackRequest();
  request.setResourcesList(
    resources.map((resource) => {
      const r = new analyzerPb.AnalyzerResource();
      r.setType(resource.type);
      r.setName(resource.name);
      r.setUrn(resource.urn);
      r.setProperties(Struct.fromJavaScript(wireValue(resource.type === "pulumi:pulumi:Stack" ? plan.outputs : resource.outputs)));
      const options = new analyzerPb.AnalyzerResourceOptions();
      options.setProtect(resource.protect);
      options.setIgnorechangesList(resource.ignoreChanges);
      options.setDeletebeforereplace(resource.deleteBeforeReplace);
      r.setOptions(options);
      if (resource.parent) r.setParent(resource.parent);
      r.setDependenciesList(resource.dependencies);
      for (const [prop, urns] of Object.entries(resource.propertyDependencies)) {
        const deps = new analyzerPb.AnalyzerPropertyDependencies();
        deps.setUrnsList(urns);
        r.getPropertydependenciesMap().set(prop, deps);
      }
      return r;
    }),
  );
  return request;
}

const describeDiagnostic = (d: any) =>
  `${d.getEnforcementlevel() === LEVELS.mandatory ? "mandatory" : "advisory"} ${d.getPolicyname()}${d.getUrn() ? ` ${d.getUrn()}` : ""}: ${d.getMessage().split("\n").pop()}`;

describe("policies/ on its own: installed from its lockfile outside the repository and served as the Pulumi CLI serves it", function () {
  this.timeout(600_000);
  let dir: string;
  let child: ChildProcess | undefined;
  let client: any;
  let prod: PlanFile;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "policy-pack-"));
    assert.ok(relative(REPO, dir).startsWith(".."), `${dir} must be outside ${REPO}`);
    assert.ok(!existsSync(join(dir, "..", "node_modules")), `${dir}/../node_modules would be on the pack's resolution path`);
    cpSync(PACK_DIR, dir, { recursive: true, filter: (source) => !/[\\/](node_modules|bin)$/.test(source) });
    run("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], dir);
    run("npx", ["--no-install", "tsc", "-p", "."], dir);
    writeFileSync(join(dir, "trace.cjs"), TRACE);
    // the Node.js host's command for a policy pack; the engine address is the first argument
    const started = startPack(
      ["--require", "./trace.cjs", join(dir, "node_modules/@pulumi/pulumi/cmd/run-policy-pack"), "127.0.0.1:1", "."],
      dir,
      isolatedEnv({ PACK_TRACE_FILE: join(dir, "trace.json") }),
    );
    child = started.child;
    client = analyzerClient(await started.port);
    prod = await shippedPlan("prod");
  });

  after(() => {
    client?.close();
    child?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("compiles with its own TypeScript and serves every policy of the pack", async () => {
    assert.ok(existsSync(join(dir, "bin/index.js")), "npx tsc wrote bin/index.js");
    const info = await call<any>(client, "getAnalyzerInfo", new Empty());
    assert.equal(info.getName(), PACK_NAME);
    assert.equal(info.getSupportsconfig(), true);
    assert.deepEqual(
      info.getPoliciesList().map((p: any) => p.getName()),
      ALL_POLICIES.map((p) => p.name),
    );
  });

  it("with prod's config: a bad queue fails, the planned prod stack passes, and prod without one region's flow logs fails", async () => {
    const packConfig = JSON.parse(readFileSync(join(dir, "config/prod.json"), "utf8")) as PolicyPackConfig;
    const configure = new analyzerPb.ConfigureAnalyzerRequest();
    for (const policy of ALL_POLICIES) {
      const entry = new analyzerPb.PolicyConfig();
      entry.setEnforcementlevel(LEVELS[enforcementOf(policy, packConfig)]);
      // as the CLI sends it: the schema's defaults with the pack config's values over them
      entry.setProperties(Struct.fromJavaScript(configOf(policy, packConfig)));
      configure.getPolicyconfigMap().set(policy.name, entry);
    }
    await call(client, "configure", configure);
    const stack = new analyzerPb.AnalyzerStackConfigureRequest();
    stack.setStack(prod.stack);
    stack.setProject(prod.project);
    const tags = stackTagsFor({
      project: prod.project,
      stack: prod.stack,
      environment: prod.environment,
      enforcement: "mandatory",
      defaultRegion: prod.primaryRegion,
    });
    for (const [key, value] of Object.entries(tags)) stack.getTagsMap().set(key, value);
    await call(client, "configureStack", stack);

    const queue = await call<any>(client, "analyze", analyzeRequest("aws:sqs/queue:Queue", "jobs", { region: "us-east-1", sqsManagedSseEnabled: false }));
    assert.deepEqual(
      queue.getDiagnosticsList().map((d: any) => `${d.getEnforcementlevel() === LEVELS.mandatory ? "mandatory" : "advisory"} ${d.getPolicyname()}`),
      ["mandatory aws-sqs-queue-enable-encryption", "mandatory aws-sqs-queue-configure-customer-managed-key"],
    );

    const planned = await call<any>(client, "analyzeStack", analyzeStackRequest(prod, prod.resources));
    assert.deepEqual(planned.getDiagnosticsList().map(describeDiagnostic), []);

    const region = prod.primaryRegion;
    const withoutFlowLogs = prod.resources.filter((r) => !(r.type === "aws:ec2/flowLog:FlowLog" && r.region === region));
    assert.ok(withoutFlowLogs.length < prod.resources.length, `prod has flow logs in ${region}`);
    const vpcs = prod.resources.filter((r) => r.type === "awsx:ec2:Vpc" && r.region === region);
    const mandatory = (await call<any>(client, "analyzeStack", analyzeStackRequest(prod, withoutFlowLogs)))
      .getDiagnosticsList()
      .map(describeDiagnostic)
      .filter((line: string) => line.startsWith("mandatory aws-ec2-vpc-enable-flow-logs"));
    assert.deepEqual(
      mandatory,
      vpcs.map((vpc) => `mandatory aws-ec2-vpc-enable-flow-logs ${vpc.urn}: VPC ${vpc.name} has no flow log.`),
    );
    assert.ok(vpcs.length > 0);
  });

  it("loaded no file from outside its own copy (nothing from this repository's node_modules)", async () => {
    const traced = new Promise<void>((resolveExit) => child!.once("exit", () => resolveExit()));
    child!.kill("SIGTERM");
    await traced;
    const loaded = JSON.parse(readFileSync(join(dir, "trace.json"), "utf8")) as string[];
    assert.ok(
      loaded.some((file) => file.startsWith(join(dir, "node_modules", "@pulumi", "policy") + sep)),
      "the pack's own @pulumi/policy is loaded",
    );
    assert.ok(loaded.includes(join(dir, "index.ts")), "the pack's index.ts is loaded");
    assert.deepEqual(
      loaded.filter((file) => !file.startsWith(dir + sep)),
      [],
    );
  });
});

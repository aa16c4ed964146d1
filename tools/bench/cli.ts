/**
 * `npm run bench`: how fast the offline plan is, against the SDK's own floor.
 *
 * For each shipped stack and for generated 1-, 3-, 6- and 10-region stacks it plans the stack
 * in-process (median of several warm runs) and, in the same process, registers the same number of
 * trivial resources under the SDK's plain mocks (the floor). It prints milliseconds per resource
 * for both, their ratio (DESIGN.md target: at most 1.5x), and, side by side in the same run, the
 * time a new node process takes to load the SDKs the plan needs and the cold end-to-end time of
 * `npm run plan -- prod`, with their ratio against issue 18's target (at most 1.5x), and peak memory.
 */
import { ConfigError } from "../../infra/configIssues";
import { exitWhenDrained } from "../lib/exit";
import { createProgress } from "../lib/progress";
import * as pulumi from "@pulumi/pulumi";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { generatedStackFile } from "../plan/generatedStack";
import { mockInvoke, mockState } from "../plan/mockState";
import { loadDefaultProgram, runProgram } from "../plan/runProgram";
import { installMockMonitor, waitForRegistrations } from "../plan/sdkInternals";
import { loadStackFile, listStacks, type StackFile } from "../plan/stackFile";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Fresh processes per cold measurement (the fastest counts). */
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);

/** The cheapest custom resource the SDK can register. */
class TrivialResource extends pulumi.CustomResource {
  constructor(name: string, value: number) {
    super("bench:index:Trivial", name, { value });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A valid staging stack over the first `count` regions that have three AZs. */
function generatedStack(count: number): StackFile {
  return generatedStackFile(count, { stack: `bench-${count}`, owner: "bench" });
}

async function timePlan(stackFile: StackFile): Promise<{ ms: number; resources: number }> {
  const times: number[] = [];
  let resources = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    const run = await runProgram(stackFile);
    const elapsed = performance.now() - start;
    resources = run.plan.resources.length;
    if (i > 0) times.push(elapsed); // the first run warms module caches
  }
  return { ms: median(times), resources };
}

/** The same program under the SDK's plain MockMonitor: what the SDK itself costs for these resources. */
async function timeSdkMocks(stackFile: StackFile): Promise<number> {
  const times: number[] = [];
  const program = loadDefaultProgram();
  const region = stackFile.config["aws:region"];
  for (let i = 0; i < RUNS + 1; i++) {
    await pulumi.runtime.setMocks(
      {
        // the same mocked state as the plan (certificates' validation options, ARN suffixes, …)
        newResource: (args) => {
          const urn = `urn:pulumi:${stackFile.stack}::blueprint::${args.type}::${args.name}`;
          const inputs = args.inputs as Record<string, unknown>;
          const mocked = mockState({ type: args.type, name: args.name, urn, inputs }, region);
          return { id: mocked.id ?? `${args.name}-id`, state: { ...inputs, ...mocked.outputs } };
        },
        call: (args) => mockInvoke(args.token, args.inputs as Record<string, unknown>, region),
      },
      "blueprint",
      stackFile.stack,
      false,
    );
    pulumi.runtime.setAllConfig(stackFile.config, []);
    // like the plan engine, no per-promise stack capture, so the two are compared like for like
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const start = performance.now();
    await pulumi.runtime.runInPulumiStack(async () => program());
    await waitForRegistrations();
    const elapsed = performance.now() - start;
    Error.stackTraceLimit = stackTraceLimit;
    if (i > 0) times.push(elapsed);
  }
  return median(times);
}

/** The floor: `count` trivial custom resources under the SDK's own MockMonitor. */
async function timeFloor(count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await pulumi.runtime.setMocks(
      { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs as Record<string, unknown> }), call: () => ({}) },
      "bench",
      "floor",
      false,
    );
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const start = performance.now();
    await pulumi.runtime.runInPulumiStack(() => {
      for (let n = 0; n < count; n++) new TrivialResource(`r${n}`, n);
      return Promise.resolve({});
    });
    await waitForRegistrations();
    const elapsed = performance.now() - start;
    Error.stackTraceLimit = stackTraceLimit;
    if (i > 0) times.push(elapsed);
  }
  return median(times);
}

/** The best of several runs of a fresh node process: the least disturbed by other work on the machine. */
function coldMs(label: string, args: readonly string[]): number {
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: "utf8" });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${label} failed: ${result.stderr}`);
  }
  return Math.min(...times);
}

/** The SDKs the plan needs, loaded by a new node process and nothing else: the floor of a cold plan. */
const SDK_LOAD = ["-e", 'require("@pulumi/pulumi"); require("@pulumi/aws"); require("@pulumi/policy");'];
/** `npm run plan -- <stack>` without npm's own start-up: the launcher and its prebuilt bundle. */
const coldPlanArgs = (stack: string) => ["tools/launch.cjs", "tools/plan/cli.ts", stack, "--quiet", "--out-dir", "bench-results/plan"];
/** The target of issue 18: a cold plan within this multiple of the SDK load time. */
const COLD_TARGET_RATIO = 1.5;

async function main(): Promise<void> {
  const cases: Array<{ label: string; file: StackFile }> = [
    ...listStacks("stacks").map((stack) => ({ label: `stack ${stack}`, file: loadStackFile(stack, "stacks") })),
    ...[1, 3, 6, 10].map((count) => ({ label: `${count} region(s)`, file: generatedStack(count) })),
  ];
  const rows: string[] = [];
  rows.push(
    "| case | resources | plan ms | plan ms/res | same program, plain SDK mocks ms/res | engine overhead | trivial-resource floor ms/res | plan / floor |",
  );
  rows.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  // the table comes at the end; meanwhile a line per finished case on stderr (about 100 s in all)
  const progress = createProgress(cases.length + 3);
  for (const { label, file } of cases) {
    progress.start(label);
    const plan = await timePlan(file);
    const sdk = await timeSdkMocks(file);
    const floor = await timeFloor(plan.resources);
    const perResource = plan.ms / plan.resources;
    const sdkPerResource = sdk / plan.resources;
    const floorPerResource = floor / plan.resources;
    rows.push(
      `| ${label} | ${plan.resources} | ${plan.ms.toFixed(1)} | ${perResource.toFixed(3)} | ${sdkPerResource.toFixed(3)} | ${(perResource / sdkPerResource).toFixed(2)}x | ${floorPerResource.toFixed(3)} | ${(perResource / floorPerResource).toFixed(2)}x |`,
    );
    progress.done(label, `${plan.resources} resources, plan ${plan.ms.toFixed(0)} ms`);
  }
  // restore a recording monitor so nothing else runs against the floor's mocks
  installMockMonitor(undefined, "bench", "done");
  // one warm-up run builds the bundle if a source changed, so the cold runs measure the plan only
  progress.start("building the plan bundle");
  coldMs("building the plan bundle", coldPlanArgs("dev"));
  progress.done("building the plan bundle", "ready");
  progress.start("loading the SDKs in a new process");
  const sdk = coldMs("loading the SDKs", SDK_LOAD);
  progress.done("loading the SDKs in a new process", `${sdk.toFixed(0)} ms`);
  progress.start("cold npm run plan -- prod");
  const cold = coldMs("the cold plan of prod", coldPlanArgs("prod"));
  progress.done("cold npm run plan -- prod", `${cold.toFixed(0)} ms`);
  const ratio = cold / sdk;
  console.log(rows.join("\n"));
  console.log(`\nnew node process loading @pulumi/pulumi, @pulumi/aws and @pulumi/policy: ${sdk.toFixed(0)} ms`);
  console.log(`cold \`npm run plan -- prod\` (new process, module loading included): ${cold.toFixed(0)} ms`);
  console.log(
    `cold plan / SDK load: ${ratio.toFixed(2)}x (target at most ${COLD_TARGET_RATIO}x): ${ratio <= COLD_TARGET_RATIO ? "met" : "not met"} (best of ${COLD_RUNS} processes each; BENCH_COLD_RUNS overrides)`,
  );
  console.log(`peak RSS of the benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log(`runs per case: ${RUNS} (median, after one warm-up); BENCH_RUNS overrides`);
}

main().catch((error: unknown) => {
  // a stack the program refuses is reported as the plan reports it, without a stack trace
  console.error(error instanceof ConfigError ? error.message : error);
  void exitWhenDrained(1);
});

/**
 * Runs the real Pulumi program in this process under the recording mock monitor and returns the
 * plan: no Pulumi CLI, no AWS credentials. The program is loaded exactly as the Pulumi Node.js
 * host loads it (its module exports a function that runs inside the root stack resource).
 */
import * as pulumi from "@pulumi/pulumi";
import { loadConfig, type BlueprintConfig } from "../../infra/config";
import { CONFIG_NAMESPACE } from "../../infra/configSchema";
import type { PlanFile, PlannedResource } from "./planFile";
import { RecordingMonitor } from "./recordingMonitor";
import { installMockMonitor, runtimeStore, waitForRegistrations } from "./sdkInternals";
import type { StackFile } from "./stackFile";

/** The Pulumi project name (Pulumi.yaml `name`). */
export const PROJECT = CONFIG_NAMESPACE;

/** The program the plan runs: a module whose export is `() => Promise<outputs>`. */
export type Program = () => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Loads `infra/index.ts`, the same entry point `pulumi up` runs. */
export function loadDefaultProgram(): Program {
  // A static path, so that the prebuilt bundle of the plan (tools/launch.cjs) includes the program.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry point is CommonJS, as Pulumi loads it
  return require("../../infra/index") as Program;
}

/** Thrown when the program itself fails (not its config). */
export class ProgramError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProgramError";
  }
}

/** A finished run: the plan without policy results, and the parsed config. */
export interface ProgramRun {
  readonly plan: Omit<PlanFile, "policies">;
  readonly config: BlueprintConfig;
}

/** What a recorded run produced. */
export interface Recording {
  readonly resources: PlannedResource[];
  readonly outputs: Record<string, unknown>;
}

/**
 * Runs `program` inside a root stack resource under a fresh recording monitor and returns every
 * registration. Used by the plan and by component tests, so both see the same graph.
 */
export async function recordProgram(program: Program, options: { stack: string; config?: Record<string, string>; secretKeys?: string[] }): Promise<Recording> {
  const config = options.config ?? {};
  const monitor = new RecordingMonitor(config["aws:region"] ?? "us-east-1");
  installMockMonitor(monitor, PROJECT, options.stack);
  pulumi.runtime.setAllConfig(config, options.secretKeys ?? []);
  await runRecorded(program, options.stack);
  return { resources: monitor.recorded, outputs: monitor.stackOutputs };
}

async function runRecorded(program: Program, stack: string): Promise<void> {
  // The SDK leaves some failures (a failed invoke, a throwing apply) as rejected promises that
  // nobody awaits; the Pulumi host reports them, so the plan does too instead of crashing.
  const stray: unknown[] = [];
  let strayArrived!: () => void;
  // A registration whose input failed never finishes its RPC, so waiting for the queue to drain
  // would hang; the first stray failure ends the wait (the Pulumi host exits on it too).
  const failed = new Promise<void>((resolve) => (strayArrived = resolve));
  const onStray = (reason: unknown) => {
    stray.push(reason);
    strayArrived();
  };
  process.on("unhandledRejection", onStray);
  // The SDK captures a stack trace for every promise it creates (for its leak report), and with
  // source maps on that costs a third of the run. The plan reports failures by message and never
  // prints a stack, so none is captured while the program runs.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  // The SDK still reads a full stack for every resource it registers (its source position, which
  // the plan does not record); mapping each frame through the source maps cost about 5% of a
  // cold plan (measured as whole processes, side by side). Maps stay loaded, so an error printed after the run is still mapped.
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  let failure: unknown;
  try {
    await Promise.race([
      (async () => {
        await pulumi.runtime.runInPulumiStack(async () => program());
        await waitForRegistrations();
      })(),
      failed,
    ]);
  } catch (err) {
    failure = err;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    process.setSourceMapsEnabled(sourceMaps);
    // let rejections of this run surface before the listener goes
    await new Promise((resolve) => setImmediate(resolve));
    process.off("unhandledRejection", onStray);
  }
  const reasons = [failure, ...stray].filter((reason) => reason !== undefined).map(describeFailure);
  if (reasons.length > 0) {
    throw new ProgramError(`The program failed for stack ${stack}: ${[...new Set(reasons)].join("; ")}`);
  }
  const errors = runtimeStore().logErrorCount;
  if (errors > 0) throw new ProgramError(`The program logged ${errors} error(s) for stack ${stack}`);
}

/** The message of a failure, including the `details` gRPC-style errors carry. */
function describeFailure(reason: unknown): string {
  if (reason instanceof Error) {
    const details = (reason as Error & { details?: string }).details;
    return reason.message || details || reason.name;
  }
  return String(reason);
}

/**
 * Plans one stack.
 *
 * @throws ConfigError when the stack's config is invalid (before any resource is declared)
 * @throws ProgramError when the program fails or logs an error
 */
export async function runProgram(stackFile: StackFile, program: Program = loadDefaultProgram()): Promise<ProgramRun> {
  const monitor = new RecordingMonitor(stackFile.config["aws:region"] ?? "us-east-1");
  installMockMonitor(monitor, PROJECT, stackFile.stack);
  pulumi.runtime.setAllConfig(stackFile.config, stackFile.secretKeys);
  // Validate first so that a bad stack file never starts the program.
  const config = loadConfig();
  await runRecorded(program, stackFile.stack);
  return {
    config,
    plan: {
      version: 1,
      project: PROJECT,
      stack: stackFile.stack,
      environment: config.environment,
      regions: config.regions.map((region) => region.name),
      primaryRegion: config.primaryRegion,
      resources: monitor.recorded,
      outputs: monitor.stackOutputs,
    },
  };
}

/**
 * The engine's side of the analyzer protocol, for tests that serve the pack as the Pulumi CLI does
 * (tests/policies/index.test.ts in this repository, tests/policies/index.slow.ts from a copy
 * installed on its own): start the pack, read its port, and call it over gRPC.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import { testUrn } from "./harness";

/* eslint-disable @typescript-eslint/no-require-imports -- the generated gRPC stubs ship no types */
/** The SDK's generated analyzer messages. */
export const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb");
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
/** google.protobuf.Empty and Struct. */
export const { Empty } = require("google-protobuf/google/protobuf/empty_pb");
export const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
/* eslint-enable @typescript-eslint/no-require-imports */

/** The analyzer's enforcement levels on the wire. */
export const LEVELS: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };

/** One unary call of the analyzer client. */
export function call<T>(client: any, method: string, request: unknown): Promise<T> {
  return new Promise((resolvePromise, reject) => client[method](request, (err: Error | null, response: T) => (err ? reject(err) : resolvePromise(response))));
}

/** Starts the pack with `node <args>` in `cwd` and resolves with the port it prints, as the CLI waits for it. */
export function startPack(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; port: Promise<number> } {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  const port = new Promise<number>((resolvePort, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(\d+)\s*$/m.exec(out);
      if (match) resolvePort(Number(match[1]));
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`the pack exited (${code}) before printing its port: ${err || out}`)));
  });
  return { child, port };
}

/** The engine's analyzer client for a pack listening on `port`. */
export function analyzerClient(port: number): any {
  return new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}

/** An `Analyze` request for one resource (not protected). */
export function analyzeRequest(type: string, name: string, props: Record<string, unknown>, urn: string = testUrn(type, name)): unknown {
  const request = new analyzerPb.AnalyzeRequest();
  request.setType(type);
  request.setName(name);
  request.setUrn(urn);
  request.setProperties(Struct.fromJavaScript(props));
  const options = new analyzerPb.AnalyzerResourceOptions();
  options.setProtect(false);
  request.setOptions(options);
  return request;
}

/**
 * An offline stand-in for the CloudFront Functions runtime, to run the generated functions (and
 * any function code the plan records) against viewers without AWS: a `node:vm` context with no
 * dynamic code generation (`eval` and `Function` throw, as in runtime 2.0), no timers, no
 * `require`, `process` or network, a single-argument `console.log`, the event shape AWS documents,
 * and a stub of the `cloudfront` module whose origin helpers check their arguments the way the
 * service does and record what the function chose.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-event-structure.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/helper-functions-origin-modification.html
 */
import * as vm from "node:vm";
import { CLOUDFRONT_IMPORT } from "./edgeFunction";

/** Largest function CloudFront accepts (not adjustable). */
export const MAX_FUNCTION_BYTES = 10 * 1024;

/** Status codes an origin group may fail over on (the same set as a distribution's groups). */
const GROUP_FAILOVER_CODES = [400, 403, 404, 416, 500, 502, 503, 504];

/** A header, cookie or query string value as the event carries it. */
export interface EventValue {
  readonly value: string;
}

/** The viewer request a test or the report sends. */
export interface EdgeRequest {
  readonly method: string;
  readonly uri: string;
  /** Lowercase header names. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cookies?: Readonly<Record<string, string>>;
  readonly viewerIp?: string;
}

/** What the function decided about the origin. */
export type OriginChoice =
  | { readonly kind: "behaviour" }
  | { readonly kind: "origin"; readonly originId: string; readonly overrides?: Record<string, unknown> }
  | { readonly kind: "group"; readonly originIds: readonly [string, string]; readonly statusCodes: readonly number[]; readonly overrides: readonly unknown[] };

/** The result of one viewer-request run. */
export interface ViewerRequestResult {
  /** The request the function returned (or a response, when it answered itself). */
  readonly returned: Record<string, unknown>;
  readonly origin: OriginChoice;
  readonly logs: readonly string[];
}

/** What the distribution offers the function. */
export interface EdgeDistribution {
  /** Origin IDs the distribution defines. */
  readonly originIds: readonly string[];
  /** Origins that are VPC origins (`updateRequestOrigin` fails on them). @default none */
  readonly vpcOriginIds?: readonly string[];
}

function toEventValues(values: Readonly<Record<string, string>> | undefined): Record<string, EventValue> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, { value }]));
}

/** The viewer-request event AWS documents (version 1.0). */
export function viewerRequestEvent(request: EdgeRequest): Record<string, unknown> {
  return {
    version: "1.0",
    context: {
      distributionDomainName: "d111111abcdef8.cloudfront.net",
      distributionId: "EDFDVBD6EXAMPLE",
      eventType: "viewer-request",
      requestId: "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==",
    },
    viewer: { ip: request.viewerIp ?? "198.51.100.11" },
    request: { method: request.method, uri: request.uri, querystring: {}, headers: toEventValues(request.headers), cookies: toEventValues(request.cookies) },
  };
}

/** A compiled function: its handler, the context it runs in, and what it logged. */
interface Compiled {
  readonly handler: (event: unknown) => unknown;
  readonly context: Record<string, unknown>;
  readonly logs: string[];
}

/** Compiled functions by code: compiling is the slow part, and a function is pure code. */
const compiled = new Map<string, Compiled>();

/**
 * Compiles function code as the runtime would: the cloudfront import only on the first line, the
 * size limit, no dynamic code. Each run gets its own `cloudfront` module (`context.cf`).
 */
function compile(code: string): Compiled {
  const cached = compiled.get(code);
  if (cached) return cached;
  const bytes = Buffer.byteLength(code, "utf8");
  if (bytes > MAX_FUNCTION_BYTES) throw new Error(`the function is ${bytes} bytes; CloudFront Functions allow ${MAX_FUNCTION_BYTES}`);
  const lines = code.split("\n");
  const imports = lines.filter((line) => /^\s*import\s/.test(line));
  if (imports.some((line) => line.trim() !== CLOUDFRONT_IMPORT) || (imports.length > 0 && lines[0].trim() !== CLOUDFRONT_IMPORT)) {
    throw new Error(`the only import CloudFront Functions allow is ${CLOUDFRONT_IMPORT} on the first line`);
  }
  const body = imports.length > 0 ? lines.slice(1).join("\n") : code;
  const logs: string[] = [];
  const console = {
    log: (...args: unknown[]) => {
      if (args.length !== 1) throw new Error("console.log takes one argument in CloudFront Functions");
      logs.push(String(args[0]));
    },
  };
  // no eval/Function (codeGeneration), no timers, require, process or fetch: only what the runtime has
  const context = vm.createContext({ console, cf: undefined }, { codeGeneration: { strings: false, wasm: false } }) as Record<string, unknown>;
  new vm.Script(`"use strict";\n${body}\nthis.__handler = handler;`, { filename: "cloudfront-function.js" }).runInContext(context, { timeout: 100 });
  const handler = context.__handler;
  if (typeof handler !== "function") throw new Error("the function defines no handler(event)");
  const result = { handler: handler as (event: unknown) => unknown, context, logs };
  compiled.set(code, result);
  return result;
}

/** A value made in the sandbox, as plain data of this realm. */
const plain = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Runs a viewer-request function and reports the origin it chose. */
export function runViewerRequest(code: string, request: EdgeRequest, distribution: EdgeDistribution): ViewerRequestResult {
  let choice: OriginChoice = { kind: "behaviour" };
  const known = (id: unknown, helper: string): string => {
    if (typeof id !== "string" || !distribution.originIds.includes(id)) {
      throw new Error(`cf.${helper}: ${JSON.stringify(id)} is not an origin of the distribution (${distribution.originIds.join(", ")})`);
    }
    return id;
  };
  const cloudfront = {
    selectRequestOriginById: (originId: unknown, overrides?: unknown) => {
      choice = {
        kind: "origin",
        originId: known(originId, "selectRequestOriginById"),
        ...(overrides !== undefined ? { overrides: plain(overrides as Record<string, unknown>) } : {}),
      };
    },
    createRequestOriginGroup: (params: { originIds?: unknown; failoverCriteria?: { statusCodes?: unknown } }) => {
      const members = Array.isArray(params?.originIds) ? [...(params.originIds as unknown[])] : [];
      if (members.length !== 2) throw new Error("cf.createRequestOriginGroup: originIds must name exactly two origins");
      const ids = members.map((member) => known((member as { originId?: unknown })?.originId, "createRequestOriginGroup"));
      if (ids[0] === ids[1]) throw new Error("cf.createRequestOriginGroup: the two origins must differ");
      const codes = params.failoverCriteria?.statusCodes;
      if (!Array.isArray(codes) || codes.length === 0 || codes.some((code) => !GROUP_FAILOVER_CODES.includes(code as number))) {
        throw new Error(`cf.createRequestOriginGroup: failoverCriteria.statusCodes must be some of ${GROUP_FAILOVER_CODES.join(", ")}`);
      }
      choice = {
        kind: "group",
        originIds: [ids[0], ids[1]],
        statusCodes: plain(codes as number[]),
        overrides: members.map((member) => plain((member as { originOverrides?: unknown }).originOverrides) ?? null),
      };
    },
    updateRequestOrigin: () => {
      if ((distribution.vpcOriginIds ?? []).length > 0) throw new Error("cf.updateRequestOrigin cannot update VPC origins");
      throw new Error("cf.updateRequestOrigin is not used by the blueprint's functions");
    },
    kvs: () => {
      throw new Error("the function has no key value store");
    },
  };
  const { handler, context, logs } = compile(code);
  context.cf = cloudfront;
  const before = logs.length;
  const returned = handler(viewerRequestEvent(request));
  if (returned === null || typeof returned !== "object") throw new Error("handler(event) must return the request or a response");
  return { returned: plain(returned as Record<string, unknown>), origin: choice, logs: logs.slice(before) };
}

/** The response a viewer-response function returned. */
export interface ViewerResponseResult {
  readonly response: { readonly statusCode: number; readonly cookies: Record<string, { value: string; attributes?: string }> };
}

/** Runs a viewer-response function on a response of `statusCode`. */
export function runViewerResponse(code: string, request: EdgeRequest, statusCode: number): ViewerResponseResult {
  const { handler } = compile(code);
  const event = {
    ...viewerRequestEvent(request),
    context: { eventType: "viewer-response" },
    response: { statusCode, statusDescription: "", headers: {}, cookies: {} },
  };
  const returned = handler(event) as ViewerResponseResult["response"];
  return { response: plain(returned) };
}

/**
 * Which origin serves a request after the function's choice, given the origins that fail: an
 * origin group tries its second origin when the first fails, for GET, HEAD and OPTIONS only (the
 * methods CloudFront fails over). Undefined when no origin can serve it.
 */
export function servingOrigin(choice: OriginChoice, behaviourTarget: string, method: string, failing: ReadonlySet<string>): string | undefined {
  const ids = choice.kind === "group" ? choice.originIds : [choice.kind === "origin" ? choice.originId : behaviourTarget];
  const [first, second] = ids;
  if (!failing.has(first)) return first;
  if (second !== undefined && ["GET", "HEAD", "OPTIONS"].includes(method) && !failing.has(second)) return second;
  return undefined;
}

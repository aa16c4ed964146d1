/**
 * A mock resource monitor that records the program's whole resource graph.
 *
 * It extends the SDK's MockMonitor (so invokes, reads and features behave as in unit tests) and
 * keeps, for every registration, what the real engine would see: parent, dependencies, property
 * dependencies, options, the inputs in wire form (so secrets can be redacted) and the mocked
 * outputs. Stack outputs are taken from the root stack's `registerResourceOutputs`.
 */
import { RegisterResourceResponse } from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
// eslint-disable-next-line @typescript-eslint/no-require-imports -- google-protobuf ships no types
const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as { Struct: { fromJavaScript(value: unknown): unknown } };
import type { PlannedResource } from "./planFile";
import { redactWireValue, SECRET_SIG, SIG_KEY } from "./redact";
import { SECRET_PLACEHOLDER } from "./planFile";
import { mockInvoke, mockState, resourceRegion } from "./mockState";

type Callback = (err: Error | null, response?: unknown) => void;

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- the monitor speaks the SDK's untyped gRPC shapes (requests, Structs and MockMonitor's private state) */
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
  getProtect(): boolean | undefined;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): { forEach(fn: (value: { getUrnsList(): string[] }, key: string) => void): void };
  getIgnorechangesList(): string[];
  getDeletebeforereplace(): boolean;
  getImportid(): string;
  getProvider(): string;
  getAdditionalsecretoutputsList(): string[];
}

const STACK_TYPE = "pulumi:pulumi:Stack";

/** Records every registration of one program run. */
export class RecordingMonitor extends MockMonitor {
  /** Recorded resources in registration order. */
  readonly recorded: PlannedResource[] = [];
  /** The stack outputs, redacted, once the program has finished. */
  stackOutputs: Record<string, unknown> = {};
  private readonly byUrn = new Map<string, PlannedResource>();

  /** @param defaultRegion region of resources that set none (the stack's `aws:region`). */
  constructor(private readonly defaultRegion: string) {
    super({
      newResource: () => {
        throw new Error("RecordingMonitor registers resources itself");
      },
      call: (args) => mockInvoke(args.token, args.inputs, defaultRegion),
    });
  }

  override async registerResource(req: any, callback: Callback): Promise<void> {
    try {
      const request = req as RegisterRequest;
      const type = request.getType();
      const name = request.getName();
      const urn: string = (this as any).newUrn(request.getParent(), type, name);
      const wireInputs = request.getObject()?.toJavaScript() ?? {};
      const inputs = redactWireValue(wireInputs) as Record<string, unknown>;
      const mocked = mockState({ type, name, urn, inputs }, this.defaultRegion);
      // outputs the resource class marks secret (additionalSecretOutputs): the engine returns them as secrets
      const secretOutputs = new Set(request.getAdditionalsecretoutputsList());
      const recordedOutputs = Object.fromEntries(
        Object.entries(mocked.outputs).map(([key, value]) => [key, secretOutputs.has(key) ? SECRET_PLACEHOLDER : value]),
      );
      // an explicit provider (`urn::id`), which the engine configures before the resource
      const provider = request.getProvider() ? request.getProvider().split("::").slice(0, -1).join("::") : undefined;
      const custom = request.getCustom();
      const propertyDependencies: Record<string, string[]> = {};
      request.getPropertydependenciesMap().forEach((value, key) => {
        propertyDependencies[key] = value.getUrnsList();
      });
      const resource: PlannedResource = {
        urn,
        type,
        name,
        custom,
        parent: request.getParent() || null,
        region: type === STACK_TYPE ? null : (resourceRegion(inputs) ?? null),
        inputs,
        outputs: { ...inputs, ...(mocked.id !== undefined ? { id: mocked.id } : {}), ...recordedOutputs },
        dependencies: request.getDependenciesList(),
        propertyDependencies,
        protect: request.getProtect() === true,
        ignoreChanges: request.getIgnorechangesList(),
        deleteBeforeReplace: request.getDeletebeforereplace(),
        ...(provider ? { provider } : {}),
      };
      this.recorded.push(resource);
      this.byUrn.set(urn, resource);

      // What the SDK receives back: the real (unredacted) inputs plus the mocked outputs.
      const state = { ...rpc.deserializeProperties(request.getObject() as any), ...mocked.outputs };
      const serializedState = await rpc.serializeProperties("", state);
      for (const key of secretOutputs) if (key in mocked.outputs) serializedState[key] = { [SIG_KEY]: SECRET_SIG, value: serializedState[key] };
      (this as any).resources.set(urn, { urn, id: mocked.id ?? null, state: serializedState });
      const response = new RegisterResourceResponse();
      response.setUrn(urn);
      response.setId(custom ? (mocked.id ?? "") : "");
      response.setObject(Struct.fromJavaScript(serializedState) as any);
      callback(null, response);
    } catch (err) {
      callback(err as Error, undefined);
    }
  }

  override registerResourceOutputs(req: any, callback: Callback): void {
    const urn: string = req.getUrn();
    const outputs = redactWireValue(req.getOutputs()?.toJavaScript() ?? {}) as Record<string, unknown>;
    if (urn.endsWith(`::${STACK_TYPE}::${urn.split("::").pop()}`) || this.byUrn.get(urn)?.type === STACK_TYPE) {
      this.stackOutputs = outputs;
    }
    super.registerResourceOutputs(req, callback);
  }
}

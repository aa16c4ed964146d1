/**
 * The few SDK internals the plan engine needs, typed in one place. They are `@internal` in
 * `@pulumi/pulumi` (kept out of its .d.ts) but stable: `pulumi.runtime.setMocks` and the Node.js
 * language host use them. A test plans every stack, so an SDK upgrade that moves them fails loudly.
 */
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as state from "@pulumi/pulumi/runtime/state";

/** The runtime flags `setMocks` sets. */
export interface RuntimeStore {
  supportsSecrets: boolean;
  supportsResourceReferences: boolean;
  supportsOutputValues: boolean;
  supportsDeletedWith: boolean;
  supportsAliasSpecs: boolean;
  supportsTransforms: boolean;
  /** Number of `pulumi.log.error` calls so far. */
  logErrorCount: number;
}

/** The SDK's global runtime store. */
export function runtimeStore(): RuntimeStore {
  return (state as unknown as { getStore(): RuntimeStore }).getStore();
}

/** Resolves when every outstanding resource registration has been answered. */
export function waitForRegistrations(): Promise<void> {
  return (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs();
}

/** Installs a mock monitor as the SDK's resource monitor. */
export function installMockMonitor(monitor: unknown, project: string, stack: string): void {
  settings.setMockOptions(monitor, project, stack, false);
  // The same feature set `pulumi.runtime.setMocks` turns on.
  const store = runtimeStore();
  store.supportsSecrets = true;
  store.supportsResourceReferences = true;
  store.supportsOutputValues = false;
  store.supportsDeletedWith = true;
  store.supportsAliasSpecs = true;
  store.supportsTransforms = false;
}

/**
 * Shared by the config tests: the printed problem lines of a config that must be rejected.
 */
import * as assert from "node:assert/strict";
import { ConfigError, parseConfig } from "../../infra/config";

/** The lines `parseConfig` reports for `raw`; fails when it accepts the config. */
export function problems(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected ConfigError, got ${String(error)}`);
    return [...error.lines];
  }
  assert.fail("expected the config to be rejected");
}

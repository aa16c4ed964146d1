/**
 * Shared by the new-env tests (tools/newenv): temporary copies of the shipped stack files, the
 * command run in process, and the checks on the stacks it writes.
 */
import * as assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Cidr } from "../../components/lib/cidr";
import { main } from "../../tools/newenv/cli";
import { readStackInventory } from "../../tools/newenv/stackInventory";
import { validateStackText } from "../../tools/newenv/validateStack";

/** A temporary copy of the repository's stack files, plus any extra files. */
export function tempStacks(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "newenv-"));
  for (const file of readdirSync("stacks").filter((name) => /^Pulumi\..+\.yaml$/.test(name))) {
    copyFileSync(join("stacks", file), join(dir, file));
  }
  for (const [stack, text] of Object.entries(extra)) writeFileSync(join(dir, `Pulumi.${stack}.yaml`), text);
  return dir;
}

/** Runs the command in process: its exit code and what it printed to stdout and stderr. */
export function run(argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(
    argv,
    (text) => out.push(text),
    (text) => err.push(text),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A fork can only be as valid as its source: say so plainly when the source stack is the problem. */
export function assertSourceValid(stack: string): void {
  const source = validateStackText(stack, `stacks/Pulumi.${stack}.yaml`, readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8"));
  assert.ok(source.ok, `stacks/Pulumi.${stack}.yaml itself is invalid, so no fork of it can be valid:\n${source.ok ? "" : source.problems.join("\n")}`);
}

/** Every VPC block of every stack in `dir`. */
export function allVpcBlocks(dir: string): Array<{ stack: string; cidr: Cidr }> {
  return readStackInventory(dir).flatMap((stack) => stack.vpcCidrs.map((cidr) => ({ stack: stack.name, cidr })));
}

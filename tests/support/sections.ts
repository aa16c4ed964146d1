/**
 * Resolving and checking one config section the way `parseConfig` does, for the section tests:
 * a stack frame (environment, regions, name prefix), the section's value in a stack file, and the
 * printed problem lines.
 */
import type { Environment } from "../../components/lib/settings";
import { StackSettings, type StackFrame } from "../../components/lib/settings/engine";
import type { Section } from "../../components/lib/settings/section";
import { formatIssue, type ConfigIssue } from "../../infra/configIssues";
import { ENVIRONMENT_FACTS } from "../../infra/environments";
import { ENGINE_SECTIONS } from "../../infra/sections";

/** A stack frame: the environment (undefined for an invalid one), regions (the first is primary) and the name prefix. */
export function frame(environment: Environment | undefined, regions: readonly string[], options: { azCount?: number; namePrefix?: string } = {}): StackFrame {
  return {
    ...(environment ? { environment } : {}),
    regions: regions.map((name, index) => ({ name, azCount: options.azCount ?? 3, primary: index === 0 })),
    ...(regions.length > 0 ? { primaryRegion: regions[0] } : {}),
    namePrefix: options.namePrefix ?? "blueprint-test",
  };
}

/** The resolution of a stack file whose sections are `stack` (keys as in the file), in `frame`. */
export function stackSettings(stack: Readonly<Record<string, unknown>>, at: StackFrame): StackSettings {
  return new StackSettings(ENGINE_SECTIONS, ENVIRONMENT_FACTS, stack, at);
}

/** A section's resolved value when the stack file writes `raw` for it (and `others` for other sections). */
export function resolveSection<Value>(section: Section<Value, string>, raw: unknown, at: StackFrame, others: Readonly<Record<string, unknown>> = {}): Value {
  return stackSettings({ ...others, [section.key]: raw }, at).value(section);
}

/** A section's problems when the stack file writes `raw` for it. */
export function sectionIssues(section: Section<unknown, string>, raw: unknown, at: StackFrame, others: Readonly<Record<string, unknown>> = {}): ConfigIssue[] {
  const stack = { ...others, [section.key]: raw };
  const owner = stackSettings(stack, at);
  return owner.problems().filter((issue) => issue.path[0] === section.key);
}

/** A section's problems as the stack's config error prints them. */
export function sectionLines(section: Section<unknown, string>, raw: unknown, at: StackFrame, others: Readonly<Record<string, unknown>> = {}): string[] {
  return sectionIssues(section, raw, at, others).map((issue) => formatIssue(issue, { ...others, [section.key]: raw }));
}

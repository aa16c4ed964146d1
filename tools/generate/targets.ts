/**
 * Every file the project generates from its declarations, and where: whole files (the stack
 * schema, the config reference) and marked blocks inside hand-written docs (the policy table, the
 * plan engine's tables), `<!-- generated:<name> -->` … `<!-- /generated:<name> -->`.
 */
import { REGION_NAMES } from "../../components/lib/regions";
import { code } from "./markdown";
import { FACTS } from "../plan/facts";
import { ENVIRONMENT_FACTS } from "../../infra/environments";
import { ENGINE_SECTIONS } from "../../infra/sections";
import { CONFIG_REFERENCE_PATH, renderConfigReference } from "./configReference";
import { renderEnvironmentFacts } from "./environmentFacts";
import { renderCreationTable, renderReplacementTable } from "./planFactsTables";
import { renderPolicyTable } from "./policyTable";
import { renderProjectConfig } from "./projectConfig";
import { AWS_REGION_DESCRIPTION, renderStackSchema, STACK_SCHEMA_PATH } from "./stackSchema";

/** A generated file. */
export interface FileTarget {
  readonly kind: "file";
  readonly path: string;
  readonly render: () => string;
}

/** A generated block inside a file people write. */
export interface BlockTarget {
  readonly kind: "block";
  readonly path: string;
  /** The block's name in its markers. */
  readonly name: string;
  readonly render: () => string[];
}

/** What `npm run generate` writes. */
export const TARGETS: readonly (FileTarget | BlockTarget)[] = [
  { kind: "file", path: STACK_SCHEMA_PATH, render: renderStackSchema },
  {
    kind: "file",
    path: CONFIG_REFERENCE_PATH,
    render: () =>
      renderConfigReference(ENGINE_SECTIONS, ENVIRONMENT_FACTS, [
        [code("aws:region"), `one of ${REGION_NAMES.length} regions`, "required", "", AWS_REGION_DESCRIPTION],
      ]),
  },
  { kind: "block", path: "Pulumi.yaml", name: "project-config", render: renderProjectConfig },
  { kind: "block", path: "docs/environments.md", name: "environment-facts", render: renderEnvironmentFacts },
  { kind: "block", path: "docs/policies.md", name: "policies", render: renderPolicyTable },
  { kind: "block", path: "docs/plan-engine.md", name: "replacement-inputs", render: () => renderReplacementTable(FACTS) },
  { kind: "block", path: "docs/plan-engine.md", name: "creation-times", render: () => renderCreationTable(FACTS) },
];

/** The block's markers: YAML comments in YAML files, HTML comments elsewhere. */
function markers(path: string, name: string): { readonly start: string; readonly end: string } {
  return /\.ya?ml$/.test(path)
    ? { start: `# generated:${name}`, end: `# /generated:${name}` }
    : { start: `<!-- generated:${name} -->`, end: `<!-- /generated:${name} -->` };
}

/** The file's text with the block replaced, or a reason it cannot be. */
export function withBlock(path: string, text: string, name: string, lines: readonly string[]): string | { readonly problem: string } {
  const { start: open, end: close } = markers(path, name);
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) return { problem: `has no ${open} … ${close} block` };
  return `${text.slice(0, start + open.length)}\n${lines.join("\n")}\n${text.slice(end)}`;
}

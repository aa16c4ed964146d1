/**
 * The plan engine's reference tables in `docs/plan-engine.md`, rendered from the components' plan
 * facts: the inputs that replace each stateful type, and the creation times behind the critical
 * path. Each row names the component that declares the type.
 */
import type { FactIndex } from "../../components/lib/plan/factIndex";
import { API_ONLY_CREATION } from "../../components/lib/plan/creation";
import { formatDuration } from "../plan/report/criticalPath";
import { code, table } from "./markdown";

const home = (component: string) => (component === "shared" ? "components/lib/plan" : `components/${component}`);

/** Stateful types: what they hold and the inputs whose change replaces them. */
export function renderReplacementTable(facts: FactIndex): string[] {
  const rows = [...facts.types]
    .filter(([, declared]) => declared.facts.stateful !== undefined)
    .map(([type, declared]) => {
      const stateful = declared.facts.stateful!;
      const inputs = stateful.replacedBy.map((rule) => `${code(rule.input)}${rule.condition ? ` (${rule.condition})` : ""}`).join(", ");
      return [code(type), stateful.label, inputs, stateful.loses, home(declared.component)];
    });
  return table(["type", "what", "replaced when these inputs change", "lost on delete or replace", "declared in"], rows);
}

/** Creation-time estimates, API-only types in one row. */
export function renderCreationTable(facts: FactIndex): string[] {
  const rows = [...facts.types]
    .filter(([, declared]) => declared.facts.creation !== API_ONLY_CREATION)
    .map(([type, declared]) => [code(type), formatDuration(declared.facts.creation.seconds), declared.facts.creation.basis, home(declared.component)]);
  rows.push(["any other custom resource", formatDuration(API_ONLY_CREATION.seconds), API_ONLY_CREATION.basis, "components/lib/plan"]);
  return table(["type", "estimate", "basis", "declared in"], rows);
}

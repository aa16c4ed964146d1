/**
 * What to run to move the writer, read from the planned stack after the switchover: each component
 * says its part (components/<name>/plan.ts `switchover`): a Region switch plan's execution first,
 * then the manual steps in catalog order (the Aurora global switchover of every shard, the Global
 * Datastore failover), then `pulumi up`.
 */
import type { PlannedResource } from "../../components/lib/plan/plannedResource";
import { FACTS } from "../plan/facts";

/** The commands, in order, to move the writer from `from` to `target` in the stack `stack`. */
export function switchoverSteps(resources: readonly PlannedResource[], stack: string, from: string, target: string): string[] {
  const parts = FACTS.components.map((component) => component.switchover?.({ resources, stack, from, target }) ?? {});
  return [
    ...parts.flatMap((part) => part.execution ?? []),
    ...parts.flatMap((part) => part.manual ?? []),
    `pulumi up --stack ${stack}   # after the writer moved: the write routes and alarms follow the stack file`,
  ];
}

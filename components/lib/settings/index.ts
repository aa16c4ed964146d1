/**
 * The vocabulary a component declares its config section with: settings and their defaults, the
 * section, and the problems its rules return. See `setting.ts` for what one declaration produces.
 */
export { byEnvironment, derived, fromEnvironment, type DefaultScope, type SectionHandle, type StackRegion } from "./defaults";
export { ENVIRONMENTS, isEnvironment, type Environment, type EnvironmentFacts } from "./environment";
export { choice, decimal, flag, group, integer, list, map, text, type GroupValue, type ValueOf } from "./setting";
export {
  listSection,
  optionalSection,
  regionalSection,
  section,
  type CheckScope,
  type Problem,
  type Section,
  type SettingProblem,
  type StackProblem,
} from "./section";

/** The resolved value of a section. */
export type SectionValue<S> = S extends import("./section").Section<infer V, string> ? V : never;

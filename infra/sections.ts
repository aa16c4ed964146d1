/**
 * Every config section of a stack file, in the order the schema and the reference list them: the
 * stack's own keys first, then each component's sections in catalog order (components/catalog.ts).
 * The config engine reads this list and nothing else; a new component adds its sections to its
 * catalog entry.
 */
import { COMPONENTS, type ComponentSection } from "../components/catalog";
import type { Section, SectionValue } from "../components/lib/settings";
import { stackSection, type StackValues } from "./stackSettings";

/** The validated stack config with every default applied: the stack's own keys and one entry per section. */
export type BlueprintConfig = StackValues & { readonly [S in ComponentSection as S["key"]]: SectionValue<S> };

/** The sections as the engine takes them. */
export const ENGINE_SECTIONS: readonly Section<unknown, string>[] = [
  stackSection,
  ...COMPONENTS.flatMap((component): readonly Section<unknown, string>[] => component.settings as readonly Section<unknown, string>[]),
];

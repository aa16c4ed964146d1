/**
 * The look-up the plan engine builds once from the catalog: every declared type's facts and every
 * invoke's mock, by token, with the component that declared it. A type or invoke claimed twice is
 * an error, so each fact has exactly one home.
 */
import type { ComponentPlanFacts, TypeFacts } from "./facts";
import type { InvokeMock } from "./mock";

/** A declared type and the component that declares it. */
export interface DeclaredType {
  readonly component: string;
  readonly facts: TypeFacts;
}

/** A declared invoke mock and the component that calls the invoke. */
export interface DeclaredInvoke {
  readonly component: string;
  readonly mock: InvokeMock;
}

/** The index. */
export interface FactIndex {
  /** The components' facts, in catalog order (the order the diagram draws arrows in, per pass). */
  readonly components: readonly ComponentPlanFacts[];
  readonly types: ReadonlyMap<string, DeclaredType>;
  readonly invokes: ReadonlyMap<string, DeclaredInvoke>;
  /** The facts of a type, or undefined when no component declares it. */
  facts(type: string): TypeFacts | undefined;
  /** The mock of an invoke, or undefined when no component declares it. */
  invoke(token: string): InvokeMock | undefined;
}

/** Two declarations of the same type, invoke or component. */
export class DuplicateFactsError extends Error {
  override readonly name = "DuplicateFactsError";
}

const where = (component: string) => (component === "shared" ? "components/lib/plan (shared)" : `components/${component}`);

/** Builds the index; throws a DuplicateFactsError when two declarations claim the same token. */
export function buildFactIndex(components: readonly ComponentPlanFacts[]): FactIndex {
  const names = new Set<string>();
  const types = new Map<string, DeclaredType>();
  const invokes = new Map<string, DeclaredInvoke>();
  for (const declaration of components) {
    if (names.has(declaration.component)) throw new DuplicateFactsError(`The component ${declaration.component} declares plan facts twice`);
    names.add(declaration.component);
    for (const facts of declaration.types) {
      const claimed = types.get(facts.type);
      if (claimed) {
        throw new DuplicateFactsError(
          claimed.component === declaration.component
            ? `${where(declaration.component)} declares the plan facts of ${facts.type} twice`
            : `Two components claim the type ${facts.type}: ${where(claimed.component)} and ${where(declaration.component)}. ` +
                "Declare a type once: in the component that creates it, or in components/lib/plan/sharedTypes.ts when several do",
        );
      }
      types.set(facts.type, { component: declaration.component, facts });
    }
    for (const [token, mock] of Object.entries(declaration.invokes ?? {})) {
      const claimed = invokes.get(token);
      if (claimed) {
        throw new DuplicateFactsError(
          `Two components claim the invoke ${token}: ${where(claimed.component)} and ${where(declaration.component)}. ` +
            "Declare an invoke once: in the component that calls it, or in components/lib/plan/sharedTypes.ts when several do",
        );
      }
      invokes.set(token, { component: declaration.component, mock });
    }
  }
  return {
    components,
    types,
    invokes,
    facts: (type) => types.get(type)?.facts,
    invoke: (token) => invokes.get(token)?.mock,
  };
}

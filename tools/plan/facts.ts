/**
 * The plan facts of every type and invoke the blueprint's components declare (components/catalog.ts),
 * indexed once by token. The engine looks every type up here; it knows no type itself.
 */
import { PLAN_FACTS } from "../../components/catalog";
import { buildFactIndex, type FactIndex } from "../../components/lib/plan/factIndex";

/** The index of the catalog. */
export const FACTS: FactIndex = buildFactIndex(PLAN_FACTS);

/**
 * The estimated duration of a from-scratch `pulumi up`, from the recorded dependency graph and the
 * creation time each type's plan facts give (components/<name>/plan.ts). The engine creates a resource as soon as everything it
 * depends on exists, so the duration is the longest chain of dependent creations:
 *
 * - a resource starts when the last of its `dependencies`, its `propertyDependencies` and (for a
 *   custom parent) its parent is done;
 * - a component is done when its children are (and, for a remote component like awsx's VPC that the
 *   plan records as one node, after its own creation time);
 * - every resource takes its type's creation time.
 *
 * Regions that do not depend on each other run side by side, so adding a region adds work (the
 * serial sum) but not time (the critical path).
 */
import type { PlanFile, PlannedResource } from "../planFile";
import { DEFAULT_CREATION_SECONDS } from "../../../components/lib/plan/creation";
import { planGraph, type PlanGraph } from "../../../components/lib/plan/planGraph";
import { FACTS } from "../facts";

/**
 * The estimated creation time of a resource, in seconds: its type's, else `DEFAULT_CREATION_SECONDS`
 * for a custom resource; a component takes none of its own (except a remote one such as awsx's VPC).
 */
export function creationSeconds(type: string, custom: boolean): number {
  if (!custom && !type.startsWith("awsx:")) return 0;
  return FACTS.facts(type)?.creation.seconds ?? DEFAULT_CREATION_SECONDS;
}

/** One resource on the critical path. */
export interface CriticalPathStep {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly region: string | null;
  /** Its estimated creation time. */
  readonly seconds: number;
  /** When it starts and is done, in seconds from the start of the update. */
  readonly startSeconds: number;
  readonly finishSeconds: number;
}

/** The estimate. */
export interface CriticalPath {
  /** Estimated wall-clock duration: the end of the longest chain. */
  readonly totalSeconds: number;
  /** Sum of every resource's creation time: the duration if nothing ran in parallel. */
  readonly serialSeconds: number;
  /** `serialSeconds - totalSeconds`: what parallel creation saves. */
  readonly savedSeconds: number;
  /** The chain that sets the duration, in creation order (resources that take time only). */
  readonly steps: readonly CriticalPathStep[];
}

interface Timing {
  readonly start: number;
  readonly finish: number;
  /** The URN whose completion decided this one's finish (a dependency, or a child of a component). */
  readonly via: string | undefined;
}

/** Estimates the from-scratch duration of a plan's resources. */
export function criticalPath(plan: Pick<PlanFile, "resources">): CriticalPath {
  const graph = planGraph(plan);
  const timings = new Map<string, Timing>();
  const inProgress = new Set<string>();

  const isAncestor = (candidate: string, of: PlannedResource): boolean => {
    for (let parent = of.parent; parent !== null; parent = graph.byUrn.get(parent)?.parent ?? null) if (parent === candidate) return true;
    return false;
  };

  const timingOf = (urn: string): Timing => {
    const known = timings.get(urn);
    if (known) return known;
    const resource = graph.byUrn.get(urn);
    // A dependency outside the plan (or a cycle back into a resource being computed) adds no time.
    if (!resource || inProgress.has(urn)) return { start: 0, finish: 0, via: undefined };
    inProgress.add(urn);
    const timing = computeTiming(graph, resource, timingOf, isAncestor);
    inProgress.delete(urn);
    timings.set(urn, timing);
    return timing;
  };

  let last: PlannedResource | undefined;
  let totalSeconds = 0;
  let serialSeconds = 0;
  for (const resource of graph.resources) {
    const timing = timingOf(resource.urn);
    serialSeconds += creationSeconds(resource.type, resource.custom);
    if (last === undefined || timing.finish > totalSeconds) {
      totalSeconds = timing.finish;
      last = resource;
    }
  }
  return { totalSeconds, serialSeconds, savedSeconds: serialSeconds - totalSeconds, steps: last ? chain(graph, last.urn, timingOf) : [] };
}

function computeTiming(
  graph: PlanGraph,
  resource: PlannedResource,
  timingOf: (urn: string) => Timing,
  isAncestor: (candidate: string, of: PlannedResource) => boolean,
): Timing {
  const waitsFor = [...graph.dependenciesOf(resource)].filter((urn) => !isAncestor(urn, resource));
  const parent = resource.parent !== null ? graph.byUrn.get(resource.parent) : undefined;
  // A child of a custom resource needs its parent's URN, which the engine returns once the parent exists.
  if (parent?.custom) waitsFor.push(parent.urn);
  let start = 0;
  let via: string | undefined;
  for (const urn of waitsFor) {
    const dependency = graph.byUrn.get(urn);
    // Depending on one of its own descendants would be a cycle: the engine would not accept it.
    if (dependency && isAncestor(resource.urn, dependency)) continue;
    const finish = timingOf(urn).finish;
    if (finish > start) {
      start = finish;
      via = urn;
    }
  }
  let finish = start + creationSeconds(resource.type, resource.custom);
  if (!resource.custom) {
    for (const child of graph.children(resource.urn)) {
      const childFinish = timingOf(child.urn).finish;
      if (childFinish > finish) {
        finish = childFinish;
        via = child.urn;
      }
    }
  }
  return { start, finish, via };
}

/** Walks back from the last resource to the first along the deciding links. */
function chain(graph: PlanGraph, lastUrn: string, timingOf: (urn: string) => Timing): CriticalPathStep[] {
  const steps: CriticalPathStep[] = [];
  const seen = new Set<string>();
  for (let urn: string | undefined = lastUrn; urn !== undefined && !seen.has(urn); urn = timingOf(urn).via) {
    seen.add(urn);
    const resource = graph.byUrn.get(urn);
    if (!resource) break;
    const seconds = creationSeconds(resource.type, resource.custom);
    if (seconds === 0) continue;
    const timing = timingOf(urn);
    steps.push({
      urn,
      type: resource.type,
      name: resource.name,
      region: resource.region,
      seconds,
      startSeconds: timing.finish - seconds,
      finishSeconds: timing.finish,
    });
  }
  return steps.reverse();
}

/** A duration for people: `45 s`, `12 min`, `1 h 05 min`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

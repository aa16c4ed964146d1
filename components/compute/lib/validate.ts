/**
 * Argument checks of a ComputeTier: the Auto Scaling API's count rules, instance types of one
 * architecture, volume and refresh ranges.
 */
import { rangeProblem } from "../../lib/ranges";
import { instanceTypeArchitecture, MAX_INSTANCE_TYPES, type Architecture } from "./images";
import { ON_DEMAND_BASE_CAPACITY, PERCENT, ROOT_VOLUME_GIB } from "./limits";

/** Every problem of a tier's settings. */
export function computeArgProblems(args: {
  instanceTypes: readonly string[];
  architecture: Architecture;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  rootVolumeGiB: number;
  onDemandBaseCapacity: number;
  spotPercentage: number;
  instanceRefreshMinHealthyPercent: number;
  scaling: { kind: "web" | "worker"; queueNames?: readonly unknown[] };
}): string[] {
  const problems: string[] = [];
  if (args.instanceTypes.length < 1 || args.instanceTypes.length > MAX_INSTANCE_TYPES) {
    problems.push(`instanceTypes must list 1 to ${MAX_INSTANCE_TYPES} types, got ${args.instanceTypes.length}`);
  }
  const seen = new Set<string>();
  for (const instanceType of args.instanceTypes) {
    // each override is one type; the priority order would be ambiguous with a type twice
    if (seen.has(instanceType)) problems.push(`instanceTypes: ${instanceType} is listed twice`);
    seen.add(instanceType);
    const architecture = instanceTypeArchitecture(instanceType);
    if (typeof architecture !== "string") problems.push(`instanceTypes: ${instanceType} ${architecture.problem}`);
    else if (architecture !== args.architecture) problems.push(`instanceTypes: ${instanceType} runs ${architecture}, not ${args.architecture}`);
  }
  if (!(args.minSize <= args.desiredCapacity && args.desiredCapacity <= args.maxSize)) {
    problems.push(`capacity must satisfy minSize <= desiredCapacity <= maxSize, got ${args.minSize} <= ${args.desiredCapacity} <= ${args.maxSize}`);
  }
  if (args.minSize < 0 || args.maxSize < 1) problems.push("minSize must be 0 or more and maxSize 1 or more");
  const ranges = [
    rangeProblem("rootVolumeGiB", args.rootVolumeGiB, ROOT_VOLUME_GIB),
    rangeProblem("onDemandBaseCapacity", args.onDemandBaseCapacity, ON_DEMAND_BASE_CAPACITY),
    rangeProblem("spotPercentage", args.spotPercentage, PERCENT),
    rangeProblem("instanceRefreshMinHealthyPercent", args.instanceRefreshMinHealthyPercent, PERCENT),
  ];
  for (const problem of ranges) if (problem) problems.push(`${problem.field} ${problem.message}`);
  if (args.scaling.kind === "worker" && (args.scaling.queueNames?.length ?? 0) === 0) problems.push("a worker needs at least one queue to scale on");
  if (args.scaling.kind === "web" && args.minSize === 0) problems.push("the web tier needs minSize >= 1: the load balancer needs a healthy target");
  return problems;
}

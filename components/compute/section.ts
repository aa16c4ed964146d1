/**
 * `blueprint:web` and `blueprint:worker`: the two auto-scaling tiers, resolved per region, and the
 * Auto Scaling rules their values must satisfy (counts, instance types of one architecture, sizes,
 * the environment's Spot limit, a boot script without secrets), at the key each rule is about.
 */
import { healthCheckProblems } from "../loadbalancer/lib/listenerRules";
import { isRecord } from "../lib/guards";
import { rangeProblem, type FieldProblem } from "../lib/ranges";
import { regionalSection, type CheckScope, type Problem } from "../lib/settings";
import { instanceTypeArchitecture, MAX_INSTANCE_TYPES } from "./lib/images";
import {
  HEALTH_CHECK_GRACE_PERIOD_SECONDS,
  MAX_GROUP_SIZE,
  MAX_SPOT_PERCENTAGE,
  ON_DEMAND_BASE_CAPACITY,
  PERCENT,
  ROOT_VOLUME_GIB,
  TARGET_BACKLOG_PER_INSTANCE,
  TARGET_CPU_PERCENT,
  TARGET_REQUESTS_PER_INSTANCE,
} from "./lib/limits";
import { userDataProblems } from "./lib/userData";
import { webKeys, workerKeys, type TierSettings } from "./settings";

type Tier = "web" | "worker";

/** The `web` section of a stack file: one resolution per region. */
export const webSection = regionalSection("web", {
  description: "The stateless web tier on an auto-scaling group behind the load balancer.",
  keys: webKeys,
  showValues: true,
  check: (byRegion, scope, shared) => [
    ...tierProblems("web", byRegion, scope, shared),
    ...healthCheckProblems(shared.healthCheck).map((problem) => ({ field: `healthCheck.${problem.field}`, message: problem.message })),
    ...ranged([
      rangeProblem("healthCheckGracePeriodSeconds", shared.healthCheckGracePeriodSeconds, HEALTH_CHECK_GRACE_PERIOD_SECONDS, "seconds"),
      rangeProblem("targetRequestsPerInstance", shared.targetRequestsPerInstance, TARGET_REQUESTS_PER_INSTANCE),
      rangeProblem("targetCpuPercent", shared.targetCpuPercent, TARGET_CPU_PERCENT, "percent"),
    ]),
  ],
});

/** The `worker` section of a stack file: one resolution per region. */
export const workerSection = regionalSection("worker", {
  description: "The queue-driven worker tier on an auto-scaling group; scales on backlog per instance.",
  keys: workerKeys,
  showValues: true,
  check: (byRegion, scope, shared) => [
    ...tierProblems("worker", byRegion, scope, shared),
    ...ranged([rangeProblem("targetBacklogPerInstance", shared.targetBacklogPerInstance, TARGET_BACKLOG_PER_INSTANCE)]),
  ],
});

const ranged = (problems: ReadonlyArray<FieldProblem | undefined>): Problem[] => problems.filter((problem): problem is FieldProblem => problem !== undefined);

/** Every rule both tiers share. */
function tierProblems(tier: Tier, byRegion: Readonly<Record<string, TierSettings>>, scope: CheckScope, shared: TierSettings): Problem[] {
  const problems: Problem[] = [...instanceTypeProblems(tier, shared), ...countProblems(tier, byRegion, scope)];
  problems.push(
    ...ranged([
      rangeProblem("rootVolumeGiB", shared.rootVolumeGiB, ROOT_VOLUME_GIB, "GiB"),
      rangeProblem("instanceRefreshMinHealthyPercent", shared.instanceRefreshMinHealthyPercent, PERCENT, "percent"),
      rangeProblem("spot.onDemandBaseCapacity", shared.spot.onDemandBaseCapacity, ON_DEMAND_BASE_CAPACITY),
      rangeProblem("spot.spotPercentage", shared.spot.spotPercentage, PERCENT, "percent"),
    ]),
  );
  const limit = MAX_SPOT_PERCENTAGE[scope.environment];
  if (shared.spot.spotPercentage > limit && isRecord(scope.raw) && isRecord(scope.raw.spot)) {
    problems.push({
      field: "spot.spotPercentage",
      message: `is above ${scope.environment}'s limit of ${limit}; ${scope.environment} runs on demand so a Spot reclaim never removes capacity`,
    });
  }
  if (shared.userData !== undefined) problems.push(...userDataProblems(shared.userData).map((message) => ({ field: "userData", message })));
  return problems;
}

/** Instance types: 1 to the group's limit, no repeats, all of the tier's architecture. */
function instanceTypeProblems(key: Tier, tier: TierSettings): Problem[] {
  const problems: Problem[] = [];
  if (tier.instanceTypes.length === 0 || tier.instanceTypes.length > MAX_INSTANCE_TYPES) {
    problems.push({
      field: "instanceTypes",
      message: `lists ${tier.instanceTypes.length} types; list 1 to ${MAX_INSTANCE_TYPES} (an auto-scaling group's limit)`,
      // the count says it; the whole list would bury it
      showValue: false,
    });
  }
  const seen = new Set<string>();
  tier.instanceTypes.forEach((instanceType, index) => {
    const field = `instanceTypes.${index}`;
    if (seen.has(instanceType)) problems.push({ field, message: "is listed twice" });
    seen.add(instanceType);
    const architecture = instanceTypeArchitecture(instanceType);
    if (typeof architecture !== "string") {
      problems.push({ field, message: architecture.problem });
    } else if (architecture !== tier.architecture) {
      problems.push({
        field,
        message: `runs ${architecture} but the tier's architecture is ${tier.architecture}; every type must run the tier's AMI (set ${key}.architecture or pick ${tier.architecture} types)`,
      });
    }
  });
  return problems;
}

/**
 * Counts: reported once, against the first region where they break (they are the same elsewhere
 * except prod's per-AZ web minimum).
 */
function countProblems(tier: Tier, byRegion: Readonly<Record<string, TierSettings>>, scope: CheckScope): Problem[] {
  const waived = isRecord(scope.stack.resilienceWaiver);
  for (const region of scope.regions) {
    const capacity = byRegion[region.name];
    if (!capacity) continue;
    const problems: Problem[] = [];
    const { minSize, maxSize, desiredCapacity } = capacity;
    if (!Number.isInteger(minSize) || minSize < 0) problems.push({ field: "minSize", message: "must be a whole number, 0 or more" });
    if (!Number.isInteger(maxSize) || maxSize < 1 || maxSize > MAX_GROUP_SIZE)
      problems.push({ field: "maxSize", message: `must be a whole number from 1 to ${MAX_GROUP_SIZE}` });
    if (minSize > maxSize) {
      problems.push({ field: "minSize", message: `is above maxSize (${maxSize}); AWS requires minSize <= desiredCapacity <= maxSize` });
    } else if (desiredCapacity < minSize || desiredCapacity > maxSize) {
      problems.push({ field: "desiredCapacity", message: `must lie between minSize (${minSize}) and maxSize (${maxSize})` });
    }
    if (tier === "web" && minSize === 0) problems.push({ field: "minSize", message: "must be at least 1: the load balancer needs a healthy target" });
    if (tier === "worker" && minSize === 0 && scope.environment !== "dev") {
      problems.push({ field: "minSize", message: `may only be 0 in dev; ${scope.environment} keeps a worker running so queues drain without a cold start` });
    }
    if (tier === "web" && scope.environment === "prod" && minSize < region.azCount && !waived) {
      problems.push({
        field: "minSize",
        message: `is ${minSize}, below ${region.name}'s ${region.azCount} AZs; prod keeps an instance per AZ (or set resilienceWaiver.reason)`,
        showValue: false,
      });
    }
    if (problems.length > 0) return problems;
  }
  return [];
}

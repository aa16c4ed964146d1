/**
 * The settings of `blueprint:web` and `blueprint:worker`, the two auto-scaling tiers: type,
 * allowed values, default per environment and description, once. Both sections are resolved per
 * region, because prod's web minimum is one instance per AZ of the region.
 */
import { healthCheckSettings } from "../loadbalancer/settings";
import { byEnvironment, choice, derived, group, integer, list, text, type DefaultScope, type Environment, type GroupValue } from "../lib/settings";
import { ARCHITECTURES, MAX_INSTANCE_TYPES, OPERATING_SYSTEMS } from "./lib/images";
import {
  HEALTH_CHECK_GRACE_PERIOD_SECONDS,
  MAX_SPOT_PERCENTAGE,
  ON_DEMAND_BASE_CAPACITY,
  PERCENT,
  ROOT_VOLUME_GIB,
  TARGET_BACKLOG_PER_INSTANCE,
  TARGET_CPU_PERCENT,
  TARGET_REQUESTS_PER_INSTANCE,
} from "./lib/limits";
import { MAX_STACK_SCRIPT_BYTES } from "./lib/userData";

type PerEnvironment<T> = { readonly [E in Environment]: T };

/** A tier's sizing in each environment. */
interface TierDefaults {
  readonly instanceTypes: PerEnvironment<readonly string[]>;
  readonly minSize: Parameters<typeof byEnvironment<number>>[0];
  readonly maxSize: PerEnvironment<number>;
}

const GRAVITON_GENERAL_PURPOSE = ["m7g.large", "m6g.large"];
// burstable Graviton is enough for development
const GRAVITON_BURSTABLE = ["t4g.small", "t4g.medium"];

const WEB: TierDefaults = {
  instanceTypes: { dev: GRAVITON_BURSTABLE, staging: GRAVITON_GENERAL_PURPOSE, prod: GRAVITON_GENERAL_PURPOSE },
  // prod keeps at least one instance per AZ, so losing an AZ leaves capacity
  minSize: { dev: 1, staging: 2, prod: derived("one per AZ of the region", ({ region }) => region?.azCount ?? 1) },
  maxSize: { dev: 2, staging: 4, prod: 12 },
};

const WORKER: TierDefaults = {
  instanceTypes: { dev: GRAVITON_BURSTABLE, staging: GRAVITON_GENERAL_PURPOSE, prod: GRAVITON_GENERAL_PURPOSE },
  // dev may scale the workers to zero; elsewhere one keeps running so queues drain without a cold start
  minSize: { dev: 0, staging: 1, prod: 2 },
  maxSize: { dev: 2, staging: 4, prod: 12 },
};

const perEnvironmentText = (values: PerEnvironment<number>) => `dev ${values.dev}, staging ${values.staging}, prod ${values.prod}`;

/** The keys both tiers have. */
function tierKeys(defaults: TierDefaults) {
  return {
    instanceTypes: list(text({ description: "An EC2 instance type such as m7g.large.", required: true }), {
      description: "Instance types, in priority order, all of one architecture; several help Spot find capacity.",
      length: { min: 1, max: MAX_INSTANCE_TYPES },
      default: byEnvironment(defaults.instanceTypes),
    }),
    architecture: choice(ARCHITECTURES, { description: "CPU architecture of the AMI: arm64 (Graviton) or x86_64.", default: "arm64" }),
    os: choice(OPERATING_SYSTEMS, {
      description: "Operating system, resolved per region from AWS's (or Canonical's) public SSM parameter.",
      default: "al2023",
    }),
    minSize: integer({ description: "Fewest instances per region.", default: byEnvironment(defaults.minSize) }),
    maxSize: integer({
      description: "Most instances per region.",
      // a minimum written above the profile's maximum lifts the default maximum with it
      default: derived(`${perEnvironmentText(defaults.maxSize)}, or minSize when that is higher`, ({ environment, siblings }: DefaultScope) =>
        Math.max(defaults.maxSize[environment], typeof siblings.minSize === "number" ? siblings.minSize : 0),
      ),
    }),
    desiredCapacity: integer({
      description: "Instances at creation, between minSize and maxSize; the autoscaler owns it afterwards.",
      default: derived("minSize", ({ siblings }) => siblings.minSize as number),
    }),
    rootVolumeGiB: integer({ description: "Size of the encrypted gp3 root volume.", range: ROOT_VOLUME_GIB, unit: "GiB", default: 20 }),
    spot: group(
      {
        onDemandBaseCapacity: integer({ description: "Instances always on demand before Spot is used.", range: ON_DEMAND_BASE_CAPACITY, default: 0 }),
        spotPercentage: integer({
          description: `Share of the capacity above the base that runs on Spot, at most the environment's limit (${perEnvironmentText(MAX_SPOT_PERCENTAGE)}).`,
          range: PERCENT,
          unit: "percent",
          default: byEnvironment({ dev: 100, staging: 0, prod: 0 }),
        }),
      },
      { description: "Spot/on-demand mix of the tier." },
    ),
    instanceRefreshMinHealthyPercent: integer({
      description: "Share of capacity kept in service while an instance refresh replaces instances.",
      range: PERCENT,
      unit: "percent",
      default: 90,
    }),
    userData: text({
      description: `Shell script run at boot after the blueprint's own bootstrap (which writes the region's endpoints to /etc/blueprint/env), at most ${MAX_STACK_SCRIPT_BYTES} bytes. Never put secrets here; read them from Secrets Manager.`,
      optional: true,
    }),
  };
}

/** The keys of `blueprint:web`. */
export const webKeys = {
  ...tierKeys(WEB),
  healthCheck: healthCheckSettings,
  healthCheckGracePeriodSeconds: integer({
    description: "Seconds after launch before failed health checks replace an instance.",
    range: HEALTH_CHECK_GRACE_PERIOD_SECONDS,
    unit: "seconds",
    default: 300,
  }),
  targetRequestsPerInstance: integer({
    description: "Target-tracking goal: load balancer requests per instance per minute.",
    range: TARGET_REQUESTS_PER_INSTANCE,
    default: 1000,
  }),
  targetCpuPercent: integer({ description: "Target-tracking goal: average CPU.", range: TARGET_CPU_PERCENT, unit: "percent", default: 60 }),
};

/** The keys of `blueprint:worker`. */
export const workerKeys = {
  ...tierKeys(WORKER),
  targetBacklogPerInstance: integer({
    description: "Target-tracking goal: visible messages per in-service instance.",
    range: TARGET_BACKLOG_PER_INSTANCE,
    default: 100,
  }),
};

/** One region's web tier after defaults. */
export type WebSettings = GroupValue<typeof webKeys>;

/** One region's worker tier after defaults. */
export type WorkerSettings = GroupValue<typeof workerKeys>;

/** What both tiers have. */
export type TierSettings = GroupValue<ReturnType<typeof tierKeys>>;

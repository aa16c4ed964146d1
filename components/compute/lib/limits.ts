/**
 * The Auto Scaling and scaling-policy limits on a tier's settings, as constants that the settings'
 * declarations, the config rules and the component's own argument checks all read. `[volatile]`
 *
 * @see https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
 * @see https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html
 */
import type { Environment } from "../../lib/settings";
import type { IntegerRange } from "../../lib/ranges";
import { MAX_ROOT_VOLUME_GIB, MIN_ROOT_VOLUME_GIB } from "./images";

/** Most instances of one group (the account's default quota is higher; 1000 keeps plans sane). */
export const MAX_GROUP_SIZE = 1000;
/** The encrypted gp3 root volume. */
export const ROOT_VOLUME_GIB: IntegerRange = { min: MIN_ROOT_VOLUME_GIB, max: MAX_ROOT_VOLUME_GIB };
/** Instances always on demand before Spot is used. */
export const ON_DEMAND_BASE_CAPACITY: IntegerRange = { min: 0, max: MAX_GROUP_SIZE };
/** A share of capacity. */
export const PERCENT: IntegerRange = { min: 0, max: 100 };
/** Seconds after launch before failed health checks replace an instance. */
export const HEALTH_CHECK_GRACE_PERIOD_SECONDS: IntegerRange = { min: 0, max: 7200 };
/** Target-tracking goal of the web tier: requests per instance per minute. */
export const TARGET_REQUESTS_PER_INSTANCE: IntegerRange = { min: 1, max: 1_000_000 };
/** Target-tracking goal of the web tier: average CPU. */
export const TARGET_CPU_PERCENT: IntegerRange = { min: 10, max: 90 };
/** Target-tracking goal of the worker tier: visible messages per in-service instance. */
export const TARGET_BACKLOG_PER_INSTANCE: IntegerRange = { min: 1, max: 1_000_000 };

/** Most Spot a tier may use: prod runs on demand only, so that a Spot reclaim never removes capacity. */
export const MAX_SPOT_PERCENTAGE: Readonly<Record<Environment, number>> = { dev: 100, staging: 100, prod: 0 };

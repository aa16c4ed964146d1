/**
 * The settings of `blueprint:resilience`: zonal autoshift of the load balancers and the Region
 * switch plan's targets. Type, allowed values, default per environment and description, once.
 */
import { byEnvironment, flag, integer, type GroupValue } from "../lib/settings";

/** Minutes the Region switch plan's timings may take (one day at most: a switchover is an hour's work). */
const MINUTES = { min: 1, max: 1440 } as const;

/** The keys of `blueprint:resilience`. */
export const resilienceKeys = {
  zonalAutoshift: flag({
    description:
      "ARC zonal autoshift on every load balancer: AWS moves traffic off an AZ it sees impaired, and runs weekly practice runs that the region's health alarms judge and block (zonal shift itself is always on).",
    default: byEnvironment({ dev: false, staging: false, prod: true }),
  }),
  switchoverRecoveryTimeMinutes: integer({
    description:
      "The recovery time objective of the Region switch plan: ARC reports each execution against it (scaling up takes up to 30 minutes, the database switchover minutes).",
    range: MINUTES,
    unit: "minutes",
    default: 60,
  }),
  switchoverApprovalMinutes: integer({
    description: "How long a Region switch plan execution waits for its approval before it fails.",
    range: MINUTES,
    unit: "minutes",
    default: 60,
  }),
};

/** The resilience settings after defaults. */
export type ResilienceSettings = GroupValue<typeof resilienceKeys>;

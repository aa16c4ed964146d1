/**
 * The settings of `blueprint:resilience`: zonal autoshift of the load balancers and the Region
 * switch plan's targets. Type, allowed values, default per environment and description, once.
 */
import { byEnvironment, flag, integer, text, type GroupValue } from "../lib/settings";

/** Minutes the Region switch plan's timings may take (one day at most: a switchover is an hour's work). */
const MINUTES = { min: 1, max: 1440 } as const;

/** The keys of `blueprint:resilience`. */
export const resilienceKeys = {
  zonalAutoshift: flag({
    description:
      "ARC zonal autoshift on every load balancer: AWS moves traffic off an AZ it sees impaired, and runs weekly practice runs that the region's health alarms judge and block (zonal shift itself is always on).",
    default: byEnvironment({ dev: false, staging: false, prod: true }),
  }),
  drills: flag({
    description:
      "Declare the region-scale AWS FIS drills in every region: isolate-region (cut the tiers' subnets off from the writer's region) and, where the static bucket lives, pause-static-replication. Templates run only when someone starts them; the region's health alarms stop them.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  drillDuration: text({ description: "How long each drill disrupts, an ISO 8601 duration from PT1M to PT12H.", default: "PT10M" }),
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

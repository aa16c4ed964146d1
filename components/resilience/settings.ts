/**
 * The settings of `blueprint:resilience`: zonal autoshift of the load balancers and the Region
 * switch plan's targets. Type, allowed values, default per environment and description, once.
 */
import { byEnvironment, flag, integer, text, type GroupValue } from "../lib/settings";
import { DRILL_SCHEDULE_OFF, DRILL_SETTLE_MINUTES } from "./lib/drillSchedule";

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
      "Declare the region-scale AWS FIS drills in every region: isolate-region (cut the tiers' subnets off from the writer's region), az-power-interruption (FIS's AZ power-interruption scenario in powerInterruptionZone) and, where the static bucket lives, pause-static-replication. Templates run when someone starts them or on drillSchedule; the region's health alarms stop them.",
    default: byEnvironment({ dev: false, staging: true, prod: true }),
  }),
  drillDuration: text({ description: "How long each drill disrupts, an ISO 8601 duration from PT1M to PT12H.", default: "PT10M" }),
  powerInterruptionZone: text({
    description:
      "The letter of the AZ whose power az-power-interruption cuts in every region (a for us-east-1a, eu-west-1a...): the tiers' instances there stop, launches there fail, its subnets lose connectivity, and the writer and the cache primary fail over when they are there. It must be one of every region's AZs.",
    default: "a",
  }),
  drillSchedule: text({
    description: `When EventBridge Scheduler starts the drills on its own: cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss), in UTC, or ${DRILL_SCHEDULE_OFF}. The first drill starts then and each next one a slot later (its duration plus ${DRILL_SETTLE_MINUTES} minutes), so that only one runs at a time.`,
    default: byEnvironment({ dev: DRILL_SCHEDULE_OFF, staging: "cron(0 14 ? * TUE *)", prod: DRILL_SCHEDULE_OFF }),
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

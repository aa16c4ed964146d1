/**
 * The settings of `blueprint:alarms`: the regional alarms' thresholds and where they notify, once.
 */
import { decimal, integer, text, type GroupValue } from "../lib/settings";

/** The keys of `blueprint:alarms`. */
export const alarmsKeys = {
  email: text({
    description: "Address subscribed to every region's alarm topic (confirm the subscription mail).",
    optional: true,
    absentMeans: "none (no subscription)",
  }),
  alb5xxPercent: decimal({
    description: "Alarm when 5xx responses exceed this share of requests.",
    range: { min: 0.1, max: 100 },
    unit: "percent",
    default: 5,
  }),
  targetResponseP99Seconds: decimal({
    description: "Alarm when the web tier's p99 response time exceeds this.",
    range: { min: 0.01, max: 60 },
    unit: "seconds",
    default: 2,
  }),
  queueOldestMessageAgeSeconds: integer({
    description:
      "Alarm when a queue's oldest message is older than this; 60 or more and below every queue's retention (messages expire before a later alarm could fire).",
    unit: "seconds",
    default: 900,
  }),
};

/** The alarm settings after defaults. */
export type AlarmsSettings = GroupValue<typeof alarmsKeys>;

/** The regional alarms' thresholds. */
export type AlarmThresholds = Omit<AlarmsSettings, "email">;

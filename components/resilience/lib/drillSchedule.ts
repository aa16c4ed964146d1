/**
 * When the drills run on their own: an EventBridge Scheduler expression (`blueprint:resilience.drillSchedule`)
 * and the stagger that keeps two drills from overlapping. Pure.
 *
 * Scheduler takes `cron(minutes hours day-of-month month day-of-week year)` (six fields, one of
 * the two day fields `?`), `rate(value unit)` and `at(yyyy-mm-ddThh:mm:ss)`. A stack has several
 * drill templates (each region's, and the static bucket's), and only one may run at a time: two
 * at once would mix their effects in the alarms that judge them, and one drill's stop alarm would
 * stop the other. So the n-th template starts `n × slot` minutes after the expression's time,
 * the slot being the drill's duration plus time to settle. A `rate(...)` has no time of day to
 * offset, so it serves one template only.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */

/** The value that turns scheduling off. */
export const DRILL_SCHEDULE_OFF = "off";

/** Minutes after a drill's disruption ends before the next one starts (alarms return to OK, groups refill). */
export const DRILL_SETTLE_MINUTES = 20;

const CRON = /^cron\((\S+) (\S+) (\S+) (\S+) (\S+) (\S+)\)$/;
const RATE = /^rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\)$/;
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;

/** Why `expression` is not a Scheduler expression, or undefined. */
export function scheduleExpressionProblem(expression: string): string | undefined {
  if (expression === DRILL_SCHEDULE_OFF) return undefined;
  const cron = CRON.exec(expression);
  if (cron) {
    const [, , , dayOfMonth, , dayOfWeek] = cron;
    if ((dayOfMonth === "?") === (dayOfWeek === "?"))
      return `"${expression}" must set exactly one of day-of-month and day-of-week to ? (EventBridge Scheduler refuses both or neither)`;
    return undefined;
  }
  if (RATE.test(expression)) {
    const [, value, unit] = RATE.exec(expression)!;
    if ((value === "1") !== !unit.endsWith("s"))
      return `"${expression}" must use a singular unit for 1 and a plural one otherwise, e.g. rate(1 day), rate(7 days)`;
    return undefined;
  }
  if (AT.test(expression)) return undefined;
  return `"${expression}" is not an EventBridge Scheduler expression; write cron(minutes hours day-of-month month day-of-week year) with six fields, rate(value unit), at(yyyy-mm-ddThh:mm:ss), or ${DRILL_SCHEDULE_OFF}`;
}

/** Minutes between two drills' starts: the disruption, then time to settle. */
export function drillSlotMinutes(durationSeconds: number): number {
  return Math.ceil(durationSeconds / 60) + DRILL_SETTLE_MINUTES;
}

/**
 * The expression of the `index`-th drill, `index × slot` minutes after `expression`, or a problem
 * when it cannot be staggered: a `rate(...)` for more than one drill, a cron whose minutes and
 * hours are not single numbers, or a stagger that runs past midnight (into another day's fields).
 */
export function staggeredExpression(expression: string, index: number, slotMinutes: number): { expression: string } | { problem: string } {
  const offset = index * slotMinutes;
  if (offset === 0) return { expression };
  const cron = CRON.exec(expression);
  if (cron) {
    const [, minutes, hours, ...rest] = cron;
    if (!/^\d+$/.test(minutes) || !/^\d+$/.test(hours))
      return {
        problem: `"${expression}" must give its minutes and hours as single numbers so that the drills can run one after another, ${slotMinutes} minutes apart`,
      };
    const start = Number(hours) * 60 + Number(minutes) + offset;
    if (start >= 24 * 60) {
      // the latest first start that keeps the last drill before midnight
      const latest = 24 * 60 - 1 - offset;
      const advice =
        latest >= 0
          ? `start the first one at ${String(Math.floor(latest / 60)).padStart(2, "0")}:${String(latest % 60).padStart(2, "0")} UTC or earlier`
          : "no start time fits one day: shorten drillDuration or turn some drills off";
      return { problem: `"${expression}" starts too late: drill ${index + 1} would start ${offset} minutes later, after midnight; ${advice}` };
    }
    return { expression: `cron(${start % 60} ${Math.floor(start / 60)} ${rest.join(" ")})` };
  }
  const at = AT.exec(expression);
  if (at) {
    const [, y, mo, d, h, mi, s] = at.map<number>(Number);
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi + offset, s));
    return { expression: `at(${date.toISOString().slice(0, 19)})` };
  }
  return { problem: `"${expression}" cannot be staggered (a rate has no time of day) and the stack has more than one drill; use a cron(...) expression` };
}

/** Every problem of the schedule for `drillCount` drills of `durationSeconds` each; empty when valid or off. */
export function drillScheduleProblems(expression: string, drillCount: number, durationSeconds: number): string[] {
  const problem = scheduleExpressionProblem(expression);
  if (problem) return [problem];
  if (expression === DRILL_SCHEDULE_OFF || drillCount < 2) return [];
  const last = staggeredExpression(expression, drillCount - 1, drillSlotMinutes(durationSeconds));
  return "problem" in last ? [last.problem] : [];
}

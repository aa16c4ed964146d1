/**
 * The daily backup window and the weekly maintenance window of RDS and Aurora: their formats, the
 * 30-minute minimum and the rule that they must not overlap. RDS rejects a bad window only when
 * `pulumi up` calls CreateDBCluster / CreateDBInstance.
 *
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupWindow.html
 */

/** Shortest window RDS accepts, for both kinds. */
export const MIN_WINDOW_MINUTES = 30;

/** Days as RDS spells them in maintenance windows, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
const BACKUP_WINDOW = new RegExp(`^${TIME}-${TIME}$`);
const MAINTENANCE_WINDOW = new RegExp(`^(mon|tue|wed|thu|fri|sat|sun):${TIME}-(mon|tue|wed|thu|fri|sat|sun):${TIME}$`, "i");

/** A window as minute ranges of the week, `[start, end)`; one or two ranges (a wrap is split). */
type Ranges = ReadonlyArray<readonly [number, number]>;

/** A parsed window: its length and the minutes of the week it covers. */
export interface ParsedWindow {
  readonly minutes: number;
  readonly ranges: Ranges;
}

const at = (hours: string, minutes: string): number => Number(hours) * 60 + Number(minutes);

/** Splits `[start, start + length)` modulo `period` into non-wrapping ranges. */
function wrap(start: number, length: number, period: number): Ranges {
  const end = start + length;
  return end <= period
    ? [[start, end]]
    : [
        [start, period],
        [0, end - period],
      ];
}

/**
 * Parses a daily backup window `hh24:mi-hh24:mi` (UTC); a window may run past midnight. Returns a
 * problem text for a bad format or length.
 */
export function parseBackupWindow(window: string): ParsedWindow | { readonly problem: string } {
  const match = BACKUP_WINDOW.exec(window);
  if (!match) return { problem: `must be hh24:mi-hh24:mi in UTC, e.g. 03:00-04:00; got ${JSON.stringify(window)}` };
  const start = at(match[1], match[2]);
  const end = at(match[3], match[4]);
  const minutes = (end - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (minutes < MIN_WINDOW_MINUTES) {
    return { problem: `must last at least ${MIN_WINDOW_MINUTES} minutes; ${window} lasts ${minutes}` };
  }
  // The backup window repeats every day: cover each day of the week.
  const ranges = WEEKDAYS.flatMap((_, day) => wrap(day * MINUTES_PER_DAY + start, minutes, MINUTES_PER_WEEK));
  return { minutes, ranges };
}

/** Parses a weekly maintenance window `ddd:hh24:mi-ddd:hh24:mi` (UTC). */
export function parseMaintenanceWindow(window: string): ParsedWindow | { readonly problem: string } {
  const match = MAINTENANCE_WINDOW.exec(window);
  if (!match) {
    return {
      problem: `must be ddd:hh24:mi-ddd:hh24:mi in UTC with ddd one of ${WEEKDAYS.join(", ")}, e.g. sun:05:00-sun:06:00; got ${JSON.stringify(window)}`,
    };
  }
  const day = (name: string) => WEEKDAYS.indexOf(name.toLowerCase() as (typeof WEEKDAYS)[number]);
  const start = day(match[1]) * MINUTES_PER_DAY + at(match[2], match[3]);
  const end = day(match[4]) * MINUTES_PER_DAY + at(match[5], match[6]);
  const minutes = (end - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  if (minutes < MIN_WINDOW_MINUTES) {
    return { problem: `must last at least ${MIN_WINDOW_MINUTES} minutes; ${window} lasts ${minutes}` };
  }
  return { minutes, ranges: wrap(start, minutes, MINUTES_PER_WEEK) };
}

/** True when two windows share a minute of the week. */
export function windowsOverlap(a: ParsedWindow, b: ParsedWindow): boolean {
  return a.ranges.some(([aStart, aEnd]) => b.ranges.some(([bStart, bEnd]) => aStart < bEnd && bStart < aEnd));
}

/**
 * The daily snapshot window and the weekly maintenance window of a replication group.
 *
 * ElastiCache rejects a window shorter than 60 minutes ("Snapshot window must be at least 60
 * minutes") and a snapshot window that overlaps the maintenance window ("The snapshot window and
 * maintenance window must not overlap"), both only when `pulumi up` calls the API. Times are UTC.
 *
 * @see https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
 * @see https://github.com/hashicorp/terraform-provider-aws/pull/2153 (snapshot window minimum)
 * @see https://github.com/hashicorp/terraform/issues/17247 (window overlap)
 */

/** Shortest window ElastiCache accepts, for both windows. */
export const MIN_WINDOW_MINUTES = 60;

/** Days as ElastiCache spells them, in the order of a week starting on Sunday. */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

const TIME = "([01][0-9]|2[0-3]):([0-5][0-9])";
const DAILY = new RegExp(`^${TIME}-${TIME}$`);
const WEEKLY = new RegExp(`^(sun|mon|tue|wed|thu|fri|sat):${TIME}-(sun|mon|tue|wed|thu|fri|sat):${TIME}$`, "i");

/** A window as a start minute and a length (it may wrap past midnight or the end of the week). */
export interface Window {
  /** Minutes from 00:00 (daily) or from Sunday 00:00 (weekly). */
  readonly start: number;
  readonly minutes: number;
}

const minutesOf = (hours: string, minutes: string): number => Number(hours) * 60 + Number(minutes);
const dayIndex = (day: string): number => WEEKDAYS.indexOf(day.toLowerCase() as (typeof WEEKDAYS)[number]);

/** Parses `hh24:mi-hh24:mi` (UTC), or says why it cannot be used. */
export function parseDailyWindow(text: string): Window | { readonly problem: string } {
  const match = DAILY.exec(text);
  if (!match) return { problem: `${JSON.stringify(text)} is not a daily window; write hh24:mi-hh24:mi in UTC, e.g. "03:00-04:00"` };
  const start = minutesOf(match[1], match[2]);
  const minutes = (minutesOf(match[3], match[4]) - start + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  if (minutes < MIN_WINDOW_MINUTES) {
    return { problem: `${text} lasts ${minutes} minutes; ElastiCache needs a window of at least ${MIN_WINDOW_MINUTES} minutes` };
  }
  return { start, minutes };
}

/** Parses `ddd:hh24:mi-ddd:hh24:mi` (UTC), or says why it cannot be used. */
export function parseWeeklyWindow(text: string): Window | { readonly problem: string } {
  const match = WEEKLY.exec(text);
  if (!match) {
    return { problem: `${JSON.stringify(text)} is not a weekly window; write ddd:hh24:mi-ddd:hh24:mi in UTC, e.g. "sun:05:00-sun:06:00"` };
  }
  const start = dayIndex(match[1]) * MINUTES_PER_DAY + minutesOf(match[2], match[3]);
  const end = dayIndex(match[4]) * MINUTES_PER_DAY + minutesOf(match[5], match[6]);
  const minutes = (end - start + MINUTES_PER_WEEK) % MINUTES_PER_WEEK;
  if (minutes < MIN_WINDOW_MINUTES) {
    return { problem: `${text} lasts ${minutes} minutes; ElastiCache needs a window of at least ${MIN_WINDOW_MINUTES} minutes` };
  }
  return { start, minutes };
}

/** The half-open ranges a window covers within one week, split where it wraps. */
function weekRanges(start: number, minutes: number): Array<[number, number]> {
  const from = start % MINUTES_PER_WEEK;
  const to = from + minutes;
  return to <= MINUTES_PER_WEEK
    ? [[from, to]]
    : [
        [from, MINUTES_PER_WEEK],
        [0, to - MINUTES_PER_WEEK],
      ];
}

/**
 * True when the daily snapshot window, on any day of the week, shares a minute with the weekly
 * maintenance window (windows that only touch, one ending as the other starts, do not overlap).
 */
export function windowsOverlap(snapshot: Window, maintenance: Window): boolean {
  const maintenanceRanges = weekRanges(maintenance.start, maintenance.minutes);
  for (let day = 0; day < 7; day++) {
    for (const [a, b] of weekRanges(day * MINUTES_PER_DAY + snapshot.start, snapshot.minutes)) {
      if (maintenanceRanges.some(([c, d]) => a < d && c < b)) return true;
    }
  }
  return false;
}

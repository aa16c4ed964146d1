/**
 * Long changed values, shown around the change: cutting both at the same length would show the
 * same prefix twice and hide the difference.
 */

/** The JSON text of a value as the diff shows it; `(none)` when unset. */
export function valueText(value: unknown): string {
  return value === undefined ? "(none)" : JSON.stringify(value);
}

/** The index of the first character where the texts differ (the shorter length when one is a prefix of the other). */
export function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Characters of common prefix kept before the first difference, as a share of the width. */
const LEAD_SHARE = 1 / 3;

/**
 * Both values as text of at most `max` characters each. A side longer than `max` is cut to a
 * window that starts a third of the width before the first differing character (the same start
 * on both sides, so they line up), with `…` where text was left out at either end.
 */
export function changeWindows(before: unknown, after: unknown, max: number): [string, string] {
  const [a, b] = [valueText(before), valueText(after)];
  const at = firstDifference(a, b);
  const start = Math.max(0, at - Math.floor(max * LEAD_SHARE));
  return [window(a, start, max), window(b, start, max)];
}

function window(text: string, start: number, max: number): string {
  if (text.length <= max) return text;
  // Never start so late that the window is shorter than it could be.
  const from = Math.min(start, Math.max(0, text.length - (max - 1)));
  const lead = from > 0 ? "…" : "";
  const room = max - lead.length;
  if (text.length - from <= room) return `${lead}${text.slice(from)}`;
  return `${lead}${text.slice(from, from + room - 1)}…`;
}

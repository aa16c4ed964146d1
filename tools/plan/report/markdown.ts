/**
 * Small Markdown helpers for reports that are pasted into pull-request comments (GitHub's
 * CommonMark with the GFM table extension).
 */

/** One piece of a cell's text: a code span (kept verbatim) or plain text. */
interface Piece {
  readonly text: string;
  readonly code: boolean;
}

/**
 * Splits Markdown text into code spans and plain text the way CommonMark does: a run of N
 * backticks opens a span that the next run of exactly N backticks closes; a run with no such
 * closer is literal text.
 */
export function splitCodeSpans(text: string): Piece[] {
  const pieces: Piece[] = [];
  let plain = "";
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "`") {
      plain += text[i++];
      continue;
    }
    const open = runAt(text, i);
    let closeAt = -1;
    for (let j = i + open; j < text.length;) {
      if (text[j] !== "`") {
        j++;
        continue;
      }
      const run = runAt(text, j);
      if (run === open) {
        closeAt = j;
        break;
      }
      j += run;
    }
    if (closeAt < 0) {
      plain += text.slice(i, i + open);
      i += open;
      continue;
    }
    if (plain) pieces.push({ text: plain, code: false });
    plain = "";
    pieces.push({ text: text.slice(i, closeAt + open), code: true });
    i = closeAt + open;
  }
  if (plain) pieces.push({ text: plain, code: false });
  return pieces;
}

/** The length of the backtick run starting at `start`. */
function runAt(text: string, start: number): number {
  let end = start;
  while (text[end] === "`") end++;
  return end - start;
}

/**
 * Text safe in a table cell. Outside code spans a backslash is doubled (so `\\` in a JSON value
 * shows as written); inside them it is left alone, because CommonMark shows a code span's
 * backslashes literally. Every `|` becomes `\|`, also inside code spans: GFM splits the row before
 * parsing inlines and turns each `\|` back into `|` (cmark-gfm's unescape_pipes). Line breaks
 * become spaces.
 */
export function cell(text: string): string {
  return splitCodeSpans(text)
    .map((piece) => (piece.code ? piece.text : piece.text.replace(/\\/g, "\\\\")))
    .join("")
    .replace(/\|/g, "\\|")
    .replace(/[\r\n]+/g, " ");
}

/**
 * Inline code for any text: the fence is one backtick longer than the longest run of backticks
 * inside, and the text is padded with a space on each side where CommonMark would otherwise
 * misread it (it starts or ends with a backtick, or starts and ends with a space, which CommonMark
 * strips once). Line breaks become spaces, as CommonMark shows them in a code span anyway.
 */
export function code(text: string): string {
  const flat = text.replace(/\r\n|[\r\n]/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^`|`$/.test(flat) || (flat.startsWith(" ") && flat.endsWith(" ") && flat.trim() !== "") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A Markdown table; every cell is escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly ("l" | "r")[]): string[] {
  const separator = header.map((_, i) => (align?.[i] === "r" ? "---:" : "---"));
  return [`| ${header.map(cell).join(" | ")} |`, `| ${separator.join(" | ")} |`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}

/** A JSON value shortened for a table cell. */
export function shortJson(value: unknown, max = 120): string {
  const text = value === undefined ? "(none)" : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

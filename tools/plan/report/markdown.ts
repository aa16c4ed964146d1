/**
 * Small Markdown helpers for reports that are pasted into pull-request comments.
 */

/** Text safe in a table cell: no pipes or line breaks. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/** Inline code that survives backticks in the value. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${text.includes("`") ? ` ${text} ` : text}${fence}`;
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

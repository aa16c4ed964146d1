/**
 * Small Markdown pieces the generated references share: table cells that survive any value, and
 * tables.
 */

/**
 * A value safe inside a table cell: pipes escaped, `<` and `>` outside code spans as entities (so
 * that `<name>` is not taken for an HTML tag), line breaks as `<br>`.
 */
export function cell(text: string): string {
  const escaped = text
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("");
  return escaped.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** Inline code, with a fence long enough for backticks inside. */
export function code(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${fence === "``" ? ` ${text} ` : text}${fence}`;
}

/** A Markdown table; cells are escaped. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}

/**
 * `npm run render:comment -- [<comment.md>] [--out <dir>] [--width 780] [--min-px 10]`: draws a
 * pull-request comment (or report) the way GitHub shows it, in headless Chromium at the comment
 * column's width, and measures how tall the diagrams' text ends up: each Mermaid SVG is scaled
 * down to the column (`max-width: 100%`, as GitHub's viewer does), so a label's height on screen
 * is its font size times the SVG's rendered width over its viewBox width. Writes
 * `<out>/comment.html`, `<out>/comment.png` (the screenshot to look at) and
 * `<out>/measurements.json`, prints one line per diagram, and exits 1 when a diagram's smallest
 * text is under `--min-px`, 2 when no browser is installed.
 *
 * Without a file it renders plan/ci/comment.md. Not part of `npm test` (it needs Chromium:
 * Debian `apt-get install chromium`; CHROMIUM overrides the path).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { exitWhenDrained } from "../../lib/exit";
import { mermaidBlocks } from "./renderCheck";

/** One diagram's figures. */
export interface DiagramMeasure {
  readonly index: number;
  /** The SVG's own width (viewBox) and its width on the page, in px. */
  readonly viewBoxWidth: number;
  readonly renderedWidth: number;
  /** The smallest and largest label font size times the scale, in px on screen. */
  readonly minTextPx: number;
  readonly maxTextPx: number;
  readonly renderedHeight: number;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The comment as a page: Markdown text as preformatted paragraphs, each Mermaid block drawn in a column of `width` px. */
function page(bundle: string, markdown: string, width: number): string {
  const parts = markdown.split(/```mermaid\n[\s\S]*?\n```/);
  const diagrams = mermaidBlocks(markdown);
  const body = parts
    .map(
      (text, i) =>
        `<pre class="md">${escapeHtml(text.trim()).slice(0, 4000)}</pre>${i < diagrams.length ? `<pre class="mermaid">${escapeHtml(diagrams[i])}</pre>` : ""}`,
    )
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><script src="${bundle}"></script>
<style>body{margin:0;background:#fff;font:14px -apple-system,Segoe UI,sans-serif}main{width:${width}px;box-sizing:border-box}
pre.md{white-space:pre-wrap;font-size:12px;margin:4px 0;max-height:240px;overflow:hidden;color:#555}pre.mermaid{margin:8px 0}</style></head>
<body><main>${body}</main>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
mermaid.run({ querySelector: ".mermaid" }).then(() => {
  const result = [...document.querySelectorAll("pre.mermaid svg")].map((svg, index) => {
    const viewBoxWidth = svg.viewBox.baseVal.width;
    const rect = svg.getBoundingClientRect();
    const scale = rect.width / viewBoxWidth;
    const sizes = [...svg.querySelectorAll(".nodeLabel, .edgeLabel, .cluster-label span, text")]
      .filter((el) => (el.textContent || "").trim().length > 0)
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return { index, viewBoxWidth, renderedWidth: rect.width, renderedHeight: rect.height,
      minTextPx: Math.min(...sizes) * scale, maxTextPx: Math.max(...sizes) * scale };
  });
  document.body.setAttribute("data-measure", JSON.stringify(result));
}, (e) => document.body.setAttribute("data-measure", "error: " + e.message));</script></body></html>`;
}

function chromiumFlags(): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--hide-scrollbars",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
    `--user-data-dir=${mkdtempSync(join(tmpdir(), "chromium-"))}`,
    "--virtual-time-budget=20000",
  ];
}

function main(argv: string[]): number {
  const browser = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(browser)) {
    console.error(`No browser at ${browser}: install Debian's chromium (apt-get install chromium) or set CHROMIUM.`);
    return 2;
  }
  const option = (name: string, fallback: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : fallback);
  const outDir = resolve(option("--out", "bench-results/comment"));
  const width = Number(option("--width", "780"));
  const minPx = Number(option("--min-px", "10"));
  const file = argv.find((arg, i) => !arg.startsWith("--") && !argv[i - 1]?.startsWith("--")) ?? "plan/ci/comment.md";
  mkdirSync(outDir, { recursive: true });
  const bundle = `file://${createRequire(__filename).resolve("mermaid/dist/mermaid.min.js")}`;
  const html = join(outDir, "comment.html");
  writeFileSync(html, page(bundle, readFileSync(file, "utf8"), width));
  const dom = spawnSync(browser, [...chromiumFlags(), "--dump-dom", `file://${html}`], { encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  const state = /data-measure="([^"]*)"/.exec(dom.stdout ?? "")?.[1]?.replace(/&quot;/g, '"');
  if (state === undefined || state.startsWith("error")) {
    console.error(`Mermaid did not render ${file}: ${state ?? dom.stderr?.slice(0, 500)}`);
    return 1;
  }
  const measures = JSON.parse(state) as DiagramMeasure[];
  writeFileSync(join(outDir, "measurements.json"), `${JSON.stringify({ file, width, measures }, null, 2)}\n`);
  const height = Math.min(16_000, 400 + Math.ceil(measures.reduce((sum, m) => sum + m.renderedHeight + 300, 0)));
  spawnSync(browser, [...chromiumFlags(), `--window-size=${width},${height}`, `--screenshot=${join(outDir, "comment.png")}`, `file://${html}`], {
    timeout: 180_000,
  });
  let small = 0;
  for (const m of measures) {
    const ok = m.minTextPx >= minPx;
    if (!ok) small++;
    console.log(
      `diagram ${m.index + 1}: ${Math.round(m.viewBoxWidth)} px drawn, ${Math.round(m.renderedWidth)} px shown; text ${m.minTextPx.toFixed(1)}–${m.maxTextPx.toFixed(1)} px${ok ? "" : ` (under ${minPx} px)`}`,
    );
  }
  console.log(`screenshot: ${join(outDir, "comment.png")}`);
  return small > 0 ? 1 : 0;
}

if (require.main === module) void exitWhenDrained(main(process.argv.slice(2)));

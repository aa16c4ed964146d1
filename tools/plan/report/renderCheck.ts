/**
 * Renders report diagrams in a real browser, the way GitHub does: Mermaid's browser bundle draws
 * each diagram in headless Chromium, which writes a PNG to look at and the page's DOM, checked for
 * an SVG and for Mermaid's error box. Not part of `npm test` (CI has no browser); run by hand:
 *
 *   node --require tsx/cjs tools/plan/report/renderCheck.ts [plan/<stack>.md ...] [--regions 3,6] [--out <dir>]
 *
 * `--regions` adds the diagrams of generated stacks with that many regions (tools/plan/generatedStack.ts,
 * under a domain), planned in-process.
 *
 * Needs Chromium (Debian: `apt-get install chromium`; CHROMIUM overrides the path). Exit 0 when
 * every diagram rendered, 1 when one failed, 2 when no browser is installed.
 */
import { runCli } from "../../lib/exit";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { generatedStackFile } from "../generatedStack";
import { runProgram } from "../runProgram";
import { diagramModel } from "./diagramModel";
import { renderMermaid } from "./mermaid";

/** The ```mermaid blocks of a Markdown file. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]);
}

function page(bundle: string, diagram: string): string {
  const escaped = diagram.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html><html><head><meta charset="utf-8"><script src="${bundle}"></script></head>
<body style="margin:0;background:#fff"><pre class="mermaid">${escaped}</pre>
<script>mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
mermaid.run({ querySelector: ".mermaid" }).then(
  () => document.body.setAttribute("data-rendered", "ok"),
  (e) => document.body.setAttribute("data-rendered", "error: " + e.message));</script></body></html>`;
}

/** Renders one diagram; returns the problem, or undefined when it rendered. */
function render(browser: string, bundle: string, diagram: string, outDir: string, name: string): string | undefined {
  const html = join(outDir, `${name}.html`);
  writeFileSync(html, page(bundle, diagram));
  const flags = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
    `--user-data-dir=${mkdtempSync(join(tmpdir(), "chromium-"))}`,
    "--virtual-time-budget=15000",
  ];
  const dom = spawnSync(browser, [...flags, "--dump-dom", `file://${html}`], { encoding: "utf8", timeout: 120_000 });
  if (dom.status !== 0) return `chromium failed: ${dom.stderr.slice(0, 500)}`;
  const state = /data-rendered="([^"]*)"/.exec(dom.stdout)?.[1];
  if (state !== "ok") return `Mermaid did not render: ${state ?? "no result (timeout?)"}`;
  if (!/<svg[^>]*aria-roledescription="flowchart/.test(dom.stdout)) return "no flowchart SVG in the page";
  if (/Syntax error in text/.test(dom.stdout)) return "Mermaid drew its syntax-error box";
  writeFileSync(join(outDir, `${name}.svg.html`), dom.stdout);
  const [, width, height] = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(dom.stdout) ?? ["", "1600", "1200"];
  const size = (value: string) => Math.min(Math.max(Math.ceil(Number(value)) + 40, 600), 6000);
  const shot = spawnSync(browser, [...flags, `--window-size=${size(width)},${size(height)}`, `--screenshot=${join(outDir, `${name}.png`)}`, `file://${html}`], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return shot.status === 0 ? undefined : `screenshot failed: ${shot.stderr.slice(0, 500)}`;
}

async function main(argv: string[]): Promise<number> {
  const browser = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(browser)) {
    console.error(`No browser at ${browser}: install Debian's chromium (apt-get install chromium) or set CHROMIUM.`);
    return 2;
  }
  const outIndex = argv.indexOf("--out");
  const outDir = resolve(outIndex >= 0 ? argv[outIndex + 1] : "bench-results/render");
  mkdirSync(outDir, { recursive: true });
  const regionsIndex = argv.indexOf("--regions");
  const counts = regionsIndex >= 0 ? argv[regionsIndex + 1].split(",").map(Number) : [];
  const files = argv.filter((arg, i) => !arg.startsWith("--") && argv[i - 1] !== "--out" && argv[i - 1] !== "--regions");
  const diagrams: Array<[string, string]> = files.flatMap((file) =>
    mermaidBlocks(readFileSync(file, "utf8")).map((text, i): [string, string] => [`${basename(file, ".md")}-${i}`, text]),
  );
  for (const count of counts) {
    const { plan } = await runProgram(generatedStackFile(count, { domain: true }));
    diagrams.push([`regions-${count}`, renderMermaid(diagramModel(plan))]);
  }
  const bundle = `file://${createRequire(__filename).resolve("mermaid/dist/mermaid.min.js")}`;
  let failures = 0;
  for (const [name, text] of diagrams) {
    const problem = render(browser, bundle, text, outDir, name);
    if (problem) failures++;
    console.log(`${name}: ${problem ?? `rendered -> ${join(outDir, `${name}.png`)}`}`);
  }
  return failures > 0 ? 1 : 0;
}

if (require.main === module) void runCli(() => main(process.argv.slice(2)), 1);

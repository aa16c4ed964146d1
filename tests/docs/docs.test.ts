/**
 * The documentation as a reader meets it: the README stays a short front door that names the two
 * commands exactly and points to every docs page, and every relative link of README.md and
 * docs/*.md reaches a file (and, for `#anchor`, a heading of that file, as GitHub names it).
 */
import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

const README = "README.md";
const MAX_README_LINES = 250;
const COMMANDS = ["npm ci && npm run -s plan -- --all", "npm ci && npm test"];

/** The Markdown files whose links are checked: the README and every page under docs/. */
const PAGES = [
  README,
  ...readdirSync("docs")
    .filter((name) => name.endsWith(".md"))
    .map((name) => join("docs", name)),
];

/** The lines of a Markdown file outside fenced code blocks (``` or ~~~, any length). */
function proseLines(markdown: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker !== undefined) fence = marker;
    else if (fence !== undefined && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
      fence = undefined;
    else if (fence === undefined) lines.push(line);
  }
  return lines;
}

/** A heading's text as GitHub shows it: inline code, links and emphasis reduced to their words. */
function headingText(raw: string): string {
  return raw
    .replace(/`([^`]*)`/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, "$2")
    .trim();
}

/** GitHub's anchor of a heading (github-slugger): lowercase, punctuation dropped, spaces as hyphens. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a Markdown file's headings, with GitHub's -1, -2 … for repeated ones. */
function anchorsOf(path: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(readFileSync(path, "utf8"))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const base = slug(headingText(heading));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** The link targets of a Markdown file's prose (inline links and images; code spans left out). */
function linkTargets(path: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(readFileSync(path, "utf8"))) {
    const prose = line.replace(/`[^`]*`/g, "");
    for (const match of prose.matchAll(/!?\[(?:[^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(match[1]);
  }
  return targets;
}

/** A link that leaves the repository (a URL or a mail address) rather than naming a file. */
const isExternal = (target: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** The problem of one relative link of `page`, or undefined when it resolves. */
function linkProblem(page: string, target: string): string | undefined {
  const [file, anchor] = target.split("#", 2) as [string, string | undefined];
  const resolved = file === "" ? page : normalize(join(dirname(page), decodeURIComponent(file)));
  if (relative(".", resolved).startsWith("..")) return `${target} leaves the repository`;
  if (!existsSync(resolved)) return `${target}: ${resolved} does not exist`;
  if (anchor === undefined || anchor === "") return undefined;
  if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) return `${target}: an anchor into ${resolved}, which is not a Markdown file`;
  return anchorsOf(resolved).has(anchor.toLowerCase()) ? undefined : `${target}: ${resolved} has no heading #${anchor}`;
}

describe("the documentation", () => {
  const readme = readFileSync(README, "utf8");

  it(`keeps README.md a front door of at most ${MAX_README_LINES} lines`, () => {
    const lines = readme.endsWith("\n") ? readme.split("\n").length - 1 : readme.split("\n").length;
    assert.ok(lines <= MAX_README_LINES, `README.md has ${lines} lines; move reference material to docs/`);
  });

  it("names the two commands exactly, in a shell block", () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)\n```/g)].map((match) => match[1]);
    for (const command of COMMANDS) {
      assert.ok(
        blocks.some((block) => block.split("\n").some((line) => line.split("#")[0].trim() === command)),
        `README.md shows \`${command}\``,
      );
    }
  });

  it("names only npm scripts that package.json defines", () => {
    const scripts = Object.keys((JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts);
    const named = new Set(
      [...readme.matchAll(/npm (?:run (?:--silent )?)?([a-z][a-z:-]*[a-z]|[a-z])/g)]
        .map((match) => match[1])
        .filter((name) => !["ci", "run", "install"].includes(name)),
    );
    for (const name of named) assert.ok(scripts.includes(name), `README.md names npm ${name}, which package.json does not define`);
  });

  it("lists every docs page, docs/config.md included, under Where to read next", () => {
    const section = /\n## Where to read next\n([\s\S]*?)(?:\n## |$)/.exec(readme)?.[1];
    assert.ok(section, 'README.md has a "Where to read next" section');
    const listed = new Set(
      linkTargets(README)
        .filter((target) => section.includes(`](${target})`))
        .map((target) => normalize(target.split("#")[0])),
    );
    assert.ok(listed.has(join("docs", "config.md")), "Where to read next lists docs/config.md");
    for (const page of PAGES.filter((path) => path !== README)) assert.ok(listed.has(page), `Where to read next lists ${page}`);
  });

  for (const page of PAGES) {
    it(`${page}: every relative link reaches a file, and every #anchor a heading of it`, () => {
      const problems = linkTargets(page)
        .filter((target) => !isExternal(target))
        .map((target) => linkProblem(page, target))
        .filter((problem): problem is string => problem !== undefined);
      assert.deepEqual(problems, []);
    });
  }

  it("reads anchors as GitHub names them", () => {
    assert.equal(slug(headingText("Chaos experiments (AWS FIS)")), "chaos-experiments-aws-fis");
    assert.equal(slug(headingText("This repository's CI: `.ci/run`")), "this-repositorys-ci-cirun");
    assert.equal(slug(headingText("pull-request.yml")), "pull-requestyml");
    assert.equal(slug(headingText("Offline plan of stack `prod` (prod)")), "offline-plan-of-stack-prod-prod");
    assert.deepEqual(proseLines("a\n````markdown\n## not a heading\n```mermaid\nx\n```\n````\nb"), ["a", "b"]);
  });
});

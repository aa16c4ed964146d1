/**
 * The one pull-request comment of the offline plan, assembled from each stack's report and diff
 * within GitHub's size limit: every stack gets an equal budget, and its section keeps the most
 * important parts first (status, summary, cost delta, policy findings, data-loss and resilience
 * findings), then adds the full diff, the diagrams, the cost table and the full report while they
 * fit. What is left out is named, and the comment ends with a pointer to the full reports (the
 * run's artefact).
 */

/** GitHub refuses an issue comment body over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** What the assembled comment stays under: the limit less a margin for the marker and header edits. */
export const COMMENT_BUDGET = 64_000;
/** The marker that finds the workflow's comment again (the job edits the one comment carrying it). */
export const COMMENT_MARKER = "<!-- blueprint-offline-plan -->";
/** The workflow artefact that holds every plan file and report. */
export const ARTIFACT_NAME = "offline-plan";

/** One stack's inputs. */
export interface StackInput {
  readonly stack: string;
  /** How the stack compares with the base branch, in a few words (e.g. "new stack (no base plan)"). */
  readonly status: string;
  /** plan/<stack>.md, when the stack planned. */
  readonly report?: string;
  /** The diff's Markdown against the base plan, when there was a base. */
  readonly diff?: string;
  /** The cost line (range and delta against the base). */
  readonly costDelta?: string;
}

/** The whole comment's inputs. */
export interface CommentInput {
  /** The heading's status (e.g. "every stack planned, no mandatory policy violation"). */
  readonly planStatus: string;
  /** What was compared, e.g. "`abc1234` against `main`". @default none */
  readonly compared?: string;
  /** The run's URL, where the artefact is. @default none (the artefact is named only) */
  readonly runUrl?: string;
  readonly stacks: readonly StackInput[];
  /** Characters the comment must stay under. @default COMMENT_BUDGET */
  readonly budget?: number;
}

/** One part of a stack's section, in priority order; `label` names it when it is left out. */
interface Part {
  readonly label: string;
  /** The text, or how it reads given the labels of the parts kept before it. */
  readonly text: string | ((kept: ReadonlySet<string>) => string);
}

/** The report's `### <title>` section (up to the next level-3 heading), or undefined. */
export function reportSection(report: string, title: string): string | undefined {
  const lines = report.split("\n");
  const start = lines.findIndex((line) => line === `### ${title}` || line.startsWith(`### ${title} `));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, index) => index > start && /^#{1,3} /.test(line));
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join("\n")
    .trim();
}

/** The report's first paragraph after its heading (resources, regions, policy counts). */
export function reportSummary(report: string): string | undefined {
  const paragraphs = report.split(/\n\s*\n/);
  return paragraphs.find((paragraph) => !paragraph.startsWith("#") && paragraph.trim().length > 0)?.trim();
}

/**
 * The report's diagrams: the overview (one box per region and the global edge) and the regional
 * stamp, with the caption between them; everything from the first Mermaid block to the last one
 * before the first section. Undefined when the report draws none.
 */
export function reportDiagrams(report: string): string | undefined {
  const lines = report.split("\n");
  const end = lines.findIndex((line) => line.startsWith("### "));
  const head = lines.slice(0, end < 0 ? undefined : end);
  const first = head.indexOf("```mermaid");
  const last = head.lastIndexOf("```");
  return first >= 0 && last > first ? head.slice(first, last + 1).join("\n") : undefined;
}

/** The diff's findings: everything before its first collapsed table (counts, data loss, resilience). */
export function diffFindings(diff: string): string {
  const index = diff.indexOf("\n<details");
  return (index < 0 ? diff : diff.slice(0, index)).trim();
}

/** The label of the diagrams part. */
const DIAGRAMS = "the diagrams";

const collapsed = (summary: string, body: string) => `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;

/** A stack's parts, most important first. */
function parts(input: StackInput): { essential: string; optional: Part[] } {
  const report = input.report;
  const essential = [
    `### \`${input.stack}\`: ${input.status}`,
    "",
    report !== undefined ? (reportSummary(report) ?? "") : "_No report: the stack did not plan (see the run's log)._",
    ...(input.costDelta !== undefined ? ["", input.costDelta] : []),
  ].join("\n");
  const optional: Part[] = [];
  const policies = report !== undefined ? reportSection(report, "Policies") : undefined;
  if (policies !== undefined) optional.push({ label: "policy findings", text: policies });
  if (input.diff !== undefined) {
    const findings = diffFindings(input.diff);
    optional.push({ label: "data-loss and resilience findings", text: findings });
    if (findings.length < input.diff.trim().length)
      optional.push({ label: "the changed resources", text: collapsed("Changed resources", input.diff.slice(findings.length).trim()) });
  }
  // the diagrams open, at a size GitHub draws legibly: they are what a reviewer looks at first
  const diagrams = report !== undefined ? reportDiagrams(report) : undefined;
  if (diagrams !== undefined) optional.push({ label: DIAGRAMS, text: diagrams });
  const cost = report !== undefined ? reportSection(report, "Cost") : undefined;
  if (cost !== undefined) {
    // the cost line with the delta is already among the essentials
    const table = cost
      .replace(/^### Cost\n+/, "")
      .split("\n")
      .filter((line) => line !== input.costDelta)
      .join("\n")
      .replace(/\n{3,}/g, "\n\n");
    optional.push({ label: "the cost table", text: collapsed(`Cost of ${input.stack} per region`, table) });
  }
  // the full report without the cost line the essentials already show
  const fullReport = report
    ?.split("\n")
    .filter((line) => line !== input.costDelta)
    .join("\n");
  if (fullReport !== undefined)
    optional.push({
      label: "the long tables (full report)",
      // without the diagrams when they are shown above
      text: (kept) =>
        kept.has(DIAGRAMS) && diagrams !== undefined
          ? collapsed(
              `Full report of ${input.stack}: critical path, sections, resources, outputs`,
              fullReport.replace(diagrams, "_(the diagrams are above)_").trim(),
            )
          : collapsed(`Full report of ${input.stack}: diagrams, critical path, sections, resources, outputs`, fullReport.trim()),
    });
  return { essential, optional };
}

/** One stack's section within `budget` characters: essentials always, then each part while it fits. */
export function stackSection(input: StackInput, budget: number): string {
  const { essential, optional } = parts(input);
  const kept: string[] = [essential];
  const dropped: string[] = [];
  let used = essential.length;
  // a note of what was left out needs room too
  const reserve = 200;
  const keptLabels = new Set<string>();
  for (const part of optional) {
    const text = typeof part.text === "string" ? part.text : part.text(keptLabels);
    if (used + text.length + 2 + reserve <= budget) {
      kept.push(text);
      keptLabels.add(part.label);
      used += text.length + 2;
    } else {
      dropped.push(part.label);
    }
  }
  if (dropped.length > 0) kept.push(`_Left out for the comment's size: ${dropped.join(", ")}; the full report is in the \`${ARTIFACT_NAME}\` artefact._`);
  return kept.join("\n\n");
}

/** The whole comment, under the budget. */
export function assembleComment(input: CommentInput): string {
  const budget = input.budget ?? COMMENT_BUDGET;
  const where = input.runUrl !== undefined ? `the [\`${ARTIFACT_NAME}\` artefact of the run](${input.runUrl})` : `the \`${ARTIFACT_NAME}\` artefact of the run`;
  const head = [
    COMMENT_MARKER,
    `## Offline plan: ${input.planStatus}`,
    "",
    `${input.compared !== undefined ? `${input.compared}, planned` : "Planned"} without AWS credentials. Costs are list-price estimates from a dated snapshot.`,
    "",
    "| stack | against the base branch |",
    "|---|---|",
    ...input.stacks.map((stack) => `| \`${stack.stack}\` | ${stack.status} |`),
    "",
  ].join("\n");
  const foot = `\n---\nFull reports (plan/<stack>.md), plan files and diffs: ${where}.\n`;
  const perStack = Math.floor((budget - head.length - foot.length) / Math.max(1, input.stacks.length)) - 2;
  const body = `${head}\n${input.stacks.map((stack) => stackSection(stack, perStack)).join("\n\n")}\n${foot}`;
  // the budget holds by construction unless the essentials alone overflow (hundreds of stacks): cut, and say so
  if (body.length <= budget) return body;
  const cut = `\n\n_Cut at ${budget} characters; the rest is in ${where}._\n`;
  return body.slice(0, budget - cut.length) + cut;
}

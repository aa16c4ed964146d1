/**
 * `npm run plan -- comment`: reads what the pull-request workflow's plan job left (plan files,
 * reports, diffs, exit codes) and writes the one comment the comment job posts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseCommentArgs, COMMENT_USAGE, EXIT_CODES, UsageError } from "../args";
import { costDeltaLine } from "../cost/costSection";
import { planCost } from "../cost/planCost";
import type { PlanFile } from "../planFile";
import { assembleComment, type StackInput } from "./assemble";

type Writer = (line: string) => void;

const read = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, "utf8").trim() : undefined);

/** A plan file's resources and regions, or undefined when it is missing or not a plan. */
function readPlan(path: string): PlanFile | undefined {
  try {
    const plan = JSON.parse(readFileSync(path, "utf8")) as PlanFile;
    return Array.isArray(plan.resources) && Array.isArray(plan.regions) ? plan : undefined;
  } catch {
    return undefined;
  }
}

const PLAN_STATUS: Readonly<Record<string, string>> = {
  "0": "every stack planned, no mandatory policy violation",
  "1": "a stack failed to plan",
  "4": "mandatory policy violations",
};

const DIFF_STATUS: Readonly<Record<string, string>> = {
  "0": "no stateful resource deleted or replaced",
  "5": ":warning: **stateful resources deleted or replaced**",
  "6": ":warning: **a failure domain gets worse**",
  "no-base": "new stack (no base plan)",
  "plan-failed": ":x: planning failed",
};

/** The comment's inputs from the directories (the environment names the run and the commits). */
export function commentInputs(plans: string, base: string, ci: string, env: NodeJS.ProcessEnv = process.env) {
  const listed = read(join(ci, "stacks.txt"));
  const stacks =
    listed !== undefined
      ? listed.split("\n").filter(Boolean)
      : existsSync(plans)
        ? readdirSync(plans)
            .filter((file) => file.endsWith(".json"))
            .map((file) => file.slice(0, -".json".length))
            .sort()
        : [];
  const planExit = read(join(ci, "plan-exit"));
  const inputs: StackInput[] = stacks.map((stack) => {
    const diffExit = read(join(ci, `${stack}.diff-exit`));
    const head = readPlan(join(plans, `${stack}.json`));
    const basePlan = readPlan(join(base, `${stack}.json`));
    const report = read(join(plans, `${stack}.md`));
    const diff = read(join(ci, `${stack}.diff.md`));
    return {
      stack,
      status: diffExit === undefined ? (head ? "planned" : ":x: planning failed") : (DIFF_STATUS[diffExit] ?? `:x: diff failed (exit ${diffExit})`),
      ...(report !== undefined ? { report } : {}),
      ...(diff !== undefined ? { diff } : {}),
      ...(head ? { costDelta: costDeltaLine(planCost(head), basePlan ? planCost(basePlan) : undefined) } : {}),
    };
  });
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: run, HEAD_SHA: headSha, BASE_REF: baseRef, BASE_SHA: baseSha } = env;
  return {
    planStatus: planExit === undefined ? "planned" : (PLAN_STATUS[planExit] ?? `the plan tool failed (exit ${planExit})`),
    ...(headSha ? { compared: `\`${headSha.slice(0, 7)}\`${baseRef ? ` against \`${baseRef}\`${baseSha ? ` (\`${baseSha.slice(0, 7)}\`)` : ""}` : ""}` } : {}),
    ...(server && repository && run ? { runUrl: `${server}/${repository}/actions/runs/${run}` } : {}),
    stacks: inputs,
  };
}

/** Runs the subcommand; returns its exit code. */
export function commentMain(argv: readonly string[], out: Writer = console.log, err: Writer = console.error, env: NodeJS.ProcessEnv = process.env): number {
  let args;
  try {
    args = parseCommentArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${COMMENT_USAGE}`);
    return EXIT_CODES.usage;
  }
  if (args.help) {
    out(COMMENT_USAGE);
    return EXIT_CODES.ok;
  }
  const body = assembleComment(commentInputs(args.plans, args.base, args.ci, env));
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, body);
  out(`Comment written to ${args.out} (${body.length} characters)`);
  return EXIT_CODES.ok;
}

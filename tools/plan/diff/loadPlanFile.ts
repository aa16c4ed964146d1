/**
 * Reads a plan file given on the command line, with errors that name the file and say what is
 * expected instead of a stack trace.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { PlanFile } from "../planFile";

/** Thrown for a plan file that is missing, unreadable or not a plan. */
export class PlanFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanFileError";
  }
}

/** Loads and shape-checks `plan/<stack>.json` (version 1, as DESIGN.md describes it). */
export function loadPlanFile(path: string, flag: string): PlanFile {
  if (!existsSync(path)) throw new PlanFileError(`${flag} ${path}: no such file; give a plan file written by npm run plan (plan/<stack>.json)`);
  if (statSync(path).isDirectory()) throw new PlanFileError(`${flag} ${path}: is a directory; give a plan file (plan/<stack>.json)`);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new PlanFileError(`${flag} ${path}: is not valid JSON (${(error as Error).message}); give a plan file written by npm run plan`);
  }
  const problems = planShapeProblems(document);
  if (problems.length > 0) throw new PlanFileError(`${flag} ${path}: is not a plan file (${problems.join("; ")})`);
  return document as PlanFile;
}

/** What keeps a parsed document from being a version-1 plan file. */
export function planShapeProblems(document: unknown): string[] {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return ["expected a JSON object"];
  const plan = document as Record<string, unknown>;
  const problems: string[] = [];
  if (plan.version !== 1) problems.push(`version must be 1, got ${JSON.stringify(plan.version)}`);
  if (typeof plan.stack !== "string") problems.push("stack must be a string");
  if (!Array.isArray(plan.resources)) problems.push("resources must be a list");
  else {
    const bad = plan.resources.findIndex(
      (resource) =>
        resource === null ||
        typeof resource !== "object" ||
        typeof (resource as Record<string, unknown>).urn !== "string" ||
        typeof (resource as Record<string, unknown>).type !== "string" ||
        typeof (resource as Record<string, unknown>).inputs !== "object",
    );
    if (bad >= 0) problems.push(`resources[${bad}] needs urn, type and inputs`);
  }
  return problems;
}

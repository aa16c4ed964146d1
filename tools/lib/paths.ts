/**
 * Checks of the paths a CLI is given, run before any work so that a bad path is a usage error
 * (exit 2) naming its flag, never a stack trace after minutes of planning.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The nearest existing path at or above `path` (the root always exists). */
function nearestExisting(path: string): string {
  let current = resolve(path);
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return current;
}

const isDirectory = (path: string) => statSync(path).isDirectory();

/** Why `path` cannot be (or become, with `mkdir -p`) a directory to write in; undefined when it can. */
export function outputDirectoryProblem(flag: string, path: string): string | undefined {
  if (path.trim() === "") return `${flag} is empty; give a directory`;
  if (existsSync(path)) return isDirectory(path) ? undefined : `${flag} ${path} is a file; give a directory (it is created when missing)`;
  const ancestor = nearestExisting(path);
  return isDirectory(ancestor) ? undefined : `${flag} ${path} cannot be created: ${ancestor} is a file, not a directory`;
}

/** Why `path` cannot be written as a file (its directory is created when missing); undefined when it can. */
export function outputFileProblem(flag: string, path: string): string | undefined {
  if (path.trim() === "") return `${flag} is empty; give a file path`;
  if (existsSync(path)) return isDirectory(path) ? `${flag} ${path} is a directory; give a file path` : undefined;
  const ancestor = nearestExisting(dirname(path));
  return isDirectory(ancestor) ? undefined : `${flag} ${path} cannot be written: ${ancestor} is a file, not a directory`;
}

/** Why `path` is not an existing directory to read; undefined when it is. */
export function inputDirectoryProblem(flag: string, path: string): string | undefined {
  if (!existsSync(path)) return `${flag} ${path}: no such directory`;
  return isDirectory(path) ? undefined : `${flag} ${path} is a file; give a directory`;
}

/**
 * How every CLI ends: the exit code is set, then the process waits for stdout and stderr to drain
 * before it exits. `process.exit` right after writing cuts the output off when stdout is a pipe
 * (writes to pipes are asynchronous), so a long list of problems would be lost to `| head` or CI.
 */

/** Resolves once everything written to `stream` so far has been handed to the operating system. */
function drained(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    // an empty write's callback runs after every earlier write has been flushed
    else stream.write("", () => resolve());
  });
}

/**
 * Sets `process.exitCode` and exits once stdout and stderr have drained. The explicit exit after
 * draining is needed because the Pulumi runtime the plan loads can keep handles open.
 */
export async function exitWhenDrained(code: number): Promise<void> {
  process.exitCode = code;
  await Promise.all([drained(process.stdout), drained(process.stderr)]);
  process.exit(code);
}

/**
 * Runs a CLI's `main` as the process: exits with its code once the output has drained, or with
 * `crashCode` after printing the stack trace of an unexpected failure (a bug in the tool: the
 * trace is what a report of it needs). Every command-line entry point ends this way.
 */
export async function runCli(main: () => number | Promise<number>, crashCode: number): Promise<void> {
  let code: number;
  try {
    code = await main();
  } catch (error) {
    console.error(error);
    code = crashCode;
  }
  await exitWhenDrained(code);
}

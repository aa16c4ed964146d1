/**
 * Progress of a long command on stderr, so that stdout stays the result (a table, JSON) and a pipe
 * gets it whole: one line per finished step, `[2/7] stack prod: 1,234 resources (3.1 s)`. On a
 * terminal the step being worked on is shown too, on a line that the finished one overwrites; when
 * stderr is not a terminal (CI, a pipe, a file) nothing is ever overwritten, so every line is final.
 */
import { performance } from "node:perf_hooks";

/** Where progress goes: a stream's `write` and whether it is a terminal. */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Progress over a known number of steps. */
export interface Progress {
  /** Shows (on a terminal only) that a step has started. */
  start(label: string): void;
  /** Prints the finished step with its detail and the time since its start (or since the previous step). */
  done(label: string, detail: string): void;
}

/** Seconds with one decimal: `3.1 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Progress over `total` steps written to `sink` (stderr by default). */
export function createProgress(total: number, sink: ProgressSink = process.stderr, now: () => number = () => performance.now()): Progress {
  let finished = 0;
  let startedAt = now();
  let pending = false;
  const width = String(total).length;
  const counter = (n: number) => `[${String(n).padStart(width)}/${total}]`;
  return {
    start(label) {
      startedAt = now();
      if (!sink.isTTY) return;
      sink.write(`${counter(finished + 1)} ${label} …`);
      pending = true;
    },
    done(label, detail) {
      finished += 1;
      const elapsed = now() - startedAt;
      // erase the terminal's "working on" line before the final one
      if (pending) sink.write("\r\u001b[2K");
      pending = false;
      sink.write(`${counter(finished)} ${label}: ${detail} (${formatSeconds(elapsed)})\n`);
      startedAt = now();
    },
  };
}

import * as assert from "node:assert/strict";
import { createProgress, formatSeconds } from "../../../tools/lib/progress";

function sink(isTTY: boolean) {
  const written: string[] = [];
  return { written, sink: { isTTY, write: (text: string) => written.push(text) } };
}

describe("progress on stderr", () => {
  it("prints one final line per finished step with its time, and nothing else when not a terminal", () => {
    const clock = [0, 0, 3100, 3100, 3100, 4000];
    const { written, sink: s } = sink(false);
    const progress = createProgress(2, s, () => clock.shift()!);
    progress.start("stack dev");
    progress.done("stack dev", "120 resources");
    progress.start("stack prod");
    progress.done("stack prod", "900 resources");
    assert.deepEqual(written, ["[1/2] stack dev: 120 resources (3.1 s)\n", "[2/2] stack prod: 900 resources (0.9 s)\n"]);
  });

  it("on a terminal shows the running step and overwrites it with the finished line", () => {
    const { written, sink: s } = sink(true);
    const progress = createProgress(10, s, () => 0);
    progress.start("stack prod");
    progress.done("stack prod", "ok");
    assert.deepEqual(written, ["[ 1/10] stack prod …", "\r\u001b[2K", "[ 1/10] stack prod: ok (0.0 s)\n"]);
  });

  it("formats seconds with one decimal", () => {
    assert.equal(formatSeconds(97_049), "97.0 s");
  });
});

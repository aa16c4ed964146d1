import * as assert from "node:assert/strict";
import fc from "fast-check";
import { parseDailyWindow, parseWeeklyWindow, windowsOverlap, type Window } from "../../../../components/cache/lib/windows";

describe("cache windows", () => {
  it("reads windows that wrap past midnight and the end of the week", () => {
    assert.deepEqual(parseDailyWindow("23:30-00:30"), { start: 1410, minutes: 60 });
    assert.deepEqual(parseWeeklyWindow("sat:23:00-sun:01:00"), { start: 6 * 1440 + 1380, minutes: 120 });
    assert.deepEqual(parseWeeklyWindow("SUN:05:00-SUN:06:00"), { start: 300, minutes: 60 });
  });

  it("finds an overlap on any day, across midnight, and not when the windows only touch", () => {
    const maintenance = parseWeeklyWindow("wed:23:30-thu:00:40") as Window;
    assert.equal(windowsOverlap(parseDailyWindow("00:30-01:30") as Window, maintenance), true);
    assert.equal(windowsOverlap(parseDailyWindow("00:40-01:40") as Window, maintenance), false);
    assert.equal(windowsOverlap(parseDailyWindow("22:30-23:30") as Window, maintenance), false);
    assert.equal(windowsOverlap(parseDailyWindow("23:00-00:00") as Window, parseWeeklyWindow("sat:23:30-sun:00:30") as Window), true);
  });

  it("agrees with a minute-by-minute check (property)", () => {
    const minute = fc.integer({ min: 0, max: 1439 });
    fc.assert(
      fc.property(minute, fc.integer({ min: 60, max: 1439 }), fc.integer({ min: 0, max: 10_079 }), fc.integer({ min: 60, max: 1440 }), (s, sl, m, ml) => {
        const covered = new Set<number>();
        for (let day = 0; day < 7; day++) for (let i = 0; i < sl; i++) covered.add((day * 1440 + s + i) % 10_080);
        let brute = false;
        for (let i = 0; i < ml && !brute; i++) brute = covered.has((m + i) % 10_080);
        assert.equal(windowsOverlap({ start: s, minutes: sl }, { start: m, minutes: ml }), brute);
      }),
      { numRuns: 200 },
    );
  });
});

import * as assert from "node:assert/strict";
import { parseBackupWindow, parseMaintenanceWindow, windowsOverlap } from "../../../../components/database/lib/windows";

describe("database engines, windows and names", () => {
  it("parses windows, including across midnight and the week's end", () => {
    assert.equal((parseBackupWindow("23:30-00:15") as { minutes: number }).minutes, 45);
    assert.equal((parseMaintenanceWindow("sun:23:30-mon:00:30") as { minutes: number }).minutes, 60);
    const sunday = parseMaintenanceWindow("sun:23:30-mon:00:30") as any;
    assert.ok(windowsOverlap(sunday, parseBackupWindow("00:00-00:45") as any));
    assert.equal(windowsOverlap(parseMaintenanceWindow("sun:05:00-sun:06:00") as any, parseBackupWindow("03:00-04:00") as any), false);
    // a window ending where the other starts does not overlap
    assert.equal(windowsOverlap(parseMaintenanceWindow("sun:04:00-sun:05:00") as any, parseBackupWindow("03:00-04:00") as any), false);
  });
});

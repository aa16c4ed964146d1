import * as assert from "node:assert/strict";
import { coerceScalarsToText } from "../../../../components/lib/settings/coerce";
import { choice, flag, group, integer, list, map, text } from "../../../../components/lib/settings";
import type { AnySetting } from "../../../../components/lib/settings/setting";

describe("coerceScalarsToText", () => {
  const setting = group(
    {
      matcher: text({ description: "m", default: "200" }),
      mode: choice(["1", "2"], { description: "c", default: "1" }),
      count: integer({ description: "n", default: 1 }),
      enabled: flag({ description: "f", default: false }),
      tags: map(text({ description: "v", optional: true }), { description: "t", optional: true }),
      names: list(text({ description: "n", optional: true }), { description: "l", optional: true }),
      counts: list(integer({ description: "n", optional: true }), { description: "l", optional: true }),
    },
    { description: "g" },
  ) as unknown as AnySetting;

  it("turns numbers and booleans at text and choice positions into their text, in groups, maps and lists", () => {
    assert.deepEqual(coerceScalarsToText({ matcher: 200, mode: 2, tags: { CostCode: 1234, Flag: true }, names: [7, "x", false] }, setting), {
      matcher: "200",
      mode: "2",
      tags: { CostCode: "1234", Flag: "true" },
      names: ["7", "x", "false"],
    });
  });

  it("leaves numbers and booleans where the declaration takes them, unknown keys and wrong shapes to the schema", () => {
    const written = { count: 3, enabled: true, counts: [1, 2], unknownKey: 5, tags: [1], names: { a: 1 } };
    assert.deepEqual(coerceScalarsToText(written, setting), written);
    assert.equal(coerceScalarsToText(200, setting), 200);
    assert.equal(coerceScalarsToText(null, setting), null);
  });
});

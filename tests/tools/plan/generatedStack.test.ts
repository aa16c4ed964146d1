import * as assert from "node:assert/strict";
import { parseConfig } from "../../../infra/config";
import { physicalNamePrefix } from "../../../components/lib/naming";
import { generatedStackFile } from "../../../tools/plan/generatedStack";

/** The blueprint keys of a stack file as the program reads them (JSON values decoded). */
function blueprintConfig(config: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([key]) => key.startsWith("blueprint:"))
      .map(([key, value]) => {
        try {
          return [key.slice("blueprint:".length), JSON.parse(value) as unknown];
        } catch {
          return [key.slice("blueprint:".length), value];
        }
      }),
  );
}

describe("generated stacks (tools/plan/generatedStack.ts)", () => {
  it("are valid stacks for every region count the benchmark and the tests plan, 1 to 10, with either cache", () => {
    for (let count = 1; count <= 10; count++) {
      for (const cache of ["global", "regional"] as const) {
        if (cache === "global" && count > 3) continue; // a Global Datastore has at most two secondaries
        const file = generatedStackFile(count, { cache });
        assert.doesNotThrow(
          () => parseConfig(blueprintConfig(file.config), { namePrefix: physicalNamePrefix("blueprint", file.stack) }),
          `${count} regions, ${cache} cache`,
        );
      }
    }
  });
});

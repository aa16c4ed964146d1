import * as assert from "node:assert/strict";
import { derived, integer, section, type SectionHandle } from "../../../../components/lib/settings";
import { fieldPath, StackSettings, valueAt } from "../../../../components/lib/settings/engine";
import type { Section } from "../../../../components/lib/settings/section";
import { ENVIRONMENT_FACTS } from "../../../../infra/environments";

const FRAME = {
  environment: "prod" as const,
  regions: [{ name: "eu-west-1", azCount: 3, primary: true }],
  primaryRegion: "eu-west-1",
  namePrefix: "blueprint-test",
};
const handle = <V>(key: string): SectionHandle<V> => ({ key });
const engine = (sections: readonly Section<unknown, string>[], raw: Record<string, unknown>, frame: typeof FRAME | Omit<typeof FRAME, "environment"> = FRAME) =>
  new StackSettings(sections, ENVIRONMENT_FACTS, raw, frame);

describe("settings: the engine", () => {
  const a = section("a", {
    description: "A.",
    keys: { size: integer({ description: "Size.", default: 2 }) },
    check: (value) => (value.size > 3 ? [{ field: "size", message: "is too big" }] : []),
  });
  const b = section("b", {
    description: "B.",
    keys: { twice: integer({ description: "Twice a.", default: derived("twice a.size", ({ section: of }) => 2 * of(a).size) }) },
    check: (value, scope) => (value.twice > 5 ? [{ path: ["a", "size"], message: `makes b.twice ${value.twice}` }] : scope.written("twice") ? [] : []),
  });

  it("resolves sections lazily, each reading another's value", () => {
    assert.deepEqual(engine([a, b] as Section<unknown, string>[], {}).all(), { a: { size: 2 }, b: { twice: 4 } });
    assert.deepEqual(engine([b, a] as Section<unknown, string>[], { a: { size: 3 } }).value(b), { twice: 6 });
  });

  it("turns problems into key paths: fields under the section, paths as given", () => {
    assert.deepEqual(engine([a, b] as Section<unknown, string>[], { a: { size: 4 } }).problems(), [
      { path: ["a", "size"], message: "is too big", showValue: false },
      { path: ["a", "size"], message: "makes b.twice 8", showValue: false },
    ]);
  });

  it("without a known environment reports only problems at keys the stack file writes", () => {
    const { environment: _environment, ...unknown } = FRAME;
    assert.deepEqual(engine([a, b] as Section<unknown, string>[], { b: {} }, unknown).problems(), []);
    assert.equal(engine([a, b] as Section<unknown, string>[], { a: { size: 4 } }, unknown).problems().length, 2);
  });

  it("names a loop between sections and an undeclared section", () => {
    const x: Section<unknown, string> = { key: "x", setting: a.setting, showValues: false, resolve: (_raw, scope) => scope.section(handle("y")) };
    const y: Section<unknown, string> = { key: "y", setting: a.setting, showValues: false, resolve: (_raw, scope) => scope.section(handle("x")) };
    assert.throws(() => engine([x, y], {}).value(x), /Config sections depend on each other in a loop: x -> y -> x/);
    assert.throws(() => engine([x], {}).value(handle("nope")), /No config section 'nope' is declared/);
  });

  it("reads paths of untyped values", () => {
    assert.deepEqual(fieldPath("logExports.2.name"), ["logExports", 2, "name"]);
    assert.deepEqual(fieldPath(""), []);
    assert.equal(valueAt({ a: [{ b: 1 }] }, ["a", 0, "b"]), 1);
    assert.equal(valueAt({ a: 1 }, ["a", "b"]), undefined);
  });
});

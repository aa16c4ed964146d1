import * as assert from "node:assert/strict";
import fc from "fast-check";
import {
  byEnvironment,
  choice,
  decimal,
  derived,
  flag,
  fromEnvironment,
  group,
  integer,
  list,
  map,
  text,
  type DefaultScope,
} from "../../../../components/lib/settings";
import { resolveSetting } from "../../../../components/lib/settings/resolve";
import type { AnySetting } from "../../../../components/lib/settings/setting";
import { ENVIRONMENT_FACTS } from "../../../../infra/environments";

const scope = (environment: "dev" | "staging" | "prod" = "prod", extra: Partial<DefaultScope> = {}): DefaultScope => ({
  environment,
  facts: ENVIRONMENT_FACTS[environment],
  regions: [{ name: "eu-west-1", azCount: 3, primary: true }],
  primaryRegion: "eu-west-1",
  namePrefix: "blueprint-test",
  siblings: {},
  section: () => {
    throw new Error("no sections in this test");
  },
  ...extra,
});
const resolve = (setting: unknown, raw: unknown, at: DefaultScope = scope()) => resolveSetting(setting as AnySetting, raw, at);

describe("settings: resolution", () => {
  it("keeps a written value of the right type and falls back to the default otherwise", () => {
    const port = integer({ description: "A port.", default: 6379 });
    assert.equal(resolve(port, 6380), 6380);
    assert.equal(resolve(port, undefined), 6379);
    assert.equal(resolve(port, "6380"), 6379);
    assert.equal(resolve(text({ description: "A name.", default: "app" }), 42), "app");
    assert.equal(resolve(flag({ description: "On.", default: true }), "yes"), true);
    assert.equal(resolve(decimal({ description: "A share.", default: 0.5 }), 0.25), 0.25);
  });

  it("accepts only a choice's values", () => {
    const mode = choice(["global", "regional"] as const, { description: "How.", default: "regional" });
    assert.equal(resolve(mode, "global"), "global");
    assert.equal(resolve(mode, "cluster"), "regional");
  });

  it("takes the environment's default, a derived one, or an environment fact", () => {
    const replicas = integer({
      description: "Replicas.",
      default: byEnvironment({ dev: 0, staging: 1, prod: derived("one per AZ", ({ regions }) => regions[0].azCount) }),
    });
    assert.deepEqual(
      ["dev", "staging", "prod"].map((environment) => resolve(replicas, undefined, scope(environment as "dev"))),
      [0, 1, 3],
    );
    const retention = integer({ description: "Days.", default: fromEnvironment("logRetentionDays", "the environment's log retention") });
    assert.deepEqual(
      ["dev", "staging", "prod"].map((environment) => resolve(retention, undefined, scope(environment as "dev"))),
      [7, 365, 365],
    );
  });

  it("resolves a group's keys in order, each default seeing the keys before it", () => {
    const tier = group(
      {
        minSize: integer({ description: "Fewest.", default: 2 }),
        desired: integer({ description: "At start.", default: derived("minSize", ({ siblings }) => siblings.minSize as number) }),
        note: text({ description: "A note.", optional: true }),
      },
      { description: "A tier." },
    );
    assert.deepEqual(resolve(tier, { minSize: 5 }), { minSize: 5, desired: 5 });
    assert.deepEqual(resolve(tier, "not a map"), { minSize: 2, desired: 2 });
    assert.deepEqual(resolve(tier, { note: "x" }), { minSize: 2, desired: 2, note: "x" });
  });

  it("gives a nested group's defaults its parent's keys", () => {
    const queue = group(
      {
        type: choice(["standard", "fifo"] as const, { description: "Kind.", default: "standard" }),
        deadLetter: group(
          {
            type: choice(["standard", "fifo"] as const, { description: "Kind.", default: derived("the queue's type", ({ parent }) => parent!.type as "fifo") }),
          },
          { description: "DLQ." },
        ),
      },
      { description: "A queue." },
    );
    assert.deepEqual(resolve(queue, { type: "fifo" }), { type: "fifo", deadLetter: { type: "fifo" } });
  });

  it("leaves an optional group out unless every required key is usable", () => {
    const domain = group(
      { name: text({ description: "Name.", required: true }), label: text({ description: "Label.", default: "api" }) },
      { description: "Domain.", optional: true },
    );
    assert.equal(resolve(domain, undefined), undefined);
    assert.equal(resolve(domain, { label: "x" }), undefined);
    assert.deepEqual(resolve(domain, { name: "example.com" }), { name: "example.com", label: "api" });
  });

  it("takes a list only when every item is of the item's type, and resolves group items with their defaults", () => {
    const names = list(text({ description: "", required: true }), { description: "Names.", default: ["/read/*"] });
    assert.deepEqual(resolve(names, ["a", "b"]), ["a", "b"]);
    assert.deepEqual(resolve(names, ["a", 2]), ["/read/*"]);
    const queues = list(group({ name: text({ description: "", required: true }), size: integer({ description: "", default: 5 }) }, { description: "" }), {
      description: "Queues.",
      default: [{ name: "jobs" }],
    });
    assert.deepEqual(resolve(queues, undefined), [{ name: "jobs", size: 5 }]);
    assert.deepEqual(resolve(queues, [{ name: "a", size: 2 }, "junk"]), [{ name: "a", size: 2 }, { size: 5 }]);
  });

  it("keeps a map's entries of the right type", () => {
    const tags = map(text({ description: "", required: true }), { description: "Tags.", default: {} });
    assert.deepEqual(resolve(tags, { a: "1", b: 2 }), { a: "1" });
    assert.deepEqual(resolve(tags, ["a"]), {});
  });

  it("never shares a default's array with the resolved value", () => {
    const names = list(text({ description: "", required: true }), { description: "Names.", default: ["a"] });
    const first = resolve(names, undefined) as string[];
    first.push("b");
    assert.deepEqual(resolve(names, undefined), ["a"]);
  });

  it("property: a written integer always survives resolution, anything else gives the default", () => {
    const setting = integer({ description: "N.", default: 7 });
    fc.assert(fc.property(fc.anything(), (value) => Object.is(resolve(setting, value), typeof value === "number" ? value : 7)));
  });
});

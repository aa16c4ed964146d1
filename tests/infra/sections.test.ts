import * as assert from "node:assert/strict";
import { ENVIRONMENTS } from "../../components/lib/settings";
import type { AnySetting, GroupSetting, Keys } from "../../components/lib/settings/setting";
import { ENGINE_SECTIONS } from "../../infra/sections";
import { frame, stackSettings } from "../support/sections";

/** Every declared key below a setting, with its dotted path. */
function keysOf(setting: AnySetting, path: string): Array<[string, AnySetting]> {
  if (setting.kind === "group") {
    return Object.entries((setting as GroupSetting<Keys>).keys).flatMap(([key, child]) => [
      [`${path}.${key}`, child as AnySetting] as [string, AnySetting],
      ...keysOf(child as AnySetting, `${path}.${key}`),
    ]);
  }
  if (setting.kind === "list" && setting.item?.kind === "group") return keysOf(setting.item, `${path}[]`);
  return [];
}

const declared = ENGINE_SECTIONS;

describe("the config sections", () => {
  it("each have their own key", () => {
    const keys = ENGINE_SECTIONS.map((section) => section.key);
    assert.equal(new Set(keys).size, keys.length, keys.join(", "));
  });

  it("describe every key, and leave defaults to the declaration (no description restates one)", () => {
    for (const section of declared) {
      assert.ok(section.setting.description.length > 10, `${section.key} has no description`);
      for (const [path, setting] of keysOf(section.setting, section.key || "blueprint")) {
        assert.ok(setting.description.length > 10, `${path} has no description`);
        assert.doesNotMatch(setting.description, /\bDefault\b/, `${path} states its default in prose; declare it`);
      }
    }
  });

  it("resolve and pass every rule with nothing written, in every environment on its usual number of regions", () => {
    const regions = ["us-east-1", "eu-west-1", "ap-southeast-2"];
    // dev runs one region (its database is single-region); staging and prod two or three
    const counts = { dev: [1], staging: [2, 3], prod: [2, 3] };
    for (const environment of ENVIRONMENTS) {
      for (const count of counts[environment]) {
        const settings = stackSettings({ environment, owner: "team", costCenter: "cc", regions: [] }, frame(environment, regions.slice(0, count)));
        const problems = settings.problems().filter((issue) => issue.path[0] !== "regions" && issue.path.length > 0);
        assert.deepEqual(problems, [], `${environment} with ${count} region(s)`);
        // every section but the optional domain is there with its defaults
        for (const section of declared) assert.equal(settings.value(section) === undefined, section.key === "domain", section.key);
      }
    }
  });
});

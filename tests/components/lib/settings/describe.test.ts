import * as assert from "node:assert/strict";
import { byEnvironment, choice, derived, fromEnvironment, group, integer, list, text } from "../../../../components/lib/settings";
import { allowedText, defaultsByEnvironment, defaultText, formatValue, typeText } from "../../../../components/lib/settings/describe";
import { schemaDescription, settingSchema } from "../../../../components/lib/settings/schema";
import type { AnySetting } from "../../../../components/lib/settings/setting";
import { ENVIRONMENT_FACTS } from "../../../../infra/environments";

const any = (setting: unknown) => setting as AnySetting;

describe("settings: the words of the reference", () => {
  it("formats values as the reference prints them", () => {
    assert.deepEqual(
      [formatValue("a"), formatValue(3), formatValue(false), formatValue(["a", 1]), formatValue({}), formatValue({ name: "jobs" })],
      ["a", "3", "false", "[a, 1]", "{}", "{name: jobs}"],
    );
  });

  it("says a default once when every environment agrees, else per environment, and quotes derivations and facts", () => {
    assert.equal(defaultText(any(integer({ description: "", default: 60 })), ENVIRONMENT_FACTS), "60");
    assert.equal(defaultText(any(integer({ description: "", default: byEnvironment({ dev: 1, staging: 1, prod: 1 }) })), ENVIRONMENT_FACTS), "1");
    assert.equal(
      defaultText(any(integer({ description: "", default: byEnvironment({ dev: 0, staging: 1, prod: 2 }) })), ENVIRONMENT_FACTS),
      "dev 0, staging 1, prod 2",
    );
    assert.equal(defaultText(any(text({ description: "", default: derived("the queue's type", () => "x") })), ENVIRONMENT_FACTS), "the queue's type");
    assert.equal(
      defaultText(any(integer({ description: "", default: fromEnvironment("logRetentionDays", "the environment's log retention") })), ENVIRONMENT_FACTS),
      "the environment's log retention (dev 7, staging 365, prod 365)",
    );
    assert.deepEqual(
      defaultsByEnvironment(
        any(integer({ description: "", default: byEnvironment({ dev: 0, staging: derived("two", () => 2), prod: 2 }) })),
        ENVIRONMENT_FACTS,
      ),
      {
        dev: "0",
        staging: "two",
        prod: "2",
      },
    );
    assert.equal(defaultText(any(text({ description: "", optional: true })), ENVIRONMENT_FACTS), "none");
    assert.equal(defaultText(any(text({ description: "", optional: true, absentMeans: "no mail" })), ENVIRONMENT_FACTS), "no mail");
    assert.equal(defaultText(any(text({ description: "", required: true })), ENVIRONMENT_FACTS), undefined);
    assert.equal(defaultText(any(list(text({ description: "", required: true }), { description: "", default: ["/read/*"] })), ENVIRONMENT_FACTS), "[/read/*]");
  });

  it("names types and allowed values from the declaration", () => {
    assert.equal(typeText(any(choice(["a", "b"] as const, { description: "", default: "a" }))), "`a` | `b`");
    assert.equal(typeText(any(list(text({ description: "", required: true }), { description: "", default: [] }))), "list of strings");
    assert.equal(typeText(any(list(group({}, { description: "" }), { description: "", default: [] }))), "list of maps");
    assert.equal(allowedText(any(integer({ description: "", range: { min: 1, max: 5 }, unit: "seconds", default: 1 }))), "1 to 5 seconds");
    assert.equal(allowedText(any(integer({ description: "", values: [1, 3], default: 1 }))), "one of 1, 3");
    assert.equal(
      allowedText(any(list(text({ description: "", required: true }), { description: "", length: { min: 2, max: 6 }, required: true }))),
      "2 to 6 items",
    );
    assert.equal(allowedText(any(text({ description: "", default: "" }))), undefined);
  });

  it("ends the schema's description with the allowed values and the default", () => {
    const setting = any(integer({ description: "Replicas.", range: { min: 0, max: 5 }, default: byEnvironment({ dev: 0, staging: 1, prod: 2 }) }));
    assert.equal(schemaDescription(setting, ENVIRONMENT_FACTS), "Replicas. Allowed: 0 to 5. Default: dev 0, staging 1, prod 2.");
  });

  it("builds a strict schema: unknown keys and wrong types refused, required keys required, ranges for editors", () => {
    const schema = settingSchema(
      any(
        group(
          { name: text({ description: "", required: true }), port: integer({ description: "", range: { min: 1, max: 9 }, default: 1 }) },
          { description: "" },
        ),
      ),
      ENVIRONMENT_FACTS,
    );
    assert.equal(schema.safeParse(undefined).success, true);
    assert.equal(schema.safeParse({ name: "a" }).success, true);
    assert.equal(schema.safeParse({}).success, false);
    assert.equal(schema.safeParse({ name: "a", other: 1 }).success, false);
    assert.equal(schema.safeParse({ name: "a", port: "1" }).success, false);
    // the range is the rules' to enforce (with their own message); the schema only shows it to editors
    assert.equal(schema.safeParse({ name: "a", port: 99 }).success, true);
  });
});

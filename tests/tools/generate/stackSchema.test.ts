import * as assert from "node:assert/strict";
import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { STRING_KEYS } from "../../../infra/configSchema";
import { renderStackSchema, STACK_SCHEMA_PATH } from "../../../tools/generate/stackSchema";
import { listStacks } from "../../../tools/plan/stackFile";

describe("stack file JSON Schema", () => {
  const schema = JSON.parse(readFileSync(STACK_SCHEMA_PATH, "utf8"));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

  it("is the one npm run generate writes from the declarations", () => {
    assert.equal(readFileSync(STACK_SCHEMA_PATH, "utf8"), renderStackSchema());
  });

  for (const stack of listStacks("stacks")) {
    it(`accepts stacks/Pulumi.${stack}.yaml`, () => {
      const document = parse(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8"));
      assert.equal(validate(document), true, JSON.stringify(validate.errors));
    });
  }

  it("flags typos, bad enums and patterns the way an editor would", () => {
    const document = parse(readFileSync("stacks/Pulumi.dev.yaml", "utf8"));
    document.config["blueprint:enviroment"] = "dev";
    document.config["blueprint:regions"][0].name = "us-east-9";
    document.config["blueprint:regions"][0].vpcCidr = "10.0.0.0/8";
    document.config["blueprint:network"].natGateways = "Double";
    assert.equal(validate(document), false);
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
    assert.deepEqual(problems, [
      "/config additionalProperties",
      "/config/blueprint:network/natGateways enum",
      "/config/blueprint:regions/0/name enum",
      "/config/blueprint:regions/0/vpcCidr pattern",
    ]);
  });

  it("declares exactly the required string keys in Pulumi.yaml, with descriptions", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8"));
    assert.equal(project.main, "infra/index.ts");
    assert.equal(project.stackConfigDir, "stacks");
    assert.deepEqual(Object.keys(project.config).sort(), [...STRING_KEYS].sort());
    for (const [key, declaration] of Object.entries<Record<string, string>>(project.config)) {
      assert.equal(declaration.type, "string", key);
      assert.ok(declaration.description.length > 20, key);
    }
  });
});
